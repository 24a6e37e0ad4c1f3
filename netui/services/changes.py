"""Whether another netui (or a netui command) changed the database while the app is open."""

from __future__ import annotations

from netui.db.changes import ChangeWatcher
from netui.db.engine import Database


class ChangeService:
    """The app asks :meth:`others_wrote` on a timer and reloads what it shows when it is True.

    Nothing is watched until :meth:`start`: a command run from a shell writes and exits, so
    only the app pays for the watcher's connection.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self._watcher: ChangeWatcher | None = None

    def start(self) -> None:
        """Begin watching: changes committed from now on by anyone else are news."""
        if self._watcher is None:
            self._watcher = self.db.watch_changes()

    def others_wrote(self) -> bool:
        """Whether another process committed since the last call (False before start)."""
        return self._watcher is not None and self._watcher.others_wrote()

    def close(self) -> None:
        if self._watcher is not None:
            self._watcher.close()
