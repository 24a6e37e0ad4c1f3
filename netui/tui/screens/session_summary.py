"""What a session did, kept as it goes, and the dialog that shows it at the end.

:class:`SessionTally` counts what the session mode logged: each outcome, the people it
reached, the follow-ups it set, who was skipped. The minutes are the timer's own (today's
minutes at the end less those at the start), so pauses never count. The summary dialog
closes with True when the user also stops the timer, False when it goes on running.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from netui.domain.dates import format_loose_date
from netui.domain.types import DatePrecision, Outcome
from netui.tui.actions import Scope, bindings
from netui.tui.screens.base import NetuiDialog
from netui.tui.text import literal_line

__all__ = ["Logged", "SessionSummaryScreen", "SessionTally", "summary_text"]


@dataclass(frozen=True, slots=True)
class Logged:
    """One interaction the session mode logged."""

    name: str
    outcome: Outcome
    follow_up: date | None


@dataclass(slots=True)
class SessionTally:
    """The session so far; ``start_minutes`` is today's timed minutes when it began."""

    start_minutes: int
    end_minutes: int | None = None
    logged: list[Logged] = field(default_factory=list)
    skipped: int = 0

    @property
    def minutes(self) -> int:
        end = self.start_minutes if self.end_minutes is None else self.end_minutes
        return max(0, end - self.start_minutes)

    @property
    def reached(self) -> int:
        """People reached: an answer, a talk, a meeting... (each person once)."""
        return len({entry.name for entry in self.logged if entry.outcome.reached})

    @property
    def contacted(self) -> int:
        return len({entry.name for entry in self.logged})

    @property
    def follow_ups(self) -> list[Logged]:
        return [entry for entry in self.logged if entry.follow_up is not None]

    def outcomes(self) -> list[tuple[Outcome, int]]:
        """How many of each outcome, in the order outcomes are listed."""
        counts = Counter(entry.outcome for entry in self.logged)
        return [(outcome, counts[outcome]) for outcome in Outcome if counts[outcome]]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_text(tally: SessionTally) -> Content:
    """The summary, a line each: time, people, outcomes, follow-ups (names as typed)."""
    lines = [
        Content.assemble(("Time      ", "bold"), _plural(tally.minutes, "minute")),
        Content.assemble(
            ("People    ", "bold"),
            f"{tally.reached} reached of {_plural(tally.contacted, 'person')} contacted",
            f" · {tally.skipped} skipped" if tally.skipped else "",
        ),
    ]
    outcomes = " · ".join(f"{outcome.label} {count}" for outcome, count in tally.outcomes())
    lines.append(Content.assemble(("Outcomes  ", "bold"), outcomes or "none logged"))
    follow_ups = tally.follow_ups
    lines.append(Content.assemble(("Follow-ups ", "bold"), str(len(follow_ups))))
    for entry in follow_ups:
        assert entry.follow_up is not None
        when = format_loose_date(entry.follow_up, DatePrecision.DAY)
        lines.append(
            Content.assemble("  ", f"{entry.follow_up:%a} {when}  ", literal_line(entry.name))
        )
    return Content("\n").join(lines)


class SessionSummaryScreen(NetuiDialog[bool]):
    """The end of a session: what it did. x stops the timer too; Enter or esc leaves it on."""

    BINDINGS = bindings(Scope.SUMMARY)

    DEFAULT_CSS = """
    SessionSummaryScreen { align: center middle; }
    SessionSummaryScreen > #summary-box {
        width: 64; max-width: 100%; height: auto; max-height: 100%;
        border: thick $success; background: $surface; padding: 1 2;
    }
    SessionSummaryScreen #summary-buttons { height: auto; margin-top: 1; align-horizontal: right; }
    SessionSummaryScreen #summary-buttons Button { margin-left: 2; }
    """

    def __init__(self, tally: SessionTally, timer_running: bool) -> None:
        super().__init__()
        self.tally = tally
        self.timer_running = timer_running

    def compose(self) -> ComposeResult:
        with Vertical(id="summary-box"):
            yield Static(summary_text(self.tally), id="summary-text", markup=False)
            with Horizontal(id="summary-buttons"):
                if self.timer_running:
                    yield Button("Stop the timer (x)", id="summary-stop")
                yield Button("Done (Enter)", id="summary-done", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#summary-box").border_title = Content("Session done")
        self.query_one("#summary-done", Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "stop_timer" and not self.timer_running:
            return False
        return super().check_action(action, parameters)

    def action_stop_timer(self) -> None:
        self.close(True)

    def action_done(self) -> None:
        self.close(False)

    @on(Button.Pressed, "#summary-stop")
    def _stop(self) -> None:
        if self.accepting:
            self.action_stop_timer()

    @on(Button.Pressed, "#summary-done")
    def _done(self) -> None:
        if self.accepting:
            self.action_done()
