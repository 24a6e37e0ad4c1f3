"""The Contacts pane: the list, search, sort and filter, the detail, and keyboard triage.

It owns its keys (they work only while the cursor is in this pane), gets the services from
the main screen through :meth:`attach`, and posts :class:`ContactsPane.Highlighted` and
:class:`ContactsPane.Changed` up so the other panes can follow.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Static

from netui.domain.clock import Clock, local_today
from netui.domain.listing import ContactListing, SortKey, StatusFilter
from netui.domain.types import TriageStatus
from netui.errors import NetuiError, NotFoundError
from netui.tui.actions import FILTER_TITLES, Scope, bindings
from netui.tui.panes import contact_dialogs as dialogs
from netui.tui.panes import contact_opening as opening
from netui.tui.panes import contact_search as search
from netui.tui.panes import contact_triage as triage
from netui.tui.panes.base import Pane
from netui.tui.panes.listing_sync import ListingSync
from netui.tui.text import literal
from netui.tui.widgets.contact_detail import ContactDetail
from netui.tui.widgets.contact_table import ContactTable
from netui.tui.widgets.welcome import Offer, Welcome
from netui.tui.workers import ReportsWorkerErrors

if TYPE_CHECKING:
    from netui.services.context import Services
    from netui.services.triage import TriageResult

SEARCH_PLACEHOLDER = "Search name, company, title, email, tags, notes"
STATUS_FILTERS = tuple(FILTER_TITLES)
SORT_KEYS = tuple(SortKey)
NEEDS_A_CONTACT = frozenset(
    {"top20", "later", "skip", "archive", "renew", "strength", "edit_contact", "log_interaction"}
)
NEEDS_THE_TOP20 = frozenset({"move_up", "move_down"})
ONLY_IN_THE_LIST = frozenset({"search", "cycle_sort", "cycle_filter", "sort", "show"})
"""Actions that need the rows only: they work as soon as the first rows are shown."""


class ContactsPane(Pane, ReportsWorkerErrors):
    """Everyone you know, highest priority first, and one key per triage decision."""

    TITLE = "Contacts"
    BINDINGS = bindings(Scope.CONTACTS)

    class Highlighted(Message):
        """The cursor is on another contact (None when the list is empty)."""

        def __init__(self, contact_id: int | None) -> None:
            super().__init__()
            self.contact_id = contact_id

    class Changed(Message):
        """Contacts changed (a decision, an edit, a call logged, an import): others refresh."""

    class Loaded(Message):
        """A fresh listing, read off the UI thread (after an import, a merge, another netui)."""

        def __init__(self, listing: ContactListing, generation: int) -> None:
            super().__init__()
            self.listing = listing
            self.generation = generation

    def __init__(self, clock: Clock, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.clock = clock
        self.listing = ContactListing()
        self.status_filter = StatusFilter.ACTIVE
        self.query_text = ""
        self.loaded = False
        self.complete = False
        """Whether the listing holds every contact (else the first rows of the default view)."""
        self.total = 0
        self._warm = False  # every pane has the services, and what their reads import is in
        self._detail_timer: Timer | None = None
        self.sync = ListingSync(self)

    # -- layout and loading -------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Input(placeholder=SEARCH_PLACEHOLDER, id="search")
        yield Static("Opening the database…", id="list-status", markup=False)
        yield ContactTable(today=local_today(self.clock), id="contacts")
        yield ContactDetail(id="detail")
        # and, for an empty database only, the welcome (contact_opening.show_welcome)

    def on_mount(self) -> None:
        super().on_mount()
        # The list follows the search box as its value changes, in the same frame: the
        # box's Changed message comes a frame or two after the box has redrawn.
        self.watch(self.query_one("#search", Input), "value", self._search_for, init=False)
        opening.show_if_open(self)

    @property
    def table(self) -> ContactTable:
        return self.query_one(ContactTable)

    def focus_default(self) -> None:
        if self.table.display:
            self.table.focus()
            return
        buttons = self.query("#welcome-import")
        if buttons:
            buttons.first().focus()
        else:  # the welcome is mounting: its buttons come with its first refresh
            self.call_after_refresh(self.focus_default)

    def take(self, message: opening.FirstRows | opening.Writable) -> None:
        """News of the opening, from the app (attributes down): contact_opening."""
        opening.take(self, message)

    def show_listing(self, services: Services, listing: ContactListing) -> None:
        """Every pane has the database now (attributes down, from the screen)."""
        opening.every_pane_has_it(self, services, listing)
        self._warm = True
        self._refresh_progress()
        self._schedule_detail()
        self.sync.start()

    def reload_contacts(self) -> None:
        """Load the whole list again (after an import or a merge), off the UI thread."""
        self.sync.reload()

    @on(Loaded)
    def _take_listing(self, message: Loaded) -> None:
        """A reload arrived: show it with the same filter, search, sort, selection and cursor."""
        if not self.sync.arrived(message.listing, message.generation):
            return  # a newer reload is on its way
        first = message.generation == 0  # the list read whole as the app opened
        self.listing = message.listing
        self.complete = True
        self.total = len(message.listing)
        self.render_view()
        if not first:  # no news for the other panes, which read after it
            self._changed()

    def render_view(self, keep_cursor_on: int | None = None) -> None:
        empty_db = self.loaded and self.complete and len(self.listing) == 0
        had_focus = self.has_focus_within
        opening.show_welcome(self, empty_db)
        self.table.display = not empty_db
        self.query_one(ContactDetail).display = not empty_db
        if had_focus and not self.has_focus_within:
            self.focus_default()
        rows = opening.rows_in_view(self)
        if not self.complete:
            self.table.empty_message = f"Loading {self.total:,} contacts…"
        elif self.query_text:
            self.table.empty_message = f"No contacts match “{self.query_text}”"
        else:
            self.table.empty_message = f"No contacts in {FILTER_TITLES[self.status_filter]}"
        current = self.table.current_row
        self.table.set_rows(
            rows,
            keep_cursor_on=keep_cursor_on if keep_cursor_on else (current.id if current else None),
        )
        self.update_status_line(len(rows))
        self._schedule_detail()

    def update_status_line(self, shown: int) -> None:
        sort = (
            "by rank"
            if self.status_filter is StatusFilter.TOP20
            else f"by {self.listing.sort_key.value}"
        )
        count = f"{shown:,} shown" if self.complete else f"loading {self.total:,} contacts"
        parts = [f"{FILTER_TITLES[self.status_filter]} (f)", f"{sort} (s)", count]
        selected = len(self.table.selected_ids)
        if selected:
            parts.append(f"{selected} selected")
        line = Content(" · ".join(parts))
        if self.query_text:
            line = Content.assemble(line, " · search: ", literal(self.query_text))
        self.query_one("#list-status", Static).update(line)

    def _refresh_progress(self) -> None:
        try:
            progress = self.services.triage.top20_progress()
        except NetuiError:
            return  # the last progress stays up; the next change reads it again
        self.border_subtitle = Content(
            f"Top 20: {progress.size}/20 · {progress.reached} of 20 reached (goal {progress.goal})"
        )

    def _changed(self) -> None:
        self._refresh_progress()
        self.post_message(self.Changed())

    # -- detail -------------------------------------------------------------------------

    @on(ContactTable.Highlighted)
    def _on_highlighted(self, event: ContactTable.Highlighted) -> None:
        self._schedule_detail()
        self.post_message(self.Highlighted(event.contact_id))

    def _schedule_detail(self) -> None:
        """Load the detail a moment after the cursor settles, not on every key repeat."""
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self._detail_timer = self.set_timer(0.05, self._load_detail)

    def _load_detail(self) -> None:
        detail = self.query_one(ContactDetail)
        row = self.table.current_row
        if not self._warm:
            return  # shown once every pane has the database (show_listing)
        if row is None or not self.ready:
            detail.show(None, [], self.table.today)
            return
        try:
            contact = self.services.contacts.get(row.id)
            history = self.services.interactions.history(row.id)
            referrals = self.services.referrals.about(row.id)
        except NetuiError as error:
            self.notify(str(error), severity="error")
            return
        detail.show(contact, history, self.table.today, referrals)

    # -- search, sort, filter -------------------------------------------------------------

    def action_search(self) -> None:
        search.open_box(self)

    def on_key(self, event: events.Key) -> None:
        search.key_into_box(self, event)

    def _search_for(self, value: str) -> None:
        search.search_for(self, value)

    @on(Input.Changed, "#search")
    def _on_search_changed(self, event: Input.Changed) -> None:
        self._search_for(event.value)  # already shown, unless the box was changed unwatched

    @on(Input.Submitted, "#search")
    def _on_search_submitted(self) -> None:
        self.table.focus()
        if not self.query_text:
            self.query_one("#search").display = False

    def action_clear(self) -> None:
        search.clear(self)

    def action_cycle_sort(self) -> None:
        index = SORT_KEYS.index(self.listing.sort_key)
        self.set_sort(SORT_KEYS[(index + 1) % len(SORT_KEYS)])

    def action_cycle_filter(self) -> None:
        index = STATUS_FILTERS.index(self.status_filter)
        self.set_filter(STATUS_FILTERS[(index + 1) % len(STATUS_FILTERS)])

    def action_sort(self, key: str) -> None:
        self.set_sort(SortKey(key))

    def action_show(self, status: str) -> None:
        self.set_filter(StatusFilter(status))

    def set_filter(self, status: StatusFilter) -> None:
        self.status_filter = status
        self.render_view()

    def set_sort(self, key: SortKey) -> None:
        self.listing.sort_key = key
        self.render_view()

    # -- triage -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in NEEDS_A_CONTACT or action in NEEDS_THE_TOP20:
            row = self.table.current_row if self.loaded and self.ready else None
            if row is None:
                return None
            if action in NEEDS_THE_TOP20:
                return row.status is TriageStatus.TOP20 or None
            return True
        if action == "clear":
            return True
        return True if self.loaded and (self.ready or action in ONLY_IN_THE_LIST) else None

    def apply_result(self, result: TriageResult, land_on: int | None) -> None:
        """Refresh the rows a decision touched and say what happened."""
        self.refresh_contacts(result.changed_ids, land_on)
        self.table.clear_selection()
        self.notify(result.message, timeout=3)

    def refresh_contacts(self, ids: Sequence[int], land_on: int | None = None) -> None:
        """Read these contacts' rows again (they changed) and redraw."""
        self.sync.touched(ids)
        for contact_id in ids:
            try:
                self.listing.replace(self.services.contacts.row(contact_id))
            except NotFoundError:
                self.listing.remove(contact_id)
            except NetuiError:
                pass  # unreadable just now: the row stays as it was
        if land_on is not None and self.listing.get(land_on) is None:
            land_on = None
        self.render_view(keep_cursor_on=land_on)
        self._changed()

    def _set_status(self, status: TriageStatus) -> None:
        triage.decide(self, lambda ids: self.services.triage.set_status(ids, status))

    def action_top20(self) -> None:
        self._set_status(TriageStatus.TOP20)

    def action_later(self) -> None:
        self._set_status(TriageStatus.LATER)

    def action_skip(self) -> None:
        self._set_status(TriageStatus.SKIP)

    def action_archive(self) -> None:
        self._set_status(TriageStatus.ARCHIVED)

    def action_renew(self) -> None:
        self._set_status(TriageStatus.NEW)

    def action_strength(self, strength: int) -> None:
        triage.decide(self, lambda ids: self.services.triage.set_strength(ids, strength))

    def action_move_up(self) -> None:
        triage.decide(self, lambda ids: self.services.triage.move(ids[0], -1), advance=False)

    def action_move_down(self) -> None:
        triage.decide(self, lambda ids: self.services.triage.move(ids[0], 1), advance=False)

    def action_undo(self) -> None:
        triage.undo(self)

    # -- dialogs ---------------------------------------------------------------------------

    def action_new_contact(self) -> None:
        dialogs.new_contact(self)

    def action_edit_contact(self) -> None:
        dialogs.edit_contact(self)

    def action_log_interaction(self) -> None:
        dialogs.log_interaction(self)

    def action_triage_mode(self) -> None:
        dialogs.triage_mode(self)

    def action_import_contacts(self) -> None:
        dialogs.import_contacts(self)

    def action_export_contacts(self) -> None:
        dialogs.export_contacts(self)

    def action_find_duplicates(self) -> None:
        dialogs.find_duplicates(self)

    @on(ContactTable.Activated)
    def _on_activated(self) -> None:
        if self.check_action("edit_contact", ()):
            self.action_edit_contact()

    def action_set_goal(self) -> None:
        dialogs.set_goal(self)

    def action_set_keywords(self) -> None:
        dialogs.set_keywords(self)

    def settings_changed(self) -> None:
        """A setting the other panes show changed (the goal, the keywords): they read again."""
        self.post_message(self.Changed())

    @on(Welcome.Chosen)
    def _welcome_offer(self, message: Welcome.Chosen) -> None:
        if not self.loaded:
            return  # the database is still opening
        {
            Offer.IMPORT: self.action_import_contacts,
            Offer.ADD: self.action_new_contact,
            Offer.TIME: lambda: dialogs.time_audit(self),
            Offer.GOAL: self.action_set_goal,
            Offer.KEYWORDS: self.action_set_keywords,
        }[message.offer]()
