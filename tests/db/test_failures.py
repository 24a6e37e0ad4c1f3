"""A busy, full or damaged database comes out as netui's own error, with nothing written."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from netui.db.failures import explain
from netui.domain.clock import FakeClock
from netui.domain.types import ContactDraft
from netui.errors import DatabaseBusyError, DatabaseDamagedError, DiskFullError
from netui.services.context import Services, open_services

SECRET = "Quincy Secretname"


@pytest.fixture
def writer_holding_the_lock(db_path: Path, services: Services) -> Iterator[sqlite3.Connection]:
    """Another program in the middle of a write: it holds SQLite's write lock."""
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield other
    other.execute("ROLLBACK")
    other.close()


def test_a_write_while_another_netui_writes_says_busy_and_shows_no_data(
    db_path: Path, clock: FakeClock, writer_holding_the_lock: sqlite3.Connection
) -> None:
    services = open_services(db_path, clock, busy_timeout_ms=50)
    try:
        with pytest.raises(DatabaseBusyError) as raised:
            services.contacts.add(ContactDraft(full_name=SECRET))
    finally:
        services.close()
    message = str(raised.value)
    assert "another netui is writing" in message
    assert SECRET not in message
    assert "INSERT" not in message.upper()


def test_a_full_disk_says_so_and_writes_nothing(services: Services) -> None:
    engine = services.db.engine
    with engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
    engine.dispose()

    def cap_size(connection: Any, _record: Any) -> None:
        connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(engine, "connect", cap_size)
    added, full = 0, None
    for n in range(200):  # each with a page's worth of notes: the file must grow
        try:
            services.contacts.add(ContactDraft(full_name=f"{SECRET} {n}", notes="x" * 9000))
        except DiskFullError as error:
            full = error
            break
        added += 1
    event.remove(engine, "connect", cap_size)
    engine.dispose()
    assert full is not None
    assert "the disk is full" in str(full)
    assert SECRET not in str(full)
    assert services.contacts.counts().total == added  # the one that did not fit left nothing


def test_a_damaged_file_says_so_instead_of_an_internal_error(
    db_path: Path, clock: FakeClock, services: Services
) -> None:
    for n in range(400):
        services.contacts.add(ContactDraft(full_name=f"Person {n}", notes="n" * 300))
    services.close()
    # The contact table's own first page: where in the file it lies changes with the
    # schema's history (each migration's rebuilds), the list always reads it.
    with sqlite3.connect(db_path) as connection:
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'contact'"
        ).fetchone()
        (page_size,) = connection.execute("PRAGMA page_size").fetchone()
    connection.close()
    data = bytearray(db_path.read_bytes())
    start = (root - 1) * page_size
    data[start : start + page_size] = b"\xa5" * page_size
    db_path.write_bytes(bytes(data))
    damaged = open_services(db_path, clock, writing=False)  # a reader is not checked first
    try:
        with pytest.raises(DatabaseDamagedError, match="is damaged") as raised:
            damaged.contacts.list_rows()
    finally:
        damaged.close()
    assert "netui db check" in str(raised.value)
    with pytest.raises(DatabaseDamagedError, match="nothing was written"):
        open_services(db_path, clock)  # one about to write is refused before it starts


def test_errors_that_are_bugs_are_not_dressed_up_as_user_errors(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / "x.db")
    with pytest.raises(sqlite3.OperationalError) as raised:
        connection.execute("SELECT * FROM no_such_table")
    connection.close()
    assert explain(raised.value, tmp_path / "x.db") is None
    assert explain(ValueError("not SQLite"), tmp_path / "x.db") is None
