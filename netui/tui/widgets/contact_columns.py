"""What the contact list says, and where: its columns for a width and the text of each cell.

Kept apart from the widget so the layout and the wording can be read and tested without a
running app: nothing here knows about styles, scrolling or events. Every text returned is
one terminal line of exactly its column's width, with control characters replaced, so the
widget can put it in a `Segment` as it is.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from rich.cells import cell_len, set_cell_size

from netui.domain.dates import time_since
from netui.domain.types import ContactRow, TriageStatus
from netui.tui.text import one_line, row_status, strength_dots

__all__ = [
    "GAP",
    "GAPPED",
    "HEADERS",
    "JOB_CHANGE_MARK",
    "MUTED",
    "ColumnName",
    "Layout",
    "RowKind",
    "cell_text",
    "column_layout",
    "company_title",
    "fit",
    "header_text",
    "row_cells",
    "row_kind",
]

ColumnName = Literal["marker", "name", "company", "last", "status", "strength"]
Layout = tuple[tuple[ColumnName, int], ...]
"""Columns left to right, each with its width in cells (gaps not included)."""
RowKind = Literal["top20", "dim", "plain"]
"""How a row stands out: the Top 20 is emphasised, skipped and archived contacts recede."""

HEADERS: dict[ColumnName, str] = {
    "marker": "",
    "name": "Name",
    "company": "Company · Title",
    "last": "Last contact",
    "status": "Status",
    "strength": "Strength",
}
MUTED: frozenset[ColumnName] = frozenset({"company", "last"})
"""Columns drawn in the secondary (muted) style: context, not the contact itself."""
GAPPED: frozenset[ColumnName] = frozenset({"company", "last", "status", "strength"})
"""Columns with a gap before them (the marker carries its own space)."""
GAP = 1
JOB_CHANGE_MARK = "↗ "
SELECTED_MARK, UNSELECTED_MARK = "✓ ", "  "

_MARKER_WIDTH = 2  # the mark and its space
# Fixed-width columns, dropped from the end of this list when the table is very narrow.
_OPTIONAL: Layout = (("last", 14), ("status", 10), ("strength", 8))
_NAME_MIN, _NAME_PREFERRED, _NAME_MAX = 10, 16, 32
_COMPANY_MIN = 12


def fit(text: str, width: int) -> str:
    """`text` padded or truncated (with …) to exactly `width` cells."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


def column_layout(width: int) -> Layout:
    """Columns and their widths for a table `width` cells wide (gaps not included).

    Company · Title shrinks first, then Name; below that, Strength, Status and Last contact
    are dropped in turn, and at last Company · Title.
    """
    optional = list(_OPTIONAL)

    def flexible_space() -> int:
        fixed = sum(w + GAP for _, w in optional)
        return width - _MARKER_WIDTH - fixed - GAP  # gap between name and company

    while optional and flexible_space() < _NAME_MIN + _COMPANY_MIN:
        optional.pop()
    flexible = flexible_space()
    columns: list[tuple[ColumnName, int]] = [("marker", _MARKER_WIDTH)]
    if flexible >= _NAME_MIN + _COMPANY_MIN:
        name = max(_NAME_PREFERRED, min(_NAME_MAX, round(flexible * 0.45)))
        name = max(_NAME_MIN, min(name, flexible - _COMPANY_MIN))
        columns += [("name", name), ("company", flexible - name)]
    else:  # too narrow for a company column
        columns.append(("name", max(0, width - _MARKER_WIDTH)))
    return (*columns, *optional)


def company_title(row: ContactRow) -> str:
    """``Acme · Engineer``, marked when the last import saw the contact change jobs."""
    text = " · ".join(part for part in (row.company.strip(), row.title.strip()) if part)
    return JOB_CHANGE_MARK + text if row.job_changed else text


def row_kind(status: TriageStatus) -> RowKind:
    """Which of the rows' looks a contact with this triage status gets."""
    if status is TriageStatus.TOP20:
        return "top20"
    if status in (TriageStatus.SKIP, TriageStatus.ARCHIVED):
        return "dim"
    return "plain"


def cell_text(column: ColumnName, row: ContactRow, *, today: date, selected: bool) -> str:
    """What one cell of `row` says, before it is fitted to its column."""
    if column == "marker":
        return SELECTED_MARK if selected else UNSELECTED_MARK
    if column == "name":
        return row.full_name
    if column == "company":
        return company_title(row)
    if column == "last":
        return time_since(row.last_contacted, row.last_contacted_precision, today)
    if column == "status":
        return row_status(row)
    return strength_dots(row.strength)


def row_cells(
    row: ContactRow, layout: Layout, *, today: date, selected: bool
) -> list[tuple[ColumnName, str]]:
    """Each cell of `row` in `layout`, as terminal-safe text exactly its column's width."""
    return [
        (column, fit(one_line(cell_text(column, row, today=today, selected=selected)), width))
        for column, width in layout
    ]


def header_text(layout: Layout) -> str:
    """The header line for `layout`, gaps included."""
    return "".join(
        (" " * GAP if column in GAPPED else "") + fit(HEADERS[column], width)
        for column, width in layout
    )
