"""Find the time: lay out a typical weekday, see what could give way, and set the daily goal.

The blocks are added up as they are typed (the pure :func:`~netui.domain.time_audit.audit`,
no database per key); ctrl+s saves them, ctrl+g saves and makes the suggested goal the
daily goal (it never becomes the goal otherwise). A calendar export (.ics) is read in a
worker and its free gaps of the coming 7 days shown beside the day, so the session can go
in time that exists. The screen returns the goal accepted, or None.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.message import Message
from textual.widgets import Checkbox, Footer, Header, Input, Static

from netui.domain.time_audit import DEFAULT_BLOCKS, MAX_BLOCKS, Audit, Block, audit, check_blocks
from netui.errors import NetuiError, ValidationError
from netui.tui.actions import Scope, bindings
from netui.tui.db_errors import report
from netui.tui.screens.base import NetuiScreen
from netui.tui.screens.time_audit_parts import (
    BlockRow,
    gaps_text,
    saved_text,
    summary_text,
    total_text,
)
from netui.tui.widgets.path_input import PathInput
from netui.tui.workers import ReportsWorkerErrors, describe_error

if TYPE_CHECKING:
    from netui.services.audit import CalendarGaps
    from netui.services.context import Services

__all__ = ["TimeAuditScreen"]

SIDE_BY_SIDE_FROM = 100
"""From this many columns the sums sit beside the day; below, under it."""


class TimeAuditScreen(NetuiScreen[int], ReportsWorkerErrors):
    """The time audit; returns the daily goal the user accepted, or None."""

    BINDINGS = bindings(Scope.AUDIT)

    DEFAULT_CSS = """
    TimeAuditScreen #audit-body { height: 1fr; padding: 0 1; }
    TimeAuditScreen.-wide #audit-body { layout: horizontal; }
    TimeAuditScreen #audit-day { height: auto; }
    TimeAuditScreen.-wide #audit-day { width: 1fr; margin-right: 2; }
    TimeAuditScreen #audit-side { height: auto; }
    TimeAuditScreen.-wide #audit-side { width: 54; }
    TimeAuditScreen .audit-heading { text-style: bold; margin-top: 1; }
    TimeAuditScreen .audit-hint { color: $text-muted; margin-bottom: 1; }
    TimeAuditScreen #audit-error { color: $error; height: auto; }
    TimeAuditScreen #audit-saved { margin-bottom: 1; }
    TimeAuditScreen #audit-summary { height: auto; }
    TimeAuditScreen #audit-ics { margin-bottom: 1; }
    TimeAuditScreen #audit-gaps { height: auto; }
    TimeAuditScreen #audit-gaps.-error { color: $error; }
    TimeAuditScreen #audit-total { height: 1; padding: 0 1; background: $boost; }
    TimeAuditScreen.-wide #audit-total { display: none; }  /* the side column says it */
    """

    class CalendarRead(Message):
        def __init__(self, found: CalendarGaps) -> None:
            super().__init__()
            self.found = found

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.saved_at: datetime | None = None
        self.pace: float | None = None
        self.daily_goal = 30
        self.dirty = False
        """Whether the blocks as typed differ from the ones saved (or first shown)."""
        self.result: Audit | None = None
        """The sums of the blocks as typed (None while a block cannot be read)."""
        self.accepted: int | None = None
        self._leave_armed = False
        self._blocks: tuple[Block, ...] = DEFAULT_BLOCKS
        try:
            saved = services.audit.load()
        except NetuiError as error:
            self._load_error: NetuiError | None = error
        else:
            self._load_error = None
            self._blocks = saved.blocks
            self.saved_at = saved.saved_at
            self.pace = saved.minutes_per_conversation
            self.daily_goal = saved.daily_goal
        self._kept = check_blocks(self._blocks)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="audit-body"):
            with Vertical(id="audit-day"):
                yield Static("A typical weekday", classes="audit-heading")
                yield Static(
                    "Where does a normal day go? Change the minutes, tick what could give way, "
                    "add your own blocks (ctrl+n).",
                    classes="audit-hint",
                )
                with Vertical(id="audit-blocks"):
                    for block in self._blocks:
                        yield BlockRow(block)
                yield Static("", id="audit-error", markup=False)
            with Vertical(id="audit-side"):
                yield Static("", id="audit-saved", markup=False)
                yield Static("", id="audit-summary", markup=False)
                yield Static("Your calendar", classes="audit-heading")
                yield Static(
                    "An .ics export (Google, Outlook, Apple): Enter shows the free time of the "
                    "coming 7 days.",
                    classes="audit-hint",
                )
                yield PathInput(suffixes=(".ics",), placeholder="~/calendar.ics", id="audit-ics")
                yield Static("", id="audit-gaps", markup=False)
        yield Static("", id="audit-total", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "Find the time"
        self.query_one("#audit-error").display = False
        self._recount()
        self.rows[0].focus_name()
        if self._load_error is not None:
            report(self, self._load_error, retry="Opening the audit again")

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width >= SIDE_BY_SIDE_FROM, "-wide")

    @property
    def rows(self) -> list[BlockRow]:
        return list(self.query(BlockRow))

    # -- adding up ----------------------------------------------------------------------

    def read_blocks(self) -> tuple[Block, ...]:
        """The blocks as typed, checked as saving checks them (a ValidationError says which)."""
        return check_blocks([row.read(number) for number, row in enumerate(self.rows, 1)])

    def _recount(self) -> None:
        error = self.query_one("#audit-error", Static)
        try:
            blocks = self.read_blocks()
        except ValidationError as problem:
            self.result = None
            self.dirty = True
            error.update(f"{problem.field}: {problem.message}")
            error.display = True
        else:
            self.dirty = blocks != self._kept
            error.display = False
            self.result = audit(blocks, self.pace)
            self.query_one("#audit-summary", Static).update(
                summary_text(self.result, self.daily_goal)
            )
        self.query_one("#audit-total", Static).update(total_text(self.result))
        self.query_one("#audit-saved", Static).update(saved_text(self.saved_at, self.dirty))
        self.refresh_bindings()

    @on(Input.Changed, ".block-name, .block-minutes")
    @on(Checkbox.Changed)
    def _edited(self) -> None:
        self._leave_armed = False
        self._recount()

    # -- saving and the goal ------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        allowed = super().check_action(action, parameters)
        if not allowed:
            return allowed
        if action == "accept_goal":
            return (self.result is not None and self.result.suggested_goal is not None) or None
        if action == "remove_block":
            return len(self.rows) > 1 or None
        return True

    def _save(self) -> Audit | None:
        try:
            blocks = self.read_blocks()
            result = self.services.audit.save(blocks)
            self._kept = blocks
        except ValidationError as problem:
            self.notify(f"Not saved: {problem.field}: {problem.message}", severity="error")
            return None
        except NetuiError as error:
            report(self, error, retry="ctrl+s")
            return None
        self.saved_at = self.services.clock()
        self._recount()
        return result

    def action_save(self) -> None:
        if self._save() is not None:
            self.notify("The day is saved; redo it whenever your days change.", timeout=3)

    def action_accept_goal(self) -> None:
        result = self._save()
        if result is None or result.suggested_goal is None:
            return
        try:
            goal = self.services.audit.accept_goal(result.suggested_goal)
        except NetuiError as error:
            report(self, error, retry="ctrl+g")
            return
        self.accepted = self.daily_goal = goal
        self._recount()
        self.notify(f"Your daily goal is now {goal} minutes a day.", timeout=4)

    # -- the blocks ---------------------------------------------------------------------

    def _focused_row(self) -> BlockRow | None:
        focused = self.focused
        if focused is None:
            return None
        for node in focused.ancestors_with_self:
            if isinstance(node, BlockRow):
                return node
        return None

    def action_add_block(self) -> None:
        rows = self.rows
        if len(rows) >= MAX_BLOCKS:
            self.notify(f"A day holds at most {MAX_BLOCKS} blocks.", severity="warning")
            return
        row = BlockRow(Block("", 0, True))
        after = self._focused_row()
        container = self.query_one("#audit-blocks", Vertical)
        container.mount(row, after=after) if after is not None else container.mount(row)
        self.call_after_refresh(row.focus_name)
        self.call_after_refresh(self._recount)

    def action_remove_block(self) -> None:
        row = self._focused_row()
        rows = self.rows
        if row is None or len(rows) <= 1:
            return
        index = rows.index(row)
        neighbour = rows[index + 1] if index + 1 < len(rows) else rows[index - 1]
        neighbour.focus_name()
        row.remove()
        self.call_after_refresh(self._recount)

    # -- the calendar -------------------------------------------------------------------

    def action_read_calendar(self) -> None:
        path_input = self.query_one("#audit-ics", PathInput)
        if not path_input.value.strip():
            path_input.focus()
            self.notify("Type or paste the path of an .ics file, then Enter.", timeout=4)
            return
        self._read_calendar(path_input.path)

    @on(Input.Submitted, "#audit-ics")
    def _calendar_submitted(self) -> None:
        self.action_read_calendar()

    def _read_calendar(self, path: Path) -> None:
        gaps = self.query_one("#audit-gaps", Static)
        gaps.remove_class("-error")
        gaps.update(Content.styled("Reading the calendar…", "$text-muted"))
        audit_service = self.services.audit
        self.run_worker(
            lambda: self.post_message(self.CalendarRead(audit_service.calendar_gaps(path))),
            thread=True,
            exclusive=True,
            group="audit-calendar",
            exit_on_error=False,
        )

    @on(CalendarRead)
    def _calendar_read(self, message: CalendarRead) -> None:
        self.query_one("#audit-gaps", Static).update(gaps_text(message.found))

    def worker_failed(self, group: str, error: BaseException) -> None:
        if group != "audit-calendar":
            super().worker_failed(group, error)
            return
        gaps = self.query_one("#audit-gaps", Static)
        gaps.add_class("-error")
        gaps.update(describe_error(error))

    # -- leaving ------------------------------------------------------------------------

    def action_close(self) -> None:
        if self.dirty and not self._leave_armed:
            self._leave_armed = True
            self.notify(
                "Unsaved changes: ctrl+s saves them; esc again leaves without saving.",
                severity="warning",
                timeout=5,
            )
            return
        self.close(self.accepted)
