"""Look at a database file without changing it, using only the standard library.

Kept apart from the engine so the CLI can refuse a bad file before the app (and
SQLAlchemy) even start. Looking leaves nothing behind: no ``-wal`` or ``-shm`` file appears
beside a file that was refused (see :func:`reading`).
"""

from __future__ import annotations

import enum
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from netui.db.schema_version import HEAD, REVISIONS
from netui.errors import DatabaseFileError

SQLITE_HEADER = b"SQLite format 3\x00"
_WAL_MODE = 2  # bytes 18 and 19 of the header: the file is in write-ahead-log mode
MEMORY_NAME = ":memory:"


class FileState(enum.Enum):
    NEW = "new"  # missing, empty, or a SQLite file with no tables yet
    CURRENT = "current"
    OUTDATED = "outdated"


def _refuse_odd_names(path: Path) -> None:
    """Names SQLite would not treat as a file, and files that are not plain files."""
    if path.name == MEMORY_NAME:
        raise DatabaseFileError(
            f"{MEMORY_NAME} is SQLite's in-memory database, which keeps nothing once netui "
            "stops; give a file name such as contacts.db"
        )
    if not path.name.strip():
        raise DatabaseFileError("the database needs a file name, such as contacts.db")
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # missing (or unreachable): netui creates it, or says why it cannot
    if stat.S_ISDIR(mode):
        raise DatabaseFileError(f"{path} is a folder, not a netui database file")
    if not stat.S_ISREG(mode):
        raise DatabaseFileError(
            f"{path} is not a regular file (a device, pipe or socket); netui keeps its "
            "database in a file. Left as is"
        )


def _uses_wal(path: Path) -> bool:
    with path.open("rb") as handle:
        header = handle.read(20)
    return len(header) == 20 and header[18] == header[19] == _WAL_MODE


@contextmanager
def reading(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection that reads the file at ``path`` and leaves nothing new beside it.

    A read-only connection to a write-ahead-log database creates ``-wal`` and ``-shm``
    files and cannot remove them. When those are missing no connection has the file open,
    so a read-write connection (made query-only) is used instead: as the last one to
    close, SQLite removes what it created, and the file itself is not written. The URI is
    built from ``Path.as_uri``, which percent-encodes ``?``, ``%``, ``#`` and spaces.
    """
    mode = "rw" if _uses_wal(path) and not Path(f"{path}-wal").exists() else "ro"
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True)) as conn:
        if mode == "rw":
            conn.execute("PRAGMA query_only = 1")
        yield conn


def inspect_file(path: Path) -> tuple[FileState, str | None]:
    """Say what the file is without changing it (read-only, stdlib sqlite3 only)."""
    _refuse_odd_names(path)
    if not path.exists() or path.stat().st_size == 0:
        return FileState.NEW, None
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseFileError(f"{path} is not a netui database (not a SQLite file); left as is")
    try:
        with reading(path) as conn:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if not tables:
                return FileState.NEW, None
            if "alembic_version" not in tables or "contact" not in tables:
                raise DatabaseFileError(
                    f"{path} is a SQLite database but not a netui one; left as is"
                )
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
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
    with reading(path) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name != 'alembic_version'"
            )
        ]
        return any(conn.execute(f'SELECT 1 FROM "{t}" LIMIT 1').fetchone() for t in tables)
