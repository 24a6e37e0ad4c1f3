"""Migration 0007: a contact can name who referred them; old rows keep every link."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from builders import sql_rows as rows

from netui.db.engine import make_engine
from netui.db.migrate import downgrade_to, upgrade_to_head

CONTACT = (
    "INSERT INTO contact (full_name, created_at, updated_at, uid)"
    " VALUES (?, '2026-01-01', '2026-01-01', ?)"
)
LINKED = {
    "interaction": "SELECT id, contact_id, outcome FROM interaction ORDER BY id",
    "triage_event": "SELECT id, contact_id FROM triage_event ORDER BY id",
    "import_change": "SELECT id, contact_id, batch_id FROM import_change ORDER BY id",
}


def write(path: Path, sql: str, *values: object) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        with connection:
            connection.execute(sql, values)
    finally:
        connection.close()


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    """A database at 0006 with three contacts and a row behind each link to them."""
    path = tmp_path / "old.db"
    path.touch(mode=0o600)
    engine = make_engine(path)
    upgrade_to_head(engine, "0006")
    engine.dispose()
    for n, name in enumerate(("Odile Marsh", "Tomas Brek", "Ines Okoro"), start=1):
        write(path, CONTACT, name, f"uid-{n}")
    write(
        path,
        "INSERT INTO import_batch (id, source_path, format, created_at)"
        " VALUES (1, 'Connections.csv', 'linkedin', '2026-01-01')",
    )
    write(
        path,
        "INSERT INTO interaction (contact_id, occurred_at, channel, outcome, created_at)"
        " VALUES (2, '2026-02-02 10:00:00', 'call', 'referral', '2026-02-02')",
    )
    write(
        path,
        "INSERT INTO triage_event (group_id, contact_id, before_status, after_status, created_at)"
        " VALUES (1, 3, 'new', 'top20', '2026-01-02')",
    )
    write(
        path,
        "INSERT INTO import_change (batch_id, contact_id, field, old_value, new_value)"
        " VALUES (1, 1, 'company', 'Larkspur', 'Quillfeather')",
    )
    return path


def linked(path: Path) -> dict[str, list[tuple[object, ...]]]:
    return {table: rows(path, sql) for table, sql in LINKED.items()}


def columns(path: Path) -> set[str]:
    return {row[1] for row in rows(path, "PRAGMA table_info(contact)")}


def test_0007_adds_an_empty_referrer_and_keeps_every_row(old_file: Path) -> None:
    before = linked(old_file)
    engine = make_engine(old_file)
    upgrade_to_head(engine)
    engine.dispose()

    assert "referred_by_id" in columns(old_file)
    assert rows(old_file, "SELECT id, full_name, referred_by_id FROM contact ORDER BY id") == [
        (1, "Odile Marsh", None),
        (2, "Tomas Brek", None),
        (3, "Ines Okoro", None),
    ]
    assert linked(old_file) == before
    assert rows(old_file, "PRAGMA foreign_key_check") == []
    indexes = rows(old_file, "SELECT name FROM sqlite_master WHERE tbl_name = 'contact'")
    assert ("ix_contact_referred_by_id",) in indexes
    assert ("ix_contact_uid",) in indexes  # the rebuild kept the older index too


def test_the_referrer_must_exist_and_deleting_them_forgets_only_the_link(old_file: Path) -> None:
    engine = make_engine(old_file)
    upgrade_to_head(engine)
    engine.dispose()
    write(old_file, "UPDATE contact SET referred_by_id = 1 WHERE id = 2")
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        write(old_file, "UPDATE contact SET referred_by_id = 99 WHERE id = 3")

    write(old_file, "DELETE FROM contact WHERE id = 1")
    assert rows(old_file, "SELECT id, referred_by_id FROM contact ORDER BY id") == [
        (2, None),
        (3, None),
    ]


def test_0007_downgrades_keeping_contacts_and_their_rows(old_file: Path) -> None:
    before = linked(old_file)
    engine = make_engine(old_file)
    upgrade_to_head(engine)
    write(old_file, "UPDATE contact SET referred_by_id = 1 WHERE id = 2")

    downgrade_to(engine, "0006")
    engine.dispose()
    assert "referred_by_id" not in columns(old_file)
    assert rows(old_file, "SELECT count(*) FROM contact") == [(3,)]
    assert linked(old_file) == before
    assert rows(old_file, "PRAGMA foreign_key_check") == []
    assert rows(old_file, "SELECT version_num FROM alembic_version") == [("0006",)]


def test_0007_on_an_empty_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    engine = make_engine(path)
    upgrade_to_head(engine, "0006")
    upgrade_to_head(engine)
    engine.dispose()
    assert "referred_by_id" in columns(path)
