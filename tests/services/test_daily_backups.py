"""One backup a day, from a sound file, the last seven kept, readable only by you."""

from __future__ import annotations

import logging
import sqlite3
import stat
from datetime import timedelta
from pathlib import Path

import pytest
from damage import damage_trials, filled_database

from netui.domain.clock import FakeClock, local_today
from netui.domain.types import ContactDraft
from netui.errors import DatabaseDamagedError
from netui.services.context import open_services
from netui.services.safekeeping import KEEP, daily_backups


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def write_once(path: Path, clock: FakeClock, name: str = "Ann Lee") -> None:
    services = open_services(path, clock)
    try:
        services.contacts.add(ContactDraft(full_name=name))
    finally:
        services.close()


def test_the_first_write_of_a_day_backs_up_what_was_there(db_path: Path, clock: FakeClock) -> None:
    write_once(db_path, clock, "Ann Lee")  # a new file: nothing to back up yet
    assert daily_backups(db_path) == []
    write_once(db_path, clock, "Bo Chen")  # holds Ann: backed up before Bo goes in
    write_once(db_path, clock, "Cy Dee")  # already backed up today
    [backup] = daily_backups(db_path)
    assert backup.day == local_today(clock)
    assert backup.path == db_path.parent / "backups" / f"netui-{backup.day.isoformat()}.db"
    assert backup.contacts == 1
    assert (mode(backup.path), mode(backup.path.parent)) == (0o600, 0o700)
    with sqlite3.connect(backup.path) as conn:
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        assert conn.execute("SELECT full_name FROM contact").fetchall() == [("Ann Lee",)]
    conn.close()
    assert sorted(p.name for p in backup.path.parent.iterdir()) == [backup.path.name]


def test_reading_makes_no_backup(db_path: Path, clock: FakeClock) -> None:
    write_once(db_path, clock)
    open_services(db_path, clock, writing=False).close()
    assert daily_backups(db_path) == []
    assert not (db_path.parent / "backups").exists()


def test_the_last_seven_days_are_kept(db_path: Path, clock: FakeClock) -> None:
    write_once(db_path, clock, "Person 0")
    first_day = local_today(clock)
    for n in range(1, 11):
        clock.advance(days=1)
        write_once(db_path, clock, f"Person {n}")
    backups = daily_backups(db_path)
    assert len(backups) == KEEP == 7
    assert [b.day for b in backups] == [first_day + timedelta(days=d) for d in range(10, 3, -1)]
    assert [b.contacts for b in backups] == list(range(10, 3, -1))


def test_another_databases_backups_are_its_own(tmp_path: Path, clock: FakeClock) -> None:
    mine, other = tmp_path / "netui.db", tmp_path / "netui-work.db"
    for path in (mine, other, mine, other):
        write_once(path, clock)
    for _ in range(KEEP + 2):
        clock.advance(days=1)
        write_once(mine, clock)
    assert len(daily_backups(mine)) == KEEP
    assert len(daily_backups(other)) == 1


def test_a_damaged_file_is_not_backed_up(tmp_path: Path, clock: FakeClock) -> None:
    sound = filled_database(tmp_path / "sound.db", contacts=150)
    [(_seed, damaged)] = damage_trials(sound, tmp_path, 1)
    path = tmp_path / "netui.db"
    path.write_bytes(damaged)
    with pytest.raises(DatabaseDamagedError):
        open_services(path, clock)
    assert not (tmp_path / "backups").exists()


def test_a_backup_that_cannot_be_made_does_not_stop_the_work(
    db_path: Path, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    write_once(db_path, clock)
    (db_path.parent / "backups").write_text("a file where the folder would go")
    with caplog.at_level(logging.INFO):
        write_once(db_path, clock, "Bo Chen")
    assert "could not make today's backup" in caplog.text
    services = open_services(db_path, clock, writing=False)
    try:
        assert services.contacts.counts().total == 2
    finally:
        services.close()
