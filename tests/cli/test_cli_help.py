"""--version, --help everywhere, and settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from cli_runner import Netui

from netui import __version__
from netui.cli import cli

TOP_LEVEL = {
    "add",
    "audit",
    "config",
    "contacts",
    "db",
    "demo",
    "dupes",
    "edit",
    "export",
    "import",
    "log",
    "merge",
    "profile",
    "report",
    "script",
    "serve",
    "set",
    "settings",
    "show",
    "stats",
    "timer",
    "today",
    "top20",
    "undo",
}

TIMER_COMMANDS = ("start", "pause", "resume", "stop", "extend", "status", "resolve")


def command_paths(
    group: click.Group = cli, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[str, ...]]:
    for name, command in group.commands.items():
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from command_paths(command, (*prefix, name))


def test_version(cmd: Netui) -> None:
    assert cmd.ok("--version", db=False) == f"netui {__version__}\n"


def test_help_lists_every_command(cmd: Netui) -> None:
    out = cmd.ok("--help", db=False)
    assert out.startswith("Usage: netui [OPTIONS] [COMMAND] [ARGS]...")
    listed = out[out.index("Commands:") :].split()
    assert set(listed) >= TOP_LEVEL
    assert "--db PATH" in out
    assert "--version" in out
    assert cmd.ok("-h", db=False) == out


def test_every_command_is_covered() -> None:
    assert set(cli.commands) == TOP_LEVEL
    assert {p for p in command_paths() if len(p) == 2} == {
        ("config", "path"),
        ("config", "show"),
        ("db", "path"),
        ("db", "check"),
        ("db", "backup"),
        ("db", "backups"),
        ("db", "restore"),
        ("script", "list"),
        ("script", "show"),
        ("script", "render"),
        ("script", "edit"),
        ("script", "revisions"),
        ("settings", "targets"),
        ("settings", "show"),
        ("settings", "goal"),
        ("settings", "weeks"),
        ("settings", "bell"),
        *(("timer", name) for name in TIMER_COMMANDS),
    }


@pytest.mark.parametrize("path", list(command_paths()), ids=" ".join)
def test_help_on_every_command(cmd: Netui, path: tuple[str, ...], db: Path) -> None:
    out = cmd.ok(*path, "--help", db=False)
    assert out.startswith(f"Usage: netui {' '.join(path)}")
    if not isinstance(cli.commands[path[0]], click.Group) or len(path) == 2:
        assert "--db PATH" in out
    assert not db.exists()


def test_help_does_not_open_a_database(cmd: Netui, db: Path) -> None:
    cmd.ok("--help")
    cmd.ok("contacts", "--help")
    assert not db.exists()


def test_settings_targets_and_show(cmd: Netui) -> None:
    assert cmd.ok("settings", "show").splitlines()[:2] == [
        "Target keywords: none",
        "Theme: default",
    ]
    out = cmd.ok("settings", "targets", "fintech, Product Manager, , FINTECH")
    assert out == "Target keywords: fintech, Product Manager\n"
    assert cmd.ok("settings", "show").splitlines()[0] == "Target keywords: fintech, Product Manager"
    assert cmd.json("settings", "show") == {
        "target_keywords": ["fintech", "Product Manager"],
        "theme": None,
        "daily_goal_minutes": 30,
        "top20_weeks": 4,
        "bell": True,
    }
    assert cmd.ok("settings", "targets", "") == "Target keywords cleared\n"
    assert cmd.json("settings", "show")["target_keywords"] == []


def test_the_daily_session_settings(cmd: Netui) -> None:
    assert cmd.ok("settings", "goal", "45") == "Daily goal: 45 minutes\n"
    assert cmd.ok("settings", "weeks", "6") == "Top 20 spread over 6 weeks\n"
    assert cmd.ok("settings", "bell", "OFF") == "Bell: off\n"
    assert cmd.ok("settings", "show").splitlines()[2:] == [
        "Daily goal: 45 minutes",
        "Top 20 spread over: 6 weeks",
        "Bell: off",
    ]
    assert cmd.json("timer", "status")["goal_minutes"] == 45


@pytest.mark.parametrize(
    ("args", "named"),
    [(["goal", "0"], "daily goal"), (["goal", "100000"], "daily goal"), (["weeks", "0"], "weeks")],
)
def test_a_session_setting_out_of_range_is_refused(cmd: Netui, args: list[str], named: str) -> None:
    said = cmd.fail("settings", *args)
    assert named in said
    assert len(said.strip().splitlines()) == 1
    assert cmd.json("settings", "show")["daily_goal_minutes"] == 30


def test_targets_raise_priority(cmd: Netui) -> None:
    cmd.ok("add", "Ann Lee", "--title", "Product Manager")
    cmd.ok("add", "Bo Chen", "--title", "Chef")
    before = [c["full_name"] for c in cmd.json("contacts")]
    assert before == ["Ann Lee", "Bo Chen"]  # same score: by name
    cmd.ok("settings", "targets", "chef")
    assert [c["full_name"] for c in cmd.json("contacts")] == ["Bo Chen", "Ann Lee"]
