"""Importing contact files: preview a file, run an import, list past imports, undo one.

One import is one transaction: the batch record, every new contact, every update and the
change log that lets undo revert it are committed together or not at all (an error, or a
killed process, leaves the database as it was). A dry run does the same work in a unit of
work that is never committed.

The work itself is in :mod:`netui.services.import_run` (matching and merging rows) and
:mod:`netui.services.import_undo`; what they report is in
:mod:`netui.services.import_results`.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import islice
from os import PathLike

from netui.db.engine import Database
from netui.db.imports import ImportRepository
from netui.domain.clock import Clock, local_today
from netui.domain.types import ImportBatchInfo
from netui.errors import NetuiError
from netui.io import ContactReader, ImportFileError
from netui.services.import_results import (
    ImportPreview,
    ImportSummary,
    JobChange,
    PossibleDuplicate,
    UndoSummary,
)
from netui.services.import_run import Progress, run_import
from netui.services.import_undo import undo_import

__all__ = [
    "ImportBatchInfo",
    "ImportFileUnusableError",
    "ImportPreview",
    "ImportService",
    "ImportSummary",
    "JobChange",
    "PossibleDuplicate",
    "Progress",
    "UndoSummary",
]


class ImportFileUnusableError(NetuiError):
    """The file cannot be imported at all; nothing was written. ``str()`` names the file."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class ImportService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    @staticmethod
    def _reader(
        path: str | PathLike[str], format: str, mapping: Mapping[str, str] | None
    ) -> ContactReader:
        try:
            return ContactReader(path, format, mapping)
        except ImportFileError as error:
            raise ImportFileUnusableError(error.path, error.problem) from None
        except OSError as error:
            raise ImportFileUnusableError(
                str(path), f"cannot be read ({error.strerror or error})"
            ) from None

    def preview(
        self,
        path: str | PathLike[str],
        format: str = "auto",
        mapping: Mapping[str, str] | None = None,
        rows: int = 10,
    ) -> ImportPreview:
        """The detected layout and the first ``rows`` records or problems; writes nothing."""
        reader = self._reader(path, format, mapping)
        try:
            sample = tuple(islice(reader, rows))
        except ImportFileError as error:
            raise ImportFileUnusableError(error.path, error.problem) from None
        return ImportPreview(reader.info, sample)

    def run(
        self,
        path: str | PathLike[str],
        format: str = "auto",
        mapping: Mapping[str, str] | None = None,
        *,
        dry_run: bool = False,
        progress: Progress | None = None,
    ) -> ImportSummary:
        """Import a contact file in one transaction and say what it did.

        Raises :class:`ImportFileUnusableError` (and writes nothing) for a file that cannot
        be imported at all; rows that cannot be imported are listed in ``problems`` while
        the others go in. A dry run does all the work, reports it, and rolls it back.
        """
        reader = self._reader(path, format, mapping)
        try:
            with self.db.unit_of_work() as work:
                summary = run_import(
                    ImportRepository(work.session),
                    reader,
                    now=self.clock(),
                    today=local_today(self.clock),
                    dry_run=dry_run,
                    progress=progress,
                )
                if not dry_run:
                    work.commit()
        except ImportFileError as error:
            raise ImportFileUnusableError(error.path, error.problem) from None
        return summary

    def batches(self) -> list[ImportBatchInfo]:
        """Every import, newest first."""
        with self.db.session() as session:
            return ImportRepository(session).batches()

    def undo(self, batch_id: int) -> UndoSummary:
        """Undo a whole import in one transaction (see :mod:`netui.services.import_undo`)."""
        with self.db.session() as session:
            return undo_import(ImportRepository(session), batch_id, self.clock())
