"""What a netui about to write does first: make sure it does not write into a damaged file.

Damage is looked for once per run, when the app or a command that writes opens the
database, with SQLite's ``PRAGMA quick_check`` (see :func:`netui.db.filecheck.first_problem`).
It reads the whole file once: about 20 ms at 30,000 contacts (8 MB) and 60 ms at 100,000
(28 MB), measured on ``netui demo`` databases, against some 450 ms for ``netui add`` as a
whole; so every writing run pays it rather than guessing when damage could have begun.
Commands that only read skip it: they cannot make damage worse, and meeting it they say
so too. The app checks as it opens, in the worker that loads the list.
"""

from __future__ import annotations

from pathlib import Path

from netui.db.filecheck import FileState, ensure_sound, inspect_file
from netui.domain.clock import Clock

__all__ = ["prepare_to_write"]


def prepare_to_write(path: Path, clock: Clock) -> None:
    """Refuse a damaged database before anything is written to it (DatabaseDamagedError)."""
    state, _ = inspect_file(path)
    if state is FileState.NEW:
        return
    ensure_sound(path)
