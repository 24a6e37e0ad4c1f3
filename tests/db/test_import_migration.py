"""Migration 0003 (the import change log) keeps every row, upgrading and downgrading."""

from __future__ import annotations

from pathlib import Path

from builders import sql_rows as rows

from netui.db.engine import make_engine
from netui.db.migrate import downgrade_to, upgrade_to_head


def test_0003_keeps_imported_contacts_linked_both_ways(tmp_path: Path) -> None:
    path = tmp_path / "netui.db"
    path.touch(mode=0o600)
    engine = make_engine(path)
    upgrade_to_head(engine, "0002")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO import_batch (id, source_path, format, created_at, added)"
            " VALUES (1, 'Connections.csv', 'linkedin', '2026-01-01 00:00:00.000000', 1)"
        )
        connection.exec_driver_sql(
            "INSERT INTO contact (full_name, import_batch_id, created_at, updated_at)"
            " VALUES ('Dana Whitfield', 1, '2026-01-01', '2026-01-01')"
        )
        connection.exec_driver_sql(
            "INSERT INTO triage_event (group_id, contact_id, before_status, after_status,"
            " created_at) VALUES (1, 1, 'new', 'later', '2026-01-01')"
        )

    upgrade_to_head(engine)
    assert rows(path, "SELECT import_batch_id FROM contact") == [(1,)]
    assert rows(path, "SELECT added, skipped, job_changes FROM import_batch") == [(1, 0, 0)]
    assert rows(path, "SELECT count(*) FROM triage_event") == [(1,)]

    downgrade_to(engine, "0002")
    engine.dispose()
    assert rows(path, "SELECT import_batch_id FROM contact") == [(1,)]
    assert rows(path, "SELECT name FROM sqlite_master WHERE name = 'import_change'") == []
