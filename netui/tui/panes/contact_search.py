"""The Contacts pane's search box: opening it, typing into it, clearing it.

Plain functions over the pane, like :mod:`netui.tui.panes.contact_triage`; the pane keeps
the key handler and the box's messages and hands them here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.widgets import Input

if TYPE_CHECKING:
    from netui.tui.panes.contacts import ContactsPane

__all__ = ["clear", "key_into_box", "open_box", "search_for"]


def _box(pane: ContactsPane) -> Input:
    return pane.query_one("#search", Input)


def open_box(pane: ContactsPane) -> None:
    search = _box(pane)
    search.display = True
    # Focus now, not after a refresh: keys typed right behind "/" belong in the box.
    pane.screen.set_focus(search)


def key_into_box(pane: ContactsPane, event: events.Key) -> None:
    """Letters typed right behind "/" belong in the search box, in the order typed.

    A burst of keys is queued on the list before any of them is handled, and Textual
    looks up bindings only once a key has bubbled up to the app; so ``/tx`` would reach
    the pane's ``t`` and ``x`` before the box had the cursor. The search key is acted on
    here, as it passes, and the letters behind it are put into the box.
    """
    search = _box(pane)
    if _runs_search(pane, event.key) and pane.check_action("search", ()):
        event.stop()
        event.prevent_default()
        open_box(pane)
    elif pane.screen.focused is search and event.is_printable and event.character:
        event.stop()
        event.prevent_default()
        search.insert_text_at_cursor(event.character)


def _runs_search(pane: ContactsPane, key: str) -> bool:
    """Whether ``key`` is bound to search here (the table's key, or the user's remap)."""
    return any(b.action == "search" for b in pane._bindings.key_to_bindings.get(key, ()))


def search_for(pane: ContactsPane, value: str) -> None:
    if value != pane.query_text:
        pane.query_text = value
        pane.render_view()


def clear(pane: ContactsPane) -> None:
    """Esc: the search goes (and the box), else the selection."""
    search = _box(pane)
    if search.has_focus or pane.query_text:
        search.value = ""  # the list follows (search_for)
        search.display = False
        pane.table.focus()
        search_for(pane, "")
    elif pane.table.selected_ids:
        pane.table.clear_selection()
        pane.update_status_line(pane.table.row_count)
