"""Look at a database file without changing it, using only the standard library.

Kept apart from the engine so the CLI can refuse a bad file before the app (and
SQLAlchemy) even start.
"""

from __future__ import annotations

import enum
import sqlite3
from pathlib import Path

from netui.db.schema_version import HEAD, REVISIONS
from netui.errors import DatabaseFileError

SQLITE_HEADER = b"SQLite format 3\x00"


class FileState(enum.Enum):
    NEW = "new"  # missing, empty, or a SQLite file with no tables yet
    CURRENT = "current"
    OUTDATED = "outdated"


def inspect_file(path: Path) -> tuple[FileState, str | None]:
    """Say what the file is without changing it (read-only, stdlib sqlite3 only)."""
    if not path.exists() or path.stat().st_size == 0:
        return FileState.NEW, None
    if path.is_dir():
        raise DatabaseFileError(f"{path} is a folder, not a netui database file")
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseFileError(f"{path} is not a netui database (not a SQLite file); left as is")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if not tables:
                return FileState.NEW, None
            if "alembic_version" not in tables or "contact" not in tables:
                raise DatabaseFileError(
                    f"{path} is a SQLite database but not a netui one; left as is"
                )
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseFileError(f"{path} cannot be read as a database ({exc}); left as is") from exc
    revision = row[0] if row else None
    if revision == HEAD:
        return FileState.CURRENT, revision
    if revision in REVISIONS:
        return FileState.OUTDATED, revision
    raise DatabaseFileError(
        f"{path} was written by a newer netui (schema {revision!r}, this netui knows up to "
        f"{HEAD!r}); upgrade netui to open it. The file was left as is."
    )


def has_user_data(path: Path) -> bool:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name != 'alembic_version'"
            )
        ]
        return any(conn.execute(f'SELECT 1 FROM "{t}" LIMIT 1').fetchone() for t in tables)
    finally:
        conn.close()
