"""How the Contacts pane comes to show its list as the app opens.

Plain functions over the pane, like :mod:`netui.tui.panes.contact_dialogs`. In order:

1. the first rows (all of them for a small database): shown at once, in the first frame
   if the database opened while the screen was built; the keys that only move, search,
   sort and filter work;
2. :class:`Writable`: the file is checked and watched; the pane gets the services (the
   keys that read or write work) and reads the whole list again, in a worker;
3. every pane has the services (``show_listing``): the detail, the Top 20 progress and
   the look for other netuis' writes start.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from textual.message import Message

from netui.domain.clock import local_today
from netui.domain.listing import ContactListing, SortKey, StatusFilter
from netui.domain.types import ContactRow
from netui.tui.loading import LIST_WAIT_S, Opening
from netui.tui.widgets.welcome import Welcome

if TYPE_CHECKING:
    from netui.services.context import Services
    from netui.tui.loading import Opened
    from netui.tui.panes.contacts import ContactsPane

__all__ = [
    "FirstRows",
    "Writable",
    "every_pane_has_it",
    "rows_in_view",
    "show_first",
    "show_if_open",
    "show_welcome",
    "take",
]


class FirstRows(Message):
    """The database is open and the list's first rows read (all of them, when few).

    ``shown`` is set once they are on screen: the opener's next work waits for it, so
    that it does not hold up the frame that shows them.
    """

    def __init__(self, opened: Opened, shown: threading.Event) -> None:
        super().__init__()
        self.opened = opened
        self.shown = shown


class Writable(Message):
    """The file is checked sound and watched for other netuis' writes: the services, for
    the keys that read or write the database."""

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services


def show_if_open(pane: ContactsPane) -> None:
    """As the pane mounts: the first frame waits a moment for the list, so that it shows
    it; waiting, this thread leaves the interpreter to the one opening the database. (If
    that takes longer, the app hands the rows over: :func:`take`.)"""
    opening = getattr(pane.app, "opening", None)
    opened = opening.opened_within(LIST_WAIT_S) if isinstance(opening, Opening) else None
    if opened is not None:
        show_first(pane, opened.listing, opened.complete, opened.total)


def take(pane: ContactsPane, message: FirstRows | Writable) -> None:
    if isinstance(message, Writable):
        _writable(pane, message.services)
        return
    opened = message.opened
    show_first(pane, opened.listing, opened.complete, opened.total)
    pane.call_after_refresh(message.shown.set)


def show_first(pane: ContactsPane, listing: ContactListing, complete: bool, total: int) -> None:
    """Show the first rows. Unless ``complete``, only the default view (every shown
    contact by priority) has rows to show until everyone is read."""
    if pane.loaded:
        return
    pane.listing = listing
    pane.complete = complete
    pane.total = total
    pane.loaded = True
    pane.table.today = local_today(pane.clock)
    pane.render_view()
    if pane.screen.focused is None or pane.table.has_focus or not pane.table.display:
        pane.focus_default()


def _writable(pane: ContactsPane, services: Services) -> None:
    """The keys may use the database; the whole list is read again (others may have
    written since its first rows were)."""
    if pane.ready:
        return
    pane.attach(services)
    pane.sync.read_whole()
    pane.refresh_bindings()


def rows_in_view(pane: ContactsPane) -> list[ContactRow]:
    """The rows of the view asked for; none while the listing holds only the first rows
    of the default view and another is asked for."""
    whole = pane.complete or (
        pane.status_filter is StatusFilter.ACTIVE
        and pane.listing.sort_key is SortKey.PRIORITY
        and not pane.query_text
    )
    return pane.listing.view(pane.status_filter, pane.query_text) if whole else []


def show_welcome(pane: ContactsPane, empty_db: bool) -> None:
    """The welcome, for an empty database: mounted only then (it is the costliest part of
    the pane to build and style, and seldom shown)."""
    welcome = next(iter(pane.query(Welcome)), None)
    if welcome is None and empty_db:
        welcome = Welcome(id="welcome")
        pane.mount(welcome)
    if welcome is not None:
        welcome.display = empty_db


def every_pane_has_it(pane: ContactsPane, services: Services, listing: ContactListing) -> None:
    if not pane.loaded:
        show_first(pane, listing, True, len(listing))
    _writable(pane, services)
