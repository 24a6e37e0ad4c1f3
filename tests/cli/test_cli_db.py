"""``netui db path | check | backup`` and where the database is found."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_runner import Netui

from netui.domain.clock import FakeClock
from netui.services.context import open_services


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_db_path_precedence(cmd: Netui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from_env = tmp_path / "env.db"
    monkeypatch.setenv("NETUI_DB", str(from_env))
    assert cmd.ok("db", "path", db=False) == f"{from_env}\n"
    assert cmd.ok("db", "path", db=tmp_path / "flag.db") == f"{tmp_path / 'flag.db'}\n"
    assert cmd.ok("db", "path", "--db", str(tmp_path / "sub.db"), db=False) == (
        f"{tmp_path / 'sub.db'}\n"
    )
    assert cmd.ok("db", "--db", str(tmp_path / "grp.db"), "path", db=False) == (
        f"{tmp_path / 'grp.db'}\n"
    )
    # Given both before and after the subcommand, the later (subcommand) one wins.
    out = cmd.ok("db", "path", "--db", str(tmp_path / "sub.db"), db=tmp_path / "flag.db")
    assert out == f"{tmp_path / 'sub.db'}\n"


def test_default_database_is_in_the_private_data_folder(
    cmd: Netui, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("NETUI_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert cmd.ok("db", "path", db=False) == f"{tmp_path / 'xdg' / 'netui' / 'netui.db'}\n"


def test_db_option_works_before_and_after_the_subcommand(cmd: Netui, tmp_path: Path) -> None:
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    cmd.ok("add", "Ann Lee", db=first)
    cmd.ok("add", "Bo Chen", "--db", str(second), db=False)
    assert [c["full_name"] for c in cmd.json("contacts", db=first)] == ["Ann Lee"]
    assert [c["full_name"] for c in cmd.json("contacts", "--db", str(second), db=False)] == [
        "Bo Chen"
    ]


def test_new_database_is_private(cmd: Netui, tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "netui.db"
    cmd.ok("contacts", db=path)
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700


def test_check_reports_without_creating(cmd: Netui, db: Path) -> None:
    out = cmd.ok("db", "check")
    assert out.splitlines() == [
        f"Database: {db}",
        "State:    new (the file does not exist yet; netui creates it on first use)",
    ]
    assert not db.exists()


def test_check_a_current_database_does_not_modify_it(
    cmd: Netui, db: Path, add: Callable[..., int]
) -> None:
    add("Ann Lee")
    add("Bo Chen")
    cmd.ok("contacts")  # every connection closed: the file is complete on its own
    before, mtime = digest(db), db.stat().st_mtime_ns
    out = cmd.ok("db", "check")
    lines = out.splitlines()
    assert lines[0] == f"Database: {db}"
    assert lines[1].startswith("State:    current (schema ")
    assert lines[2] == "Contacts: 2"
    assert lines[3] == "Integrity: ok"
    report = cmd.json("db", "check")
    assert report["state"] == "current"
    assert report["contacts"] == 2
    assert report["revision"] == report["head"]
    assert digest(db) == before
    assert db.stat().st_mtime_ns == mtime


def test_check_an_outdated_database_does_not_upgrade_it(
    cmd: Netui, db: Path, add: Callable[..., int]
) -> None:
    add("Ann Lee")
    conn = sqlite3.connect(db)
    head = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    conn.close()
    if head == "0001":
        return  # nothing older to pretend to be
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = '0001'")
    conn.commit()
    conn.close()
    before = digest(db)
    report = cmd.json("db", "check")
    assert (report["state"], report["revision"]) == ("outdated", "0001")
    assert digest(db) == before
    assert list(db.parent.glob("*.bak")) == []


def test_backup_makes_a_readable_copy(
    cmd: Netui, db: Path, tmp_path: Path, add: Callable[..., int]
) -> None:
    add("Ann Lee", company="Larkspur Analytics")
    cmd.ok("set", "1", "--status", "top20")
    dest = tmp_path / "copies" / "copy.db"
    dest.parent.mkdir()
    out = cmd.ok("db", "backup", str(dest))
    assert out == f"Backed up {db} to {dest}\n"
    assert dest.stat().st_mode & 0o777 == 0o600
    copy = open_services(dest, cmd.clock)
    try:
        [contact] = copy.contacts.find()
        assert (contact.full_name, contact.company, contact.top20_rank) == (
            "Ann Lee",
            "Larkspur Analytics",
            1,
        )
    finally:
        copy.close()
    assert not list(dest.parent.glob(".*partial"))


def test_backup_refuses_to_overwrite_without_force(
    cmd: Netui, db: Path, tmp_path: Path, add: Callable[..., int]
) -> None:
    add("Ann Lee")
    dest = tmp_path / "copy.db"
    dest.write_bytes(b"precious")
    err = cmd.fail("db", "backup", str(dest))
    assert err == f"netui: error: DEST: {dest} already exists; add --force to replace it\n"
    assert dest.read_bytes() == b"precious"
    cmd.ok("db", "backup", str(dest), "--force")
    assert cmd.json("contacts", db=dest)[0]["full_name"] == "Ann Lee"


def test_backup_into_a_folder_picks_a_name(
    cmd: Netui, db: Path, tmp_path: Path, add: Callable[..., int]
) -> None:
    add("Ann Lee")
    folder = tmp_path / "copies"
    folder.mkdir()
    out = cmd.ok("db", "backup", str(folder))
    [copy] = folder.iterdir()
    assert copy.name.startswith("netui-backup-")
    assert copy.suffix == ".db"
    assert out.endswith(f" to {copy}\n")


def test_backup_of_no_database(cmd: Netui, db: Path, tmp_path: Path) -> None:
    err = cmd.fail("db", "backup", str(tmp_path / "x.db"))
    assert err == f"netui: error: there is no netui database at {db} to back up\n"
    assert not db.exists()
    assert not (tmp_path / "x.db").exists()


def test_backup_refusals(cmd: Netui, db: Path, tmp_path: Path, add: Callable[..., int]) -> None:
    add("Ann Lee")
    assert "is the database itself" in cmd.fail("db", "backup", str(db), "--force")
    assert "does not exist" in cmd.fail("db", "backup", str(tmp_path / "nope" / "x.db"))


def test_backups_lists_the_daily_copies(cmd: Netui, db: Path, clock: FakeClock) -> None:
    assert cmd.ok("db", "backups") == (
        f"No backups yet in {db.parent / 'backups'}: netui makes one a day when it writes.\n"
    )
    cmd.ok("add", "Ann Lee")
    cmd.ok("add", "Bo Chen")  # the day's first write to a file with data: a backup
    clock.advance(days=1)
    cmd.ok("add", "Cy Dee")
    [newer, older] = cmd.json("db", "backups")
    assert (newer["contacts"], older["contacts"]) == (2, 1)
    assert newer["day"] > older["day"]
    lines = cmd.ok("db", "backups").splitlines()
    assert lines[0].split() == ["Day", "Contacts", "Size", "Backup"]
    assert lines[1].split()[0:2] == [newer["day"], "2"]
    assert lines[1].endswith(newer["path"])
    assert lines[-1].endswith("Put one back with: netui db restore BACKUP")


def test_a_backup_that_cannot_be_made_adds_nothing_to_a_command(tmp_path: Path) -> None:
    """Run for real: under pytest, logging's own handlers would hide a printed warning."""
    path = tmp_path / "netui.db"
    run = [sys.executable, "-m", "netui", "--db", str(path), "add"]
    subprocess.run([*run, "Ann Lee"], check=True, capture_output=True)
    (tmp_path / "backups").write_text("a file where the daily backups would go")
    done = subprocess.run([*run, "Bo Chen"], capture_output=True, text=True, check=True)
    assert (done.stdout, done.stderr) == ("Added #2 Bo Chen\n", "")
