"""The main screen: a router between the Contacts, Today and Script panes.

It lays the panes out (side by side when wide, one at a time when narrow), moves between
them, hands each the services once the database is open, and passes one pane's news to
the others (attributes down, messages up). The panes own their keys and their work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import DescendantFocus, Resize
from textual.screen import Screen
from textual.widgets import Footer, Header

from netui.domain.clock import Clock
from netui.tui.actions import Scope, bindings, by_scope
from netui.tui.messages import ServicesReady
from netui.tui.panes.base import Pane
from netui.tui.panes.contacts import ContactsPane
from netui.tui.panes.script import ScriptPane
from netui.tui.panes.today import TodayPane
from netui.tui.screens.pane_layout import (
    NARROW_WIDTH,
    PANE_ORDER,
    PANE_TITLES,
    THREE_FROM,
    WIDE_WIDTH,
    pane_layout,
)
from netui.tui.widgets.pane_tabs import PaneTabs

if TYPE_CHECKING:
    from netui.services.context import Services

__all__ = ["NARROW_WIDTH", "PANE_ORDER", "THREE_FROM", "WIDE_WIDTH", "MainScreen"]


_GO_TO = {action.action: action for action in by_scope(Scope.PANES)}
TAB_LABELS = {
    pane_id: f"{PANE_TITLES[pane_id]} {_GO_TO[f'show_pane({pane_id!r})'].keys.upper()}"
    for pane_id in PANE_ORDER
}
"""Each tab names its pane and the key that goes there: ``Today F6``."""


class MainScreen(Screen[None]):
    """The three panes; the one the user is in gets the keys."""

    BINDINGS = bindings(Scope.PANES)

    def __init__(self, clock: Clock) -> None:
        super().__init__()
        self.clock = clock
        self.active_pane = PANE_ORDER[0]
        self.services: Services | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield PaneTabs(TAB_LABELS, id="pane-tabs")
        with Horizontal(id="panes"):
            yield ContactsPane(self.clock, id="contacts-pane")
            with Vertical(id="side"):
                yield TodayPane(id="today-pane")
                yield ScriptPane(id="script-pane")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.contacts.focus_default()

    @property
    def contacts(self) -> ContactsPane:
        return self.query_one(ContactsPane)

    @property
    def today(self) -> TodayPane:
        return self.query_one(TodayPane)

    @property
    def script(self) -> ScriptPane:
        return self.query_one(ScriptPane)

    @property
    def loaded(self) -> bool:
        """Whether the contact list is on screen and the scripts were read (or could not
        be): tests and benchmarks wait for it."""
        return self.contacts.loaded and self.script.settled

    def pane(self, pane_id: str) -> Pane:
        return self.query_one(f"#{pane_id}", Pane)

    # -- the database is open -----------------------------------------------------------

    def on_services_ready(self, message: ServicesReady) -> None:
        self.services = message.services
        self.contacts.show_listing(message.services, message.listing)
        self.today.attach(message.services)
        self.script.attach(message.services)
        self.today.refresh_progress()

    # -- news between panes -------------------------------------------------------------

    @on(ContactsPane.Changed)
    def _contacts_changed(self) -> None:
        self.today.refresh_progress()
        self.script.contacts_changed()

    @on(TodayPane.Logged)
    def _logged_from_today(self, message: TodayPane.Logged) -> None:
        self.contacts.refresh_contacts([message.contact_id])  # it tells Today in turn

    @on(ContactsPane.Highlighted)
    def _contact_highlighted(self, message: ContactsPane.Highlighted) -> None:
        self.script.show_contact(message.contact_id)

    @on(ScriptPane.Logged)
    def _script_logged(self, message: ScriptPane.Logged) -> None:
        """A use of a script was logged: the contact's row and the progress moved."""
        self.contacts.refresh_contacts([message.contact_id])
        self.today.refresh_progress()

    # -- layout and moving between panes ------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        self._apply_layout()

    def _apply_layout(self) -> None:
        """Show the panes as :func:`~netui.tui.screens.pane_layout.pane_layout` says for
        this width: one at a time with the tab bar, two columns, or three."""
        layout = pane_layout(self.size.width, self.active_pane)
        for name, wanted in layout.screen_classes.items():
            self.set_class(wanted, name)
        self.script.set_glance(layout.glance)
        for pane_id in PANE_ORDER:
            pane = self.pane(pane_id)
            pane.set_class(pane_id == self.active_pane, "-active")
            pane.display = pane_id in layout.shown
        self.query_one("#side").display = layout.side_shown
        self.query_one(PaneTabs).active = self.active_pane

    def show_pane(self, pane_id: str) -> Pane:
        """Make ``pane_id`` the pane the user is in (shown, highlighted, focused)."""
        self.active_pane = pane_id
        self._apply_layout()
        pane = self.pane(pane_id)
        pane.focus_default()
        return pane

    def _step_pane(self, step: int) -> None:
        index = PANE_ORDER.index(self.active_pane)
        self.show_pane(PANE_ORDER[(index + step) % len(PANE_ORDER)])

    def action_show_pane(self, pane_id: str) -> None:
        if pane_id in PANE_ORDER:
            self.show_pane(pane_id)

    @on(PaneTabs.Chosen)
    def _tab_chosen(self, message: PaneTabs.Chosen) -> None:
        self.show_pane(message.pane_id)

    def action_next_pane(self) -> None:
        self._step_pane(1)

    def action_previous_pane(self) -> None:
        self._step_pane(-1)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """A click (or a dialog closing) put the cursor in a pane: that pane is active."""
        for pane_id in PANE_ORDER:
            if self.pane(pane_id) in event.widget.ancestors_with_self:
                if pane_id != self.active_pane:
                    self.active_pane = pane_id
                    self._apply_layout()
                return
