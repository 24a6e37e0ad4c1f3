"""Opening the file: private permissions, pragmas, and refusing files that are not ours."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest
from builders import NOW
from sqlalchemy import text

from netui.db.engine import open_database
from netui.domain.clock import FakeClock
from netui.errors import DatabaseFileError

CLOCK = FakeClock(NOW)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_database_folder_and_file_are_private(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "netui.db"
    db = open_database(path, CLOCK)
    db.close()
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700


def test_engine_uses_wal_foreign_keys_and_busy_timeout(tmp_path: Path) -> None:
    db = open_database(tmp_path / "n.db", CLOCK)
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 5000
    db.close()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not a netui database"),
        (b"name,email\nAnn,ann@example.com\n", "not a netui database"),
    ],
)
def test_files_that_are_not_sqlite_are_refused_and_left_alone(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "other.db"
    path.write_bytes(content)
    with pytest.raises(DatabaseFileError, match=expected):
        open_database(path, CLOCK)
    assert path.read_bytes() == content


def test_someone_elses_sqlite_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "photos.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE album (id INTEGER PRIMARY KEY, title TEXT)")
        conn.execute("INSERT INTO album (title) VALUES ('Summer')")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseFileError, match="not a netui one"):
        open_database(path, CLOCK)
    assert path.read_bytes() == before


def test_a_database_from_a_newer_netui_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    open_database(path, CLOCK).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseFileError, match="newer netui"):
        open_database(path, CLOCK)
    assert path.read_bytes() == before


def test_a_folder_in_place_of_the_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseFileError, match="folder"):
        open_database(tmp_path, CLOCK)


def test_an_empty_file_becomes_a_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    open_database(path, CLOCK).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM contact").fetchone() == (0,)
    conn.close()
