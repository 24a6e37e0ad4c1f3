"""Migration 0005 readies scripts for the Script pane and keeps every row it finds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from builders import sql_rows as rows

from netui.db.engine import make_engine
from netui.db.migrate import downgrade_to, upgrade_to_head

# Scripts as the first schema could hold them: the old default channel, names that differ
# only in case, one without a revision and one whose revisions lag behind its text.
OLD_ROWS = (
    "INSERT INTO contact (id, full_name, created_at, updated_at, uid)"
    " VALUES (1, 'Odile Marsh', '2026-01-01', '2026-01-01', 'uid-odile')",
    "INSERT INTO script (id, name, channel, body, created_at, updated_at) VALUES"
    " (1, 'Hello again', 'message', 'Hi {first_name}', '2026-01-01', '2026-01-02'),"
    " (2, 'hello AGAIN', 'call', 'Third text', '2026-01-01', '2026-01-03'),"
    " (3, 'Catch-up email', 'email', 'Dear {first_name}', '2026-01-01', '2026-01-04')",
    "INSERT INTO script_revision (id, script_id, body, created_at) VALUES"
    " (10, 2, 'First text', '2026-01-01'), (11, 2, 'Second text', '2026-01-02'),"
    " (12, 3, 'Dear {first_name}', '2026-01-04')",
    "INSERT INTO interaction (contact_id, occurred_at, channel, outcome, created_at)"
    " VALUES (1, '2026-02-02 10:00:00', 'call', 'talked', '2026-02-02')",
)


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    path = tmp_path / "netui.db"
    path.touch(mode=0o600)
    engine = make_engine(path)
    upgrade_to_head(engine, "0004")
    with engine.begin() as connection:
        for statement in OLD_ROWS:
            connection.exec_driver_sql(statement)
    engine.dispose()
    return path


def write(path: Path, sql: str) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA foreign_keys=ON")
        with connection:
            connection.execute(sql)
    finally:
        connection.close()


def test_0005_keeps_every_script_and_gives_each_its_numbered_revisions(old_file: Path) -> None:
    engine = make_engine(old_file)
    upgrade_to_head(engine, "0005")
    engine.dispose()

    assert rows(old_file, "SELECT id, name, channel, subject, body FROM script ORDER BY id") == [
        (1, "Hello again", "linkedin_message", "", "Hi {first_name}"),
        (2, "hello AGAIN (2)", "phone", "", "Third text"),
        (3, "Catch-up email", "email", "", "Dear {first_name}"),
    ]
    assert rows(
        old_file, "SELECT script_id, number, body FROM script_revision ORDER BY script_id, number"
    ) == [
        (1, 1, "Hi {first_name}"),
        (2, 1, "First text"),
        (2, 2, "Second text"),
        (2, 3, "Third text"),
        (3, 1, "Dear {first_name}"),
    ]
    assert rows(old_file, "SELECT id FROM script_revision WHERE script_id = 3") == [(12,)]
    assert rows(old_file, "SELECT contact_id, script_revision_id FROM interaction") == [(1, None)]
    assert rows(old_file, "PRAGMA foreign_key_check") == []


def test_0005_holds_scripts_to_their_rules(old_file: Path) -> None:
    engine = make_engine(old_file)
    upgrade_to_head(engine, "0005")
    engine.dispose()

    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        write(old_file, "UPDATE script SET channel = 'message' WHERE id = 1")
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        write(old_file, "UPDATE script SET name = 'CATCH-UP EMAIL' WHERE id = 1")
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        write(old_file, "UPDATE script_revision SET number = 1 WHERE script_id = 2 AND number = 2")
    # A hidden script's name is free again.
    write(old_file, "UPDATE script SET deleted_at = '2026-03-01 00:00:00' WHERE id = 3")
    write(old_file, "UPDATE script SET name = 'catch-up email' WHERE id = 1")
    # A revision a logged interaction names is never deleted, not even with its script.
    write(old_file, "UPDATE interaction SET script_revision_id = 12")
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        write(old_file, "DELETE FROM script WHERE id = 3")
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        write(old_file, "UPDATE interaction SET script_revision_id = 999")


def test_0005_downgrades_keeping_every_row(old_file: Path) -> None:
    engine = make_engine(old_file)
    upgrade_to_head(engine, "0005")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE script SET deleted_at = '2026-03-01 00:00:00', name = 'Hello again'"
            " WHERE id = 2"
        )
        connection.exec_driver_sql("UPDATE interaction SET script_revision_id = 12")

    downgrade_to(engine, "0004")
    engine.dispose()

    assert rows(old_file, "SELECT id, name, channel, body FROM script ORDER BY id") == [
        (1, "Hello again", "message", "Hi {first_name}"),
        (2, "Hello again (deleted 2)", "phone", "Third text"),
        (3, "Catch-up email", "email", "Dear {first_name}"),
    ]
    assert rows(old_file, "SELECT count(*) FROM script_revision") == [(5,)]
    assert rows(old_file, "SELECT contact_id FROM interaction") == [(1,)]
    columns = {row[1] for row in rows(old_file, "PRAGMA table_info(interaction)")}
    assert "script_revision_id" not in columns
    assert rows(old_file, "PRAGMA foreign_key_check") == []
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        write(old_file, "UPDATE script SET name = 'Hello again' WHERE id = 3")


def test_0005_on_an_empty_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    engine = make_engine(path)
    upgrade_to_head(engine, "0004")
    upgrade_to_head(engine)
    engine.dispose()
    assert "deleted_at" in {row[1] for row in rows(path, "PRAGMA table_info(script)")}
