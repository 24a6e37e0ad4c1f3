"""Open a netui database: check the file, migrate it if needed, and hand back a Database.

SQLAlchemy is imported only when something needs it: an up-to-date file opens with the
standard library alone (the schema check is :mod:`netui.db.filecheck`'s), the engine is made
on the first session, and reads that do without the ORM (the contact list, ``contacts
--json``) use :meth:`Database.reading`, a plain ``sqlite3`` connection.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from netui.db.failures import explain, explained
from netui.db.filecheck import FileState, ensure_sound, has_user_data, inspect_file
from netui.db.filecopy import backup_file
from netui.db.private import create_private_file
from netui.domain.clock import Clock
from netui.errors import DatabaseFileError

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from netui.db.changes import ChangeWatcher

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

    from sqlalchemy import URL, create_engine, event

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


def open_reader(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> sqlite3.Connection:
    """A standard-library connection to the existing file at ``path`` that cannot write.

    ``mode=rw`` never creates a missing file (the URI comes from ``Path.as_uri``, which
    percent-encodes ``?``, ``%``, ``#`` and spaces); ``query_only`` refuses every write; and
    with no implicit transactions (``isolation_level=None``) :meth:`Database.reading` decides
    where a snapshot begins and ends. Usable from any thread, one thread at a time.
    """
    connection = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=rw",
        uri=True,
        timeout=busy_timeout_ms / 1000,
        isolation_level=None,
        check_same_thread=False,
    )
    try:
        connection.execute("PRAGMA query_only = ON")
        connection.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    except BaseException:
        connection.close()
        raise
    return connection


class Database:
    """One engine per process, its clock, and a unit-of-work session factory.

    Every write through a session is stamped (``created_at``, ``updated_at``) by ``clock``,
    which reaches the column defaults as an execution option. The engine (and SQLAlchemy
    with it) is made when first needed; :meth:`reading` needs neither.
    """

    def __init__(
        self,
        path: Path,
        clock: Clock,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
        engine: Engine | None = None,
    ) -> None:
        self.path = path
        self.clock = clock
        self.busy_timeout_ms = busy_timeout_ms
        self._engine = engine
        self._session_factory: sessionmaker[Session] | None = None
        self._lock = threading.Lock()
        self._idle_readers: list[sqlite3.Connection] = []  # reused, one reading at a time
        self._readers: list[sqlite3.Connection] = []  # every one opened, to close
        self._reading = threading.local()  # the connection this thread is reading on
        self._watcher: ChangeWatcher | None = None  # told of own writes once sessions exist
        self._closed = False

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    self._engine = make_engine(self.path, self.busy_timeout_ms)
        return self._engine

    @property
    def _sessions(self) -> sessionmaker[Session]:
        if self._session_factory is None:
            from sqlalchemy.orm import sessionmaker

            from netui.db.models import CLOCK_OPTION

            stamped = self.engine.execution_options(**{CLOCK_OPTION: self.clock})
            with self._lock:
                if self._session_factory is None:
                    made = sessionmaker(stamped, expire_on_commit=False)
                    if self._watcher is not None:
                        self._hook(made, self._watcher)
                    self._session_factory = made
        return self._session_factory

    def _hook(self, sessions: sessionmaker[Session], watcher: ChangeWatcher) -> None:
        from netui.db.changes import listen_for_own_writes

        listen_for_own_writes(self.engine, sessions, watcher)

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

    def _take_reader(self) -> sqlite3.Connection:
        with self._lock:
            if self._idle_readers:
                return self._idle_readers.pop()
        connection = open_reader(self.path, self.busy_timeout_ms)
        with self._lock:
            self._readers.append(connection)
        return connection

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A consistent, read-only snapshot on the standard library's ``sqlite3``.

        For reads that need no ORM (repositories given the connection run plain SQL): no
        SQLAlchemy is imported. The snapshot lasts the block, even when the block streams
        rows to a caller; a ``reading`` inside another one on the same thread shares it.
        What this process commits through a session is seen by the next snapshot. Threads
        read at the same time on connections of their own, kept for the next reading.
        """
        current: sqlite3.Connection | None = getattr(self._reading, "connection", None)
        if current is not None:
            yield current
            return
        with explained(self.path):
            connection = self._take_reader()
            self._reading.connection = connection
            try:
                connection.execute("BEGIN")
                yield connection
            finally:
                self._reading.connection = None
                try:
                    if connection.in_transaction:
                        connection.execute("ROLLBACK")
                except sqlite3.ProgrammingError:
                    pass  # closed meanwhile (close() came first): nothing left to end
                else:
                    with self._lock:
                        ended = self._closed and connection in self._readers
                        if ended:  # close() came while it was reading: it is ours to close
                            self._readers.remove(connection)
                        elif connection in self._readers:
                            self._idle_readers.append(connection)
                    if ended:
                        connection.close()

    def watch_changes(self) -> ChangeWatcher:
        """A watcher of what other processes commit; this Database's own writes are not news.

        Hooks every session's commit (see :mod:`netui.db.changes`), so take at most one.
        Until the first session is made, nothing is hooked (so SQLAlchemy is not imported):
        no write can come before it.
        """
        from netui.db.changes import ChangeWatcher

        watcher = ChangeWatcher(self.path)
        with self._lock:
            sessions = self._session_factory
            if sessions is None:
                self._watcher = watcher
        if sessions is not None:
            self._hook(sessions, watcher)
        return watcher

    def release_connections(self) -> None:
        """Close every connection not in use (the next read or session opens new ones).

        For before this process opens the file by other means than SQLite (the file
        checks and backups do): closing any descriptor of a file drops every lock the
        process holds on it, and another process would then take SQLite's write-ahead
        log for unused and delete it under this one's connections.
        """
        with self._lock:
            idle, self._idle_readers = self._idle_readers, []
            self._readers = [c for c in self._readers if c not in idle]
            engine = self._engine
        for connection in idle:
            connection.close()
        if engine is not None:
            engine.dispose()

    def close(self) -> None:
        """Close every connection; one another thread is reading on is closed as its
        reading ends (closing it under a running query would crash the interpreter)."""
        with self._lock:
            self._closed = True
        self.release_connections()


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
    if state is FileState.CURRENT:
        with explained(path):  # a file that cannot be opened says so now, as netui says it
            open_reader(path, busy_timeout_ms).close()
        _restrict_permissions(path)
        return Database(path, clock, busy_timeout_ms)
    engine = make_engine(path, busy_timeout_ms)
    try:
        with explained(path):  # a failure to create or upgrade is said as netui says it
            from netui.db.migrate import upgrade_to_head

            upgrade_to_head(engine)
            with engine.connect():
                pass
    except BaseException:
        engine.dispose()
        raise
    _restrict_permissions(path)
    return Database(path, clock, busy_timeout_ms, engine)
