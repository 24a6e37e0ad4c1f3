"""The main screen: a router between the Contacts, Today and Script panes.

It lays the panes out (side by side when wide, one at a time when narrow), moves between
them, hands each the services once the database is open, and passes one pane's news to
the others (attributes down, messages up). The panes own their keys and their work.

The first frame holds the Contacts pane only: the Today and Script panes (and the modules
they need) are built just after it, so the list is on screen as early as a bare app's
first frame. Until they are, whatever the router would do to them waits for them
(:meth:`MainScreen.when_side_built`), so a key pressed that early still lands.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import DescendantFocus, Resize
from textual.screen import Screen
from textual.widgets import Footer, Header

from netui.domain.clock import Clock
from netui.tui.actions import Scope, bindings, by_scope
from netui.tui.loading import freeze_what_lasts
from netui.tui.messages import ServicesReady
from netui.tui.panes.base import Pane
from netui.tui.panes.contacts import ContactsPane
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
    from netui.tui.panes.script import ScriptPane
    from netui.tui.panes.today import TodayPane

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
        """Set once every pane has the database (the palette offers the panes' actions)."""
        self.side_built = False
        """Whether the Today and Script panes are built (just after the first frame)."""
        self._waiting_for_side: list[Callable[[], object]] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield PaneTabs(TAB_LABELS, id="pane-tabs")
        with Horizontal(id="panes"):
            yield ContactsPane(self.clock, id="contacts-pane")
            yield Vertical(id="side")  # Today over Script, built after the first frame
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.contacts.focus_default()
        self.call_after_refresh(self._build_side)

    async def _build_side(self) -> None:
        """Build the Today and Script panes, then do what waited for them, in order."""
        from netui.tui.panes.script import ScriptPane
        from netui.tui.panes.today import TodayPane

        side = next(iter(self.query("#side")), None)
        if side is None or not side.is_attached:
            return  # the app closed before its first frame was out
        await side.mount(TodayPane(id="today-pane"), ScriptPane(id="script-pane"))
        freeze_what_lasts()  # built after the first frame's freeze: they last as long
        self.side_built = True
        self._apply_layout()
        waiting, self._waiting_for_side = self._waiting_for_side, []
        for act in waiting:
            act()

    def when_side_built(self, act: Callable[[], object]) -> None:
        """Do ``act`` now if the Today and Script panes are built, else once they are."""
        if self.side_built:
            act()
        else:
            self._waiting_for_side.append(act)

    @property
    def contacts(self) -> ContactsPane:
        return self.query_one(ContactsPane)

    @property
    def today(self) -> TodayPane:
        from netui.tui.panes.today import TodayPane  # imported by now: see _build_side

        return self.query_one(TodayPane)

    @property
    def script(self) -> ScriptPane:
        from netui.tui.panes.script import ScriptPane

        return self.query_one(ScriptPane)

    @property
    def loaded(self) -> bool:
        """Whether the contact list is on screen and the scripts were read (or could not
        be): tests and benchmarks wait for it."""
        return self.contacts.loaded and self.side_built and self.script.settled

    def pane(self, pane_id: str) -> Pane:
        return self.query_one(f"#{pane_id}", Pane)

    # -- the database is open -----------------------------------------------------------

    def on_services_ready(self, message: ServicesReady) -> None:
        message.stop()  # the app hears of it once every pane has the services
        self.contacts.show_listing(message.services, message.listing)
        self.when_side_built(lambda: self._attach_side(message))

    def _attach_side(self, message: ServicesReady) -> None:
        self.today.attach(message.services)
        self.script.attach(message.services)
        self.today.refresh_progress()
        self.services = message.services
        self.app.post_message(ServicesReady(message.services, message.listing))

    # -- news between panes (handlers named, not decorated: the panes' modules are
    # imported only when they are built) ------------------------------------------------

    def on_contacts_pane_changed(self) -> None:
        self.when_side_built(self._contacts_changed)

    def _contacts_changed(self) -> None:
        self.today.refresh_progress()
        self.script.contacts_changed()

    def on_today_pane_logged(self, message: TodayPane.Logged) -> None:
        self.contacts.refresh_contacts([message.contact_id])  # it tells Today in turn

    def on_contacts_pane_highlighted(self, message: ContactsPane.Highlighted) -> None:
        self.when_side_built(lambda: self.script.show_contact(message.contact_id))

    def on_script_pane_logged(self, message: ScriptPane.Logged) -> None:
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
        for pane in self.query(Pane):  # the Contacts pane alone, until the side is built
            pane.set_class(pane.id == self.active_pane, "-active")
            pane.display = pane.id in layout.shown
        if self.side_built:
            self.script.set_glance(layout.glance)
        self.query_one("#side").display = layout.side_shown
        self.query_one(PaneTabs).active = self.active_pane

    def show_pane(self, pane_id: str) -> None:
        """Make ``pane_id`` the pane the user is in (shown, highlighted, focused); a
        side pane asked for before it is built is shown as soon as it is."""
        if pane_id != PANE_ORDER[0] and not self.side_built:
            self.when_side_built(lambda: self.show_pane(pane_id))
            return
        self.active_pane = pane_id
        self._apply_layout()
        self.pane(pane_id).focus_default()

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
        for pane in self.query(Pane):
            if pane in event.widget.ancestors_with_self:
                if pane.id != self.active_pane and pane.id in PANE_ORDER:
                    self.active_pane = pane.id
                    self._apply_layout()
                return
