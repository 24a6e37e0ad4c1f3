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
from netui.errors import DatabaseDamagedError, DatabaseFileError

SQLITE_HEADER = b"SQLite format 3\x00"
_WAL_MODE = 2  # bytes 18 and 19 of the header: the file is in write-ahead-log mode
MEMORY_NAME = ":memory:"
# SQLite's primary result codes for a damaged file (https://www.sqlite.org/rescode.html).
CORRUPT, NOTADB = 11, 26


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
    """A read-only connection to the file at ``path`` that leaves nothing new beside it.

    A read-only connection to a write-ahead-log database creates ``-wal`` and ``-shm``
    files and cannot remove them. When they were not there before, a query-only
    read-write connection opened afterwards removes them as it closes, if it is the last
    to use them. (Reading through that connection instead would be simpler, but SQLite's
    quick check runs about 2.5 times slower on it.) The URI comes from ``Path.as_uri``,
    which percent-encodes ``?``, ``%``, ``#`` and spaces.
    """
    uri = path.resolve().as_uri()
    made_here = _uses_wal(path) and not Path(f"{path}-wal").exists()
    try:
        with closing(sqlite3.connect(f"{uri}?mode=ro", uri=True)) as conn:
            yield conn
    finally:
        if made_here:
            _tidy(uri)


def _tidy(uri: str) -> None:
    """Let SQLite remove ``-wal`` and ``-shm`` files no connection uses any more."""
    try:
        with closing(sqlite3.connect(f"{uri}?mode=rw", uri=True)) as conn:
            conn.execute("PRAGMA query_only = 1")
            conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    except sqlite3.Error:
        pass  # unreadable: the file is refused anyway, and tidying is only tidying


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
        if is_damage(exc):
            raise damaged_error(path, "SQLite cannot read its tables") from exc
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


def damaged_error(
    path: Path, why: str = "SQLite finds it malformed", *, checking: bool = False
) -> DatabaseDamagedError:
    """What netui says about a damaged database, wherever the damage was met.

    ``checking`` is for ``netui db check`` itself, which has nothing to write and need not
    be suggested.
    """
    todo = "" if checking else "nothing was written. Run netui db check, and "
    return DatabaseDamagedError(
        f"{path} is damaged ({why}); {todo}put a backup back with netui db restore "
        "(netui db backups lists them)"
    )


def is_damage(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in (CORRUPT, NOTADB):
        return True
    return "malformed" in str(error).lower()


def first_problem(path: Path) -> str | None:
    """SQLite's first complaint about the file (``PRAGMA quick_check``), or None if sound.

    quick_check reads every page once and checks the b-trees, the records and the NOT NULL
    and CHECK constraints: what bytes flipped on disk break. It skips the slower match of
    every index against its table (integrity_check). A missing or empty file is sound.
    Failures other than damage (busy, unreadable) are raised, not taken for damage.
    """
    if not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        with reading(path) as conn:
            answers = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            return str(exc)
        raise
    if answers == ["ok"]:
        return None
    details = [a for line in answers for a in line.splitlines() if not a.startswith("***")]
    return details[0] if details else "quick_check gave no answer"


def ensure_sound(path: Path) -> None:
    """Raise DatabaseDamagedError if SQLite's quick check finds the file damaged."""
    try:
        problem = first_problem(path)
    except sqlite3.Error as exc:
        raise DatabaseFileError(f"{path} cannot be read ({exc}); nothing was written") from exc
    if problem is not None:
        raise damaged_error(path)
