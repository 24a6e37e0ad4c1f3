"""A complete backup of the database as one JSON file, and its exact restore.

Every table is in the file with every column, so a restore recreates the database exactly:
ids, links between rows, the Top 20 order and the undo history included. The file's layout
is :mod:`netui.io.backup_format`'s, the checks before a restore :mod:`netui.io.backup_check`'s
(against the domain's :data:`~netui.domain.record_rules.STORED_RECORD_RULES`), and the
tables' rows :class:`netui.db.backup.BackupRepository`'s; this ties them together.

:meth:`BackupService.restore` checks the whole document before writing anything and names
the first problem by its place in the file
(``backup.json: contacts[12].status: "vip" is not one of new, top20, later, skip,
archived``); it restores only into an empty database, all in one transaction.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from netui import __version__
from netui.db.backup import BackupRepository, RestoreConflictError, record_shapes
from netui.db.engine import Database
from netui.db.schema_version import HEAD, REVISIONS
from netui.domain.clock import Clock, system_clock
from netui.domain.record_rules import STORED_RECORD_RULES, RecordRules
from netui.errors import NetuiError
from netui.io.backup_check import check_document
from netui.io.backup_format import BackupError, backup_header, load_document, write_backup
from netui.io.export_files import ExportFileError, atomic_text_file

__all__ = [
    "BackupError",
    "BackupService",
    "BackupSummary",
    "RestoreRefusedError",
    "RestoreSummary",
    "refuse_database_path",
]


class RestoreRefusedError(NetuiError):
    """A backup is restored only into an empty database."""


def _counts_fields(counts: Mapping[str, int]) -> dict[str, Any]:
    ordered = tuple((shape.plural, counts.get(shape.plural, 0)) for shape in record_shapes())
    return {
        "contacts": counts.get("contacts", 0),
        "interactions": counts.get("interactions", 0),
        "scripts": counts.get("scripts", 0),
        "script_revisions": counts.get("script_revisions", 0),
        "timer_sessions": counts.get("timer_sessions", 0),
        "timer_pauses": counts.get("timer_pauses", 0),
        "settings": counts.get("settings", 0),
        "import_batches": counts.get("import_batches", 0),
        "triage_events": counts.get("triage_events", 0),
        "tables": ordered,
    }


_NOUNS = {
    "contacts": "contact",
    "interactions": "interaction",
    "scripts": "script",
    "timer_sessions": "daily session",
    "settings": "setting",
}


def _describe(contacts: int, interactions: int, tables: tuple[tuple[str, int], ...]) -> str:
    """Contacts and interactions always, then scripts, sessions and settings if any."""
    counts = {**dict(tables), "contacts": contacts, "interactions": interactions}
    parts = []
    for key, noun in _NOUNS.items():
        count = counts.get(key, 0)
        if count or key in ("contacts", "interactions"):
            parts.append(f"{count:,} {noun}{'' if count == 1 else 's'}")
    return ", ".join(parts[:-1]) + " and " + parts[-1]


@dataclass(frozen=True, slots=True)
class BackupSummary:
    """What a JSON backup holds: rows per section (``tables`` has every section)."""

    path: Path
    schema: str
    contacts: int
    interactions: int
    scripts: int
    script_revisions: int
    timer_sessions: int
    timer_pauses: int
    settings: int
    import_batches: int
    triage_events: int
    tables: tuple[tuple[str, int], ...]
    bytes_written: int
    seconds: float

    def __str__(self) -> str:
        return f"backup of {_describe(self.contacts, self.interactions, self.tables)}"


@dataclass(frozen=True, slots=True)
class RestoreSummary:
    """What a restore wrote: rows per section (``tables`` has every section)."""

    path: Path
    schema: str
    exported_at: datetime | None
    contacts: int
    interactions: int
    scripts: int
    script_revisions: int
    timer_sessions: int
    timer_pauses: int
    settings: int
    import_batches: int
    triage_events: int
    tables: tuple[tuple[str, int], ...]
    seconds: float

    def __str__(self) -> str:
        """``1,204 contacts, 310 interactions, 2 scripts and 3 settings``."""
        return _describe(self.contacts, self.interactions, self.tables)


def refuse_database_path(path: Path, database: Path) -> None:
    """Raise ExportFileError if ``path`` is the database file (or its WAL/SHM companions)."""
    resolved = database.resolve()
    if path.resolve() in {resolved, Path(f"{resolved}-wal"), Path(f"{resolved}-shm")}:
        raise ExportFileError(path, "is the netui database itself; choose another file")


class BackupService:
    def __init__(
        self, db: Database, clock: Clock = system_clock, rules: RecordRules = STORED_RECORD_RULES
    ) -> None:
        self.db = db
        self.clock = clock
        self.rules = rules  # what a restored record must keep beyond its fields' types

    def export_json(self, path: str | os.PathLike[str], *, force: bool = False) -> BackupSummary:
        """Write every table to ``path`` as a JSON backup (0600, all or nothing).

        An existing file is replaced only with ``force``. Everything is read in one
        transaction, so the backup is a consistent snapshot even while the app is open.
        """
        started = time.perf_counter()
        target = Path(path).expanduser()
        refuse_database_path(target, self.db.path)
        with self.db.session() as session, atomic_text_file(target, force=force) as out:
            repo = BackupRepository(session)
            strays = repo.unknown_tables()
            if strays:
                # A table the models do not describe would be silently left out: refuse.
                raise NetuiError(
                    f"cannot back up {self.db.path}: it has tables netui does not know "
                    f"({', '.join(strays)})"
                )
            header = backup_header(HEAD, __version__, self.clock())
            counts = write_backup(out, header, record_shapes(), repo)
        return BackupSummary(
            path=target,
            schema=HEAD,
            **_counts_fields(counts),
            bytes_written=target.stat().st_size,
            seconds=time.perf_counter() - started,
        )

    def _refuse_unless_empty(self, repo: BackupRepository) -> None:
        filled = repo.filled()
        if filled:
            what = ", ".join(f"{count:,} {key.replace('_', ' ')}" for key, count in filled[:3])
            raise RestoreRefusedError(
                f"{self.db.path} already holds data ({what}); a backup is restored only into "
                "a new, empty database: use a new --db file"
            )

    def restore(self, path: str | os.PathLike[str]) -> RestoreSummary:
        """Restore a JSON backup into this (empty) database, exactly, in one transaction.

        Raises RestoreRefusedError if the database holds any data, and BackupError if the
        file is not a backup this netui can restore (made by a newer netui, damaged,
        inconsistent); nothing is written in either case.
        """
        started = time.perf_counter()
        source = Path(path).expanduser()
        with self.db.session() as session:
            self._refuse_unless_empty(BackupRepository(session))
        document = load_document(source)
        plan = check_document(
            source, document, record_shapes(), schemas=REVISIONS, rules=self.rules
        )
        try:
            with self.db.session() as session:
                repo = BackupRepository(session)
                self._refuse_unless_empty(repo)
                counts = repo.restore(plan.records, plan.named_values)
        except RestoreConflictError as error:
            problem = f"{error.place}: cannot be restored: {error.detail}"
            raise BackupError(source, [problem]) from None
        return RestoreSummary(
            path=source,
            schema=plan.schema,
            exported_at=plan.exported_at,
            **_counts_fields(counts),
            seconds=time.perf_counter() - started,
        )
