"""Drawing the contact table's lines as strips, and keeping the ones already drawn.

Kept apart from :class:`~netui.tui.widgets.contact_table.ContactTable`, which decides what
is on each line: this draws it with the table's component styles, from plain segments (so
user text is never markup), and caches strips by what they depend on.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.strip import Strip

from netui.domain.types import ContactRow, TriageStatus
from netui.tui.text import one_line
from netui.tui.widgets.contact_columns import (
    GAP,
    GAPPED,
    MUTED,
    Layout,
    RowKind,
    fit,
    header_text,
    row_cells,
    row_kind,
)

if TYPE_CHECKING:
    from textual.widget import Widget


KEPT_ROWS = 256
"""Rows' strips kept for drawing again (paging back, a search that keeps them)."""


class ContactStrips:
    """The strips of one table: its header, its empty message and its rows."""

    def __init__(self, table: Widget) -> None:
        self._table = table
        # By contact, with the row drawn: a row read again (an edit) is a new object. Some
        # seven pages' worth: each strip is ten objects or so for the garbage collector to
        # walk, and with 1,024 kept a full collection took 20 ms while paging.
        self._rows: LRUCache[tuple[int, int, bool, bool, bool], tuple[ContactRow, Strip]]
        self._rows = LRUCache(KEPT_ROWS)
        self._header: tuple[int, Strip] | None = None
        self._styles: dict[tuple[RowKind, bool, bool], tuple[Style, Style]] = {}

    def clear(self) -> None:
        """Forget every strip (today, width, theme or focus changed)."""
        self._rows.clear()
        self._styles.clear()
        self._header = None

    def header(self, layout: Layout, width: int) -> Strip:
        if self._header is not None and self._header[0] == width:
            return self._header[1]
        style = self._table.get_component_rich_style("contact-table--header")
        text = header_text(layout)
        strip = Strip([Segment(text, style)], cell_len(text)).adjust_cell_length(width, style)
        self._header = (width, strip)
        return strip

    def empty(self, message: str, width: int) -> Strip:
        """A line of the empty table: ``message`` centred and muted, or blank."""
        base = self._table.rich_style
        if not message:
            return Strip.blank(width, base)
        style = self._table.get_component_rich_style("contact-table--empty")
        shown = one_line(message)
        if cell_len(shown) > width:
            shown = fit(shown, width)
        strip = Strip([Segment(shown, style)], cell_len(shown))
        return strip.text_align(width, "center").apply_style(base)

    def _row_styles(
        self, status: TriageStatus, is_selected: bool, is_cursor: bool
    ) -> tuple[Style, Style]:
        """Styles of a row's primary cells and of its secondary (muted) cells."""
        kind = row_kind(status)
        key = (kind, is_selected, is_cursor)
        styles = self._styles.get(key)
        if styles is not None:
            return styles
        # Full (not partial) component styles: theme colours such as $text-muted are
        # translucent or "auto", and only resolve correctly against the widget's background.
        get_style = self._table.get_component_rich_style
        base = self._table.rich_style
        primary = base if kind == "plain" else base + get_style(f"contact-table--{kind}")
        muted = "contact-table--dim" if kind == "dim" else "contact-table--secondary"
        secondary = base + get_style(muted)
        for name, applies in (("selected", is_selected), ("cursor", is_cursor)):
            if applies:
                overlay = get_style(f"contact-table--{name}")
                primary += overlay
                secondary += overlay
        styles = self._styles[key] = (primary, secondary)
        return styles

    def row(
        self,
        row: ContactRow,
        layout: Layout,
        width: int,
        *,
        today: date,
        is_cursor: bool,
        is_selected: bool,
    ) -> Strip:
        key = (row.id, width, is_cursor, is_selected, self._table.has_focus)
        drawn = self._rows.get(key)
        if drawn is not None and drawn[0] is row:
            return drawn[1]
        primary, secondary = self._row_styles(row.status, is_selected, is_cursor)
        # One Strip per row, its segments merged by style as they are made: every Strip
        # Textual makes costs seven caches, and the rows are most of what paging draws.
        texts: list[str] = []
        styles: list[Style] = []
        length = 0  # each cell's text is exactly its column's width
        cells = row_cells(row, layout, today=today, selected=is_selected)
        for (column, text), (_, column_width) in zip(cells, layout, strict=True):
            if column in GAPPED:
                _add(texts, styles, " " * GAP, primary)
                length += GAP
            _add(texts, styles, text, secondary if column in MUTED else primary)
            length += column_width
        if length < width:
            _add(texts, styles, " " * (width - length), primary)
        strip = Strip(list(map(Segment, texts, styles)), max(length, width))
        if length > width:  # narrower than the narrowest layout
            strip = strip.adjust_cell_length(width, primary)
        self._rows[key] = (row, strip)
        return strip


def _add(texts: list[str], styles: list[Style], text: str, style: Style) -> None:
    """Add ``text`` in ``style``, to the last segment when it has that style."""
    if styles and styles[-1] is style:
        texts[-1] += text
    else:
        texts.append(text)
        styles.append(style)
