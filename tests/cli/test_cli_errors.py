"""Every failure is one line on stderr: exit 1 for problems, 2 for usage; never a traceback."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import pytest
from cli_runner import Netui

import netui.services.contacts
from netui.services.context import open_services


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def explode(self: object, *args: object, **kwargs: object) -> NoReturn:
    """Stands in for a service method, failing as a bug in netui would."""
    raise RuntimeError("the flux capacitor melted")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--last-contact", "blorp"],
            '--last-contact: could not read "blorp" as a date (try 2019, Mar 2021',
        ),
        (["--last-contact", "30 Feb 2021"], "--last-contact: could not read"),
        (
            ["--last-contact", "13/4/2021"],
            '--last-contact: could not read "13/4/2021" as a date (slashes',
        ),
        (["--email", "not-an-email"], '--email: "not-an-email" does not look like an email'),
        (["--email", "ok@fine.example,bad@"], '--email: "bad@" does not look like an email'),
        (["--strength", "9"], "--strength: must be 1 to 5, not 9"),
        (["--strength", "three"], '--strength: "three" is not a number from 1 to 5'),
        (["--cadence", "sometimes"], '--cadence: could not read "sometimes" as a cadence'),
        (["--cadence", "every 90 weeks"], "--cadence: could not read"),
    ],
)
def test_bad_input_is_one_line_exit_1(cmd: Netui, args: list[str], message: str) -> None:
    err = cmd.fail("add", "Ann Lee", *args)
    assert err.startswith(f"netui: error: {message}")
    assert cmd.json("contacts", "--status", "all") == []


def test_bad_edit_changes_nothing(cmd: Netui, add: Callable[..., int]) -> None:
    add("Ann Lee")
    cmd.fail("edit", "1", "--title", "CTO", "--last-contact", "blorp")
    assert cmd.json("show", "1")["title"] == ""


def test_blank_name(cmd: Netui) -> None:
    assert cmd.fail("add", "   ") == "netui: error: NAME: a contact needs a name\n"


def test_unknown_contact(cmd: Netui) -> None:
    assert cmd.fail("show", "42") == "netui: error: no contact with id 42\n"


@pytest.mark.parametrize(
    "args",
    [
        ["bogus"],
        ["add"],
        ["show", "abc"],
        ["show", "-3"],
        ["contacts", "--status", "maybe"],
        ["contacts", "--sort", "height"],
        ["add", "Ann", "--no-such-option"],
        ["log", "1", "--channel", "call"],
        ["demo", "--contacts", "0"],
        ["db", "backup"],
    ],
)
def test_usage_errors_exit_2(cmd: Netui, args: list[str]) -> None:
    err = cmd.fail(*args, code=2)
    assert "Usage: netui" in err


def test_internal_errors_are_one_line_without_traceback(
    cmd: Netui, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(netui.services.contacts.ContactService, "list_rows", explode)
    err = cmd.fail("contacts")
    assert err == (
        "netui: internal error: RuntimeError: the flux capacitor melted "
        "(run with NETUI_DEBUG=1 for details)\n"
    )


def test_netui_debug_0_is_off(cmd: Netui, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(netui.services.contacts.ContactService, "list_rows", lambda self: 1 / 0)
    monkeypatch.setenv("NETUI_DEBUG", "0")
    assert "internal error: ZeroDivisionError" in cmd.fail("contacts")


def test_netui_debug_lets_the_traceback_through(
    cmd: Netui, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(netui.services.contacts.ContactService, "list_rows", explode)
    monkeypatch.setenv("NETUI_DEBUG", "1")
    with pytest.raises(RuntimeError, match="flux capacitor"):
        cmd.run("contacts")


def test_os_errors_are_one_line(cmd: Netui, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    err = cmd.fail("contacts", db=blocker / "netui.db")
    assert err.startswith("netui: error: ")
    assert "a-file" in err


def test_the_app_is_not_started_where_no_database_can_be_made(cmd: Netui, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    err = cmd.fail(db=blocker / "sub" / "netui.db")  # no subcommand: the app
    assert err.startswith("netui: error: cannot create the folder for ")
    assert blocker.read_text() == "not a folder"


# --- files that are not netui's are refused and left exactly as they were ------------------

COMMANDS = [
    ["contacts"],
    ["add", "Ann Lee"],
    ["show", "1"],
    ["top20"],
    ["undo"],
    ["settings", "show"],
    ["db", "check"],
    ["db", "backup", "copy.db"],
    ["demo", "--contacts", "5"],
    ["report", "--week"],
    [],  # the app itself: refused before it starts
]


def assert_refused_untouched(cmd: Netui, path: Path, expected: str) -> None:
    before = digest(path)
    siblings = sorted(os.listdir(path.parent))
    for args in COMMANDS:
        err = cmd.fail(*args, db=path)
        assert expected in err, (args, err)
        assert digest(path) == before, args
    assert sorted(os.listdir(path.parent)) == siblings


def test_random_bytes_are_refused_untouched(cmd: Netui, tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(8192))
    assert_refused_untouched(cmd, junk, "is not a netui database (not a SQLite file)")


def test_a_text_file_is_refused_untouched(cmd: Netui, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping: eggs, flour\n")
    assert_refused_untouched(cmd, notes, "is not a netui database")


def test_a_foreign_sqlite_database_is_refused_untouched(cmd: Netui, tmp_path: Path) -> None:
    foreign = tmp_path / "photos.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY, path TEXT)")
    conn.execute("INSERT INTO photo (path) VALUES ('beach.jpg')")
    conn.commit()
    conn.close()
    assert_refused_untouched(cmd, foreign, "is a SQLite database but not a netui one")


def test_a_newer_netui_database_is_refused_untouched(cmd: Netui, tmp_path: Path) -> None:
    newer = tmp_path / "newer.db"
    services = open_services(newer, cmd.clock)
    services.close()
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = digest(newer)
    for args in COMMANDS:
        err = cmd.fail(*args, db=newer)
        assert "was written by a newer netui (schema '9999'" in err, (args, err)
        assert "upgrade netui" in err
    assert digest(newer) == before


def test_a_folder_is_refused(cmd: Netui, tmp_path: Path) -> None:
    err = cmd.fail("contacts", db=tmp_path)
    assert err == f"netui: error: {tmp_path} is a folder, not a netui database file\n"
