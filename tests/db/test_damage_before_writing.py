"""Damage SQLite can see stops every write before it starts, an upgrade included."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from builders import NOW
from damage import damage_trials, filled_database

from netui.db.engine import open_database
from netui.db.schema_version import REVISIONS
from netui.domain.clock import FakeClock
from netui.errors import DatabaseDamagedError
from netui.services.context import open_services
from netui.services.maintenance import damage_behind

CLOCK = FakeClock(NOW)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damaged_copy(sound: Path, folder: Path) -> Path:
    [(_seed, damaged)] = damage_trials(sound, folder, 1)
    path = folder / "damaged.db"
    path.write_bytes(damaged)
    return path


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    return damaged_copy(filled_database(tmp_path / "sound.db", contacts=150), tmp_path)


def test_opening_to_write_is_refused_and_to_read_is_not(damaged: Path) -> None:
    before = digest(damaged)
    with pytest.raises(DatabaseDamagedError, match="nothing was written"):
        open_services(damaged, CLOCK)
    open_services(damaged, CLOCK, writing=False).close()
    assert digest(damaged) == before


def test_an_old_damaged_database_is_neither_upgraded_nor_backed_up(tmp_path: Path) -> None:
    old = filled_database(tmp_path / "old.db", contacts=150)
    with sqlite3.connect(old) as conn:  # as a netui from before the last migration left it
        conn.execute("UPDATE alembic_version SET version_num = ?", (REVISIONS[0],))
    conn.close()
    path = damaged_copy(old, tmp_path)
    before = digest(path)
    for writing in (True, False):
        with pytest.raises(DatabaseDamagedError):
            open_services(path, CLOCK, writing=writing)
    with pytest.raises(DatabaseDamagedError):
        open_database(path, CLOCK)
    assert digest(path) == before
    assert list(tmp_path.glob("*.bak")) == []


def test_damage_behind_a_failure_is_found_only_where_there_is_some(
    tmp_path: Path, damaged: Path
) -> None:
    error = damage_behind(damaged)
    assert isinstance(error, DatabaseDamagedError)
    assert "netui db restore" in str(error)
    assert damage_behind(tmp_path / "sound.db") is None
    assert damage_behind(tmp_path / "missing.db") is None
    (tmp_path / "text.db").write_text("not a database")
    assert damage_behind(tmp_path / "text.db") is None
