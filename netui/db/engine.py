"""Open a netui database: check the file, migrate it if needed, and hand back a Database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from netui.db.changes import ChangeWatcher, listen_for_own_writes
from netui.db.failures import explain, explained
from netui.db.filecheck import FileState, ensure_sound, has_user_data, inspect_file
from netui.db.filecopy import backup_file
from netui.db.models import CLOCK_OPTION
from netui.db.private import create_private_file
from netui.domain.clock import Clock
from netui.errors import DatabaseFileError

__all__ = [
    "Database",
    "FileState",
    "UnitOfWork",
    "backup_file",
    "inspect_file",
    "open_database",
]

BUSY_TIMEOUT_MS = 5000
"""How long a write waits for another netui's to finish before saying the database is busy
(front ends choose their own: the app cannot freeze that long, a script can wait longer)."""


def make_engine(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    """An engine on exactly the file at ``path``.

    The URL is built from parts, never from text: in ``sqlite:///{path}`` a ``?`` in the
    name starts a query (``other.db?x=1`` opened ``other.db``) and ``%41`` is decoded to
    ``A``. Given as the database part, the name reaches ``sqlite3.connect`` as it is.
    """

    def set_pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    engine = create_engine(URL.create("sqlite", database=str(path)))
    event.listen(engine, "connect", set_pragmas)
    return engine


def _restrict_permissions(path: Path) -> None:
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if candidate.exists():
            candidate.chmod(0o600)


def pre_upgrade_backup_path(path: Path, revision: str | None, clock: Clock) -> Path:
    stamp = clock().astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.name}.schema-{revision}-{stamp}.bak")


class UnitOfWork:
    """A session whose work is kept only if ``commit()`` is called before the block ends.

    For work that may be thrown away on purpose, such as a dry run, which does everything
    and then rolls it back without having to raise an exception to get there::

        with database.unit_of_work() as work:
            do_things(work.session)
            if keep:
                work.commit()
    """

    def __init__(self, sessions: sessionmaker[Session], path: Path) -> None:
        self._sessions = sessions
        self._path = path
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("the unit of work is used outside its with block")
        return self._session

    def __enter__(self) -> UnitOfWork:
        self._session = self._sessions()
        self._session.begin()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        session, self._session = self.session, None
        try:
            session.rollback()  # what commit() kept stays; anything since goes
        finally:
            session.close()
        known = explain(error, self._path) if error is not None else None
        if known is not None:
            raise known from error  # SQLite's failure, said as netui says it

    def commit(self) -> None:
        with explained(self._path):
            self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()


class Database:
    """One engine per process, its clock, and a unit-of-work session factory.

    Every write through a session is stamped (``created_at``, ``updated_at``) by ``clock``,
    which reaches the column defaults as an execution option.
    """

    def __init__(self, path: Path, engine: Engine, clock: Clock) -> None:
        self.path = path
        self.engine = engine
        self.clock = clock
        stamped = engine.execution_options(**{CLOCK_OPTION: clock})
        self._sessions = sessionmaker(stamped, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is committed on success and rolled back on any error.

        SQLite's failures (busy, damaged, full) come out as netui's own errors.
        """
        with explained(self.path), self._sessions.begin() as session:
            yield session

    def unit_of_work(self) -> UnitOfWork:
        """A session rolled back at the end of its block unless its work was committed."""
        return UnitOfWork(self._sessions, self.path)

    def watch_changes(self) -> ChangeWatcher:
        """A watcher of what other processes commit; this Database's own writes are not news.

        Hooks every session's commit (see :mod:`netui.db.changes`), so take at most one.
        """
        watcher = ChangeWatcher(self.path)
        listen_for_own_writes(self.engine, self._sessions, watcher)
        return watcher

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path, clock: Clock, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Database:
    """Check, create or migrate the file at ``path`` and return a ready Database."""
    state, revision = inspect_file(path)
    if state is FileState.NEW:
        try:
            create_private_file(path)
        except OSError as error:
            reason = error.strerror or str(error)
            raise DatabaseFileError(f"cannot create {path}: {reason}") from error
    elif state is FileState.OUTDATED:
        ensure_sound(path)  # upgrading writes: never into a damaged file
        if has_user_data(path):
            backup_file(path, pre_upgrade_backup_path(path, revision, clock))
    engine = make_engine(path, busy_timeout_ms)
    try:
        with explained(path):  # a failure to open or upgrade is said as netui says it
            if state is not FileState.CURRENT:
                from netui.db.migrate import upgrade_to_head

                upgrade_to_head(engine)
            with engine.connect():
                pass
    except BaseException:
        engine.dispose()
        raise
    _restrict_permissions(path)
    return Database(path, engine, clock)
