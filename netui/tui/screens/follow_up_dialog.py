"""A quick follow-up date for the person in front of the session mode.

One field, read loosely by the same rules as the log dialog's (``in 2 weeks``, ``next
friday``, ``12 Dec``), echoed back as it is understood. It returns a :class:`FollowUp`
(its ``on`` is None when the field was left blank, which clears it) or None when cancelled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content

from netui.domain.dates import format_loose_date
from netui.domain.inputs import InputError, read_follow_up
from netui.domain.types import DatePrecision
from netui.tui.screens.form_dialog import FormDialog
from netui.tui.text import literal_line

__all__ = ["FollowUp", "FollowUpDialog"]


@dataclass(frozen=True, slots=True)
class FollowUp:
    on: date | None


class FollowUpDialog(FormDialog[FollowUp]):
    DATE_FIELDS = frozenset({"follow_up"})

    DEFAULT_CSS = """
    FollowUpDialog > #follow-up-form { width: 60; }
    FollowUpDialog .row > Label { width: 11; }
    """

    def __init__(self, name: str, today: date, current: date | None) -> None:
        super().__init__()
        self.person = name
        self.today = today
        self.current = current

    def compose(self) -> ComposeResult:
        shown = format_loose_date(self.current, DatePrecision.DAY) if self.current else ""
        with Vertical(id="follow-up-form", classes="form-box"):
            yield self.field_row("follow_up", "Follow up", shown, "in 2 weeks, next friday…")
            yield from self.buttons("Set")

    def on_mount(self) -> None:
        self.query_one("#follow-up-form").border_title = Content.assemble(
            "Follow up with ", literal_line(self.person)
        )
        self.query_one("#follow_up").focus()

    def understood(self, field_id: str, text: str) -> str | None:
        try:
            follow_up = read_follow_up(text, self.today)
        except InputError:
            return None
        return (
            f"{follow_up:%a} {format_loose_date(follow_up, DatePrecision.DAY)}"
            if follow_up
            else None
        )

    def save(self) -> None:
        self.clear_errors()
        try:
            follow_up = read_follow_up(self.value("follow_up"), self.today)
        except InputError as error:
            self.show_error("follow_up", str(error))
            return
        if follow_up is not None and follow_up < self.today:
            self.show_error("follow_up", "is in the past; a follow-up is for a day to come")
            return
        self.close(FollowUp(follow_up))
