"""Timer accounting: how much networking time a session holds, per local day.

Everything is computed from stored UTC moments (start, end, pauses) and a ``now`` handed
in, never from counting ticks, so the time survives a crash, a sleep or a restart and can
never drift from the wall clock. Days are the user's local days: a session over midnight
counts toward each day's total, and a daylight-saving change neither adds nor loses an
hour (boundaries are local midnights turned into UTC instants, then subtracted).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

__all__ = [
    "HEARTBEAT",
    "SLEEP_GAP",
    "Pause",
    "TimedSession",
    "active_intervals",
    "active_seconds",
    "day_bounds",
    "seconds_by_day",
    "streak_days",
    "was_interrupted",
    "week_seconds",
]

HEARTBEAT = timedelta(seconds=45)
"""How often a running netui records that it is alive (between 30 and 60 s)."""
SLEEP_GAP = timedelta(minutes=3)
"""A gap this long since the last heartbeat means netui was killed or the machine slept."""


@dataclass(frozen=True, slots=True)
class Pause:
    started_at: datetime
    ended_at: datetime | None = None  # None: paused now


@dataclass(frozen=True, slots=True)
class TimedSession:
    """A networking session as stored: a row with no end is still running."""

    started_at: datetime
    ended_at: datetime | None = None
    pauses: tuple[Pause, ...] = ()
    planned_minutes: int = 30
    last_seen_at: datetime | None = None
    """When a running netui last said it was alive; None while none has watched it."""
    id: int | None = None  # the stored row's id (None for a session not stored)
    goal_minutes: int = 30
    """The daily goal in force when the session started."""

    @property
    def running(self) -> bool:
        return self.ended_at is None

    @property
    def paused(self) -> bool:
        return self.running and any(p.ended_at is None for p in self.pauses)


def _clip(start: datetime, end: datetime, low: datetime, high: datetime) -> tuple[datetime, ...]:
    begin, finish = max(start, low), min(end, high)
    return (begin, finish) if begin < finish else ()


def active_intervals(session: TimedSession, now: datetime) -> list[tuple[datetime, datetime]]:
    """The stretches of the session that count: from start to end (or now), less pauses.

    A pause still open runs until now (or until the session ended, for a row a crash left
    that way); pauses outside the session or overlapping each other are clipped, so a
    damaged row can never make time negative, count twice or shrink later.
    """
    end = session.ended_at or now  # an ended session no longer depends on now
    if end <= session.started_at:
        return []
    cuts = sorted(
        clipped
        for pause in session.pauses
        if (clipped := _clip(pause.started_at, pause.ended_at or end, session.started_at, end))
    )
    intervals: list[tuple[datetime, datetime]] = []
    cursor = session.started_at
    for pause_start, pause_end in cuts:
        if pause_start > cursor:
            intervals.append((cursor, pause_start))
        cursor = max(cursor, pause_end)
    if cursor < end:
        intervals.append((cursor, end))
    return intervals


def active_seconds(session: TimedSession, now: datetime) -> float:
    """Active time so far: (end or now) - start - the pauses (an open pause until now)."""
    return sum((b - a).total_seconds() for a, b in active_intervals(session, now))


def _local_midnight(day: date, zone: tzinfo) -> datetime:
    """The instant a local day starts (a skipped midnight resolves to the first real time)."""
    from dateutil import tz  # here: the app's first frame never needs it

    wall = datetime.combine(day, time.min).replace(tzinfo=zone)
    return tz.resolve_imaginary(wall).astimezone(UTC)


def day_bounds(day: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """The UTC instants a local day starts and ends (23 or 25 hours apart on a clock change)."""
    return _local_midnight(day, zone), _local_midnight(day + timedelta(days=1), zone)


def _split_by_day(start: datetime, end: datetime, zone: tzinfo) -> Iterator[tuple[date, float]]:
    day = start.astimezone(zone).date()
    while start < end:
        next_start = _local_midnight(day + timedelta(days=1), zone)
        piece_end = min(end, next_start)
        if piece_end > start:
            yield day, (piece_end - start).total_seconds()
        start, day = piece_end, day + timedelta(days=1)


def seconds_by_day(
    sessions: Iterable[TimedSession], now: datetime, zone: tzinfo
) -> dict[date, float]:
    """Active seconds per local day, over every session (running ones counted until now)."""
    totals: dict[date, float] = {}
    for session in sessions:
        for start, end in active_intervals(session, now):
            for day, seconds in _split_by_day(start, end, zone):
                totals[day] = totals.get(day, 0.0) + seconds
    return totals


def streak_days(totals: Mapping[date, float], goal_seconds: float, today: date) -> int:
    """Days in a row that met the goal, ending today (or yesterday, while today is young)."""
    day = today if totals.get(today, 0.0) >= goal_seconds else today - timedelta(days=1)
    count = 0
    while totals.get(day, 0.0) >= goal_seconds > 0:
        count += 1
        day -= timedelta(days=1)
    return count


def week_seconds(totals: Mapping[date, float], today: date) -> float:
    """The rolling 7-day total ending today: a missed day does not wipe out the week."""
    return sum(totals.get(today - timedelta(days=back), 0.0) for back in range(7))


def was_interrupted(session: TimedSession, now: datetime) -> bool:
    """Whether a running session lost netui (killed, or the machine slept) since last seen.

    Only a session some netui has watched can be caught out: one started from a shell
    with no app open has no heartbeat (``last_seen_at`` is None), and its time since the
    start is all there is to go on.
    """
    if not session.running or session.last_seen_at is None:
        return False
    return now - session.last_seen_at > SLEEP_GAP
