"""Progress figures: the numbers that show whether 30 minutes a day is opening doors.

Everything here is computed from plain rows handed in (minutes per local day from the
timer's own accounting, the interactions logged, the Top 20's members) and a ``today``
handed in, so the stats screen, ``netui stats`` and the weekly report read one set of
figures and can never disagree. Weeks start on Monday; days are the user's local days.

The funnel and the reply rates per script are in :mod:`netui.domain.stats_outcomes`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from netui.domain.referrals import ReferralChain
from netui.domain.stats_outcomes import (
    DOOR_OUTCOMES,
    STAGE_OF,
    Funnel,
    FunnelStage,
    InteractionFact,
    ScriptRate,
    Stage,
    funnel,
    script_rates,
)
from netui.domain.types import TOP20_GOAL, TOP20_SIZE, Outcome, Top20Progress
from netui.errors import ValidationError

__all__ = [
    "PERIODS",
    "STAGE_OF",
    "WEEK_GOAL_DAYS",
    "DayTotal",
    "DoorsWeek",
    "Funnel",
    "FunnelStage",
    "InteractionFact",
    "MinutesSeries",
    "ScriptRate",
    "Stage",
    "Stats",
    "WeekCount",
    "WeekSummary",
    "build_stats",
    "check_period",
    "doors_by_week",
    "funnel",
    "local_day",
    "minutes_series",
    "reached_by_week",
    "script_rates",
    "top20_standing",
    "week_start",
    "week_summary",
]

PERIODS = (30, 90)
"""The periods the screen switches between; any length from 1 to 366 days is computable."""
MAX_PERIOD = 366
WEEK_GOAL_DAYS = 5
"""A week's goal is five days' goal: a working week of sessions, weekends off."""


def check_period(days: int) -> int:
    """A period length in days, or a clear error naming the field."""
    if isinstance(days, bool) or not isinstance(days, int):
        raise ValidationError("days", f"must be a whole number of days, not {days!r}")
    if not 1 <= days <= MAX_PERIOD:
        raise ValidationError("days", f"must be between 1 and {MAX_PERIOD}, not {days}")
    return days


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def _period_days(today: date, days: int) -> list[date]:
    return [today - timedelta(days=back) for back in range(days - 1, -1, -1)]


def _weeks(first: date, today: date) -> list[date]:
    """The Mondays of every week from ``first``'s to ``today``'s, oldest first."""
    monday, last = week_start(first), week_start(today)
    weeks = []
    while monday <= last:
        weeks.append(monday)
        monday += timedelta(days=7)
    return weeks


# -- minutes ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DayTotal:
    day: date
    minutes: int

    def met(self, goal_minutes: int) -> bool:
        return goal_minutes > 0 and self.minutes >= goal_minutes


@dataclass(frozen=True, slots=True)
class MinutesSeries:
    """Minutes of networking on each day of the period, oldest first, against the goal."""

    days: tuple[DayTotal, ...]
    goal_minutes: int

    @property
    def total(self) -> int:
        return sum(day.minutes for day in self.days)

    @property
    def days_met(self) -> int:
        return sum(1 for day in self.days if day.met(self.goal_minutes))

    @property
    def days_worked(self) -> int:
        return sum(1 for day in self.days if day.minutes > 0)

    @property
    def average(self) -> float:
        """Minutes a day over the whole period, days off included."""
        return self.total / len(self.days) if self.days else 0.0


def minutes_series(
    seconds_by_day: Mapping[date, float], today: date, days: int, goal_minutes: int
) -> MinutesSeries:
    """The period's ``days`` days ending today, each with its whole minutes."""
    return MinutesSeries(
        tuple(
            DayTotal(day, int(max(0.0, seconds_by_day.get(day, 0.0)) // 60))
            for day in _period_days(today, check_period(days))
        ),
        goal_minutes,
    )


# -- people reached, doors opened --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WeekCount:
    """A count for the week starting on Monday ``week``."""

    week: date
    count: int


def _in_period(facts: Iterable[InteractionFact], first: date, today: date) -> list[InteractionFact]:
    return [fact for fact in facts if first <= fact.day <= today]


def reached_by_week(
    facts: Iterable[InteractionFact], today: date, days: int
) -> tuple[WeekCount, ...]:
    """Distinct people reached in each week the period touches (the first may be partial)."""
    first = _period_days(today, check_period(days))[0]
    people: dict[date, set[int]] = {week: set() for week in _weeks(first, today)}
    for fact in _in_period(facts, first, today):
        if fact.outcome.reached:
            people[week_start(fact.day)].add(fact.contact_id)
    return tuple(WeekCount(week, len(ids)) for week, ids in people.items())


@dataclass(frozen=True, slots=True)
class DoorsWeek:
    """Doors opened in the week starting on Monday ``week``."""

    week: date
    meetings: int
    referrals: int
    introductions: int
    """People added as introduced by a contact (referral chains), by the day they were added."""

    @property
    def total(self) -> int:
        return self.meetings + self.referrals + self.introductions


def doors_by_week(
    facts: Iterable[InteractionFact],
    today: date,
    days: int,
    introductions: Iterable[date] = (),
) -> tuple[DoorsWeek, ...]:
    """Meetings set, referrals and introductions in each week the period touches."""
    first = _period_days(today, check_period(days))[0]
    counts = {week: [0, 0, 0] for week in _weeks(first, today)}
    for fact in _in_period(facts, first, today):
        if fact.outcome in DOOR_OUTCOMES:
            counts[week_start(fact.day)][0 if fact.outcome is Outcome.MEETING_SET else 1] += 1
    for day in introductions:
        if first <= day <= today:
            counts[week_start(day)][2] += 1
    return tuple(DoorsWeek(week, *numbers) for week, numbers in counts.items())


# -- the Top 20 -----------------------------------------------------------------------------------


def top20_standing(members: int, reached: int) -> Top20Progress:
    """The Top 20 against its goal: reached members out of 20, aiming for half of them."""
    members = max(0, members)
    return Top20Progress(
        size=members,
        reached=min(max(0, reached), members),
        capacity=TOP20_SIZE,
        goal=TOP20_GOAL,
    )


# -- everything for one period --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Stats:
    """Every figure for the ``days`` days ending ``today``."""

    today: date
    days: int
    minutes: MinutesSeries
    reached: tuple[WeekCount, ...]
    funnel: Funnel
    top20: Top20Progress
    scripts: tuple[ScriptRate, ...]
    doors: tuple[DoorsWeek, ...]
    chains: tuple[ReferralChain, ...] = ()
    """Every referral chain of two people or more (not only the period's), longest first."""

    @property
    def first_day(self) -> date:
        return self.today - timedelta(days=self.days - 1)

    @property
    def people_reached(self) -> int:
        """Distinct people reached over the whole period."""
        return self.funnel.people(Stage.REACHED)

    @property
    def doors_opened(self) -> int:
        return sum(week.total for week in self.doors)


def build_stats(
    *,
    today: date,
    days: int,
    seconds_by_day: Mapping[date, float],
    goal_minutes: int,
    facts: Sequence[InteractionFact],
    top20_members: int,
    top20_reached: int,
    introductions: Sequence[date] = (),
    chains: Sequence[ReferralChain] = (),
) -> Stats:
    """The figures for the period; ``facts`` may hold interactions outside it."""
    check_period(days)
    first = today - timedelta(days=days - 1)
    inside = _in_period(facts, first, today)
    return Stats(
        today=today,
        days=days,
        minutes=minutes_series(seconds_by_day, today, days, goal_minutes),
        reached=reached_by_week(inside, today, days),
        funnel=funnel(inside),
        top20=top20_standing(top20_members, top20_reached),
        scripts=script_rates(inside),
        doors=doors_by_week(inside, today, days, introductions),
        chains=tuple(chains),
    )


# -- the week in one line (Today) -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WeekSummary:
    """This calendar week so far (Monday to today), for the Today pane's summary line."""

    week: date
    minutes: int
    goal_minutes: int
    """The week's goal: :data:`WEEK_GOAL_DAYS` days of the daily goal."""
    reached: int
    doors_opened: int
    top20: Top20Progress


def week_summary(
    *,
    today: date,
    seconds_by_day: Mapping[date, float],
    daily_goal_minutes: int,
    facts: Sequence[InteractionFact],
    top20_members: int,
    top20_reached: int,
    introductions: Sequence[date] = (),
) -> WeekSummary:
    """The week so far: minutes, people reached, doors opened, the Top 20."""
    monday = week_start(today)
    days = (today - monday).days + 1
    inside = _in_period(facts, monday, today)
    seconds = sum(max(0.0, seconds_by_day.get(day, 0.0)) for day in _period_days(today, days))
    return WeekSummary(
        week=monday,
        minutes=int(seconds // 60),
        goal_minutes=daily_goal_minutes * WEEK_GOAL_DAYS,
        reached=len({fact.contact_id for fact in inside if fact.outcome.reached}),
        doors_opened=sum(w.total for w in doors_by_week(inside, today, days, introductions)),
        top20=top20_standing(top20_members, top20_reached),
    )


def local_day(moment: datetime, zone: tzinfo) -> date:
    """The user's local day of a stored UTC moment."""
    return moment.astimezone(zone).date()
