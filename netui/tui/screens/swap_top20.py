"""When the Top 20 is full: choose who makes room for the new person."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from netui.domain.types import Contact
from netui.errors import NetuiError
from netui.tui.actions import Scope, bindings
from netui.tui.db_errors import report
from netui.tui.screens.base import NetuiDialog
from netui.tui.text import literal_line

if TYPE_CHECKING:
    from netui.services.context import Services
    from netui.services.triage import TriageResult


class SwapTop20Screen(NetuiDialog[int]):
    """Returns the id of the member to move to Later, or None to keep the list as it is."""

    BINDINGS = bindings(Scope.SWAP)

    DEFAULT_CSS = """
    SwapTop20Screen { align: center middle; }
    SwapTop20Screen > #swap {
        width: 70; max-width: 100%; height: auto; max-height: 90%;
        border: thick $warning; background: $surface; padding: 0 1;
    }
    SwapTop20Screen OptionList { height: auto; max-height: 22; }
    """

    def __init__(self, incoming: Contact, members: list[Contact]) -> None:
        super().__init__()
        self.incoming = incoming
        self.members = members

    def compose(self) -> ComposeResult:
        with Vertical(id="swap"):
            yield Static(
                Content.assemble(
                    "The Top 20 is full. Who should make room for ",
                    literal_line(self.incoming.full_name, "bold"),
                    "?\nThey move to Later; the newcomer takes their place. Esc keeps the list.",
                )
            )
            yield OptionList(
                *(
                    Option(
                        Content.assemble(
                            f"#{m.top20_rank:<3}",
                            literal_line(m.full_name),
                            literal_line("  " + m.company if m.company else "", "$text-muted"),
                        ),
                        id=str(m.id),
                    )
                    for m in self.members
                ),
                id="swap-choices",
            )

    def on_mount(self) -> None:
        self.query_one("#swap").border_title = "Top 20 is full"
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None and self.accepting:
            self.close(int(event.option.id))

    def action_cancel(self) -> None:
        self.close(None)


def offer_swap(
    asker: Widget,
    services: Services,
    incoming_id: int,
    on_swapped: Callable[[TriageResult], None],
) -> None:
    """Ask who makes room for ``incoming_id``, then swap and report back.

    What cannot be read or written (busy, or someone merged away) is said, not raised.
    """
    from netui.domain.listing import StatusFilter

    try:
        incoming = services.contacts.get(incoming_id)
        members = services.contacts.find(StatusFilter.TOP20)
    except NetuiError as error:
        report(asker, error)
        return

    def swap(out_id: int | None) -> None:
        if out_id is None:
            return
        try:
            result = services.triage.swap_into_top20(incoming.id, out_id)
        except NetuiError as error:
            report(asker, error)  # nothing swapped: the same key, and the choice, again
            return
        on_swapped(result)

    asker.app.push_screen(SwapTop20Screen(incoming, members), swap)
