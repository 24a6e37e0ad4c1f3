"""Plain value types produced by the import readers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

#: How many non-fatal warnings a :class:`ReadStats` keeps (the count goes on past it).
MAX_KEPT_WARNINGS = 100


class ImportedContact(NamedTuple):
    """One contact read from a file, cleaned but not yet deduplicated or stored.

    ``row_number`` is the 1-based row a spreadsheet would show for a CSV file (the
    header row and any preamble rows count), or the 1-based card number for a vCard file.

    A NamedTuple rather than a frozen dataclass: an import builds one per row, and a
    tuple is built several times faster (a frozen dataclass sets each field through
    ``object.__setattr__``). It is just as immutable.
    """

    row_number: int
    full_name: str
    first_name: str = ""
    last_name: str = ""
    company: str = ""
    title: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    linkedin_url: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()
    how_we_met: str = ""
    connected_on: date | None = None
    #: The card's UID (a vCard's, or a UID column's such as netui's CSV export has), ""
    #: when it has none; an import matches it before any other key, and a new contact
    #: keeps it.
    uid: str = ""


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A data row (or vCard) that was not imported, and why, in words for the user."""

    row_number: int
    reason: str


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What :func:`netui.io.sniff` found out about a file.

    ``mapping`` maps a column header to the field it feeds (for example
    ``{"Position": "title"}``); it is empty for vCard files, which have no columns.
    """

    path: Path
    format: str
    encoding: str
    delimiter: str | None
    columns: tuple[str, ...]
    mapping: dict[str, str]


@dataclass(slots=True)
class ReadStats:
    """Counts for one reading of a file: pass one to ``read_contacts``, or use
    ``ContactReader.stats``. The counts are complete once iteration has ended.

    ``skipped_blank`` counts data rows (or cards) with nothing worth importing: blank
    rows, and LinkedIn rows that are empty except for the connection date. They are
    neither contacts nor problems, and are not yielded.

    ``warnings`` holds non-fatal notes about imported rows (such as a connection date
    that could not be read); only the first :data:`MAX_KEPT_WARNINGS` are kept,
    ``warning_count`` counts them all.
    """

    contacts: int = 0
    problems: int = 0
    skipped_blank: int = 0
    warning_count: int = 0
    warnings: list[RowProblem] = field(default_factory=list)

    @property
    def rows(self) -> int:
        """Data rows (or cards) seen: contacts, problems and skipped rows together."""
        return self.contacts + self.problems + self.skipped_blank

    def warn(self, row_number: int, reason: str) -> None:
        self.warning_count += 1
        if len(self.warnings) < MAX_KEPT_WARNINGS:
            self.warnings.append(RowProblem(row_number, reason))
