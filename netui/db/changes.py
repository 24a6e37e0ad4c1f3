"""Noticing that another netui wrote to the database, without reading any of it.

SQLite's ``PRAGMA data_version`` gives a number that changes whenever a connection *other*
than the one asking has committed. :class:`ChangeWatcher` asks it on a connection of its
own, kept open for nothing else, so a check costs a few microseconds: in WAL mode it reads
the shared-memory index and touches neither the file nor any table.

From that connection this process's own engine is "another connection" too, so each of our
own commits that wrote is reported to the watcher (:func:`listen_for_own_writes`):

- just before the commit, while our transaction holds SQLite's write lock (so no one else
  can commit in between), the watcher takes note of anything others committed until then;
- right after it, the watcher records the new number as seen: our write is not news.

What is left is the moment between our commit and that second look; another netui's
commit landing exactly there is taken for ours (it is still shown on the next change, or
the next start).

The watcher itself is the standard library's; SQLAlchemy is imported only to hook the
engine, when the process makes its first session (nothing is written before that).
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

__all__ = ["ChangeWatcher", "listen_for_own_writes"]

LOOK_WAIT_S = 0.05
"""How long a look waits if SQLite is briefly busy (a checkpoint); then it is tried again
at the next look rather than holding up the screen."""

_CHANGES_AT_BEGIN = "netui.total_changes_at_begin"


class ChangeWatcher:
    """Answers "did another netui write since I last asked?" from ``data_version``.

    Safe to call from any thread: the app's timer asks on the UI thread while workers
    commit on theirs.
    """

    def __init__(self, path: Path) -> None:
        self._connection = sqlite3.connect(
            str(path), timeout=LOOK_WAIT_S, isolation_level=None, check_same_thread=False
        )
        self._lock = threading.Lock()
        self._closed = False
        self._others_pending = False
        self._seen = self._version()

    def _version(self) -> int | None:
        """The current data_version; None when SQLite could not say just now."""
        try:
            row = self._connection.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error:
            return None
        return int(row[0])

    def others_wrote(self) -> bool:
        """Whether anyone but this process committed since the last call."""
        with self._lock:
            if self._closed:
                return False
            version = self._version()
            if version is None:
                return False  # asked again at the next look
            news = self._others_pending or version != self._seen
            self._seen, self._others_pending = version, False
            return news

    def before_own_commit(self) -> None:
        """Our write is about to commit, under the write lock: keep others' news so far."""
        with self._lock:
            if self._closed:
                return
            version = self._version()
            if version is None or version != self._seen:
                self._others_pending = True  # unsure counts as news: a reload too many is fine
            if version is not None:
                self._seen = version

    def after_own_commit(self) -> None:
        """Our write committed: the number it moved to is not news."""
        with self._lock:
            if self._closed:
                return
            version = self._version()
            if version is not None:
                self._seen = version

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                self._connection.close()


def listen_for_own_writes(
    engine: Engine, sessions: sessionmaker[Session], watcher: ChangeWatcher
) -> None:
    """Tell ``watcher`` around every commit through ``engine`` that changed a row.

    Reads commit too (every session ends in one), but only a commit that changed rows moves
    ``data_version``; SQLite's per-connection ``total_changes`` tells the two apart.
    """
    from sqlalchemy import event

    pending = threading.local()  # set between a write's commit and its after_commit

    def changes(connection: Any) -> int:
        return int(connection.connection.dbapi_connection.total_changes)

    def on_begin(connection: Any) -> None:
        connection.info[_CHANGES_AT_BEGIN] = changes(connection)

    def on_commit(connection: Any) -> None:
        if changes(connection) != connection.info.get(_CHANGES_AT_BEGIN):
            watcher.before_own_commit()
            pending.wrote = True

    def after_commit(_session: Session) -> None:
        if getattr(pending, "wrote", False):
            pending.wrote = False
            watcher.after_own_commit()

    event.listen(engine, "begin", on_begin)
    event.listen(engine, "commit", on_commit)
    event.listen(sessions, "after_commit", after_commit)
