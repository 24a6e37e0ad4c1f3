"""What an import reports: a file's preview, the run's summary, and what an undo did.

Plain frozen values, built by the import run and its undo and shown by the TUI and the
CLI; they hold no database state.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from netui.io import ImportedContact, RowProblem, SourceInfo

__all__ = ["ImportPreview", "ImportSummary", "JobChange", "PossibleDuplicate", "UndoSummary"]


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What a file holds, for the import screen: detected layout and its first records."""

    info: SourceInfo
    sample: tuple[ImportedContact | RowProblem, ...]


@dataclass(frozen=True, slots=True)
class JobChange:
    """A matched contact whose company or title changed: a reason to get in touch."""

    contact_id: int
    full_name: str
    old_company: str
    old_title: str
    new_company: str
    new_title: str


@dataclass(frozen=True, slots=True)
class PossibleDuplicate:
    """A new row whose name is like a stored contact's (added anyway; review and merge)."""

    row_number: int
    name: str
    contact_id: int  # the stored contact it looks like
    contact_name: str
    new_contact_id: int | None  # the contact the row became (None in a dry run)


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import did (or, for a dry run, would do).

    ``added`` new contacts; ``updated`` and ``unchanged`` stored contacts the file matched;
    ``in_file_duplicates`` rows that repeated an earlier row's person (merged into it);
    ``skipped_blank`` rows with nothing to import; ``problems`` rows not imported, and why.
    """

    batch_id: int | None  # None for a dry run
    path: Path
    format: str
    dry_run: bool
    rows: int
    added: int
    updated: int
    unchanged: int
    in_file_duplicates: int
    skipped_blank: int
    changed_jobs: tuple[JobChange, ...]
    duplicates: tuple[PossibleDuplicate, ...]
    problems: tuple[RowProblem, ...]
    warnings: tuple[RowProblem, ...]
    warning_count: int

    @property
    def job_changes(self) -> int:
        return len(self.changed_jobs)


@dataclass(frozen=True, slots=True)
class UndoSummary:
    """What undoing an import did. Contacts it added that saw activity since are kept."""

    batch_id: int
    removed: int
    kept_with_interactions: int
    kept_triaged: int
    kept_edited: int
    reverted_contacts: int
    reverted_fields: int
    fields_edited_since: int

    @property
    def kept(self) -> int:
        return self.kept_with_interactions + self.kept_triaged + self.kept_edited

    @property
    def message(self) -> str:
        parts = [f"removed {_count(self.removed, 'contact')} it added"]
        if self.reverted_contacts:
            parts.append(f"put back {_count(self.reverted_contacts, 'contact')} it updated")
        if self.kept:
            why = [
                f"{n} {reason}"
                for n, reason in (
                    (self.kept_with_interactions, "with calls or messages logged"),
                    (self.kept_triaged, "triaged"),
                    (self.kept_edited, "edited"),
                )
                if n
            ]
            parts.append(
                f"kept {_count(self.kept, 'contact')} it added that you used since "
                f"({', '.join(why)})"
            )
        if self.fields_edited_since:
            parts.append(
                f"left {_count(self.fields_edited_since, 'field')} you changed since as you "
                "set them"
            )
        return "; ".join(parts)

    def __str__(self) -> str:
        return self.message


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
