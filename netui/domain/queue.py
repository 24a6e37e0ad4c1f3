"""Today's queue: whom to reach today, and the Top 20 spread over the weeks planned.

The queue holds three kinds of people, each at most once:

- **Top 20** members not reached yet, paced: the Top 20 is to be reached over the planned
  weeks of weekdays (default 4, so 20 people over 20 weekdays: one a day; over 2 weeks,
  two). By each weekday the plan expects ``ceil(size * weekdays so far / weekdays
  planned)`` people done, and today asks for what is missing, so a day that starts behind
  asks for more (at most :data:`MAX_TOP20_ASKS` at once; more come as those are done).
  Someone called today without reaching them counts as done for today, and comes back on
  another day. Weekends add nothing new to the plan but show what is behind.
- **Follow-ups** due today or overdue (the date set when logging a call).
- Contacts **due by their cadence** (today or overdue), unless already contacted today.

Order: the Top 20 asks first, by rank (the user's own order for them), then everyone
else by priority score, the longest overdue first among equals.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from math import ceil
from typing import NamedTuple

from netui.domain.types import TOP20_GOAL, TOP20_SIZE

__all__ = [
    "MAX_TOP20_ASKS",
    "Candidate",
    "Queue",
    "QueueItem",
    "Reason",
    "TodayProgress",
    "Top20Pace",
    "build_queue",
    "top20_pace",
    "weekdays_between",
]

MAX_TOP20_ASKS = 5
"""The most Top 20 people one look at the queue asks for, however far behind the plan is."""
WEEKDAYS = 5


class Reason(StrEnum):
    """Why someone is in today's queue (the first that applies)."""

    TOP20 = "top20"
    FOLLOW_UP = "follow_up"
    CADENCE = "cadence"


class Candidate(NamedTuple):
    """What the queue needs to know of one contact who might be in it.

    Named tuples, not dataclasses, for candidates and queue items: a queue is built from
    thousands of rows on every look, and a frozen dataclass costs several times more.
    """

    contact_id: int
    name: str
    company: str
    priority: float
    top20_rank: int | None = None
    """None: not on the Top 20."""
    reached: bool = False
    """On the Top 20 and reached since joining it."""
    touched_today: bool = False
    """Something was logged with them today."""
    follow_up: date | None = None
    cadence_due: date | None = None
    """When their cadence falls due; None without a cadence."""
    cadence_label: str = ""


def _days(count: int) -> str:
    return f"{count} day{'s' if count != 1 else ''}"


class QueueItem(NamedTuple):
    contact_id: int
    name: str
    company: str
    reason: Reason
    """The first reason that applies: an ask of the Top 20, a follow-up, a cadence."""
    priority: float
    top20_rank: int | None
    days_overdue: int
    """How late the follow-up or the cadence is (0: due today, or a Top 20 ask)."""
    follow_up_late: int | None = None
    """Days past the follow-up date (0: today); None without a follow-up due."""
    cadence_late: int | None = None
    """Days past the cadence's due date (0: today); None when not due by cadence."""
    cadence_label: str = ""

    @property
    def why(self) -> str:
        """Every reason, in words: ``Top 20 #3 · follow-up overdue by 2 days``.

        Built when read, not for each of thousands of rows: a screen shows a few dozen.
        """
        words = []
        if self.reason is Reason.TOP20:
            words.append(f"Top 20 #{self.top20_rank}")
        if self.follow_up_late is not None:
            late = self.follow_up_late
            words.append(
                "follow-up due today" if late == 0 else f"follow-up overdue by {_days(late)}"
            )
        if self.cadence_late is not None:
            named = (
                f"due by cadence ({self.cadence_label})" if self.cadence_label else "due by cadence"
            )
            late = self.cadence_late
            words.append(named if late == 0 else f"{named}, {_days(late)} overdue")
        if self.reason is not Reason.TOP20 and self.top20_rank is not None:
            words.append(f"Top 20 #{self.top20_rank}")  # in the queue for another reason
        return " · ".join(words)


@dataclass(frozen=True, slots=True)
class Top20Pace:
    """Where the Top 20 stands against the plan of reaching it in ``weeks``."""

    size: int
    reached: int
    attempted_today: int
    """Members called today without being reached: done for today."""
    weeks: int
    weekdays_in: int
    """Weekdays of the plan so far, today included (at most the plan's length)."""
    target: int
    """How many the plan expects done by the end of today."""
    behind: int
    """How many the plan expected done by yesterday that are not."""
    ask_today: int

    @property
    def plan_weekdays(self) -> int:
        return self.weeks * WEEKDAYS


