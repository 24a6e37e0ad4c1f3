"""The daily timer in large digits, recounted once a second from one snapshot.

The widget is handed a :class:`~netui.domain.timer_status.TimerStatus` read from the
database (on start, pause, resume, stop, a heartbeat, or when another netui wrote). Once a
second it asks that snapshot what it looks like now (:meth:`TimerStatus.moved_to`, pure
arithmetic on the stored moments: no database, no counted ticks, so it cannot drift) and
redraws only the parts whose text changed.

It ticks only when there is something to count and someone to see it: a session running
unpaused, the widget laid out on screen (Textual's Show and Hide events), and its screen in
front or under see-through dialogs only (not under a full screen). Idle, paused or hidden,
its one interval is paused.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Digits, Static

from netui.domain.clock import Clock
from netui.domain.timer_status import TimerStatus, clock_time

__all__ = ["TimerDisplay", "clock_face", "recount", "state_text"]

TICK_SECONDS = 1.0


def clock_face(seconds: float) -> str:
    """``04:09`` under an hour, ``1:04:09`` from then on: what the large digits show."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def recount(snapshot: TimerStatus, now: datetime) -> TimerStatus:
    """``snapshot`` seen at ``now``, still interrupted only if the database said so.

    Whether netui lost sight of the session is for the stored heartbeat to say: between
    two heartbeats the snapshot's last-seen moment ages, which is no interruption.
    """
    moved = snapshot.moved_to(now)
    if moved.interrupted == snapshot.interrupted:
        return moved
    return replace(moved, interrupted=snapshot.interrupted)


def _week_line(status: TimerStatus) -> Content:
    streak = status.streak_days
    return Content.assemble(
        f"Week {status.week_minutes} min · streak ",
        (str(streak), "$text-success" if streak else ""),
    )


def state_text(status: TimerStatus) -> Content:
    """The lines beside the digits: what the timer is doing, and the week so far."""
    week = _week_line(status)
    if status.interrupted is not None:
        seen = clock_time(status.interrupted.last_seen_at, status.zone)
        first = Content.styled(f"Interrupted: seen {seen}", "bold $text-error")
        second = Content.styled("r: keep, stop or discard", "$text-error")
        return Content("\n").join([first, second, week])
    planned = status.planned_minutes
    if planned is None:
        first = Content.styled("Not running", "bold $text-muted")
        second = Content.styled(f"space starts {status.goal_minutes} min", "$text-muted")
    elif status.paused:
        first = Content.styled("Paused", "bold $text-warning")
        second = Content(f"{planned} min planned")
    elif status.planned_over:
        first = Content.styled("Past the plan", "bold $text-success")
        second = Content(f"{planned} min planned")
    else:
        first = Content.styled("Running", "bold $text-success")
        second = Content(f"{planned} min planned")
    return Content("\n").join([first, second, week])


class TimerDisplay(Horizontal):
    """The session's time in large digits, and a few words on its state."""

    DEFAULT_CSS = """
    TimerDisplay { height: 3; }
    TimerDisplay > Digits { width: auto; margin-right: 2; }
    TimerDisplay.-idle > Digits { color: $text-muted; }
    TimerDisplay.-paused > Digits { color: $text-warning; }
    TimerDisplay.-interrupted > Digits { color: $text-error; }
    TimerDisplay > #timer-state { width: 1fr; height: 3; }
    """

    class Ticked(Message):
        """A second went by on a running session: ``status`` is how it looks now."""

        def __init__(self, status: TimerStatus) -> None:
            super().__init__()
            self.status = status

    class Overdue(Message):
        """No heartbeat for longer than a sleep gap: the wall clock jumped (a sleep?)."""

    def __init__(self, clock: Clock | None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.clock = clock
        """Set when the database is open (the services' clock), before the first status."""
        self.snapshot: TimerStatus | None = None
        """The last status read from the database."""
        self.shown: TimerStatus | None = None
        """What is on screen now (the snapshot moved to the last tick)."""
        self._on_screen = False
        self._ticker: Timer | None = None
        self._ticking = False
        self._overdue_said = False
        self._face = ""
        self._state: Content | None = None

    def compose(self) -> ComposeResult:
        yield Digits("00:00")
        yield Static("", id="timer-state", markup=False)

    def on_mount(self) -> None:
        self._ticker = self.set_interval(TICK_SECONDS, self.tick, pause=True, name="timer-tick")
        self.app.screen_change_signal.subscribe(self, self._screen_changed)

    @property
    def ticking(self) -> bool:
        """Whether the once-a-second recount is on (tests and the idle benchmark ask)."""
        return self._ticking

    def show(self, status: TimerStatus) -> None:
        """A fresh status from the database: show it and tick from it from now on."""
        self.snapshot = status
        self._overdue_said = False
        self._draw(status)
        self._update_ticking()

    def tick(self) -> TimerStatus | None:
        """Recount the snapshot at the clock's now and redraw what changed."""
        if self.snapshot is None or self.clock is None:
            return None
        now = self.clock()
        moved = recount(self.snapshot, now)
        self._draw(moved)
        if moved.running:
            self.post_message(self.Ticked(moved))
            if not self._overdue_said and self.snapshot.moved_to(now).interrupted is not None:
                self._overdue_said = True
                self.post_message(self.Overdue())
        return moved

    def _draw(self, status: TimerStatus) -> None:
        self.shown = status
        face = clock_face(status.elapsed_seconds)
        if face != self._face:
            self._face = face
            self.query_one(Digits).update(face)
        state = state_text(status)
        if self._state is None or not state.is_same(self._state):
            self._state = state
            self.query_one("#timer-state", Static).update(state)
        self.set_class(not status.running, "-idle")
        self.set_class(status.paused, "-paused")
        self.set_class(status.interrupted is not None, "-interrupted")

    # -- when to tick -------------------------------------------------------------------

    def on_show(self) -> None:
        self._on_screen = True
        self._update_ticking()

    def on_hide(self) -> None:
        self._on_screen = False
        self._update_ticking()

    def _screen_changed(self, _screen: Screen[object]) -> None:
        self._update_ticking()

    def _screen_in_view(self) -> bool:
        """Whether this widget's screen can be seen: on top, or under see-through dialogs."""
        if not self.is_attached:
            return False
        stack = self.app.screen_stack
        screen = self.screen
        if screen not in stack:
            return False
        above = stack[stack.index(screen) + 1 :]
        return all(other.styles.background.a < 1 for other in above)

    def _update_ticking(self) -> None:
        if self._ticker is None:
            return
        status = self.snapshot
        counting = status is not None and status.running and not status.paused
        if counting and self._on_screen and self._screen_in_view():
            if not self._ticking:
                self._ticking = True
                self.tick()  # catch up at once: the time went on while nobody looked
                self._ticker.resume()
        elif self._ticking:
            self._ticking = False
            self._ticker.pause()
