"""A damaged database: every command says so in one line, and nothing writes into it.

Twenty seeded trials flip bytes at different places in a database of 400 invented
people. Commands that only read may still show what is readable; every command that
writes is refused before it writes, and nothing prints "internal error".
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from cli_runner import Netui
from damage import damage_trials, filled_database

TRIALS = 20
READS = [
    ["contacts"],
    ["contacts", "--json", "--status", "all"],
    ["show", "5"],
    ["top20"],
    ["dupes"],
    ["settings", "show"],
    ["import", "--list"],
    ["export", "{out}/contacts.csv"],
    ["export", "{out}/backup.json"],
    ["db", "check"],
    ["profile"],
    ["script", "show", "Reconnect email"],
]
WRITES = [
    ["add", "Ann Lee"],
    ["edit", "4", "--title", "CTO"],
    ["set", "3", "--status", "later"],
    ["set", "2", "--strength", "4"],
    ["undo"],
    ["log", "2", "--channel", "call", "--outcome", "talked"],
    ["settings", "targets", "fintech"],
    ["merge", "6", "7", "--yes"],
    ["import", "{out}/people.csv"],
    ["import", "--undo", "1"],
    ["demo", "--contacts", "5"],
    ["db", "backup", "{out}/copy.db"],
    ["script", "list"],  # its first run adds the built-in scripts
    ["profile", "--name", "Sam Ortega"],
    ["log", "2", "--script", "LinkedIn message", "--outcome", "talked"],
]


@pytest.fixture(scope="module")
def trials(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[int, bytes]]:
    folder = tmp_path_factory.mktemp("damage")
    return damage_trials(filled_database(folder / "sound.db"), folder, TRIALS)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_there_are_twenty_trials(trials: list[tuple[int, bytes]]) -> None:
    assert len(trials) == TRIALS


@pytest.mark.parametrize("trial", range(TRIALS))
def test_no_command_writes_into_a_damaged_database(
    cmd: Netui, tmp_path: Path, trials: list[tuple[int, bytes]], trial: int
) -> None:
    seed, damaged = trials[trial]
    path = tmp_path / "data" / "netui.db"
    path.parent.mkdir()
    path.write_bytes(damaged)
    out = tmp_path / "out"
    out.mkdir()
    (out / "people.csv").write_text("Name,Email\nBo Chen,bo@example.com\n")
    before = digest(path)
    for kind, commands in (("read", READS), ("write", WRITES)):
        for args in commands:
            argv = [a.format(out=out) for a in args]
            result = cmd.run(*argv, db=path)
            said = (seed, argv, result.output)
            assert "internal error" not in result.output, said
            assert "Traceback" not in result.output, said
            assert digest(path) == before, said
            assert os.listdir(path.parent) == ["netui.db"], said  # no -wal, no backups
            if result.exit_code == 0:
                assert kind == "read", said
                continue
            assert result.exit_code == 1, said
            assert result.stderr.count("\n") == 1, said
            if kind == "write":
                assert "is damaged" in result.stderr, said
                assert "netui db restore" in result.stderr, said
    assert sorted(os.listdir(out)) == sorted(
        ["people.csv", *(n for n in ("contacts.csv", "backup.json") if (out / n).exists())]
    )


def test_text_that_is_not_utf8_is_damage(cmd: Netui, db: Path) -> None:
    cmd.ok("add", "Ann Lee", "--company", "Acme")
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE contact SET company = CAST(x'41ff42' AS TEXT)")
    connection.close()
    err = cmd.fail("contacts")
    assert err.startswith(f"netui: error: {db} is damaged (some stored text is not valid UTF-8)")
    assert "\\xff" not in err


def null_where_a_name_must_be(db: Path) -> None:
    """A NULL in ``contact.full_name``, which the schema forbids: damage no query reports."""
    connection = sqlite3.connect(db)
    try:
        (schema,) = connection.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'contact'"
        ).fetchone()
        connection.execute("PRAGMA writable_schema = ON")
        loose = schema.replace("full_name TEXT NOT NULL", "full_name TEXT")
        connection.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'contact'", (loose,))
        connection.commit()
    finally:
        connection.close()
    connection = sqlite3.connect(db)
    try:
        connection.execute("UPDATE contact SET full_name = NULL")
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'contact'", (schema,))
        connection.commit()
    finally:
        connection.close()


@pytest.mark.parametrize("args", [["contacts"], ["show", "1"], ["top20"], ["dupes"]])
def test_a_read_broken_by_damage_says_damaged_not_internal_error(
    cmd: Netui, db: Path, args: list[str]
) -> None:
    cmd.ok("add", "Ann Lee")
    cmd.ok("set", "1", "--status", "top20")
    null_where_a_name_must_be(db)
    err = cmd.fail(*args)
    assert err.startswith(f"netui: error: {db} is damaged")
