"""Migration 0006: the database itself allows one running session and one open pause."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from builders import NOW
from builders import sql_rows as rows

from netui.db.engine import make_engine, open_database
from netui.db.migrate import downgrade_to, upgrade_to_head
from netui.domain.clock import FakeClock

SESSION = "INSERT INTO timer_session (planned_minutes, started_at, ended_at) VALUES (30, ?, ?)"
PAUSE = "INSERT INTO timer_pause (session_id, started_at, ended_at) VALUES (?, ?, ?)"


@pytest.fixture
def head(db_path: Path) -> Path:
    open_database(db_path, FakeClock(NOW)).close()
    return db_path


def write(path: Path, sql: str, *values: object) -> None:
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.execute(sql, values)
    finally:
        connection.close()


def test_a_second_running_session_is_refused_by_the_database(head: Path) -> None:
    write(head, SESSION, "2026-11-25 09:00:00", "2026-11-25 09:30:00")
    write(head, SESSION, "2026-11-26 09:00:00", None)
    write(head, SESSION, "2026-11-26 08:00:00", "2026-11-26 08:20:00")  # ended ones: any number
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        write(head, SESSION, "2026-11-26 10:00:00", None)
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        write(head, "UPDATE timer_session SET ended_at = NULL WHERE id = 1")
    assert rows(head, "SELECT count(*) FROM timer_session WHERE ended_at IS NULL") == [(1,)]


def test_a_second_open_pause_in_a_session_is_refused(head: Path) -> None:
    write(head, SESSION, "2026-11-26 09:00:00", None)
    write(head, PAUSE, 1, "2026-11-26 09:05:00", "2026-11-26 09:06:00")
    write(head, PAUSE, 1, "2026-11-26 09:10:00", None)
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        write(head, PAUSE, 1, "2026-11-26 09:20:00", None)


def test_new_columns_default_for_rows_written_without_them(head: Path) -> None:
    write(head, SESSION, "2026-11-26 09:00:00", None)
    assert rows(head, "SELECT goal_minutes, last_seen_at FROM timer_session") == [(30, None)]


def test_0006_settles_rows_the_indexes_would_refuse_and_keeps_their_time(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = make_engine(path)
    upgrade_to_head(engine, "0004")
    write(path, SESSION, "2026-11-24 09:00:00", None)
    write(path, SESSION, "2026-11-25 09:00:00", None)
    write(path, SESSION, "2026-11-26 09:00:00", None)
    write(path, PAUSE, 3, "2026-11-26 09:10:00", None)
    write(path, PAUSE, 3, "2026-11-26 09:20:00", None)

    upgrade_to_head(engine)
    sessions = rows(path, "SELECT id, ended_at FROM timer_session ORDER BY id")
    assert sessions == [
        (1, "2026-11-25 09:00:00"),  # each ended when the next one started
        (2, "2026-11-26 09:00:00"),
        (3, None),  # the newest goes on
    ]
    pauses = rows(path, "SELECT started_at, ended_at FROM timer_pause ORDER BY id")
    assert pauses == [
        ("2026-11-26 09:10:00", None),  # the earliest stays open and covers the other
        ("2026-11-26 09:20:00", "2026-11-26 09:20:00"),
    ]

    downgrade_to(engine, "0004")
    engine.dispose()
    columns = {row[1] for row in rows(path, "PRAGMA table_info(timer_session)")}
    assert {"last_seen_at", "goal_minutes"}.isdisjoint(columns)
    write(path, SESSION, "2026-11-27 09:00:00", None)  # no index any more
    assert rows(path, "SELECT count(*) FROM timer_session") == [(4,)]
