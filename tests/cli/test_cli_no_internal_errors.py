""" "internal error" is for bugs: every way a file, a path, a number or a disk can be wrong
is said in one line, by every command.

Each case below prepares a database (or what stands in for one) and runs every command
on it; none may print "internal error" or a traceback, and each failure is exit 1 with
one line on stderr.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from cli_runner import Netui
from damage import damage_trials, filled_database
from full_disk import LONG, fill_the_disk
from sqlalchemy import event

import netui.cli.base
import netui.db.engine

HUGE = str(2**63)
COMMANDS = [
    ["contacts"],
    ["show", "{id}"],
    ["top20"],
    ["dupes"],
    ["settings", "show"],
    ["import", "--list"],
    ["add", "Ann Lee", "--notes", LONG],
    ["edit", "{id}", "--notes", LONG],
    ["set", "{id}", "--status", "later"],
    ["log", "{id}", "--channel", "call", "--outcome", "talked", "--note", LONG],
    ["merge", "{id}", "2", "--yes"],
    ["undo"],
    ["import", "{out}/people.csv"],
    ["import", "--undo", "{id}"],
    ["export", "{out}/contacts.csv", "--force"],
    ["db", "check"],
    ["db", "backup", "{out}/copy.db", "--force"],
    ["db", "backups"],
    ["db", "restore", "{out}/backup.db", "--yes"],
    ["script", "list"],
    ["script", "show", "Reconnect email"],
    ["script", "render", "Reconnect email", "--contact", "{id}"],
    ["script", "revisions", "LinkedIn message"],
    ["log", "{id}", "--script", "Reconnect email", "--outcome", "replied"],
    ["profile", "--name", LONG[:100]],
    ["profile"],
    ["stats"],
    ["stats", "--json"],
    ["report", "--week"],
    ["report", "--format", "html", "--output", "{out}/week.html"],
]

Setup = Callable[[Path, pytest.MonkeyPatch, ExitStack], Path]


def with_people(folder: Path) -> Path:
    return filled_database(folder / "data" / "netui.db", contacts=40)


def damaged(tmp: Path, _mp: pytest.MonkeyPatch, _stack: ExitStack) -> Path:
    folder = tmp / "sound"
    folder.mkdir()
    [(_seed, data)] = damage_trials(filled_database(folder / "sound.db", 150), folder, 1)
    path = tmp / "netui.db"
    path.write_bytes(data)
    return path


def named(name: str) -> Setup:
    return lambda tmp, _mp, _stack: tmp / name


def a_pipe(tmp: Path, _mp: pytest.MonkeyPatch, _stack: ExitStack) -> Path:
    os.mkfifo(tmp / "pipe.db")
    return tmp / "pipe.db"


def full(tmp: Path, monkeypatch: pytest.MonkeyPatch, _stack: ExitStack) -> Path:
    path = with_people(tmp)
    fill_the_disk(monkeypatch)
    return path


def locked(tmp: Path, monkeypatch: pytest.MonkeyPatch, stack: ExitStack) -> Path:
    path = with_people(tmp)
    monkeypatch.setattr(netui.cli.base, "WRITE_WAIT_MS", 50)
    monkeypatch.setattr("netui.services.restore.WAIT_SECONDS", 0.05)
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another program in the middle of a write
    stack.callback(writer.close)
    stack.callback(writer.execute, "ROLLBACK")
    return path


def read_only(tmp: Path, monkeypatch: pytest.MonkeyPatch, _stack: ExitStack) -> Path:
    """Writes refused by SQLite as on a read-only file (chmod does not stop root)."""
    path = with_people(tmp)
    make_engine = netui.db.engine.make_engine

    def refusing(*args: Any, **kwargs: Any) -> Any:
        engine = make_engine(*args, **kwargs)
        event.listen(engine, "connect", lambda c, _r: c.execute("PRAGMA query_only = 1"))
        return engine

    monkeypatch.setattr(netui.db.engine, "make_engine", refusing)
    return path


def unmakeable_folder(tmp: Path, _mp: pytest.MonkeyPatch, _stack: ExitStack) -> Path:
    (tmp / "a-file").write_text("not a folder")
    return tmp / "a-file" / "sub" / "netui.db"


def backups_blocked(tmp: Path, _mp: pytest.MonkeyPatch, _stack: ExitStack) -> Path:
    path = with_people(tmp)
    (path.parent / "backups").write_text("a file where the daily backups would go")
    return path


CASES: dict[str, Setup] = {
    "damaged": damaged,
    "question mark": named("odd?mode=memory.db"),
    "percent": named("a%41b.db"),
    "hash and space": named("a #1 b.db"),
    "memory": lambda _tmp, _mp, _stack: Path(":memory:"),
    "device": lambda _tmp, _mp, _stack: Path("/dev/null"),
    "pipe": a_pipe,
    "folder": lambda tmp, _mp, _stack: tmp,
    "huge ids": lambda tmp, _mp, _stack: with_people(tmp),
    "full disk": full,
    "locked": locked,
    "read-only": read_only,
    "folder that cannot be made": unmakeable_folder,
    "no room for backups": backups_blocked,
}


@pytest.fixture
def stack() -> Iterator[ExitStack]:
    with ExitStack() as cleanup:
        yield cleanup


def prepared_out(tmp_path: Path) -> Path:
    """What the commands read and write besides the database: a CSV, a sound backup."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "people.csv").write_text("Name,Email\nBo Chen,bo@example.com\n")
    filled_database(out / "backup.db", contacts=3)
    return out


@pytest.mark.parametrize("case", CASES)
def test_no_command_says_internal_error(
    cmd: Netui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stack: ExitStack, case: str
) -> None:
    out = prepared_out(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    here = tmp_path / "here"  # where a name like :memory: would land as a file
    here.mkdir()
    monkeypatch.chdir(here)
    path = CASES[case](work, monkeypatch, stack)
    run_every_command(cmd, path, out, HUGE if case == "huge ids" else "1", case)
    assert os.listdir(here) == []


def run_every_command(cmd: Netui, path: Path, out: Path, number: str, case: str) -> None:
    for args in COMMANDS:
        argv = [a.format(id=number, out=out) for a in args]
        result = cmd.run(*argv, db=path)
        said = (case, argv[:3], result.output[-400:])
        assert "internal error" not in result.output, said
        assert "Traceback" not in result.output, said
        if result.exit_code != 0:
            assert result.exit_code == 1, said
            assert result.stderr.startswith("netui: error: "), said
            assert result.stderr.count("\n") == 1, said


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write a read-only file anyway")
def test_a_read_only_file_in_a_read_only_folder(
    cmd: Netui, tmp_path: Path, stack: ExitStack
) -> None:
    out = prepared_out(tmp_path)
    path = with_people(tmp_path / "work")
    path.chmod(0o400)
    path.parent.chmod(0o500)
    stack.callback(path.parent.chmod, 0o700)
    run_every_command(cmd, path, out, "1", "read-only for real")
    run_every_command(cmd, path.parent / "new" / "netui.db", out, "1", "folder not writable")
