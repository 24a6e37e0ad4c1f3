"""Triage mode: one untriaged contact at a time, highest priority first, as a large card.

The queue is the list as it was when triage mode opened. A contact another netui merged
or deleted since is dropped from it, with a word, when its turn comes; a key that cannot
write (another netui is writing) changes nothing and can be pressed again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Center, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, ProgressBar, Static

from netui.domain.clock import local_today
from netui.domain.listing import SortKey, StatusFilter, filter_rows, sort_rows
from netui.domain.types import Contact, ContactRow, Interaction, TriageStatus
from netui.errors import NetuiError, NotFoundError, Top20FullError
from netui.tui.actions import Scope, bindings
from netui.tui.db_errors import gone_message, report
from netui.tui.screens.base import NetuiScreen
from netui.tui.widgets.contact_detail import render_contact

if TYPE_CHECKING:
    from netui.domain.listing import ContactListing
    from netui.services.context import Services
    from netui.services.triage import TriageResult


class TriageModeScreen(NetuiScreen[None]):
    """Decide on each new contact with one key; esc returns to the list."""

    BINDINGS = bindings(Scope.TRIAGE)

    DEFAULT_CSS = """
    TriageModeScreen #triage-progress-text { width: 1fr; text-align: center; padding-top: 1; }
    TriageModeScreen ProgressBar { width: auto; }
    TriageModeScreen #card-box {
        width: 76; max-width: 100%; height: 1fr;
        border: thick $accent; background: $boost; padding: 1 2; margin: 1 0;
    }
    TriageModeScreen #triage-keys { width: 1fr; text-align: center; color: $text-muted; }
    """

    def __init__(self, services: Services, listing: ContactListing) -> None:
        super().__init__()
        self.services = services
        rows = filter_rows(listing.sorted_rows(SortKey.PRIORITY), StatusFilter.NEW, "")
        self.queue: list[ContactRow] = sort_rows(rows, SortKey.PRIORITY)
        self.position = 0
        self.today = local_today(services.clock)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical():
            yield Static("", id="triage-progress-text")
            with Center():
                yield ProgressBar(total=1, show_eta=False, id="triage-progress")
            with Center(), VerticalScroll(id="card-box"):
                yield Static("", id="card")
            yield Static(
                "t Top 20 · l later · x skip · a archive · 1-5 strength · → pass · u undo · "
                "esc done",
                id="triage-keys",
                markup=False,
            )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#card-box").border_title = "Triage"
        self._show()

    @property
    def current(self) -> ContactRow | None:
        return self.queue[self.position] if self.position < len(self.queue) else None

    def _show_counts(self) -> None:
        try:
            counts = self.services.contacts.counts()
        except NetuiError:
            return  # the last counts stay up
        self.query_one("#triage-progress-text", Static).update(
            f"{counts.triaged:,} of {counts.total:,} triaged"
        )
        self.query_one(ProgressBar).update(total=max(counts.total, 1), progress=counts.triaged)

    def _read_current(self) -> tuple[Contact, list[Interaction]] | None:
        """The current contact as stored now, dropping from the queue any that are gone."""
        gone: list[str] = []
        found = None
        while found is None and (row := self.current) is not None:
            try:
                found = (
                    self.services.contacts.get(row.id),
                    self.services.interactions.history(row.id),
                )
            except NotFoundError:
                gone.append(row.full_name)
                del self.queue[self.position]
            except NetuiError as error:
                report(self, error, retry="Passing (→) and coming back (←)")
                break
        if gone:
            message = (
                gone_message(gone[0])
                if len(gone) == 1
                else (f"{len(gone)} contacts were merged or deleted by another netui.")
            )
            self.notify(f"{message} On to the next.", severity="warning", timeout=6)
        return found

    def _show(self) -> None:
        self._show_counts()
        card = self.query_one("#card", Static)
        read = self._read_current()
        row = self.current
        if row is None:
            card.update(
                Content.assemble(
                    ("Everyone is triaged.", "bold"),
                    "\n\nPress esc to go back to the list and start on your Top 20."
                    if not self.queue
                    else "\n\nNo one left in this pass. Press esc to go back to the list.",
                )
            )
            return
        if read is None:
            card.update(Content.styled("This contact cannot be read just now.", "$text-muted"))
            return
        contact, history = read
        position = f"Priority {row.priority:.0f} · {self.position + 1} of {len(self.queue)} new\n\n"
        card.update(
            Content.assemble(
                (position, "$text-muted"), render_contact(contact, history, self.today)
            )
        )

    def action_decide(self, status: str) -> None:
        row = self.current
        if row is None:
            return
        try:
            result = self.services.triage.set_status([row.id], TriageStatus(status))
        except Top20FullError:
            from netui.tui.screens.swap_top20 import offer_swap

            offer_swap(self, self.services, row.id, self._after_swap)
            return
        except NotFoundError:
            self._show()  # gone: says so and goes on to the next
            return
        except NetuiError as error:
            report(self, error)
            return
        self.notify(result.message, timeout=2)
        self.position += 1
        self._show()

    def _after_swap(self, result: TriageResult) -> None:
        self.notify(result.message, timeout=2)
        self.position += 1
        self._show()

    def action_strength(self, strength: int) -> None:
        row = self.current
        if row is None:
            return
        try:
            result = self.services.triage.set_strength([row.id], strength)
        except NotFoundError:
            self._show()
            return
        except NetuiError as error:
            report(self, error)
            return
        self.notify(result.message, timeout=2)
        self._show()

    def action_pass_over(self) -> None:
        if self.current is not None:
            self.position += 1
            self._show()

    def action_go_back(self) -> None:
        if self.position > 0:
            self.position -= 1
            self._show()

    def action_undo(self) -> None:
        try:
            result = self.services.triage.undo()
        except NetuiError as error:
            report(self, error)
            return
        if result is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        self.notify(result.message, timeout=2)
        undone = set(result.changed_ids)
        for index in range(min(self.position, len(self.queue)) - 1, -1, -1):
            if self.queue[index].id in undone:
                self.position = index
                break
        self._show()

    def action_done(self) -> None:
        self.close(None)
