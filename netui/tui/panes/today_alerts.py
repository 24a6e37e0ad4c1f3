"""Saying once that the daily goal is reached, and once that a session's planned time is up.

Each says so with a toast and the terminal bell (unless the bell setting is off); the
session goes on until the user stops it. Two paths look for the moment, and what was said
is remembered, so it is said once whichever comes first:

- the timer display's tick, once a second while the Today pane is on screen;
- one timer set for the very moment it will happen, worked out from the last status, so
  a user in another pane (or another screen) hears it too, with no ticking meanwhile.

The first status after the app opens only sets the baseline: a goal met before the app
opened is not news.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.timer import Timer
from textual.widget import Widget

from netui.domain.timer import seconds_by_day
from netui.domain.timer_status import TimerStatus
from netui.errors import NetuiError

__all__ = ["TodayAlerts", "seconds_today"]

Snapshot = Callable[[], TimerStatus | None]


def seconds_today(status: TimerStatus) -> float:
    """Today's active seconds, exactly (``today_minutes`` rounds down to the minute)."""
    day = status.at.astimezone(status.zone).date()
    total = status.history.get(day, 0.0)
    if status.session is not None:
        total += seconds_by_day([status.session], status.at, status.zone).get(day, 0.0)
    return total


def _until_next(status: TimerStatus) -> float | None:
    """Seconds until the goal is met or the plan is over, whichever is first; None: never."""
    if not status.running or status.paused or status.interrupted is not None:
        return None
    waits = []
    if not status.goal_reached:
        waits.append(status.goal_minutes * 60 - seconds_today(status))
    planned = status.planned_minutes
    if planned is not None and not status.planned_over:
        waits.append(planned * 60 - status.elapsed_seconds)
    return max(0.5, min(waits)) if waits else None


class TodayAlerts:
    """What has been said today about the goal and the running session's plan."""

    def __init__(self, owner: Widget, current: Snapshot, bell_on: Callable[[], bool]) -> None:
        self.owner = owner
        self.current = current
        """The status as it is now (the last one read, moved to the clock's now)."""
        self.bell_on = bell_on
        self._baseline = True
        self._goal_day: date | None = None
        self._over: tuple[int | None, int] | None = None
        self._timer: Timer | None = None

    def observe(self, status: TimerStatus) -> None:
        """A status was read or recounted: say what became true, and plan the next look."""
        announce, self._baseline = not self._baseline, False
        news: list[str] = []
        day = status.at.astimezone(status.zone).date()
        if status.goal_reached and self._goal_day != day:
            self._goal_day = day
            news.append(f"Daily goal reached: {status.today_minutes} minutes today.")
        planned = status.planned_minutes
        if planned is not None and status.planned_over:
            key = (status.session_id, planned)
            if self._over != key:
                self._over = key
                news.append(f"The {planned} minutes you planned are up; e adds 5 more.")
        if news and announce:
            news.append("The session runs until you stop it (x).")
            self._say(" ".join(news))
        self._plan(status)

    def _plan(self, status: TimerStatus) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        wait = _until_next(status)
        if wait is not None:
            self._timer = self.owner.set_timer(wait, self._look, name="today-alert")

    def _look(self) -> None:
        self._timer = None
        status = self.current()
        if status is not None:
            self.observe(status)

    def _say(self, message: str) -> None:
        app = self.owner.app
        app.notify(message, title="Today", timeout=10)
        try:
            ring = self.bell_on()
        except NetuiError:
            ring = True  # the setting could not be read just now: the default is on
        if ring:
            app.bell()