@dataclass(frozen=True, slots=True)
class TodayProgress:
    contacted_today: int
    """People with anything logged today."""
    reached_today: int
    """People actually reached today (an answer, a talk, a meeting...)."""
    top20: Top20Pace
    top20_goal: int = TOP20_GOAL
    """Reaching half of the Top 20 counts as success."""
    top20_capacity: int = TOP20_SIZE


def weekdays_between(first: date, last: date) -> int:
    """Monday-to-Friday days from ``first`` to ``last``, both included (0 if last < first)."""
    if last < first:
        return 0
    days = (last - first).days + 1
    weeks, rest = divmod(days, 7)
    count = weeks * WEEKDAYS
    start = first.weekday()
    count += sum(1 for offset in range(rest) if (start + offset) % 7 < WEEKDAYS)
    return count


def _expected(size: int, weekdays_in: int, plan_weekdays: int) -> int:
    return min(size, ceil(size * min(weekdays_in, plan_weekdays) / plan_weekdays))


def top20_pace(
    *,
    size: int,
    reached: int,
    attempted_today: int,
    plan_start: date | None,
    weeks: int,
    today: date,
) -> Top20Pace:
    """How many Top 20 people today asks for, from the plan begun on ``plan_start``."""
    weeks = max(1, weeks)
    plan_weekdays = weeks * WEEKDAYS
    start = plan_start or today
    weekdays_in = min(weekdays_between(start, today), plan_weekdays)
    yesterday_in = min(weekdays_between(start, today - timedelta(days=1)), plan_weekdays)
    target = _expected(size, weekdays_in, plan_weekdays)
    done = reached + attempted_today
    behind = max(0, _expected(size, yesterday_in, plan_weekdays) - done)
    return Top20Pace(
        size=size,
        reached=reached,
        attempted_today=attempted_today,
        weeks=weeks,
        weekdays_in=weekdays_in,
        target=target,
        behind=behind,
        ask_today=max(0, min(target - done, MAX_TOP20_ASKS)),
    )


def _lateness(candidate: Candidate, today: date) -> tuple[int, int]:
    """Days past the follow-up and past the cadence's due date; -1 for not due."""
    follow_up, due = candidate.follow_up, candidate.cadence_due
    return (
        (today - follow_up).days if follow_up is not None and follow_up <= today else -1,
        (today - due).days
        if due is not None and due <= today and not candidate.touched_today
        else -1,
    )


def _item(candidate: Candidate, reason: Reason, lateness: tuple[int, int]) -> QueueItem:
    follow_up_late, cadence_late = lateness
    return QueueItem(
        contact_id=candidate.contact_id,
        name=candidate.name,
        company=candidate.company,
        reason=reason,
        priority=candidate.priority,
        top20_rank=candidate.top20_rank,
        days_overdue=max(follow_up_late, cadence_late, 0),
        follow_up_late=follow_up_late if follow_up_late >= 0 else None,
        cadence_late=cadence_late if cadence_late >= 0 else None,
        cadence_label=candidate.cadence_label,
    )


class Queue(NamedTuple):
    items: list[QueueItem]
    """In order; only the first ``limit`` when one was given."""
    due: int
    """Everyone in today's queue, however many ``items`` holds."""


def build_queue(
    candidates: Iterable[Candidate], pace: Top20Pace, today: date, limit: int | None = None
) -> Queue:
    """Today's queue in order: the paced Top 20 asks by rank, then the rest by priority.

    With ``limit``, only the first ``limit`` are made into items (the rest are counted):
    a screen shows a few dozen of what may be thousands due.
    """
    pool = list(candidates)
    waiting = sorted(
        (c for c in pool if c.top20_rank is not None and not c.reached and not c.touched_today),
        key=lambda c: (c.top20_rank or 0, c.contact_id),
    )
    asked = waiting[: max(0, pace.ask_today)]
    picks = {c.contact_id for c in asked}
    items = [_item(c, Reason.TOP20, _lateness(c, today)) for c in asked]
    rest = []
    for candidate in pool:
        if candidate.contact_id in picks:
            continue
        lateness = _lateness(candidate, today)
        if lateness == (-1, -1):
            continue
        key = (-candidate.priority, -max(lateness), candidate.name.casefold(), candidate.contact_id)
        rest.append((key, candidate, lateness))
    room = None if limit is None else max(0, limit - len(items))
    chosen = sorted(rest) if room is None else heapq.nsmallest(room, rest)
    for _, candidate, lateness in chosen:
        reason = Reason.FOLLOW_UP if lateness[0] >= 0 else Reason.CADENCE
        items.append(_item(candidate, reason, lateness))
    return Queue(items if limit is None else items[:limit], len(asked) + len(rest))
