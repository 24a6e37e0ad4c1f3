"""``netui config path|show``, settings commands writing the file, and its warnings."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from cli_runner import Netui


@pytest.fixture
def settings_file() -> Path:
    """The test's own settings file (the root fixture's NETUI_CONFIG), not made yet."""
    return Path(os.environ["NETUI_CONFIG"])


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def test_config_path_names_the_file_netui_config_gives(
    cmd: Netui, settings_file: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert cmd.ok("config", "path") == f"{settings_file}\n"
    demo = tmp_path / "demo-settings.toml"
    monkeypatch.setenv("NETUI_CONFIG", str(demo))  # as the demo mode does
    assert cmd.ok("config", "path") == f"{demo}\n"
    assert cmd.ok("settings", "goal", "50") == "Daily goal: 50 minutes\n"
    assert demo.read_text("utf-8") == "daily_goal_minutes = 50\n"
    assert not settings_file.exists()


def test_config_show_says_where_each_value_comes_from(
    cmd: Netui, db: Path, settings_file: Path
) -> None:
    cmd.ok("contacts")  # makes the database
    connection = sqlite3.connect(db)
    with connection:  # what an older netui left there
        connection.execute("INSERT INTO setting VALUES ('top20_weeks', '8')")
    connection.close()
    write(
        settings_file, 'daily_goal_minutes = 45\ntheme = "nord"\n[keys]\n"contacts.top20" = "8"\n'
    )
    assert cmd.ok("config", "show").splitlines() == [
        f"# {settings_file}",
        "daily_goal_minutes = 45  # file",
        "top20_weeks = 8  # database",
        "bell = true  # default",
        'theme = "nord"  # file',
        "target_keywords = []  # default",
        "[working_hours]  # default",
        'start = "07:00"',
        'end = "22:00"',
        "[keys]  # file",
        '"contacts.top20" = "8"',
    ]
    shown = cmd.json("config", "show")
    assert shown["path"] == str(settings_file)
    assert shown["problems"] == []
    assert shown["settings"]["top20_weeks"] == {"value": 8, "source": "database"}
    assert shown["settings"]["working_hours"] == {
        "value": {"start": "07:00", "end": "22:00"},
        "source": "default",
    }
    assert shown["settings"]["keys"] == {"value": {"contacts.top20": "8"}, "source": "file"}


def test_every_command_warns_once_about_a_bad_file_and_goes_on(
    cmd: Netui, settings_file: Path
) -> None:
    write(settings_file, "daily_goal_minutes = 1000\nbel = true\n")
    result = cmd.run("timer", "status", "--json")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "netui: warning: settings.toml: daily_goal_minutes: must be a whole number from 1 to"
        " 480 (minutes)",
        "netui: warning: settings.toml: bel: unknown key (did you mean bell?)",
    ]
    assert '"goal_minutes": 30' in result.stdout  # the default, for the key it could not use


def test_a_syntax_error_is_one_warning_with_its_line(cmd: Netui, settings_file: Path) -> None:
    write(settings_file, "bell = false\ntheme = nord\n")
    result = cmd.run("contacts")
    assert result.exit_code == 0
    (line,) = result.stderr.splitlines()
    assert line.startswith("netui: warning: settings.toml: is not valid TOML: ")
    assert "line 2" in line


def test_a_write_into_a_broken_file_is_refused_and_the_file_kept(
    cmd: Netui, settings_file: Path
) -> None:
    write(settings_file, "bell = \n")
    result = cmd.run("settings", "goal", "45")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith(
        "netui: error: settings.toml: is not valid TOML"
    )
    assert settings_file.read_text("utf-8") == "bell = \n"


def test_config_show_checks_remaps_and_the_theme_against_the_app(
    cmd: Netui, settings_file: Path
) -> None:
    write(
        settings_file,
        'theme = "nordd"\n[keys]\n"contacts.top20" = "T"\n"contacts.later" = "8"\n"nope" = "z"\n',
    )
    result = cmd.run("config", "show")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        'netui: warning: settings.toml: theme: no theme is named "nordd" (did you mean nord?'
        ' "Theme" in the command palette lists them)',
        'netui: warning: settings.toml: keys."nope": unknown action',
        'netui: warning: settings.toml: keys."contacts.top20": "T" is already the key of'
        " contacts.triage_mode in the Contacts pane; choose another key or remap that one too",
    ]
    assert "theme = (Textual's default theme)  # default" in result.stdout
    assert '"contacts.later" = "8"' in result.stdout
    assert "contacts.top20" not in result.stdout


def test_settings_commands_write_the_file_and_keep_its_comments(
    cmd: Netui, settings_file: Path
) -> None:
    write(settings_file, "# mine\nbell = true  # loud\n")
    cmd.ok("settings", "bell", "off")
    cmd.ok("settings", "weeks", "6")
    cmd.ok("settings", "targets", "fintech, Product Manager")
    assert settings_file.read_text("utf-8") == (
        '# mine\nbell = false  # loud\ntop20_weeks = 6\ntarget_keywords = ["fintech",'
        ' "Product Manager"]\n'
    )
    assert cmd.json("settings", "show")["top20_weeks"] == 6


def test_audit_gaps_use_the_files_working_hours(cmd: Netui, settings_file: Path) -> None:
    calendars = Path(__file__).parents[1] / "io" / "fixtures" / "calendars"
    write(settings_file, '[working_hours]\nstart = "09:00"\nend = "17:00"\n')
    found = cmd.json("audit", "--ics", str(calendars / "broken_rule.ics"))
    assert found["calendar"]["waking_hours"] == "09:00-17:00"
    given = cmd.json("audit", "--ics", str(calendars / "broken_rule.ics"), "--waking", "8-12")
    assert given["calendar"]["waking_hours"] == "08:00-12:00"
