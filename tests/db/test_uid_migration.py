"""Migration 0004 gives every stored contact its own UID and keeps every row linked."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import sql_rows as rows

from netui.db.engine import make_engine
from netui.db.migrate import downgrade_to, upgrade_to_head


def test_0004_fills_a_distinct_uid_for_every_contact_and_keeps_their_rows(
    tmp_path: Path,
) -> None:
    path = tmp_path / "netui.db"
    path.touch(mode=0o600)
    engine = make_engine(path)
    upgrade_to_head(engine, "0003")
    with engine.begin() as connection:
        for name in ("Odile Marsh", "Tomas Brek", "Ines Okoro"):
            connection.exec_driver_sql(
                "INSERT INTO contact (full_name, created_at, updated_at)"
                " VALUES (?, '2026-01-01', '2026-01-01')",
                (name,),
            )
        connection.exec_driver_sql(
            "INSERT INTO interaction (contact_id, occurred_at, channel, outcome, created_at)"
            " VALUES (2, '2026-02-02 10:00:00', 'call', 'talked', '2026-02-02')"
        )

    upgrade_to_head(engine)
    uids = [uid for (uid,) in rows(path, "SELECT uid FROM contact ORDER BY id")]
    assert len(uids) == len(set(uids)) == 3
    assert all(len(uid) == 36 and uid.count("-") == 4 for uid in uids)  # UUIDs
    assert rows(path, "SELECT contact_id FROM interaction") == [(2,)]
    with engine.begin() as connection, pytest.raises(Exception, match="UNIQUE"):
        connection.exec_driver_sql(f"UPDATE contact SET uid = '{uids[0]}' WHERE id = 2")
    with engine.begin() as connection, pytest.raises(Exception, match="NOT NULL"):
        connection.exec_driver_sql("UPDATE contact SET uid = NULL WHERE id = 2")

    downgrade_to(engine, "0003")
    engine.dispose()
    assert "uid" not in {row[1] for row in rows(path, "PRAGMA table_info(contact)")}
    assert rows(path, "SELECT count(*) FROM contact") == [(3,)]
    assert rows(path, "SELECT contact_id FROM interaction") == [(2,)]


def test_0004_on_an_empty_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    engine = make_engine(path)
    upgrade_to_head(engine, "0003")
    upgrade_to_head(engine)
    engine.dispose()
    assert "uid" in {row[1] for row in rows(path, "PRAGMA table_info(contact)")}
