"""Today's queue as a list to move through: one person a line, the name as typed and why.

Reloading it (after a log, or another netui's write) keeps the cursor on the same person
when they are still in the queue.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from netui.domain.queue import QueueItem
from netui.tui.text import literal_line

__all__ = ["QueueList", "queue_option"]


def queue_option(item: QueueItem) -> Option:
    """One person in the queue: the name as typed, and why they are there."""
    prompt = Content.assemble(literal_line(item.name, "bold"), ("  " + item.why, "$text-muted"))
    return Option(prompt, id=str(item.contact_id))


class QueueList(OptionList):
    """The people of today's queue, in order; Enter selects one."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, compact=True)
        self.items: list[QueueItem] = []

    @property
    def highlighted_contact(self) -> int | None:
        if self.highlighted is None or not self.option_count:
            return None
        option_id = self.get_option_at_index(self.highlighted).id
        return int(option_id) if option_id else None

    def show(self, items: Sequence[QueueItem]) -> None:
        """List ``items``; the cursor stays on the person it was on, if they are still here."""
        keep = self.highlighted_contact
        self.items = list(items)
        self.clear_options()
        self.add_options([queue_option(item) for item in items])
        ids = [item.contact_id for item in items]
        if ids:
            self.highlighted = ids.index(keep) if keep in ids else 0
