"""Invented timer sessions for the demo: weeks of daily practice, pure and seeded.

Most weekdays have a session of 25 to 60 minutes, weekends now and then, a few days are
missed, and the last several days in a row all reach the goal, so the streak ends today
(or yesterday, when today is too young for a session to have fit in). Every session is in
the past and ended; some had a short pause.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from netui.domain.timer import Pause, TimedSession, day_bounds

__all__ = ["DEMO_WEEKS", "invent_sessions"]

DEMO_WEEKS = 6
_LAST_START_HOUR = 19


def _minutes(rng: random.Random, goal: int, in_streak: bool) -> int:
    """A session's length: 25-60 minutes, never under the goal during the streak."""
    if in_streak:
        return rng.randint(goal, max(goal, 60) + 5)
    return rng.randint(25, 60)


def _session(
    rng: random.Random, day: date, minutes: int, goal: int, zone: tzinfo, now: datetime
) -> TimedSession | None:
    """A session of ``minutes`` active on ``day``, ended before ``now``; None when it
    cannot fit between the day's start and now."""
    pause = timedelta(minutes=rng.randint(3, 10)) if rng.random() < 0.3 else None
    length = timedelta(minutes=minutes) + (pause or timedelta())
    wall = datetime.combine(day, time(rng.randint(8, _LAST_START_HOUR), rng.choice((0, 15, 30))))
    start = wall.replace(tzinfo=zone).astimezone(UTC)
    latest_end = now - timedelta(minutes=2)
    if start + length > latest_end:
        start = latest_end - length
    day_start, _ = day_bounds(day, zone)
    if start < day_start:
        return None
    pauses: tuple[Pause, ...] = ()
    if pause is not None:
        paused = start + timedelta(minutes=rng.randint(5, max(5, minutes - 5)))
        pauses = (Pause(paused, paused + pause),)
    return TimedSession(
        started_at=start,
        ended_at=start + length,
        pauses=pauses,
        planned_minutes=max(goal, minutes - minutes % 5),
        last_seen_at=start + length,
        goal_minutes=goal,
    )


def invent_sessions(
    seed: int, now: datetime, zone: tzinfo, goal_minutes: int, weeks: int = DEMO_WEEKS
) -> list[TimedSession]:
    """Ended sessions over the last ``weeks`` weeks up to ``now``, oldest first."""
    rng = random.Random(seed * 7_919 + 3)
    today = now.astimezone(zone).date()
    streak = rng.randint(5, 9)  # days in a row, today included
    sessions: list[TimedSession] = []
    for back in range(weeks * 7, -1, -1):
        day = today - timedelta(days=back)
        in_streak = back < streak
        if back == streak:
            continue  # the missed day the streak starts after
        if not in_streak:
            chance = 0.85 if day.weekday() < 5 else 0.2
            if rng.random() >= chance:
                continue
        made = _session(rng, day, _minutes(rng, goal_minutes, in_streak), goal_minutes, zone, now)
        if made is not None:
            sessions.append(made)
    return sessions
