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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from math import ceil

from netui.domain.types import TOP20_GOAL, TOP20_SIZE

__all__ = [
    "MAX_TOP20_ASKS",
    "Candidate",
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


@dataclass(frozen=True, slots=True)
class Candidate:
    """What the queue needs to know of one contact who might be in it."""

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


@dataclass(frozen=True, slots=True)
class QueueItem:
    contact_id: int
    name: str
    company: str
    reason: Reason
    why: str
    """Every reason, in words: ``Top 20 #3 · follow-up overdue by 2 days``."""
    priority: float
    top20_rank: int | None
    days_overdue: int
    """How late the follow-up or the cadence is (0: due today, or a Top 20 ask)."""


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


def _days(count: int) -> str:
    return f"{count} day{'s' if count != 1 else ''}"


def _follow_up_words(late: int) -> str:
    return "follow-up due today" if late == 0 else f"follow-up overdue by {_days(late)}"


def _cadence_words(label: str, late: int) -> str:
    named = f"due by cadence ({label})" if label else "due by cadence"
    return named if late == 0 else f"{named}, {_days(late)} overdue"


def _item(candidate: Candidate, picked: bool, today: date) -> QueueItem | None:
    reasons: list[tuple[Reason, str, int]] = []
    if picked:
        reasons.append((Reason.TOP20, f"Top 20 #{candidate.top20_rank}", 0))
    if candidate.follow_up is not None and candidate.follow_up <= today:
        late = (today - candidate.follow_up).days
        reasons.append((Reason.FOLLOW_UP, _follow_up_words(late), late))
    due = candidate.cadence_due
    if due is not None and due <= today and not candidate.touched_today:
        late = (today - due).days
        reasons.append((Reason.CADENCE, _cadence_words(candidate.cadence_label, late), late))
    if not reasons:
        return None
    words = [text for _, text, _ in reasons]
    if not picked and candidate.top20_rank is not None:
        words.append(f"Top 20 #{candidate.top20_rank}")  # in the queue for another reason
    return QueueItem(
        contact_id=candidate.contact_id,
        name=candidate.name,
        company=candidate.company,
        reason=reasons[0][0],
        why=" · ".join(words),
        priority=candidate.priority,
        top20_rank=candidate.top20_rank,
        days_overdue=max(late for _, _, late in reasons),
    )


def _top20_picks(candidates: Sequence[Candidate], asks: int) -> set[int]:
    waiting = sorted(
        (
            c
            for c in candidates
            if c.top20_rank is not None and not c.reached and not c.touched_today
        ),
        key=lambda c: (c.top20_rank or 0, c.contact_id),
    )
    return {c.contact_id for c in waiting[: max(0, asks)]}


def build_queue(candidates: Iterable[Candidate], pace: Top20Pace, today: date) -> list[QueueItem]:
    """Today's queue in order: the paced Top 20 asks by rank, then the rest by priority."""
    pool = list(candidates)
    picks = _top20_picks(pool, pace.ask_today)
    items = [item for c in pool if (item := _item(c, c.contact_id in picks, today)) is not None]
    asks = sorted(
        (i for i in items if i.contact_id in picks), key=lambda i: (i.top20_rank or 0, i.contact_id)
    )
    rest = sorted(
        (i for i in items if i.contact_id not in picks),
        key=lambda i: (-i.priority, -i.days_overdue, i.name.casefold(), i.contact_id),
    )
    return asks + rest
