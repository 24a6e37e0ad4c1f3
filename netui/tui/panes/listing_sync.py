"""Keeping the Contacts pane's list in step with a database other netuis write to.

Every :data:`CHECK_EVERY` seconds the pane asks the services whether anyone else has
committed since it last asked (``PRAGMA data_version`` on a connection of its own, a few
microseconds on the UI thread). When someone has, the whole list is read again in a thread
and handed to the pane, which keeps its sort, filter, search, selection and cursor.

The pane's own decisions keep landing while a reload is under way. The rows they touched are
read again when the reload arrives, so a list read a moment before a decision never shows
it undone; a reload overtaken by a newer one is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from netui.domain.listing import ContactListing
from netui.errors import NetuiError, NotFoundError

if TYPE_CHECKING:
    from netui.tui.panes.contacts import ContactsPane

__all__ = ["CHECK_EVERY", "ListingSync"]

CHECK_EVERY = 1.5
"""Seconds between looks for other netuis' writes."""


class ListingSync:
    """The pane's reloads: when to read the list again, and what to fix in what arrives."""

    def __init__(self, pane: ContactsPane) -> None:
        self.pane = pane
        self.generation = 0
        self._touched: set[int] = set()
        self._started = False

    def start(self) -> None:
        """Look for other netuis' writes from now on (once the list is first shown)."""
        if not self._started:
            self._started = True
            self.pane.set_interval(CHECK_EVERY, self.check, name="look-for-other-writers")

    def check(self) -> None:
        """Reload when another netui (or a netui command) wrote since the last look."""
        try:
            news = self.pane.services.changes.others_wrote()
        except NetuiError:
            return  # asked again at the next look
        if news:
            self.reload()

    def reload(self) -> None:
        """Read the whole list again, off the UI thread."""
        self.generation += 1
        self.read_whole()

    def read_whole(self) -> None:
        """Read the whole list, off the UI thread; as the app opens, with no new
        generation (a reload after it, for news, wins over it)."""
        self._touched.clear()
        generation = self.generation
        self.pane.run_worker(
            lambda: self._load(generation),
            thread=True,
            exclusive=True,
            group="contacts-reload",
            exit_on_error=False,
        )

    def _load(self, generation: int) -> None:
        from netui.tui.loading import load_listing

        listing = load_listing(self.pane.services)
        if not get_current_worker().is_cancelled:
            self.pane.post_message(self.pane.Loaded(listing, generation))

    def touched(self, ids: Iterable[int]) -> None:
        """The pane changed these contacts itself (their rows were read again)."""
        self._touched.update(ids)

    def arrived(self, listing: ContactListing, generation: int) -> bool:
        """Make a reloaded listing current: False (drop it) when a newer one is coming.

        Rows the pane changed since the reload began are read again into it, and it takes
        the pane's sort order as it is now.
        """
        if generation != self.generation:
            return False
        listing.sort_key = self.pane.listing.sort_key
        contacts = self.pane.services.contacts
        for contact_id in self._touched:
            try:
                listing.replace(contacts.row(contact_id))
            except NotFoundError:
                listing.remove(contact_id)
            except NetuiError:
                pass  # unreadable just now: as the reload read it
        self._touched.clear()
        return True
