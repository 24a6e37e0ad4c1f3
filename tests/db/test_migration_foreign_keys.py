"""Migrations rebuild tables without cascading deletes, and refuse to break a reference.

Each test adds a test-only revision after the real head to a copy of the real versions
folder and points netui at the copy, so it runs through the production path:
``open_database`` (which backs the file up first) and ``netui.db.migrate``.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from builders import NOW
from builders import sql_rows as query

from netui.db import filecheck, migrate
from netui.db.engine import make_engine, open_database
from netui.db.schema_version import HEAD, REVISIONS
from netui.domain.clock import FakeClock
from netui.errors import DatabaseFileError

CLOCK = FakeClock(NOW)
TEST_REVISION = f"{int(HEAD) + 1:04}"  # one past the real head, whatever it is

REVISION_HEADER = f'''"""Test-only revision."""

import sqlalchemy as sa
from alembic import op

revision = "{TEST_REVISION}"
down_revision = "{HEAD}"
branch_labels = None
depends_on = None

'''

REBUILD_THE_PARENTS = """
PARENTS = ("import_batch", "contact", "script", "script_revision", "timer_session")


def upgrade():
    for table in PARENTS:
        with op.batch_alter_table(table, recreate="always") as batch_op:
            batch_op.add_column(sa.Column("extra", sa.Text(), server_default="", nullable=False))


def downgrade():
    for table in reversed(PARENTS):
        with op.batch_alter_table(table, recreate="always") as batch_op:
            batch_op.drop_column("extra")
"""

ORPHAN_THE_FIRST_CONTACT = """
def upgrade():
    op.create_table("scratch", sa.Column("id", sa.Integer(), primary_key=True))
    with op.batch_alter_table("contact", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("extra", sa.Text(), server_default="", nullable=False))
    op.execute("DELETE FROM contact WHERE id = 1")


def downgrade():
    pass
