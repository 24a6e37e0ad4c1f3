"""Taking SQLite's write lock before reading, for work that decides from what it reads."""

from __future__ import annotations

from sqlalchemy.orm import Session

__all__ = ["hold_write_lock"]


def hold_write_lock(session: Session) -> None:
    """Start the session's transaction as a writer (``BEGIN IMMEDIATE``), if not started yet.

    Python's sqlite3 opens a transaction only at the first write, so what a session reads
    before it is whatever was committed at that moment, and another netui may commit in
    between: a Top 20 rank or a contact's fields would then be written from a stale read.
    Holding the lock first makes the reads and the writes one step. Another writer makes
    this wait (the busy timeout), then fail as netui's busy error with nothing written.
    """
    driver = session.connection().connection.driver_connection
    if driver is not None and not driver.in_transaction:
        driver.execute("BEGIN IMMEDIATE")
