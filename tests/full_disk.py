"""A full disk for tests: no engine netui opens may grow its database file by a page.

SQLite's ``PRAGMA max_page_count``, set on each connection to the file's size when it
connects, makes a write that needs a new page fail with SQLITE_FULL, as a full disk does.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

import netui.db.engine

FULL = "the disk is full; nothing was written. Free some space and retry"
LONG = "x" * 9000  # more than a page: text this long needs new pages


def fill_the_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, every engine netui makes can grow its file by no page."""
    make_engine = netui.db.engine.make_engine

    def capped(*args: Any, **kwargs: Any) -> Any:
        engine = make_engine(*args, **kwargs)

        def cap(connection: Any, _record: Any) -> None:
            (pages,) = connection.execute("PRAGMA page_count").fetchone()
            connection.execute(f"PRAGMA max_page_count = {pages}")

        event.listen(engine, "connect", cap)
        return engine

    monkeypatch.setattr(netui.db.engine, "make_engine", capped)


def pack_full(path: Path) -> None:
    """Grow every contact until its page has no byte left, within the file's present size.

    max_page_count stops the file from growing, not a row from using the room left on its
    page; after this, even a contact whose strength goes from none to 3 needs a new page.
    """
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA synchronous = OFF")
        (pages,) = connection.execute("PRAGMA page_count").fetchone()
        connection.execute(f"PRAGMA max_page_count = {pages}")
        for (contact_id,) in connection.execute("SELECT id FROM contact").fetchall():
            while True:
                try:
                    connection.execute(
                        "UPDATE contact SET notes = notes || 'x' WHERE id = ?", (contact_id,)
                    )
                except sqlite3.OperationalError as error:
                    if "full" not in str(error):
                        raise
                    break
    finally:
        connection.close()
