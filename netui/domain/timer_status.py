"""What the daily timer shows at one moment, and the rules its actions follow.

A :class:`TimerStatus` is a snapshot built from stored sessions and a ``now``: the running
session (if any), today's minutes, the rolling week, the streak, the last seven days for a
chart, and whether netui lost sight of the session (killed, or the machine slept). The app
keeps one and calls :meth:`TimerStatus.moved_to` once a second, which recounts from the
stored moments without the database, so the display never drifts from the wall clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from types import MappingProxyType

from netui.domain.goal_limits import DEFAULT_GOAL_MINUTES, MAX_MINUTES, MIN_MINUTES, check_minutes
from netui.domain.timer import (
    TimedSession,
    active_seconds,
    seconds_by_day,
    streak_days,
    was_interrupted,
    week_seconds,
)
from netui.errors import NetuiError

__all__ = [
    "DEFAULT_GOAL_MINUTES",
    "EXTEND_MINUTES",
    "MAX_MINUTES",
    "MIN_MINUTES",
    "DayMinutes",
    "Interrupted",
    "SessionInterruptedError",
    "TimerError",
    "TimerStatus",
    "build_status",
    "check_minutes",
    "clock_time",
]

EXTEND_MINUTES = 5
CHART_DAYS = 7


class TimerError(NetuiError):
    """A timer action that does not fit the timer's state; nothing was changed."""


class SessionInterruptedError(TimerError):
    """The running session lost netui; it must be kept, stopped or discarded first."""


def clock_time(moment: datetime, zone: tzinfo) -> str:
    """``15:02`` where the user is, for messages about a session."""
    return moment.astimezone(zone).strftime("%H:%M")


@dataclass(frozen=True, slots=True)
class Interrupted:
    """netui last saw the running session at ``last_seen_at``, ``gap_seconds`` ago."""

    last_seen_at: datetime
    gap_seconds: float
    kept_seconds: float
    """The session's time if it is kept (the gap counts)."""
    stopped_seconds: float
    """The session's time if it is stopped where netui last saw it."""


@dataclass(frozen=True, slots=True)
class DayMinutes:
    day: date
    minutes: int


@dataclass(frozen=True, slots=True)
class TimerStatus:
    """The timer at ``at``; ``session`` is the running one, None when none runs."""

    at: datetime
    session: TimedSession | None
    goal_minutes: int
    """The running session's goal, else the daily goal setting."""
    elapsed_seconds: int
    today_minutes: int
    week_minutes: int
    """The rolling seven days ending today."""
    streak_days: int
    days: tuple[DayMinutes, ...]
    """Minutes on each of the last seven days, oldest first (for a chart)."""
    interrupted: Interrupted | None
    zone: tzinfo = field(repr=False, compare=False)
    history: Mapping[date, float] = field(repr=False, compare=False)
    """Seconds per day of the sessions that ended: they no longer change with time."""

    @property
    def running(self) -> bool:
        return self.session is not None

    @property
    def paused(self) -> bool:
        return self.session is not None and self.session.paused

    @property
    def session_id(self) -> int | None:
        return None if self.session is None else self.session.id

    @property
    def started_at(self) -> datetime | None:
        return None if self.session is None else self.session.started_at

    @property
    def planned_minutes(self) -> int | None:
        return None if self.session is None else self.session.planned_minutes

    @property
    def goal_reached(self) -> bool:
        return self.today_minutes >= self.goal_minutes

    @property
    def planned_over(self) -> bool:
        """The running session has lasted as long as planned (it goes on until stopped)."""
        planned = self.planned_minutes
        return planned is not None and self.elapsed_seconds >= planned * 60

    def moved_to(self, now: datetime) -> TimerStatus:
        """The same stored state seen at ``now``: what the app shows each second."""
        return _status(self.session, self.history, now, self.zone, self.goal_minutes)


def _interruption(session: TimedSession, now: datetime) -> Interrupted | None:
    if not was_interrupted(session, now) or session.last_seen_at is None:
        return None
    seen = max(session.last_seen_at, session.started_at)
    stopped = TimedSession(session.started_at, seen, session.pauses)
    return Interrupted(
        last_seen_at=session.last_seen_at,
        gap_seconds=(now - session.last_seen_at).total_seconds(),
        kept_seconds=active_seconds(session, now),
        stopped_seconds=active_seconds(stopped, now),
    )


def _status(
    session: TimedSession | None,
    history: Mapping[date, float],
    now: datetime,
    zone: tzinfo,
    goal_minutes: int,
) -> TimerStatus:
    totals = dict(history)
    if session is not None:
        for day, seconds in seconds_by_day([session], now, zone).items():
            totals[day] = totals.get(day, 0.0) + seconds
    today = now.astimezone(zone).date()
    days = tuple(
        DayMinutes(day, int(totals.get(day, 0.0) // 60))
        for day in (today - timedelta(days=back) for back in range(CHART_DAYS - 1, -1, -1))
    )
    return TimerStatus(
        at=now,
        session=session,
        goal_minutes=goal_minutes,
        elapsed_seconds=int(active_seconds(session, now)) if session else 0,
        today_minutes=int(totals.get(today, 0.0) // 60),
        week_minutes=int(week_seconds(totals, today) // 60),
        streak_days=streak_days(totals, goal_minutes * 60.0, today),
        days=days,
        interrupted=None if session is None else _interruption(session, now),
        zone=zone,
        history=history,
    )


def build_status(
    running: TimedSession | None,
    ended: Iterable[TimedSession],
    now: datetime,
    zone: tzinfo,
    daily_goal_minutes: int,
) -> TimerStatus:
    """The timer at ``now`` from the running session and the ended ones (any order)."""
    history = MappingProxyType(seconds_by_day(ended, now, zone))
    goal = running.goal_minutes if running is not None else daily_goal_minutes
    return _status(running, history, now, zone, goal)
