"""Review people who may be in the list twice, side by side, and merge them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from netui.domain.clock import local_today
from netui.errors import NetuiError, NotFoundError
from netui.tui.actions import Scope, bindings
from netui.tui.db_errors import report
from netui.tui.screens.base import NetuiDialog
from netui.tui.text import literal_line
from netui.tui.widgets.contact_detail import render_contact
from netui.tui.workers import ReportsWorkerErrors

if TYPE_CHECKING:
    from netui.services.context import Services
    from netui.services.merge import DuplicatePair


class DuplicatesScreen(NetuiDialog[int], ReportsWorkerErrors):
    """Returns how many merges were made."""

    class Found(Message):
        """The pairs that may be one person twice (from the search worker)."""

        def __init__(self, pairs: list[DuplicatePair]) -> None:
            super().__init__()
            self.pairs = pairs

    BINDINGS = bindings(Scope.DUPLICATES)

    DEFAULT_CSS = """
    DuplicatesScreen { align: center middle; }
    DuplicatesScreen > #dupes-box {
        width: 120; max-width: 100%; height: 100%; max-height: 40;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    DuplicatesScreen #dupes-help { height: auto; color: $text-muted; }
    DuplicatesScreen OptionList { height: 8; margin-top: 1; }
    DuplicatesScreen #dupes-sides { height: 1fr; margin-top: 1; }
    DuplicatesScreen .side { width: 1fr; border: round $panel-lighten-2; padding: 0 1; }
    """

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.pairs: list[DuplicatePair] = []
        self.merged = 0
        self.dismissed: set[frozenset[int]] = set()  # pairs the user said are different people
        self.today = local_today(services.clock)

    def compose(self) -> ComposeResult:
        with Vertical(id="dupes-box"):
            yield Static(
                "Pairs with the same or a very similar name. Press 1 to keep the left one and "
                "merge the right into it, 2 for the opposite, n if they are different people. "
                "A merge keeps every call, email, tag and note of both.",
                id="dupes-help",
                markup=False,
            )
            yield OptionList(id="dupes-list")
            with Horizontal(id="dupes-sides"):
                with VerticalScroll(classes="side"):
                    yield Static("", id="dupes-left")
                with VerticalScroll(classes="side"):
                    yield Static("", id="dupes-right")

    def on_mount(self) -> None:
        self.query_one("#dupes-box").border_title = "Possible duplicates"
        self.query_one(OptionList).focus()
        self.find()

    @work(thread=True, exclusive=True, group="dupes", exit_on_error=False)
    def find(self) -> None:
        self.post_message(self.Found(self.services.merge.find_duplicates()))

    @on(Found)
    def _found(self, message: Found) -> None:
        self._show_pairs(message.pairs)

    def _show_pairs(self, pairs: list[DuplicatePair]) -> None:
        self.pairs = [
            p for p in pairs if frozenset((p.first.id, p.second.id)) not in self.dismissed
        ]
        options = self.query_one(OptionList)
        options.clear_options()
        for pair in self.pairs:
            options.add_option(
                Option(
                    Content.assemble(
                        literal_line(pair.first.full_name),
                        "  ⇄  ",
                        literal_line(pair.second.full_name),
                        (f"   {pair.reason}", "$text-muted"),
                    )
                )
            )
        if not self.pairs:
            self.query_one("#dupes-left", Static).update(
                Content.styled("No likely duplicates. Nothing to do here.", "$text-muted")
            )
            self.query_one("#dupes-right", Static).update("")
        else:
            options.highlighted = 0

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index >= len(self.pairs):
            return  # the list is being rebuilt after a merge
        pair = self.pairs[event.option_index]
        for side, contact in (("left", pair.first), ("right", pair.second)):
            try:
                history = self.services.interactions.history(contact.id)
            except NetuiError:
                history = []  # merged away meanwhile; the next search drops the pair
            self.query_one(f"#dupes-{side}", Static).update(
                render_contact(contact, history, self.today)
            )

    def _current(self) -> int | None:
        index = self.query_one(OptionList).highlighted
        return index if index is not None and index < len(self.pairs) else None

    def action_keep(self, side: int) -> None:
        index = self._current()
        if index is None:
            return
        pair = self.pairs[index]
        keep, other = (pair.first, pair.second) if side == 0 else (pair.second, pair.first)
        try:
            merged = self.services.merge.merge(keep.id, other.id)
        except NotFoundError:
            self.notify(
                "One of these two was merged or deleted by another netui; looking again.",
                severity="warning",
                timeout=6,
            )
            self.find()
            return
        except NetuiError as error:
            report(self, error)  # nothing was merged: the same key tries again
            return
        self.merged += 1
        self.notify(f"Merged into {merged.full_name}.", timeout=3)
        gone = {other.id}
        self._show_pairs(
            [p for p in self.pairs if p.first.id not in gone and p.second.id not in gone]
        )
        self.find()  # the kept contact changed; pairs involving it are recomputed

    def action_not_duplicates(self) -> None:
        index = self._current()
        if index is None:
            return
        pair = self.pairs[index]
        self.dismissed.add(frozenset((pair.first.id, pair.second.id)))
        self._show_pairs(self.pairs)

    def action_close(self) -> None:
        self.close(self.merged)
