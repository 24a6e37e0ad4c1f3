"""What SQLite's failures mean to the person at the keyboard, said in one place.

SQLite reports a busy, damaged, full or read-only database as an exception carrying the
SQL and, through SQLAlchemy, the values bound to it (a contact's data). Every unit of work
goes through :func:`explained`, which turns those into netui's own errors with a message
that says what happened and what to do, and names neither the SQL nor the data. The work
was rolled back, so each message can truthfully say nothing was changed.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from netui.db.filecheck import damaged_error, is_damage
from netui.errors import (
    DatabaseBusyError,
    DatabaseFileError,
    DiskFullError,
    NetuiError,
)

__all__ = ["explain", "explained"]

# SQLite's primary result codes (https://www.sqlite.org/rescode.html); damage is filecheck's.
_BUSY, _LOCKED, _READONLY, _IOERR, _FULL, _CANTOPEN = 5, 6, 8, 10, 13, 14


def _sqlite_error(error: BaseException) -> sqlite3.Error | None:
    if isinstance(error, sqlite3.Error):
        return error
    # SQLAlchemy wraps the driver's errors; without it imported, none can have been raised.
    sqlalchemy_errors = sys.modules.get("sqlalchemy.exc")
    if sqlalchemy_errors is not None and isinstance(error, sqlalchemy_errors.DBAPIError):
        orig = error.orig
        return orig if isinstance(orig, sqlite3.Error) else None
    return None


def explain(error: BaseException, path: Path) -> NetuiError | None:
    """netui's error for a SQLite failure on the database at ``path``; None if it is a bug."""
    found = _sqlite_error(error)
    if found is None:
        return None
    code = getattr(found, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(found).lower()
    if primary in (_BUSY, _LOCKED) or "database is locked" in text:
        return DatabaseBusyError(
            "the database is busy: another netui is writing to it; nothing was changed, "
            "try again in a moment"
        )
    if is_damage(found):
        return damaged_error(path)
    if "could not decode to utf-8" in text:  # netui writes only valid text: bytes changed
        return damaged_error(path, "some stored text is not valid UTF-8")
    if primary == _FULL:
        return DiskFullError("the disk is full; nothing was written. Free some space and retry")
    if primary == _READONLY:
        return DatabaseFileError(f"{path} cannot be written (it is read-only); nothing changed")
    if primary in (_IOERR, _CANTOPEN):
        return DatabaseFileError(
            f"{path} could not be read or written (the disk reported an error); nothing changed"
        )
    return None


@contextmanager
def explained(path: Path) -> Iterator[None]:
    """Turn SQLite's failures inside the block into netui's errors (the cause kept for logs)."""
    try:
        yield
    except Exception as error:  # SQLite's own, or SQLAlchemy's wrapping of them
        known = explain(error, path)
        if known is None:
            raise
        raise known from error
