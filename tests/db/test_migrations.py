"""The migration chain: linear, matching the models, and keeping rows when upgrading."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from builders import NOW

from netui.db.engine import make_engine, open_database
from netui.db.migrate import downgrade_to, revision_chain, upgrade_to_head
from netui.db.models import Base
from netui.db.schema_version import HEAD, REVISIONS
from netui.domain.clock import FakeClock

CLOCK = FakeClock(NOW)


def test_revision_chain_is_linear_and_matches_the_constants() -> None:
    assert revision_chain() == list(REVISIONS)
    assert REVISIONS[-1] == HEAD


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    db = open_database(tmp_path / "n.db", CLOCK)
    with db.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    db.close()


def test_upgrading_from_the_first_revision_keeps_rows_and_backs_up(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    path.touch(mode=0o600)
    engine = make_engine(path)
    upgrade_to_head(engine, REVISIONS[0])
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO contact (full_name, status, created_at, updated_at) "
            "VALUES ('Odile Marsh', 'top20', '2020-01-01', '2020-01-01')"
        )
        conn.execute(
            "INSERT INTO interaction (contact_id, occurred_at, channel, outcome, created_at) "
            "VALUES (1, '2020-02-02 10:00:00', 'call', 'talked', '2020-02-02')"
        )
    conn.close()

    db = open_database(path, CLOCK)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
        assert conn.execute("SELECT full_name, status FROM contact").fetchall() == [
            ("Odile Marsh", "top20")
        ]
        assert conn.execute("SELECT count(*) FROM interaction").fetchone() == (1,)
    conn.close()
    db.close()
    backups = list(tmp_path.glob("old.db.schema-*.bak"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as backup:
        revision = backup.execute("SELECT version_num FROM alembic_version").fetchone()
        assert revision == (REVISIONS[0],)
    backup.close()


def test_an_empty_old_database_is_upgraded_without_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    engine = make_engine(path)
    upgrade_to_head(engine, REVISIONS[0])
    engine.dispose()
    open_database(path, CLOCK).close()
    assert not list(tmp_path.glob("*.bak"))


def test_an_up_to_date_database_does_not_import_alembic(tmp_path: Path) -> None:
    path = tmp_path / "current.db"
    open_database(path, CLOCK).close()
    code = (
        "import sys; from pathlib import Path; from netui.services.context import open_services;"
        "from netui.domain.clock import system_clock;"
        f"s = open_services(Path({str(path)!r}), system_clock); s.contacts.list_rows(); s.close();"
        "print('alembic' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_downgrading_to_the_first_revision_keeps_interactions(tmp_path: Path) -> None:
    from netui.domain.types import Channel, ContactDraft, InteractionDraft, Outcome
    from netui.services.context import open_services

    path = tmp_path / "down.db"
    services = open_services(path, CLOCK)
    contact = services.contacts.add(ContactDraft(full_name="Kept Kim")).id
    services.interactions.log(contact, InteractionDraft(Channel.CALL, Outcome.TALKED))
    services.close()
    engine = make_engine(path)
    downgrade_to(engine, REVISIONS[0])
    engine.dispose()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM interaction").fetchone() == (1,)
        assert conn.execute("SELECT full_name FROM contact").fetchall() == [("Kept Kim",)]
    conn.close()
