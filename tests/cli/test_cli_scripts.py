"""``netui script list|show|render|revisions`` and ``netui log --script``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from builders import sql_rows, store_raw
from cli_runner import Netui

from netui.domain.builtin_scripts import BUILTIN_SCRIPTS
from netui.domain.scripts import LINKEDIN_INVITE_LIMIT

ESCAPES = "\x1b\x07\x9b\u202e"
SUMMARY_KEYS = [
    "id", "name", "channel", "builtin_key", "edited", "has_draft", "updated_at", "used",
    "replied",
]  # fmt: skip
SCRIPT_KEYS = [
    "id", "name", "channel", "subject", "body", "limit", "builtin_key", "edited",
    "revision_id", "revision_number", "updated_at", "draft", "used", "replied",
]  # fmt: skip


def store_script_raw(db: Path, script_id: int, **columns: str) -> None:
    """Script text straight into the file, as another program might have left it."""
    store_raw(db, script_id, table="script", **columns)


@pytest.fixture
def ada(add: Callable[..., int]) -> int:
    return add("Ada Okafor", first_name="Ada", company="Larkspur Analytics")


def test_list_starts_with_the_builtins(cmd: Netui) -> None:
    out = cmd.ok("script", "list").splitlines()
    assert out[0].split() == ["ID", "Name", "Channel", "Used", "Replied"]
    assert [line.split("  ")[1].strip() for line in out[1:]] == [s.name for s in BUILTIN_SCRIPTS]
    listed = cmd.json("script", "list")
    assert [list(item) for item in listed] == [SUMMARY_KEYS] * len(BUILTIN_SCRIPTS)
    assert listed[1]["channel"] == "email"
    assert listed[1]["builtin_key"] == "email"
    assert (listed[1]["edited"], listed[1]["used"]) == (False, 0)
    assert len(cmd.json("script", "list")) == len(BUILTIN_SCRIPTS)  # added once


def test_once_the_builtins_are_in_reading_writes_nothing(cmd: Netui, db: Path) -> None:
    cmd.ok("script", "list")
    before = db.read_bytes()
    cmd.ok("script", "list")
    cmd.ok("script", "show", "Reconnect email")
    cmd.ok("script", "revisions", "Reconnect email")
    assert db.read_bytes() == before
    assert not (db.parent / "backups").exists()  # the first run had no data to back up


def test_show_a_script_by_name_in_any_case(cmd: Netui) -> None:
    out = cmd.ok("script", "show", "RECONNECT email")
    lines = out.splitlines()
    assert lines[0] == "#2  Reconnect email"
    assert "Channel:  Email" in lines
    assert "Subject:  Catching up, {first_name|after a long time}" in lines
    assert "Hi {first_name|there}," in lines
    shown = cmd.json("script", "show", "reconnect email")
    assert list(shown) == SCRIPT_KEYS
    assert (shown["revision_number"], shown["draft"], shown["limit"]) == (1, None, None)
    invite = cmd.json("script", "show", "linkedin invitation note")
    assert (invite["subject"], invite["limit"]) == (None, LINKEDIN_INVITE_LIMIT)


def test_render_prints_the_text_and_warns_on_stderr(cmd: Netui, ada: int) -> None:
    result = cmd.run("script", "render", "Reconnect email", "--contact", str(ada))
    assert result.exit_code == 0
    assert result.stdout.startswith("Subject: Catching up, Ada\n\nHi Ada,\n\n")
    assert "how Larkspur Analytics is treating you" in result.stdout
    warnings = result.stderr.splitlines()
    assert warnings
    assert all(line.startswith("netui: warning: ") for line in warnings)
    assert any("{my_name}" in line for line in warnings)


def test_render_json(cmd: Netui, ada: int) -> None:
    cmd.ok("profile", "--name", "Sam Ortega", "--situation", "between jobs", "--ask", "advice")
    rendered = cmd.json("script", "render", "linkedin invitation note", "--contact", str(ada))
    assert list(rendered) == ["text", "subject", "warnings", "length", "limit"]
    assert rendered["text"].startswith("Hi Ada, it's been a long time!")
    assert rendered["text"].endswith("Sam Ortega")
    assert (rendered["subject"], rendered["warnings"]) == (None, [])
    assert (rendered["length"], rendered["limit"]) == (len(rendered["text"]), 200)


def test_render_warns_when_the_text_is_over_the_channels_limit(
    cmd: Netui, ada: int, db: Path
) -> None:
    cmd.ok("script", "list")
    store_script_raw(db, 4, body="x" * 250)
    rendered = cmd.json("script", "render", "LinkedIn invitation note", "--contact", str(ada))
    assert rendered["warnings"] == ["250 characters: over the 200 this channel takes"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["script", "show", "Nope"], 'no script named "Nope"'),
        (["script", "revisions", "Nope"], 'no script named "Nope"'),
        (["script", "render", "Nope", "--contact", "1"], 'no script named "Nope"'),
        (["script", "render", "Reconnect email", "--contact", "42"], "no contact with id 42"),
        (["script", "render", "Reconnect email", "--contact", str(2**63)], "no contact with id"),
        (["script", "show", "[red]x[/red]\x1b[2J"], 'no script named "[red]x[/red][2J"'),
    ],
)
def test_unknown_scripts_and_contacts_are_one_line(
    cmd: Netui, args: list[str], message: str
) -> None:
    assert cmd.fail(*args).startswith(f"netui: error: {message}")


def test_render_needs_a_contact(cmd: Netui) -> None:
    assert "Missing option '--contact'" in cmd.fail("script", "render", "x", code=2)


def test_hostile_script_text_is_shown_literally_and_escape_free(
    cmd: Netui, ada: int, db: Path
) -> None:
    cmd.ok("script", "list")
    name = "[bold]Evil[/] \x1b[31mred\x07"
    store_script_raw(
        db, 3, name=name, body="[link=https://x.example]{first_name}[/link] \x1b]0;t\x07 \u202eok"
    )
    outputs = [
        cmd.ok("script", "list"),
        cmd.ok("script", "show", name),
        cmd.ok("script", "revisions", name),
        cmd.run("script", "render", name, "--contact", str(ada)).stdout,
    ]
    for out in outputs:
        assert not any(char in out for char in ESCAPES), out
    assert "[bold]Evil[/] [31mred" in outputs[0]
    assert "[link=https://x.example]{first_name}[/link]" in outputs[1]
    assert "[link=https://x.example]Ada[/link]" in outputs[3]
    assert cmd.json("script", "show", name)["name"] == name
    assert "\x1b" not in cmd.ok("script", "show", name, "--json")


def test_revisions_newest_first(cmd: Netui, ada: int, db: Path) -> None:
    cmd.ok("log", str(ada), "--script", "LinkedIn message", "--outcome", "talked")
    out = cmd.ok("script", "revisions", "linkedin message").splitlines()
    assert out[0] == '"LinkedIn message": 1 saved, newest first'
    assert out[1].split() == ["Rev", "Saved", "Used", "Begins"]
    assert out[2].split()[0] == "1"
    assert out[2].split()[3] == "1"  # used once
    (revision,) = cmd.json("script", "revisions", "linkedin message")
    assert list(revision) == ["id", "number", "saved_at", "used", "subject", "body"]
    assert (revision["number"], revision["used"]) == (1, 1)


# --- log --script ---------------------------------------------------------------------------


def test_log_with_a_script_records_its_latest_revision(cmd: Netui, ada: int, db: Path) -> None:
    out = cmd.ok("log", str(ada), "--script", "reconnect EMAIL", "--outcome", "replied")
    assert out == (
        'Logged email with #1 Ada Okafor: replied (script "Reconnect email", revision 1)\n'
    )
    script = cmd.json("script", "show", "Reconnect email")
    assert (script["used"], script["replied"]) == (1, 1)
    logged = cmd.json(
        "log", str(ada), "--script", "Reconnect email", "--channel", "call", "--outcome", "talked"
    )
    assert (logged["channel"], logged["script_revision_id"]) == ("call", script["revision_id"])
    assert (
        sql_rows(db, "SELECT script_revision_id FROM interaction") == [(script["revision_id"],)] * 2
    )
    history = cmd.json("show", str(ada))["interactions"]
    assert [item["script_revision_id"] for item in history] == [script["revision_id"]] * 2


def test_log_with_an_unknown_script_logs_nothing(cmd: Netui, ada: int, db: Path) -> None:
    err = cmd.fail("log", str(ada), "--script", "Nope", "--outcome", "replied")
    assert err == 'netui: error: no script named "Nope"\n'
    assert sql_rows(db, "SELECT count(*) FROM interaction") == [(0,)]


def test_log_needs_a_channel_or_a_script(cmd: Netui, ada: int) -> None:
    err = cmd.fail("log", str(ada), "--outcome", "replied", code=2)
    assert "Missing option '--channel' (or name the --script used)" in err
    assert cmd.json("log", str(ada), "--channel", "call", "--outcome", "talked")[
        "script_revision_id"
    ] is None  # fmt: skip
