"""``--db`` opens exactly the file named, whatever its name; what is not a file is refused.

The name used to go into a SQLAlchemy URL as text, where ``?`` starts a query and ``%41``
is an escaped ``A``; and SQLite takes ``:memory:`` to mean "keep nothing".
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from cli_runner import Netui

from netui.services.context import open_services

ODD_NAMES = ["what?x=1.db", "a%41b.db", "hash#tag.db", "with space.db", "all ?%# of it.db"]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names_in(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


@pytest.mark.parametrize("name", ODD_NAMES)
def test_every_command_uses_the_file_named(cmd: Netui, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    cmd.ok("add", "Ann Lee", db=path)
    cmd.ok("set", "1", "--status", "top20", db=path)
    assert [c["full_name"] for c in cmd.json("contacts", db=path)] == ["Ann Lee"]
    assert cmd.json("db", "check", db=path)["integrity"] == "ok"
    copy = tmp_path / f"copy of {name}"
    cmd.ok("db", "backup", str(copy), db=path)
    assert cmd.json("top20", db=copy)["contacts"][0]["full_name"] == "Ann Lee"
    assert names_in(tmp_path) == sorted([name, copy.name, "backups"])
    [daily] = (tmp_path / "backups").iterdir()  # made by set, the first write on a day
    assert cmd.json("contacts", db=daily)[0]["full_name"] == "Ann Lee"
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_question_mark_does_not_reach_the_file_before_it(cmd: Netui, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY, path TEXT)")
    conn.close()
    before = digest(other)
    cmd.ok("add", "Ann Lee", db=tmp_path / "other.db?x=1")
    assert digest(other) == before
    with sqlite3.connect(tmp_path / "other.db?x=1") as conn:
        assert conn.execute("SELECT full_name FROM contact").fetchall() == [("Ann Lee",)]
    conn.close()


def test_a_percent_escape_is_not_decoded(cmd: Netui, tmp_path: Path) -> None:
    cmd.ok("add", "Ann Lee", db=tmp_path / "a%41b.db")
    assert names_in(tmp_path) == ["a%41b.db"]
    assert (tmp_path / "a%41b.db").stat().st_mode & 0o777 == 0o600


COMMANDS = [["contacts"], ["add", "Ann Lee"], ["show", "1"], ["db", "check"], []]


@pytest.mark.parametrize("args", COMMANDS)
def test_memory_is_refused(
    cmd: Netui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    err = cmd.fail(*args, db=Path(":memory:"))
    assert err.startswith("netui: error: :memory: is SQLite's in-memory database")
    assert names_in(tmp_path) == []


@pytest.mark.parametrize("args", COMMANDS)
def test_an_empty_name_is_refused(
    cmd: Netui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cmd.run(*args, "--db", "", db=False)
    assert result.exit_code == 1
    assert result.stderr == "netui: error: the database needs a file name, such as contacts.db\n"
    assert names_in(tmp_path) == []


@pytest.mark.parametrize("args", COMMANDS)
def test_a_device_is_refused(cmd: Netui, args: list[str]) -> None:
    err = cmd.fail(*args, db=Path("/dev/null"))
    assert err == (
        "netui: error: /dev/null is not a regular file (a device, pipe or socket); netui "
        "keeps its database in a file. Left as is\n"
    )
    assert not Path("/dev/null-wal").exists()
    assert not Path("/dev/null-shm").exists()


@pytest.mark.parametrize("args", COMMANDS)
def test_a_pipe_is_refused_without_waiting_for_a_writer(
    cmd: Netui, tmp_path: Path, args: list[str]
) -> None:
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    assert "is not a regular file" in cmd.fail(*args, db=fifo)
    assert names_in(tmp_path) == ["pipe.db"]


def test_a_refused_database_gets_no_wal_files_beside_it(cmd: Netui, tmp_path: Path) -> None:
    newer = tmp_path / "newer.db"
    open_services(newer, cmd.clock).close()
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    assert names_in(tmp_path) == ["newer.db"]  # closed cleanly: its -wal and -shm are gone
    for args in COMMANDS:
        assert "newer netui" in cmd.fail(*args, db=newer)
        assert names_in(tmp_path) == ["newer.db"], args


def test_checking_a_closed_database_leaves_nothing_beside_it(cmd: Netui, db: Path) -> None:
    cmd.ok("add", "Ann Lee")
    assert names_in(db.parent) == ["netui.db"]
    cmd.ok("db", "check")
    assert names_in(db.parent) == ["netui.db"]
