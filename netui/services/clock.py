"""The current time, injectable so tests never depend on the real clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


def local_today(clock: Clock) -> date:
    """Today's date where the user is (events are stored in UTC, days are lived locally)."""
    return clock().astimezone().date()


class ManualClock:
    """A clock that only moves when told to: for tests, demos and benchmarks."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now
