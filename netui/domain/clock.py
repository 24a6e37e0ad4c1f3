"""The one source of the current time: a clock is injected everywhere else.

Every timestamp netui stores and every "today" it shows comes from a :data:`Clock` handed
in by the front end (the app or the command line). Only :func:`system_clock` reads the
real time; a lint rule forbids ``datetime.now()`` and ``date.today()`` anywhere else, so a
test on a :class:`FakeClock` can never be fooled by the machine's own time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, tzinfo

__all__ = ["Clock", "FakeClock", "local_today", "local_zone", "system_clock"]

Clock = Callable[[], datetime]
"""Returns the current moment as a timezone-aware datetime (UTC by convention)."""


def system_clock() -> datetime:
    """The real time, in UTC: the only place netui asks the machine what time it is."""
    return datetime.now(UTC)  # noqa: TID251 - this is the one clock


def local_today(clock: Clock) -> date:
    """Today's date where the user is (events are stored in UTC, days are lived locally)."""
    return clock().astimezone().date()


def local_zone() -> tzinfo:
    """The user's time zone (the machine's), with its summer-time rules, for typed times.

    Unlike ``clock().astimezone().tzinfo``, a fixed offset for this moment, it gives
    "2024-07-04 9am" July's offset even when read in January.
    """
    from dateutil import tz  # imported when asked: most commands never need a zone

    return tz.tzlocal()


class FakeClock:
    """A clock that moves only when told to: for tests, demos and benchmarks."""

    def __init__(self, now: datetime) -> None:
        if now.tzinfo is None:
            raise ValueError("a clock tells aware time; give the datetime a time zone")
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta | None = None, **units: float) -> datetime:
        """Move forward by ``delta`` or by keyword units (``minutes=5``); returns the new now."""
        step = (delta or timedelta()) + timedelta(**units)
        if step < timedelta():
            raise ValueError("time does not run backwards; set .now to jump")
        self.now += step
        return self.now
