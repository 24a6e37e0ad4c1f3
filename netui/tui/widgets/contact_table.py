"""The contact list: a virtual table that renders only the rows on screen (Textual's Line API).

A stock `DataTable` filled with 30,000 rows takes seconds to become ready; this widget keeps a
plain list of `ContactRow` tuples and builds a `Strip` only for each visible line, caching the
strips it built. Setting 100,000 rows costs a list copy. The columns and what each cell says
are in :mod:`netui.tui.widgets.contact_columns`, the strips are drawn and cached by
:mod:`netui.tui.widgets.contact_strips`; this module holds the state, cursor and events.

User text (names, companies, titles) is displayed literally: strips are built from plain
`Segment`s, never from markup, and control characters are replaced before they can reach the
terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from netui.domain.types import ContactRow
from netui.tui.actions import Scope, bindings
from netui.tui.widgets.contact_columns import Layout, column_layout
from netui.tui.widgets.contact_strips import ContactStrips

__all__ = ["ContactTable"]


class ContactTable(ScrollView, can_focus=True):
    """A keyboard-driven list of contacts, rendering only the visible rows.

    Attributes down (`set_rows`, `today`, `empty_message`), messages up (`Highlighted`,
    `Activated`). Line 0 of the widget is a fixed header; row `i` is virtual line `i + 1`.
    """

    DEFAULT_CSS = """
    ContactTable {
        height: 1fr;
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        & > .contact-table--header {
            color: $text-muted;
            background: $panel;
            text-style: bold;
        }
        & > .contact-table--secondary {
            color: $text-muted;
        }
        & > .contact-table--top20 {
            color: $text-primary;
            text-style: bold;
        }
        & > .contact-table--dim {
            color: $text-disabled;
        }
        & > .contact-table--selected {
            color: $text-accent;
            background: $accent-muted;
        }
        & > .contact-table--cursor {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            background-tint: $foreground 5%;
            & > .contact-table--cursor {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .contact-table--empty {
            color: $text-muted;
            text-style: italic;
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "contact-table--header",
        "contact-table--secondary",
        "contact-table--top20",
        "contact-table--dim",
        "contact-table--selected",
        "contact-table--cursor",
        "contact-table--empty",
    }
    """
    | Class | Description |
    | :- | :- |
    | `contact-table--header` | The fixed header line. |
    | `contact-table--secondary` | Company · Title and Last contact cells. |
    | `contact-table--top20` | Rows of contacts on the Top 20. |
    | `contact-table--dim` | Rows of skipped and archived contacts. |
    | `contact-table--selected` | Selected rows. |
    | `contact-table--cursor` | The row under the cursor. |
    | `contact-table--empty` | The message shown when there are no rows. |
    """

    BINDINGS = bindings(Scope.CONTACT_LIST)

    class _About(Message):
        """A message about one contact of this table."""

        def __init__(self, contact_table: ContactTable, contact_id: int | None) -> None:
            super().__init__()
            self.contact_table = contact_table
            self.contact_id = contact_id

        @property
        def control(self) -> ContactTable:
            return self.contact_table

    class Highlighted(_About):
        """The cursor moved to another contact (`contact_id` is None when the list is empty)."""

    class Activated(_About):
        """The user opened a contact (enter, or a double click)."""

        contact_id: int

    empty_message: reactive[str] = reactive("No contacts", layout=False)
    """Shown, centred and muted, when there are no rows."""

    def __init__(
        self,
        rows: Sequence[ContactRow] = (),
        *,
        today: date,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self._rows: list[ContactRow] = []
        self._cursor = 0
        self._selected: set[int] = set()
        self._today = today
        self._highlighted_id: int | None = None
        self._strips = ContactStrips(self)
        self._layouts: dict[int, Layout] = {}
        if rows:
            self.set_rows(rows)

    # -- attributes down ---------------------------------------------------------------------

    @property
    def rows(self) -> Sequence[ContactRow]:
        """The rows shown, in order (read only)."""
        return self._rows

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def today(self) -> date:
        """The date "Last contact" is counted from (settable, so tests can fix it)."""
        return self._today

    @today.setter
    def today(self, today: date) -> None:
        if today != self._today:
            self._today = today
            self._clear_caches()
            self.refresh()

    def set_rows(self, rows: Sequence[ContactRow], keep_cursor_on: int | None = None) -> None:
        """Show `rows` (in this order).

        The cursor stays on contact `keep_cursor_on` when it is among the new rows, otherwise
        on the same position, clamped. Selected contacts no longer shown are deselected.
        """
        self._rows = list(rows)
        if self._selected:
            shown = {row.id for row in self._rows}
            self._selected &= shown
        # The strips drawn stay: each is kept with the row it shows, so a row read again
        # is drawn again, and the rows a search keeps are not.
        self.virtual_size = Size(0, len(self._rows) + 1)
        index = self._cursor
        if keep_cursor_on is not None:
            found = self._index_of(keep_cursor_on)
            if found is not None:
                index = found
        if self.scroll_offset.y > self.max_scroll_y:
            self.scroll_to(y=self.max_scroll_y, animate=False)
        self._move_cursor(index)
        self.refresh()

    # -- reading state -----------------------------------------------------------------------

    @property
    def cursor_index(self) -> int:
        """Position of the cursor in `rows` (0 when there are no rows)."""
        return self._cursor

    @cursor_index.setter
    def cursor_index(self, index: int) -> None:
        self._move_cursor(index)

    @property
    def current_row(self) -> ContactRow | None:
        """The row under the cursor, if any."""
        return self._rows[self._cursor] if self._rows else None

    @property
    def selected_ids(self) -> frozenset[int]:
        """Ids of the selected contacts (only contacts shown can be selected)."""
        return frozenset(self._selected)

    def clear_selection(self) -> None:
        if self._selected:
            self._selected.clear()
            self._strips.clear()
            self.refresh()

    def move_cursor_to_id(self, contact_id: int) -> bool:
        """Put the cursor on a contact; returns False (cursor unmoved) if it is not shown."""
        index = self._index_of(contact_id)
        if index is None:
            return False
        self._move_cursor(index)
        return True

    def advance(self) -> None:
        """Move to the next row (after a triage decision); stays put on the last row."""
        self._move_cursor(self._cursor + 1)

    # -- actions -----------------------------------------------------------------------------

    def action_cursor_up(self) -> None:
        self._move_cursor(self._cursor - 1)

    def action_cursor_down(self) -> None:
        self._move_cursor(self._cursor + 1)

    def action_page_up(self) -> None:
        page = self._page_height
        self.scroll_to(y=self.scroll_offset.y - page, animate=False)
        self._move_cursor(self._cursor - page)

    def action_page_down(self) -> None:
        page = self._page_height
        self.scroll_to(y=self.scroll_offset.y + page, animate=False)
        self._move_cursor(self._cursor + page)

    def action_first(self) -> None:
        self._move_cursor(0)

    def action_last(self) -> None:
        self._move_cursor(len(self._rows) - 1)

    def action_toggle_select(self) -> None:
        row = self.current_row
        if row is None:
            return
        self._selected.symmetric_difference_update((row.id,))
        self.refresh_line(self._cursor + 1)
        self.advance()

    def action_activate(self) -> None:
        row = self.current_row
        if row is not None:
            self.post_message(self.Activated(self, row.id))

    # -- events ------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:  # outside the rows, or on the header
            return
        index = self.scroll_offset.y + offset.y - 1
        if index >= len(self._rows):
            return
        event.stop()
        self._move_cursor(index)
        if event.chain == 2:
            self.action_activate()

    def on_resize(self, _event: events.Resize) -> None:
        self._clear_caches()
        self._scroll_to_cursor()

    def on_mount(self) -> None:
        self._scroll_to_cursor()

    def notify_style_update(self) -> None:
        """Styles changed (theme, focus, CSS): strips built with the old styles are stale.

        Textual calls this when the theme changes and when focus toggles `:focus`.
        """
        super().notify_style_update()
        self._clear_caches()

    # -- cursor ------------------------------------------------------------------------------

    @property
    def _page_height(self) -> int:
        """Rows visible at once (the widget's height less the header)."""
        return max(1, self.scrollable_content_region.height - 1)

    def _index_of(self, contact_id: int) -> int | None:
        for index, row in enumerate(self._rows):
            if row.id == contact_id:
                return index
        return None

    def _move_cursor(self, index: int) -> None:
        index = max(0, min(index, len(self._rows) - 1))
        old = self._cursor
        if index != old:
            self._cursor = index
            self.refresh_line(old + 1)
            self.refresh_line(index + 1)
        self._scroll_to_cursor()
        row = self.current_row
        contact_id = row.id if row is not None else None
        if contact_id != self._highlighted_id:
            self._highlighted_id = contact_id
            self.post_message(self.Highlighted(self, contact_id))

    def _scroll_to_cursor(self) -> None:
        if not self._rows or not self.size:
            return
        top = self.scroll_offset.y
        page = self._page_height
        if self._cursor < top:
            self.scroll_to(y=self._cursor, animate=False)
        elif self._cursor >= top + page:
            self.scroll_to(y=self._cursor - page + 1, animate=False)

    # -- rendering ---------------------------------------------------------------------------

    def _clear_caches(self) -> None:
        self._strips.clear()

    def _layout(self, width: int) -> Layout:
        layout = self._layouts.get(width)
        if layout is None:
            layout = self._layouts[width] = column_layout(width)
        return layout

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width  # excludes the scrollbar
        layout = self._layout(width)
        if y == 0:
            return self._strips.header(layout, width)
        if not self._rows:
            middle = y == max(1, self.size.height // 2)
            return self._strips.empty(self.empty_message if middle else "", width)
        index = self.scroll_offset.y + y - 1
        if index >= len(self._rows):
            return Strip.blank(width, self.rich_style)
        row = self._rows[index]
        return self._strips.row(
            row,
            layout,
            width,
            today=self._today,
            is_cursor=index == self._cursor,
            is_selected=row.id in self._selected,
        )
