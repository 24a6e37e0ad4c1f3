"""The main screen: Contacts (list, search, detail, triage), Today and Script panes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import DescendantFocus, Resize
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, Footer, Header, Input, Static

from netui.domain.clock import local_today
from netui.domain.listing import ContactListing, SortKey, StatusFilter
from netui.domain.types import TriageCounts, TriageStatus
from netui.errors import NetuiError, Top20FullError
from netui.tui.loading import load_listing
from netui.tui.messages import ServicesReady
from netui.tui.widgets.contact_detail import ContactDetail
from netui.tui.widgets.contact_table import ContactTable
from netui.tui.widgets.panes import Pane, ScriptPane, TodayPane, Welcome

if TYPE_CHECKING:
    from netui.services.context import Services
    from netui.services.triage import TriageResult
    from netui.tui.app import NetuiApp

NARROW_WIDTH = 100
SEARCH_PLACEHOLDER = "Search name, company, title, email, tags, notes"
PANES = ("contacts-pane", "today-pane", "script-pane")
STATUS_FILTERS = (
    StatusFilter.ACTIVE,
    StatusFilter.NEW,
    StatusFilter.TOP20,
    StatusFilter.LATER,
    StatusFilter.SKIP,
    StatusFilter.ARCHIVED,
    StatusFilter.ALL,
)
FILTER_LABELS = {
    StatusFilter.ACTIVE: "Active",
    StatusFilter.NEW: "New (untriaged)",
    StatusFilter.TOP20: "Top 20",
    StatusFilter.LATER: "Later",
    StatusFilter.SKIP: "Skipped",
    StatusFilter.ARCHIVED: "Archived",
    StatusFilter.ALL: "All",
}
SORT_KEYS = tuple(SortKey)
CONTACT_ACTIONS = {
    "top20",
    "later",
    "skip",
    "archive",
    "renew",
    "strength",
    "edit_contact",
    "log_interaction",
    "move_up",
    "move_down",
}


class MainScreen(Screen[None]):
    """The three panes, and every keyboard triage decision."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", id="search"),
        Binding("n", "new_contact", "New", id="new_contact"),
        Binding("e", "edit_contact", "Edit", id="edit_contact", show=False),
        Binding("c", "log_interaction", "Log call", id="log_interaction"),
        Binding("t", "top20", "Top 20", id="top20"),
        Binding("l", "later", "Later", id="later"),
        Binding("x", "skip", "Skip", id="skip"),
        Binding("a", "archive", "Archive", id="archive"),
        Binding("N", "renew", "Back to new", id="renew", show=False),
        Binding("1", "strength(1)", "Strength", id="strength_1", key_display="1-5"),
        Binding("2", "strength(2)", "Strength 2", id="strength_2", show=False),
        Binding("3", "strength(3)", "Strength 3", id="strength_3", show=False),
        Binding("4", "strength(4)", "Strength 4", id="strength_4", show=False),
        Binding("5", "strength(5)", "Strength 5", id="strength_5", show=False),
        Binding("u", "undo", "Undo", id="undo"),
        Binding("K,shift+up", "move_up", "Move up", id="move_up", show=False),
        Binding("J,shift+down", "move_down", "Move down", id="move_down", show=False),
        Binding("s", "cycle_sort", "Sort", id="cycle_sort", show=False),
        Binding("f", "cycle_filter", "Filter", id="cycle_filter", show=False),
        Binding("T", "triage_mode", "Triage", id="triage_mode"),
        Binding("i", "import_contacts", "Import", id="import_contacts"),
        Binding("tab", "next_pane", "Next pane", id="next_pane", show=False),
        Binding("escape", "clear", "Clear", id="clear", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.listing = ContactListing()
        self.status_filter = StatusFilter.ACTIVE
        self.query_text = ""
        self.active_pane = PANES[0]
        self.loaded = False
        self._detail_timer: Timer | None = None

    # -- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="panes"):
            with Pane(id="contacts-pane"):
                yield Input(placeholder=SEARCH_PLACEHOLDER, id="search")
                yield Static("Opening the database…", id="list-status", markup=False)
                yield ContactTable(today=local_today(self.netui.clock), id="contacts")
                yield ContactDetail(id="detail")
                yield Welcome(id="welcome")
            with Vertical(id="side"):
                yield TodayPane(id="today-pane")
                yield ScriptPane(id="script-pane")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#contacts-pane").border_title = "Contacts"
        self.query_one(ContactTable).focus()

    @property
    def netui(self) -> NetuiApp:
        from netui.tui.app import NetuiApp

        assert isinstance(self.app, NetuiApp)
        return self.app

    @property
    def services(self) -> Services:
        services = self.netui.services
        if services is None:
            raise NetuiError("the database is still opening")
        return services

    @property
    def table(self) -> ContactTable:
        return self.query_one(ContactTable)

    def on_resize(self, event: Resize) -> None:
        self._apply_layout()

    def _apply_layout(self) -> None:
        narrow = self.size.width < NARROW_WIDTH
        self.set_class(narrow, "-narrow")
        for pane_id in PANES:
            self.query_one(f"#{pane_id}").set_class(pane_id == self.active_pane, "-active")
        side = self.query_one("#side")
        contacts = self.query_one("#contacts-pane")
        if narrow:
            contacts.display = self.active_pane == "contacts-pane"
            side.display = self.active_pane != "contacts-pane"
            self.query_one("#today-pane").display = self.active_pane == "today-pane"
            self.query_one("#script-pane").display = self.active_pane == "script-pane"
        else:
            contacts.display = side.display = True
            self.query_one("#today-pane").display = True
            self.query_one("#script-pane").display = True

    # -- loading --------------------------------------------------------------------------

    def on_services_ready(self, message: ServicesReady) -> None:
        self.netui.services_ready(message.services, len(message.listing))
        self.listing = message.listing
        self.loaded = True
        self.table.today = local_today(self.services.clock)
        self._render_view()
        self._refresh_progress()

    def _render_view(self, keep_cursor_on: int | None = None) -> None:
        empty_db = self.loaded and len(self.listing) == 0
        self.query_one("#welcome").display = empty_db
        self.table.display = not empty_db
        self.query_one(ContactDetail).display = not empty_db
        rows = self.listing.view(self.status_filter, self.query_text)
        if self.query_text:
            self.table.empty_message = f"No contacts match “{self.query_text}”"
        else:
            self.table.empty_message = f"No contacts in {FILTER_LABELS[self.status_filter]}"
        current = self.table.current_row
        self.table.set_rows(
            rows,
            keep_cursor_on=keep_cursor_on if keep_cursor_on else (current.id if current else None),
        )
        self._update_status_line(len(rows))
        self._schedule_detail()

    def _counts(self) -> TriageCounts:
        by_status = dict.fromkeys(TriageStatus, 0)
        for row in self.listing.sorted_rows():
            by_status[row.status] += 1
        return TriageCounts(len(self.listing), by_status[TriageStatus.NEW], by_status)

    def _update_status_line(self, shown: int) -> None:
        sort = (
            "by rank"
            if self.status_filter is StatusFilter.TOP20
            else f"by {self.listing.sort_key.value}"
        )
        parts = [f"{FILTER_LABELS[self.status_filter]} (f)", f"{sort} (s)", f"{shown:,} shown"]
        if self.query_text:
            parts.append(f"search: {self.query_text}")
        selected = len(self.table.selected_ids)
        if selected:
            parts.append(f"{selected} selected")
        self.query_one("#list-status", Static).update(Content(" · ".join(parts)))

    def _refresh_progress(self) -> None:
        if self.netui.services is None:
            return
        progress = self.services.triage.top20_progress()
        self.query_one(TodayPane).show_progress(progress, self._counts())
        self.query_one(
            "#contacts-pane"
        ).border_subtitle = (
            f"Top 20: {progress.size}/20 · {progress.reached} of 20 reached (goal {progress.goal})"
        )

    # -- detail ---------------------------------------------------------------------------

    @on(ContactTable.Highlighted)
    def _on_highlighted(self, event: ContactTable.Highlighted) -> None:
        self._schedule_detail()

    def _schedule_detail(self) -> None:
        """Load the detail a moment after the cursor settles, not on every key repeat."""
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self._detail_timer = self.set_timer(0.05, self._load_detail)

    def _load_detail(self) -> None:
        detail = self.query_one(ContactDetail)
        row = self.table.current_row
        if row is None or self.netui.services is None:
            detail.show(None, [], self.table.today)
            return
        try:
            contact = self.services.contacts.get(row.id)
            history = self.services.interactions.history(row.id)
        except NetuiError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        detail.show(contact, history, self.table.today)

    # -- search, sort, filter, panes --------------------------------------------------------

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    @on(Input.Changed, "#search")
    def _on_search_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self._render_view()

    @on(Input.Submitted, "#search")
    def _on_search_submitted(self) -> None:
        self.table.focus()
        if not self.query_text:
            self.query_one("#search").display = False

    def action_clear(self) -> None:
        search = self.query_one("#search", Input)
        if search.has_focus or self.query_text:
            search.value = ""
            search.display = False
            self.query_text = ""
            self.table.focus()
            self._render_view()
        elif self.table.selected_ids:
            self.table.clear_selection()
            self._update_status_line(len(self.listing.view(self.status_filter, self.query_text)))

    def action_cycle_sort(self) -> None:
        index = SORT_KEYS.index(self.listing.sort_key)
        self.listing.sort_key = SORT_KEYS[(index + 1) % len(SORT_KEYS)]
        self._render_view()

    def action_cycle_filter(self) -> None:
        index = STATUS_FILTERS.index(self.status_filter)
        self.set_filter(STATUS_FILTERS[(index + 1) % len(STATUS_FILTERS)])

    def set_filter(self, status: StatusFilter) -> None:
        self.status_filter = status
        self._render_view()

    def set_sort(self, key: SortKey) -> None:
        self.listing.sort_key = key
        self._render_view()

    def action_next_pane(self) -> None:
        index = PANES.index(self.active_pane)
        self.active_pane = PANES[(index + 1) % len(PANES)]
        self._apply_layout()
        target = self.query_one(f"#{self.active_pane}")
        if self.active_pane == "contacts-pane":
            self.table.focus()
        else:
            target.focus()

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        for pane_id in PANES:
            if self.query_one(f"#{pane_id}") in event.widget.ancestors_with_self:
                self.active_pane = pane_id
        self._apply_layout()

    # -- triage -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in CONTACT_ACTIONS:
            if not self.loaded or self.table.current_row is None:
                return None
            if action in ("move_up", "move_down"):
                return self.table.current_row.status is TriageStatus.TOP20 or None
        if action in ("undo", "triage_mode", "new_contact", "search") and not self.loaded:
            return None
        return True

    def _targets(self) -> list[int]:
        selected = self.table.selected_ids
        if selected:
            return [
                row.id
                for row in self.listing.view(self.status_filter, self.query_text)
                if row.id in selected
            ]
        row = self.table.current_row
        return [row.id] if row else []

    def _next_id_after(self, ids: Sequence[int]) -> int | None:
        """The contact the cursor should land on once ``ids`` are decided."""
        rows = self.listing.view(self.status_filter, self.query_text)
        current = self.table.current_row
        if current is None:
            return None
        position = next((i for i, r in enumerate(rows) if r.id == current.id), 0)
        for row in rows[position + 1 :]:
            if row.id not in ids:
                return row.id
        for row in reversed(rows[:position]):
            if row.id not in ids:
                return row.id
        return None

    def _decide(self, decide: Callable[[list[int]], TriageResult], advance: bool = True) -> None:
        ids = self._targets()
        if not ids:
            return
        land_on = self._next_id_after(ids) if advance else ids[0]
        try:
            result = decide(ids)
        except Top20FullError as error:
            self._offer_swap(ids, str(error))
            return
        except NetuiError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.apply_result(result, land_on)

    def apply_result(self, result: TriageResult, land_on: int | None) -> None:
        """Refresh the rows a decision touched and say what happened."""
        self.refresh_contacts(result.changed_ids, land_on)
        self.table.clear_selection()
        self.notify(result.message, markup=False, timeout=3)

    def refresh_contacts(self, ids: Sequence[int], land_on: int | None = None) -> None:
        for contact_id in ids:
            try:
                self.listing.replace(self.services.contacts.row(contact_id))
            except NetuiError:
                self.listing.remove(contact_id)
        if land_on is not None and self.listing.get(land_on) is None:
            land_on = None
        self._render_view(keep_cursor_on=land_on)
        self._refresh_progress()

    def _set_status(self, status: TriageStatus) -> None:
        self._decide(lambda ids: self.services.triage.set_status(ids, status))

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
        self._decide(lambda ids: self.services.triage.set_strength(ids, strength))

    def action_move_up(self) -> None:
        self._decide(lambda ids: self.services.triage.move(ids[0], -1), advance=False)

    def action_move_down(self) -> None:
        self._decide(lambda ids: self.services.triage.move(ids[0], 1), advance=False)

    def action_undo(self) -> None:
        result = self.services.triage.undo()
        if result is None:
            self.notify("Nothing to undo.", timeout=3)
            return
        self.apply_result(result, result.changed_ids[0] if result.changed_ids else None)

    def _offer_swap(self, ids: list[int], reason: str) -> None:
        from netui.tui.screens.swap_top20 import offer_swap

        if len(ids) != 1:
            self.notify(
                f"Cannot add {len(ids)} people: {reason}.", severity="warning", markup=False
            )
            return
        land_on = self._next_id_after(ids)
        offer_swap(self, self.services, ids[0], lambda result: self.apply_result(result, land_on))

    # -- dialogs ----------------------------------------------------------------------------

    def action_new_contact(self) -> None:
        from netui.tui.screens.contact_form import ContactFormScreen

        self.app.push_screen(ContactFormScreen(self.services, None), self._after_form)

    def action_edit_contact(self) -> None:
        from netui.tui.screens.contact_form import ContactFormScreen

        row = self.table.current_row
        if row is None:
            return
        contact = self.services.contacts.get(row.id)
        self.app.push_screen(ContactFormScreen(self.services, contact), self._after_form)

    @on(Button.Pressed, "#welcome-add")
    def _welcome_add(self) -> None:
        self.action_new_contact()

    @on(Button.Pressed, "#welcome-import")
    def _welcome_import(self) -> None:
        self.action_import_contacts()

    def _after_form(self, contact_id: int | None) -> None:
        if contact_id is not None:
            if self.listing.get(contact_id) is None and self.status_filter not in (
                StatusFilter.ACTIVE,
                StatusFilter.ALL,
                StatusFilter.NEW,
            ):
                self.status_filter = StatusFilter.ACTIVE
            self.refresh_contacts([contact_id], land_on=contact_id)
            self.table.focus()

    def action_log_interaction(self) -> None:
        from netui.tui.screens.log_interaction import LogInteractionScreen

        row = self.table.current_row
        if row is None:
            return
        contact = self.services.contacts.get(row.id)
        self.app.push_screen(LogInteractionScreen(self.services, contact), self._after_log)

    def _after_log(self, contact_id: int | None) -> None:
        if contact_id is not None:
            self.refresh_contacts([contact_id], land_on=contact_id)

    def action_triage_mode(self) -> None:
        from netui.tui.screens.triage_mode import TriageModeScreen

        def done(_: None) -> None:
            self.listing.reset(self.services.contacts.list_rows())
            self._render_view()
            self._refresh_progress()

        self.app.push_screen(TriageModeScreen(self.services, self.listing), done)

    def action_import_contacts(self) -> None:
        from netui.tui.screens.import_wizard import ImportScreen

        def done(batch: int | None) -> None:
            if batch is not None:
                self.reload_contacts()

        self.app.push_screen(ImportScreen(self.services), done)

    def action_export_contacts(self) -> None:
        from netui.tui.screens.export_dialog import ExportScreen

        self.app.push_screen(ExportScreen(self.services, self.status_filter))

    def action_find_duplicates(self) -> None:
        from netui.tui.screens.duplicates import DuplicatesScreen

        def done(merged: int | None) -> None:
            if merged:
                self.reload_contacts()

        self.app.push_screen(DuplicatesScreen(self.services), done)

    @work(thread=True, exclusive=True, group="reload", exit_on_error=False)
    def reload_contacts(self) -> None:
        """Load the whole list again (after an import or a merge), off the UI thread."""
        listing = load_listing(self.services)
        listing.sort_key = self.listing.sort_key
        self.app.call_from_thread(self._take_listing, listing)

    def _take_listing(self, listing: ContactListing) -> None:
        self.listing = listing
        self._render_view()
        self._refresh_progress()

    @on(ContactTable.Activated)
    def _on_activated(self) -> None:
        self.action_edit_contact()
