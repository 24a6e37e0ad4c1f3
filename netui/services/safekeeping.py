"""What a netui about to write does first: refuse a damaged file, and keep a daily backup.

Damage is looked for once per run, when the app or a command that writes opens the
database, with SQLite's ``PRAGMA quick_check`` (see :func:`netui.db.filecheck.first_problem`).
It reads the whole file once: about 20 ms at 30,000 contacts (8 MB) and 60 ms at 100,000
(28 MB), measured on ``netui demo`` databases, against some 450 ms for ``netui add`` as a
whole; so every writing run pays it rather than guessing when damage could have begun.
Commands that only read skip it: they cannot make damage worse, and meeting it they say
so too. The app checks as it opens, in the worker that loads the list.

Then, if the file holds data and has no backup from today, one is made in ``backups/``
beside it (folder 0700, files 0600) with SQLite's online backup, so it is known sound;
the last :data:`KEEP` days' are kept. A backup that cannot be made (a full disk) does not
stop the work: it is logged (at INFO, which Python does not print unasked: a read-only
data folder would otherwise add a line to every command), and tried again next run.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from netui.db.filecheck import FileState, ensure_sound, has_user_data, inspect_file, reading
from netui.db.filecopy import backup_file
from netui.db.private import make_private_folders
from netui.domain.clock import Clock, local_today

__all__ = ["BACKUP_FOLDER", "KEEP", "DailyBackup", "daily_backups", "prepare_to_write"]

BACKUP_FOLDER = "backups"
KEEP = 7

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DailyBackup:
    """One day's copy of the database; ``contacts`` is None if it cannot be read."""

    path: Path
    day: date
    size: int
    contacts: int | None


def backups_folder(database: Path) -> Path:
    return database.parent / BACKUP_FOLDER


def _name(database: Path, day: date) -> str:
    return f"{database.stem}-{day.isoformat()}{database.suffix or '.db'}"


def _dated(database: Path) -> list[tuple[date, Path]]:
    """This database's daily backups (not another's in the same folder), newest first."""
    pattern = re.compile(
        re.escape(database.stem) + r"-(\d{4}-\d{2}-\d{2})" + re.escape(database.suffix or ".db")
    )
    found: list[tuple[date, Path]] = []
    folder = backups_folder(database)
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        match = pattern.fullmatch(path.name)
        if match is None or not path.is_file():
            continue
        try:
            found.append((date.fromisoformat(match.group(1)), path))
        except ValueError:
            continue  # 2026-13-45: not one of ours
    return sorted(found, reverse=True)


def _contacts(path: Path) -> int | None:
    try:
        with reading(path) as conn:
            return int(conn.execute("SELECT count(*) FROM contact").fetchone()[0])
    except sqlite3.Error:
        return None


def daily_backups(database: Path) -> list[DailyBackup]:
    """The daily backups of ``database``, newest first."""
    return [
        DailyBackup(path, day, path.stat().st_size, _contacts(path))
        for day, path in _dated(database)
    ]


def make_daily_backup(database: Path, clock: Clock) -> Path | None:
    """Back ``database`` up into ``backups/`` unless today's copy exists or it is empty.

    Returns the new copy's path. The caller has made sure the file is sound.
    """
    today = local_today(clock)
    if any(day == today for day, _ in _dated(database)) or not has_user_data(database):
        return None
    folder = backups_folder(database)
    make_private_folders(folder)
    copy = folder / _name(database, today)
    backup_file(database, copy)
    for _, old in _dated(database)[KEEP:]:
        old.unlink(missing_ok=True)
    return copy


def prepare_to_write(path: Path, clock: Clock) -> Path | None:
    """Refuse a damaged database (DatabaseDamagedError), then make today's backup if due.

    Returns the backup made, if one was.
    """
    state, _ = inspect_file(path)
    if state is FileState.NEW:
        return None
    ensure_sound(path)
    try:
        return make_daily_backup(path, clock)
    except (OSError, sqlite3.Error) as error:
        log.info("netui could not make today's backup of %s: %s", path, error)
        return None
