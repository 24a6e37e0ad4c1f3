"""Looking after the database file itself (``netui db``): check it read-only, back it up.

Only the standard library and :mod:`netui.db.filecheck` are imported up front, so checking a
file before the app starts costs no SQLAlchemy import.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from netui.db.filecheck import (
    FileState,
    damaged_error,
    ensure_sound,
    inspect_file,
    is_damage,
    reading,
)
from netui.db.filecopy import backup_file
from netui.db.private import make_private_folders
from netui.db.schema_version import HEAD
from netui.domain.clock import Clock
from netui.errors import DatabaseDamagedError, DatabaseFileError, ValidationError

__all__ = ["FileReport", "backup_database", "check_database", "damage_behind", "ensure_openable"]


@dataclass(frozen=True, slots=True)
class FileReport:
    """What ``netui db check`` found; ``state`` is new, current or outdated."""

    path: Path
    exists: bool
    state: str
    revision: str | None
    head: str
    contacts: int | None
    integrity: str | None  # "ok", or SQLite's first complaint


def ensure_openable(path: Path) -> None:
    """Raise DatabaseFileError now if the file cannot become or is not netui's database.

    Only the folders may be created (each 0700), as opening the database would do anyway.
    """
    inspect_file(path)
    try:
        make_private_folders(path.parent)
    except OSError as error:
        reason = error.strerror or str(error)
        raise DatabaseFileError(f"cannot create the folder for {path}: {reason}") from error


def _read_only_facts(path: Path) -> tuple[int, str]:
    with reading(path) as conn:
        row = conn.execute("SELECT count(*) FROM contact").fetchone()
        problems = [r[0] for r in conn.execute("PRAGMA quick_check")]
    return int(row[0]), problems[0] if problems else "ok"


def check_database(path: Path) -> FileReport:
    """Describe the database file without creating, migrating or writing anything."""
    state, revision = inspect_file(path)
    if state is FileState.NEW:
        return FileReport(path, path.exists(), state.value, None, HEAD, None, None)
    try:
        contacts, integrity = _read_only_facts(path)
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            raise damaged_error(path, "SQLite cannot read it", checking=True) from exc
        raise DatabaseFileError(f"{path} cannot be read ({exc}); left as is") from exc
    return FileReport(path, True, state.value, revision, HEAD, contacts, integrity)


def backup_database(source: Path, dest: Path, clock: Clock, *, force: bool = False) -> Path:
    """Copy the live database to ``dest`` with SQLite's online backup; returns the copy's path.

    ``dest`` may be a folder (a dated file name is chosen in it). An existing file is replaced
    only with ``force``, and only once the new copy is complete.
    """
    state, _ = inspect_file(source)
    if state is FileState.NEW:
        raise DatabaseFileError(f"there is no netui database at {source} to back up")
    ensure_sound(source)  # a copy of a damaged file would pass for a good backup
    if dest.is_dir():
        stamp = clock().astimezone().strftime("%Y%m%d-%H%M%S")
        dest = dest / f"{source.stem}-backup-{stamp}{source.suffix or '.db'}"
    if dest.exists() and dest.resolve() == source.resolve():
        raise ValidationError("DEST", "is the database itself; choose another file")
    if dest.exists() and not force:
        raise ValidationError("DEST", f"{dest} already exists; add --force to replace it")
    if not dest.parent.is_dir():
        raise ValidationError("DEST", f"the folder {dest.parent} does not exist")
    try:
        backup_file(source, dest)
    except sqlite3.Error as exc:
        raise DatabaseFileError(f"could not back up {source} ({exc})") from exc
    return dest


def damage_behind(path: Path) -> DatabaseDamagedError | None:
    """If an unexpected failure on ``path`` came from damage SQLite can see, netui's error.

    Damage can break a read in ways no query reports (a NULL where a name must be), so
    before calling such a failure a bug, the CLI asks this. It never raises.
    """
    try:
        inspect_file(path)  # only a netui database can be a damaged one
        ensure_sound(path)
    except DatabaseDamagedError as error:
        return error
    except Exception:  # asked while handling another failure: never add one
        return None
    return None
