"""Open a netui database: check the file, migrate it if needed, and hand back a Database."""

from __future__ import annotations

import enum
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from netui.db.schema_version import HEAD, REVISIONS
from netui.errors import DatabaseFileError

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


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


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _set_pragmas)
    return engine


def _create_private_file(path: Path) -> None:
    """Make the folder (0700) and the file (0600): the database holds personal data."""
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def _restrict_permissions(path: Path) -> None:
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if candidate.exists():
            candidate.chmod(0o600)


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


def backup_file(source: Path, dest: Path) -> None:
    """Copy a live database safely with SQLite's online backup API."""
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(dest)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    dest.chmod(0o600)


def pre_upgrade_backup_path(path: Path, revision: str | None) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.name}.schema-{revision}-{stamp}.bak")


class Database:
    """One engine per process and a unit-of-work session factory."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is committed on success and rolled back on any error."""
        with self._sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path) -> Database:
    """Check, create or migrate the file at ``path`` and return a ready Database."""
    state, revision = inspect_file(path)
    if state is FileState.NEW:
        _create_private_file(path)
    elif state is FileState.OUTDATED and has_user_data(path):
        backup_file(path, pre_upgrade_backup_path(path, revision))
    engine = make_engine(path)
    if state is not FileState.CURRENT:
        from netui.db.migrate import upgrade_to_head

        upgrade_to_head(engine)
    with engine.connect():
        pass
    _restrict_permissions(path)
    return Database(path, engine)
