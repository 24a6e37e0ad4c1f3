"""The parts of the weekly review that look ahead: follow-ups coming and who is next.

Both are "as of the day the review is made", whichever week it covers: the follow-up
dates and the queue are what the database holds now, not what it held back then.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from netui.domain.report import Row, Section, UserText, day_label, plural, table_or_none
from netui.domain.types import Top20Progress

__all__ = [
    "FOLLOW_UPS_SHOWN",
    "FOLLOW_UP_DAYS",
    "NEXT_SHOWN",
    "FollowUpDue",
    "NextPerson",
    "follow_ups_section",
    "next_people",
    "next_section",
]

FOLLOW_UP_DAYS = 7
"""Follow-ups coming: the overdue ones and those due today or in the six days after."""
FOLLOW_UPS_SHOWN = 30
"""Rows the follow-ups table lists; a long overdue backlog is counted, not listed."""
NEXT_SHOWN = 10
"""People "who is next" lists: the top of today's queue."""


@dataclass(frozen=True, slots=True)
class FollowUpDue:
    """A contact's next follow-up date."""

    contact_id: int
    name: str
    company: str
    day: date


@dataclass(frozen=True, slots=True)
class NextPerson:
    """Someone at the top of today's queue, and why they are there (netui's words)."""

    contact_id: int
    name: str
    company: str
    why: str


def _days(count: int) -> str:
    return plural(count, "day")


def _when(day: date, today: date) -> str:
    if day < today:
        return f"overdue by {_days((today - day).days)} (was due {day_label(day)})"
    if day == today:
        return f"today ({day_label(day)})"
    if day == today + timedelta(days=1):
        return f"tomorrow ({day_label(day)})"
    return day_label(day)


def follow_ups_section(
    follow_ups: Iterable[FollowUpDue], today: date, *, shown: int = FOLLOW_UPS_SHOWN
) -> Section:
    """The follow-ups due by the end of the next :data:`FOLLOW_UP_DAYS` days, the overdue
    ones first (marked), then by day; later ones are left out."""
    last = today + timedelta(days=FOLLOW_UP_DAYS - 1)
    coming = sorted(
        (f for f in follow_ups if f.day <= last),
        key=lambda f: (f.day, f.name.casefold(), f.contact_id),
    )
    overdue = sum(1 for f in coming if f.day < today)
    rows = [
        Row((_when(f.day, today), UserText(f.name), UserText(f.company)), marked=f.day < today)
        for f in coming[:shown]
    ]
    summary = (
        f"{plural(len(coming), 'follow-up')} due by {day_label(last)}"
        + (f", {overdue:,} of them overdue." if overdue else ", none overdue.")
        if coming
        else ""
    )
    hidden = len(coming) - len(rows)
    return Section(
        key="follow-ups",
        title=f"Follow-ups coming (next {FOLLOW_UP_DAYS} days)",
        lines=(summary,) if summary else (),
        table=table_or_none(("When", "Who", "Company"), rows),
        empty=f"No follow-up is due by {day_label(last)}, and none is overdue.",
        more=f"… and {hidden:,} more." if hidden else "",
    )


def next_people(top20: Sequence[NextPerson], queue: Sequence[NextPerson]) -> list[NextPerson]:
    """Who is next: the Top 20 members not reached yet (the week's main work, in rank
    order), then the rest of today's queue (follow-ups and cadences due), each once."""
    listed = {person.contact_id for person in top20}
    return [*top20, *(person for person in queue if person.contact_id not in listed)]


def next_section(
    people: Sequence[NextPerson],
    top20: Top20Progress | None,
    *,
    shown: int = NEXT_SHOWN,
) -> Section:
    """The first people of :func:`next_people`, with how the Top 20 stands against its
    goal."""
    lines = []
    if top20 is not None and top20.size:
        left = max(0, top20.goal - top20.reached)
        standing = f"{left:,} more to reach the goal" if left else "goal reached"
        lines.append(
            f"Top 20: {top20.reached:,} of {top20.size:,} reached "
            f"(goal: {top20.goal:,}, {standing})."
        )
    rows = [Row((UserText(p.name), UserText(p.company), p.why)) for p in people[:shown]]
    hidden = len(people) - len(rows)
    return Section(
        key="next",
        title="Who is next",
        lines=tuple(lines),
        table=table_or_none(("Who", "Company", "Why"), rows),
        empty="Nobody is due: pick people for your Top 20 to fill the queue.",
        more=f"… and {hidden:,} more (netui today lists them)." if hidden else "",
    )
