"""The three choices after netui lost sight of a running session (killed, or the machine slept).

The dialog only asks; the Today pane carries out the choice through the timer service, so
the same rules hold as for ``netui timer resolve``. Each choice says what it will count,
from the figures the status worked out. Escape leaves the session as it is, to decide later
(``r`` in the Today pane asks again).
"""

from __future__ import annotations

from enum import StrEnum

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from netui.domain.timer_status import Interrupted, TimerStatus, clock_time
from netui.tui.actions import Scope, bindings
from netui.tui.screens.base import NetuiDialog

__all__ = ["Recovery", "TimerRecoveryScreen"]


class Recovery(StrEnum):
    KEEP = "keep"
    STOP = "stop"
    DISCARD = "discard"


class TimerRecoveryScreen(NetuiDialog[Recovery]):
    """Keep the time, stop at the last moment seen, or discard; None: decide later."""

    BINDINGS = bindings(Scope.RECOVERY)

    DEFAULT_CSS = """
    TimerRecoveryScreen { align: center middle; }
    TimerRecoveryScreen > #recovery-box {
        width: 72; max-width: 100%; height: auto; max-height: 100%;
        border: thick $warning; background: $surface; padding: 0 1;
    }
    TimerRecoveryScreen #recovery-why { margin: 1 0; }
    TimerRecoveryScreen .choice { height: auto; margin-bottom: 1; }
    TimerRecoveryScreen .choice > Button { width: 24; }
    TimerRecoveryScreen .choice > Static { width: 1fr; padding: 0 1; color: $text-muted; }
    TimerRecoveryScreen #recovery-later { color: $text-muted; }
    """

    def __init__(self, status: TimerStatus) -> None:
        super().__init__()
        if status.interrupted is None or status.started_at is None:
            raise ValueError("only an interrupted session has choices to make")
        self.interrupted: Interrupted = status.interrupted
        self.session_id = status.session_id
        self.started_at_text = clock_time(status.started_at, status.zone)
        self.seen_text = clock_time(status.interrupted.last_seen_at, status.zone)

    def compose(self) -> ComposeResult:
        from netui.services.timer import span_text  # loaded with the services

        gap = span_text(self.interrupted.gap_seconds)
        kept = span_text(self.interrupted.kept_seconds)
        stopped = span_text(self.interrupted.stopped_seconds)
        with Vertical(id="recovery-box"):
            yield Static(
                f"The session started at {self.started_at_text}. netui last saw it at "
                f"{self.seen_text}, {gap} ago: netui was closed without stopping it, or the "
                "computer slept. What should the gap count as?",
                id="recovery-why",
                markup=False,
            )
            yield self._choice("keep", "Keep the time (k)", f"Counts {kept}: you worked on.")
            yield self._choice(
                "stop", f"Stop at {self.seen_text} (s)", f"Counts {stopped}; the gap does not."
            )
            yield self._choice("discard", "Discard (d)", "Forgets this session altogether.")
            yield Static("esc: decide later (r in the Today pane)", id="recovery-later")

    def _choice(self, choice: str, label: str, what: str) -> Horizontal:
        return Horizontal(
            Button(
                label, id=f"recovery-{choice}", variant="primary" if choice == "keep" else "default"
            ),
            Static(what, markup=False),
            classes="choice",
        )

    def on_mount(self) -> None:
        self.query_one("#recovery-box").border_title = Content("netui lost sight of your session")
        self.query_one("#recovery-keep", Button).focus()

    def action_choose(self, choice: str) -> None:
        self.close(Recovery(choice))

    def action_later(self) -> None:
        self.close(None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or ""
        if button.startswith("recovery-") and self.accepting:
            self.close(Recovery(button.removeprefix("recovery-")))
