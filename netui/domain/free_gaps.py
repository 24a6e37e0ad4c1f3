"""Free time in the days ahead: the gaps between busy stretches, within waking hours.

The calendar reader hands over busy intervals in any order, overlapping or not; this finds
what is left of each day's waking hours over the coming days, so the daily session can be
placed in time that exists. Waking hours are wall-clock times in the user's zone: on a
daylight-saving day the window is the same hours on the clock (one real hour more or less).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

__all__ = [
    "DAYS_AHEAD",
    "MIN_GAP_MINUTES",
    "Gap",
    "WakingHours",
    "free_gaps",
    "merge_busy",
    "parse_waking_hours",
]

DAYS_AHEAD = 7
MIN_GAP_MINUTES = 15
"""A gap shorter than this is not time a session could use."""

Interval = tuple[datetime, datetime]


@dataclass(frozen=True, slots=True)
class WakingHours:
    """The part of each day the user could network in (07:00 to 22:00 unless told)."""

    start: time = time(7, 0)
    end: time = time(22, 0)

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError("waking hours must end after they start")

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


@dataclass(frozen=True, slots=True)
class Gap:
    """A free stretch of one day, in UTC (show it in the user's zone)."""

    start: datetime
    end: datetime

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)


_HOURS = re.compile(r"\s*(\d{1,2})(?::(\d{2}))?\s*-\s*(\d{1,2})(?::(\d{2}))?\s*")


def parse_waking_hours(text: str) -> WakingHours:
    """``7-22`` or ``07:30-23:00`` as waking hours; ValueError with the reason otherwise."""
    match = _HOURS.fullmatch(text)
    if match is None:
        raise ValueError(f'could not read "{text.strip()}" as waking hours (try 07:00-22:00)')
    start_h, start_m, end_h, end_m = (int(part or 0) for part in match.groups())
    if start_h > 23 or end_h > 24 or start_m > 59 or end_m > 59 or (end_h == 24 and end_m):
        raise ValueError(f'"{text.strip()}" is not a time of day (hours 0-24, minutes 0-59)')
    end = time.max if end_h == 24 else time(end_h, end_m)
    hours = (time(start_h, start_m), end)
    if hours[1] <= hours[0]:
        raise ValueError(f'waking hours "{text.strip()}" must end after they start')
    return WakingHours(*hours)


def merge_busy(busy: Iterable[Interval]) -> list[Interval]:
    """Busy intervals sorted and joined where they touch or overlap (empty ones dropped)."""
    merged: list[Interval] = []
    for start, end in sorted((s, e) for s, e in busy if e > s):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _wall(day: date, at: time, zone: tzinfo) -> datetime:
    """The instant of a wall-clock time on a local day (a skipped time moves forward)."""
    from dateutil import tz  # here: the app's first frame never needs it

    return tz.resolve_imaginary(datetime.combine(day, at).replace(tzinfo=zone)).astimezone(UTC)


def free_gaps(
    busy: Iterable[Interval],
    *,
    today: date,
    zone: tzinfo,
    waking: WakingHours | None = None,
    now: datetime | None = None,
    days: int = DAYS_AHEAD,
    min_minutes: int = MIN_GAP_MINUTES,
) -> list[Gap]:
    """Free stretches of waking hours from ``today`` for ``days`` days, earliest first.

    Busy intervals are aware datetimes in any order; with ``now``, time already past
    today is not offered.
    """
    hours = waking or WakingHours()
    merged = merge_busy(busy)
    shortest = timedelta(minutes=min_minutes)
    gaps: list[Gap] = []
    for offset in range(days):
        day = today + timedelta(days=offset)
        start, end = _wall(day, hours.start, zone), _wall(day, hours.end, zone)
        if now is not None:
            start = max(start, now)
        cursor = start
        for busy_start, busy_end in merged:
            if busy_end <= cursor:
                continue
            if busy_start >= end:
                break
            if busy_start - cursor >= shortest:
                gaps.append(Gap(cursor, busy_start))
            cursor = max(cursor, busy_end)
        if end - cursor >= shortest:
            gaps.append(Gap(cursor, end))
    return gaps
