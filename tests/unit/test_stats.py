"""The progress figures: minutes against the goal, people reached, the funnel, scripts, doors."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netui.domain.scripts import REPLY_OR_BETTER
from netui.domain.stats import (
    STAGE_OF,
    InteractionFact,
    Stage,
    build_stats,
    check_period,
    doors_by_week,
    funnel,
    minutes_series,
    reached_by_week,
    script_rates,
    top20_standing,
    week_start,
    week_summary,
)
from netui.domain.types import Outcome
from netui.errors import ValidationError

TODAY = date(2026, 11, 26)  # a Thursday


def fact(contact: int, back: int, outcome: Outcome, script: str | None = None) -> InteractionFact:
    return InteractionFact(contact, TODAY - timedelta(days=back), outcome, script)


def test_minutes_per_day_cover_the_period_oldest_first_and_count_the_goal() -> None:
    seconds = {TODAY: 31 * 60 + 59, TODAY - timedelta(days=1): 10 * 60, date(2020, 1, 1): 9e9}
    series = minutes_series(seconds, TODAY, 30, 30)
    assert len(series.days) == 30
    assert series.days[0].day == TODAY - timedelta(days=29)
    assert series.days[-1].minutes == 31
    assert series.days[-2].minutes == 10
    assert series.total == 41
    assert series.days_met == 1
    assert series.days_worked == 2
    assert series.average == pytest.approx(41 / 30)


def test_a_zero_goal_is_never_met() -> None:
    assert minutes_series({TODAY: 600.0}, TODAY, 1, 0).days_met == 0


@pytest.mark.parametrize("days", [0, -3, 367, True, 2.5])
def test_a_period_out_of_range_names_the_field(days: object) -> None:
    with pytest.raises(ValidationError, match="days"):
        check_period(days)  # type: ignore[arg-type]


def test_people_reached_per_week_are_distinct_people_with_a_reached_outcome() -> None:
    facts = [
        fact(1, 0, Outcome.REPLIED),
        fact(1, 1, Outcome.TALKED),  # the same person twice this week: once
        fact(2, 0, Outcome.NO_ANSWER),  # not reached
        fact(3, 0, Outcome.DECLINED),  # an answer is reached
        fact(4, 7, Outcome.TALKED),  # last week
        fact(5, 40, Outcome.TALKED),  # before the period
    ]
    weeks = reached_by_week(facts, TODAY, 30)
    assert weeks[-1].week == week_start(TODAY) == date(2026, 11, 23)
    assert weeks[-1].count == 2
    assert weeks[-2].count == 1
    assert sum(w.count for w in weeks) == 3
    assert [w.week.weekday() for w in weeks] == [0] * len(weeks)
    assert weeks[0].week <= TODAY - timedelta(days=29) < weeks[0].week + timedelta(days=7)


def test_the_funnel_counts_each_person_at_their_furthest_stage() -> None:
    facts = [
        fact(1, 5, Outcome.MEETING_SET),
        fact(1, 1, Outcome.REPLIED),  # a later, lesser outcome does not move them back
        fact(2, 2, Outcome.REFERRAL),
        fact(3, 2, Outcome.DECLINED),
        fact(4, 2, Outcome.LEFT_MESSAGE),
        fact(5, 2, Outcome.TALKED),
    ]
    result = funnel(facts)
    assert result.contacted == 5
    assert [(s.label, s.people) for s in result.stages] == [
        ("reached", 4),
        ("replied", 3),
        ("talked", 3),
        ("meeting", 2),
        ("referral", 1),
    ]


def test_reply_rate_per_script_counts_replied_or_better_over_uses() -> None:
    facts = [
        fact(1, 0, Outcome.REPLIED, "Warm hello"),
        fact(2, 0, Outcome.NO_ANSWER, "Warm hello"),
        fact(3, 0, Outcome.DECLINED, "Warm hello"),  # an answer, but no reply
        fact(4, 0, Outcome.MEETING_SET, "Warm hello"),
        fact(5, 0, Outcome.TALKED, "Call"),
        fact(6, 0, Outcome.TALKED),  # no script: not counted anywhere
    ]
    rates = script_rates(facts)
    assert [(r.script, r.uses, r.replies) for r in rates] == [("Warm hello", 4, 2), ("Call", 1, 1)]
    assert rates[0].rate == 0.5


def test_replied_or_better_is_the_script_pane_s_own_rule() -> None:
    ladder = {o for o, stage in STAGE_OF.items() if stage is not None and stage >= Stage.REPLIED}
    assert ladder == REPLY_OR_BETTER
    assert {o for o, stage in STAGE_OF.items() if stage is not None} == {
        o for o in Outcome if o.reached
    }


def test_doors_opened_are_meetings_referrals_and_introductions_per_week() -> None:
    facts = [
        fact(1, 0, Outcome.MEETING_SET),
        fact(2, 1, Outcome.REFERRAL),
        fact(3, 8, Outcome.MEETING_SET),
        fact(4, 0, Outcome.TALKED),
    ]
    weeks = doors_by_week(facts, TODAY, 30, introductions=[TODAY, TODAY - timedelta(days=99)])
    this_week = weeks[-1]
    assert (this_week.meetings, this_week.referrals, this_week.introductions) == (1, 1, 1)
    assert this_week.total == 3
    assert weeks[-2].meetings == 1
    assert sum(w.total for w in weeks) == 4


def test_top20_standing_is_reached_out_of_twenty_against_half() -> None:
    standing = top20_standing(members=18, reached=7)
    assert (standing.size, standing.reached, standing.capacity, standing.goal) == (18, 7, 20, 10)
    assert top20_standing(members=3, reached=9).reached == 3


def test_build_stats_keeps_interactions_outside_the_period_out() -> None:
    facts = [fact(1, 0, Outcome.MEETING_SET, "A"), fact(2, 45, Outcome.REFERRAL, "A")]
    thirty = build_stats(
        today=TODAY, days=30, seconds_by_day={}, goal_minutes=30, facts=facts,
        top20_members=20, top20_reached=10,
    )  # fmt: skip
    ninety = build_stats(
        today=TODAY, days=90, seconds_by_day={}, goal_minutes=30, facts=facts,
        top20_members=20, top20_reached=10,
    )  # fmt: skip
    assert (thirty.people_reached, thirty.doors_opened, thirty.scripts[0].uses) == (1, 1, 1)
    assert (ninety.people_reached, ninety.doors_opened, ninety.scripts[0].uses) == (2, 2, 2)
    assert thirty.first_day == TODAY - timedelta(days=29)
    assert len(ninety.minutes.days) == 90


def test_the_week_summary_runs_from_monday_to_today() -> None:
    seconds = {TODAY - timedelta(days=back): 1800.0 for back in range(10)}
    facts = [
        fact(1, 0, Outcome.REPLIED),
        fact(2, 3, Outcome.MEETING_SET),
        fact(3, 4, Outcome.TALKED),
    ]
    summary = week_summary(
        today=TODAY, seconds_by_day=seconds, daily_goal_minutes=30, facts=facts,
        top20_members=20, top20_reached=7,
    )  # fmt: skip
    assert summary.week == date(2026, 11, 23)
    assert summary.minutes == 4 * 30  # Monday to Thursday
    assert summary.goal_minutes == 150
    assert (summary.reached, summary.doors_opened) == (2, 1)
    assert summary.top20.reached == 7


# -- invariants -------------------------------------------------------------------------------

facts_strategy = st.lists(
    st.builds(
        InteractionFact,
        contact_id=st.integers(1, 12),
        day=st.dates(TODAY - timedelta(days=120), TODAY + timedelta(days=5)),
        outcome=st.sampled_from(Outcome),
        script=st.one_of(st.none(), st.sampled_from(["a", "b", "[b]x[/b]"])),
    ),
    max_size=60,
)


@given(facts_strategy)
def test_the_funnel_never_widens(facts: list[InteractionFact]) -> None:
    result = funnel(facts)
    counts = [result.contacted, *(s.people for s in result.stages)]
    assert counts == sorted(counts, reverse=True)
    assert result.contacted == len({f.contact_id for f in facts})


@given(facts_strategy)
def test_reply_rates_are_between_zero_and_one(facts: list[InteractionFact]) -> None:
    rates = script_rates(facts)
    assert all(0.0 <= r.rate <= 1.0 and 0 <= r.replies <= r.uses for r in rates)
    assert sum(r.uses for r in rates) == sum(1 for f in facts if f.script is not None)


@given(facts_strategy, st.sampled_from([1, 7, 30, 90, 366]), st.integers(0, 600))
def test_every_figure_stays_in_its_period(
    facts: list[InteractionFact], days: int, goal: int
) -> None:
    stats = build_stats(
        today=TODAY, days=days, seconds_by_day={f.day: 60.0 for f in facts}, goal_minutes=goal,
        facts=facts, top20_members=20, top20_reached=25,
    )  # fmt: skip
    first = TODAY - timedelta(days=days - 1)
    assert [d.day for d in stats.minutes.days] == [first + timedelta(n) for n in range(days)]
    for weeks in (stats.reached, stats.doors):
        assert weeks[0].week <= first
        assert weeks[-1].week == week_start(TODAY)
    inside = {f.contact_id for f in facts if first <= f.day <= TODAY and f.outcome.reached}
    assert stats.people_reached == len(inside)
    assert all(w.count <= len(inside) for w in stats.reached)
    assert stats.top20.reached <= stats.top20.size
    assert stats.funnel.people(Stage.REFERRAL) <= stats.funnel.people(Stage.REACHED)
