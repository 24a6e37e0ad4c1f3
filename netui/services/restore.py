"""Put a backup back (``netui db restore``): checked first, swapped in one step, nothing lost.

The backup must be a netui database that SQLite's quick check finds sound. It is copied
beside the database with SQLite's online backup (private, whole or not at all), then
swapped in with one rename. The file that was there is kept under a new name beside it,
never deleted: a hard link gives it that name before the swap, so the database's name
always points at a whole file. Its ``-wal``/``-shm``/``-journal``, if any, go with it.

No other netui may have the database open meanwhile: its connections would go on
writing into the kept file, or leave a write-ahead log beside the restored one that
does not belong to it. SQLite can only leave write-ahead-log mode when no other
connection is open, so switching the file to rollback mode, then holding its exclusive
lock through the swap, proves it is not in use (and SQLite refuses a write through a
connection opened just before the swap: the file it opened has moved).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from netui.db.filecheck import FileState, first_problem, inspect_file, is_damage, reading
from netui.db.filecopy import backup_file
from netui.db.private import make_private_folders
from netui.domain.clock import Clock
from netui.errors import (
    DatabaseBusyError,
    DatabaseDamagedError,
    DatabaseFileError,
    ValidationError,
)

__all__ = ["RestorePlan", "plan_restore", "restore_database"]

WAIT_SECONDS = 1.0
"""How long to wait for another netui to let go of the database before refusing."""
_SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True, slots=True)
class RestorePlan:
    """What a restore will do; ``current_contacts`` is None if there is no readable file."""

    database: Path
    backup: Path
    backup_contacts: int
    current_contacts: int | None
    kept: Path | None  # where the file there now will be kept (None: there is none)


def _contacts(path: Path) -> int:
    with reading(path) as conn:
        return int(conn.execute("SELECT count(*) FROM contact").fetchone()[0])


def _check_backup(database: Path, backup: Path) -> int:
    """Raise unless ``backup`` is a sound netui database other than ``database``."""
    if not backup.is_file():
        raise ValidationError("BACKUP", f"{backup} is not a file")
    if database.exists() and backup.resolve() == database.resolve():
        raise ValidationError("BACKUP", "is the database itself; choose a backup of it")
    state, _ = inspect_file(backup)
    if state is FileState.NEW:
        raise DatabaseFileError(f"{backup} holds no netui database; nothing was restored")
    problem = first_problem(backup)
    if problem is not None:
        raise DatabaseDamagedError(
            f"{backup} is damaged ({problem}); nothing was restored. Choose another backup "
            "(netui db backups lists them)"
        )
    return _contacts(backup)


def _current_contacts(database: Path) -> int | None:
    """The contacts in the file to be replaced; refuse one that is not netui's at all."""
    try:
        state, _ = inspect_file(database)
        return None if state is FileState.NEW else _contacts(database)
    except (DatabaseDamagedError, sqlite3.DatabaseError):
        return None  # damaged: the very reason to restore
    except DatabaseFileError as error:
        raise DatabaseFileError(f"{str(error).rstrip('.')}; nothing was restored") from None


def _kept_name(database: Path, clock: Clock) -> Path:
    stamp = clock().astimezone().strftime("%Y%m%d-%H%M%S")
    kept = database.with_name(f"{database.name}.before-restore-{stamp}.bak")
    n = 1
    while kept.exists() or any(Path(f"{kept}{s}").exists() for s in _SIDE_FILES):
        n += 1
        kept = database.with_name(f"{database.name}.before-restore-{stamp}-{n}.bak")
    return kept


def plan_restore(database: Path, backup: Path, clock: Clock) -> RestorePlan:
    """Check everything a restore needs, changing nothing."""
    current = _current_contacts(database)  # first: :memory:, a device... are no place to restore
    backup_contacts = _check_backup(database, backup)
    kept = _kept_name(database, clock) if database.exists() else None
    return RestorePlan(database, backup, backup_contacts, current, kept)


def _in_use() -> DatabaseBusyError:
    return DatabaseBusyError(
        "the database is in use by another netui (the app, or a command still running); "
        "close it and try again. Nothing was restored"
    )


def _busy(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return (isinstance(code, int) and code & 0xFF in (5, 6)) or "locked" in str(error).lower()


@contextmanager
def _sole_use(database: Path) -> Iterator[None]:
    """Hold the database so that no other connection can be using it (else DatabaseBusyError)."""
    with closing(sqlite3.connect(database, timeout=WAIT_SECONDS, isolation_level=None)) as conn:
        try:
            (mode,) = conn.execute("PRAGMA journal_mode = DELETE").fetchone()
            if str(mode).lower() != "delete":
                raise _in_use()
            conn.execute("BEGIN EXCLUSIVE")
        except sqlite3.DatabaseError as error:
            if _busy(error):
                raise _in_use() from error
            if not is_damage(error):
                raise DatabaseFileError(
                    f"{database} cannot be replaced ({error}); nothing was restored"
                ) from error
            # Too damaged to switch: nothing can be working with it. Its side files go
            # with it, so what it holds stays together under the kept name.
        yield


def _swap(staged: Path, database: Path, kept: Path) -> None:
    """``database`` becomes ``staged``'s file; the file it was stays, as ``kept``."""
    try:
        os.link(database, kept)
    except OSError:
        os.rename(database, kept)  # no hard links here (FAT): a moment without the file
    for suffix in _SIDE_FILES:
        side = Path(f"{database}{suffix}")
        if side.exists():
            os.rename(side, f"{kept}{suffix}")
    os.replace(staged, database)


def restore_database(database: Path, backup: Path, clock: Clock) -> RestorePlan:
    """Put ``backup`` in place of ``database``, keeping the file there; returns what was done."""
    plan = plan_restore(database, backup, clock)
    make_private_folders(database.parent)
    staged = database.with_name(f".{database.name}.restoring")
    try:
        backup_file(backup, staged)
        if first_problem(staged) is not None:
            raise DatabaseFileError(f"the copy of {backup} came out damaged; nothing was restored")
        if plan.kept is None:
            os.replace(staged, database)
        else:
            with _sole_use(database):
                _swap(staged, database, plan.kept)
    finally:
        staged.unlink(missing_ok=True)
    return plan
