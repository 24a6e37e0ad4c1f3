"""``netui db restore``: only a sound netui backup, the file there kept, never while in use."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from cli_runner import Netui
from damage import damage_trials, filled_database

from netui.domain.clock import FakeClock
from netui.services.context import open_services


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names(cmd: Netui, path: Path) -> list[str]:
    return sorted(c["full_name"] for c in cmd.json("contacts", "--status", "all", db=path))


@pytest.fixture
def backed_up(cmd: Netui, db: Path) -> Path:
    """A database with Ann, Bo and Cy, and the day's backup taken when it held only Ann."""
    for name in ("Ann Lee", "Bo Chen", "Cy Dee"):
        cmd.ok("add", name)
    [backup] = (db.parent / "backups").iterdir()
    return backup


def kept_files(db: Path) -> list[Path]:
    return sorted(db.parent.glob(f"{db.name}.before-restore-*.bak"))


def test_restore_puts_the_backup_back_and_keeps_the_file_there(
    cmd: Netui, db: Path, backed_up: Path
) -> None:
    before = digest(db)
    out = cmd.ok("db", "restore", str(backed_up), "--yes")
    [kept] = kept_files(db)
    assert out == (
        f"Restored {backed_up} to {db} (1 contact)\nThe file that was there is kept as {kept}\n"
    )
    assert names(cmd, db) == ["Ann Lee"]
    assert names(cmd, kept) == ["Ann Lee", "Bo Chen", "Cy Dee"]
    assert stat.S_IMODE(db.stat().st_mode) == stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert digest(db) != before
    cmd.ok("add", "Di Eve")  # the restored file is a working database
    assert names(cmd, db) == ["Ann Lee", "Di Eve"]
    assert sorted(os.listdir(db.parent)) == sorted(["backups", db.name, kept.name])


def test_restore_asks_first(cmd: Netui, db: Path, backed_up: Path) -> None:
    before = digest(db)
    result = cmd.run("db", "restore", str(backed_up), input="n\n")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:2] == [
        f"Put back: {backed_up} (1 contact)",
        f"Over:     {db} (3 contacts)",
    ]
    assert result.stderr == "netui: error: nothing restored\n"
    assert digest(db) == before
    assert kept_files(db) == []
    result = cmd.run("db", "restore", str(backed_up), input="y\n")
    assert result.exit_code == 0
    assert names(cmd, db) == ["Ann Lee"]


def test_restore_refuses_while_another_netui_has_the_database_open(
    cmd: Netui, db: Path, backed_up: Path
) -> None:
    before = digest(db)
    app = open_services(db, cmd.clock)  # as the app holds it, idle
    try:
        app.contacts.counts()
        err = cmd.fail("db", "restore", str(backed_up), "--yes")
    finally:
        app.close()
    assert err == (
        "netui: error: the database is in use by another netui (the app, or a command still "
        "running); close it and try again. Nothing was restored\n"
    )
    assert digest(db) == before
    assert kept_files(db) == []


def test_restore_refuses_while_another_program_is_writing(
    cmd: Netui, db: Path, backed_up: Path
) -> None:
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        assert "is in use by another netui" in cmd.fail("db", "restore", str(backed_up), "--yes")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert kept_files(db) == []
    assert names(cmd, db) == ["Ann Lee", "Bo Chen", "Cy Dee"]


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    sound = filled_database(tmp_path / "sound.db", contacts=150)
    [(_seed, data)] = damage_trials(sound, tmp_path, 1)
    path = tmp_path / "damaged.db"
    path.write_bytes(data)
    return path


def test_restore_refuses_a_damaged_backup(
    cmd: Netui, db: Path, backed_up: Path, damaged: Path
) -> None:
    before = digest(db)
    err = cmd.fail("db", "restore", str(damaged), "--yes")
    assert err.startswith(f"netui: error: {damaged} is damaged (")
    assert err.endswith(
        "nothing was restored. Choose another backup (netui db backups lists them)\n"
    )
    assert digest(db) == before
    assert kept_files(db) == []


def test_restore_puts_a_backup_over_a_damaged_database(
    cmd: Netui, tmp_path: Path, damaged: Path
) -> None:
    path = tmp_path / "data" / "netui.db"
    path.parent.mkdir()
    damaged.rename(path)
    assert "is damaged" in cmd.fail("add", "Ann Lee", db=path)
    backup = filled_database(tmp_path / "backup.db", contacts=20)
    out = cmd.ok("db", "restore", str(backup), "--yes", db=path)
    assert "(20 contacts)" in out
    [kept] = kept_files(path)
    assert kept.stat().st_size > 0
    cmd.ok("add", "Ann Lee", db=path)
    assert len(cmd.json("contacts", "--status", "all", db=path)) == 21


def test_restore_into_a_new_place(cmd: Netui, tmp_path: Path, backed_up: Path) -> None:
    path = tmp_path / "new" / "folder" / "netui.db"
    assert cmd.ok("db", "restore", str(backed_up), "--yes", db=path) == (
        f"Restored {backed_up} to {path} (1 contact)\n"
    )
    assert names(cmd, path) == ["Ann Lee"]
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_restore_refuses_what_is_not_a_backup(
    cmd: Netui, db: Path, tmp_path: Path, backed_up: Path
) -> None:
    before = digest(db)
    text = tmp_path / "notes.txt"
    text.write_text("not a database")
    empty = tmp_path / "empty.db"
    empty.touch()
    foreign = tmp_path / "photos.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY)")
    conn.close()
    refusals = {
        str(tmp_path / "missing.db"): f"BACKUP: {tmp_path / 'missing.db'} is not a file",
        str(tmp_path): f"BACKUP: {tmp_path} is not a file",
        str(db): "BACKUP: is the database itself; choose a backup of it",
        str(text): "is not a netui database (not a SQLite file)",
        str(empty): f"{empty} holds no netui database; nothing was restored",
        str(foreign): "is a SQLite database but not a netui one",
    }
    for backup, message in refusals.items():
        assert message in cmd.fail("db", "restore", backup, "--yes"), backup
    assert digest(db) == before
    assert kept_files(db) == []


def test_restore_will_not_replace_a_file_that_is_not_netuis(
    cmd: Netui, tmp_path: Path, backed_up: Path
) -> None:
    foreign = tmp_path / "photos.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY)")
    conn.close()
    before = digest(foreign)
    err = cmd.fail("db", "restore", str(backed_up), "--yes", db=foreign)
    assert err.endswith(
        "is a SQLite database but not a netui one; left as is; nothing was restored\n"
    )
    assert digest(foreign) == before


def test_two_restores_in_one_second_keep_both_files(
    cmd: Netui, db: Path, backed_up: Path, clock: FakeClock
) -> None:
    cmd.ok("db", "restore", str(backed_up), "--yes")
    cmd.ok("db", "restore", str(backed_up), "--yes")
    assert len(kept_files(db)) == 2