"""

COMMIT_PART_WAY = """
def upgrade():
    op.create_table("scratch", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute("COMMIT")


def downgrade():
    pass
"""

# One row behind every foreign key in the schema; contact 1 is linked to everything.
SEED = (
    "INSERT INTO import_batch (id, source_path, format, created_at)"
    " VALUES (1, 'Connections.csv', 'linkedin', '2026-01-01 00:00:00')",
    "INSERT INTO contact (id, full_name, import_batch_id, created_at, updated_at, uid)"
    " VALUES (1, 'Odile Marsh', 1, '2026-01-01', '2026-01-01', 'uid-odile'),"
    " (2, 'Tomas Brek', NULL, '2026-01-01', '2026-01-01', 'uid-tomas')",
    "INSERT INTO triage_event (group_id, contact_id, before_status, after_status, created_at)"
    " VALUES (1, 1, 'new', 'top20', '2026-01-02'), (1, 2, 'new', 'later', '2026-01-02')",
    "INSERT INTO import_change (batch_id, contact_id, field, old_value, new_value)"
    " VALUES (1, 1, 'company', 'Larkspur', 'Quillfeather')",
    "INSERT INTO script (id, name, channel, created_at, updated_at)"
    " VALUES (1, 'Hello again', 'email', '2026-01-01', '2026-01-01')",
    "INSERT INTO script_revision (id, script_id, number, body, created_at)"
    " VALUES (1, 1, 1, 'Hi {first_name}', '2026-01-01')",
    "INSERT INTO interaction (contact_id, occurred_at, channel, outcome, created_at,"
    " script_revision_id)"
    " VALUES (1, '2026-02-02 10:00:00', 'call', 'talked', '2026-02-02', NULL),"
    " (2, '2026-02-03 10:00:00', 'email', 'replied', '2026-02-03', 1)",
    "INSERT INTO timer_session (id, planned_minutes, started_at) VALUES (1, 25, '2026-01-03')",
    "INSERT INTO timer_pause (session_id, started_at) VALUES (1, '2026-01-03 00:10:00')",
)

LINKED_ROWS = {
    "contact": "SELECT id, full_name, import_batch_id FROM contact",
    "interaction": "SELECT * FROM interaction",
    "triage_event": "SELECT * FROM triage_event",
    "import_change": "SELECT * FROM import_change",
    "script_revision": "SELECT id, script_id, number, subject, body FROM script_revision",
    "timer_pause": "SELECT * FROM timer_pause",
}


def linked_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    return {table: sorted(query(path, sql), key=repr) for table, sql in LINKED_ROWS.items()}


def open_handles(path: Path) -> list[str]:
    """This process's open files on ``path`` (or its -wal/-shm), as Linux lists them."""
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        pytest.skip("needs /proc to list open files")
    targets = (str(fd.readlink()) for fd in fds.iterdir() if fd.is_symlink())
    return [target for target in targets if target.startswith(str(path))]


def dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


@pytest.fixture
def seeded_file(db_path: Path) -> Path:
    """A database at the real head, with a row behind every foreign key."""
    open_database(db_path, CLOCK).close()
    connection = sqlite3.connect(db_path)
    with connection:
        for statement in SEED:
            connection.execute(statement)
    connection.close()
    return db_path


@pytest.fixture
def add_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Make ``add_revision(body)`` netui's migrations: the real ones plus one with ``body``."""

    def add(body: str) -> None:
        scripts = tmp_path / "migrations"
        shutil.copytree(
            migrate.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__")
        )
        (scripts / "versions" / f"{TEST_REVISION}_test_only.py").write_text(REVISION_HEADER + body)
        monkeypatch.setattr(migrate, "MIGRATIONS_DIR", scripts)
        monkeypatch.setattr(filecheck, "REVISIONS", (*REVISIONS, TEST_REVISION))
        monkeypatch.setattr(filecheck, "HEAD", TEST_REVISION)

    return add


def test_rebuilding_parent_tables_keeps_every_linked_row(
    seeded_file: Path, add_revision: Callable[[str], None]
) -> None:
    before = linked_rows(seeded_file)
    add_revision(REBUILD_THE_PARENTS)

    db = open_database(seeded_file, CLOCK)
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.connection.driver_connection.isolation_level == ""  # type: ignore[union-attr]
    db.close()

    assert query(seeded_file, "SELECT version_num FROM alembic_version") == [(TEST_REVISION,)]
    assert query(seeded_file, "SELECT extra FROM contact") == [("",), ("",)]
    assert linked_rows(seeded_file) == before


def test_downgrading_a_parent_rebuild_keeps_every_linked_row(
    seeded_file: Path, add_revision: Callable[[str], None]
) -> None:
    before = linked_rows(seeded_file)
    add_revision(REBUILD_THE_PARENTS)
    engine = make_engine(seeded_file)
    migrate.upgrade_to_head(engine)

    migrate.downgrade_to(engine, HEAD)
    engine.dispose()

    assert query(seeded_file, "SELECT version_num FROM alembic_version") == [(HEAD,)]
    assert "extra" not in {row[1] for row in query(seeded_file, "PRAGMA table_info(contact)")}
    assert linked_rows(seeded_file) == before


def test_a_migration_that_orphans_rows_is_refused_and_changes_nothing(
    seeded_file: Path, add_revision: Callable[[str], None]
) -> None:
    before = dump(seeded_file)
    add_revision(ORPHAN_THE_FIRST_CONTACT)

    with pytest.raises(DatabaseFileError) as refused:
        open_database(seeded_file, CLOCK)

    assert str(refused.value) == (
        f"{seeded_file}: schema upgrade refused: it would leave"
        " 1 row in import_change pointing at missing contact rows"
        " and 1 row in interaction pointing at missing contact rows"
        " and 1 row in triage_event pointing at missing contact rows;"
        " the file was left as it was"
    )
    assert dump(seeded_file) == before
    assert open_handles(seeded_file) == []
    (backup,) = seeded_file.parent.glob(f"{seeded_file.name}.schema-{HEAD}-*.bak")
    assert query(backup, "SELECT version_num FROM alembic_version") == [(HEAD,)]
    assert query(backup, "SELECT count(*) FROM interaction") == [(2,)]


def test_a_migration_that_commits_part_way_is_reported(
    seeded_file: Path, add_revision: Callable[[str], None]
) -> None:
    add_revision(COMMIT_PART_WAY)

    with pytest.raises(DatabaseFileError, match="a migration committed part-way"):
        open_database(seeded_file, CLOCK)
    assert list(seeded_file.parent.glob(f"{seeded_file.name}.schema-{HEAD}-*.bak"))
