"""The review's looking-back sections: sentences made from the stats figures, and the stats
charts themselves (so the review and the stats screen draw the same numbers)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from netui.domain.charts import Kind
from netui.domain.referrals import ChainPerson, ReferralChain
from netui.domain.report import UserText, Week
from netui.domain.report_progress import (
    doors_section,
    glance,
    outcomes_section,
    progress_sections,
    reached_section,
    time_section,
)
from netui.domain.stats import InteractionFact, Stats, build_stats
from netui.domain.types import Outcome

MONDAY = date(2026, 11, 23)
WEEK = Week(MONDAY)
SUNDAY = MONDAY + timedelta(days=6)


def fact(contact: int, day: date, outcome: Outcome, script: str | None = None) -> InteractionFact:
    return InteractionFact(contact, day, outcome, script)


FACTS = [
    fact(1, MONDAY, Outcome.TALKED, "Warm *hello*"),
    fact(2, MONDAY + timedelta(days=1), Outcome.MEETING_SET, "Warm *hello*"),
    fact(3, MONDAY + timedelta(days=2), Outcome.NO_ANSWER),
    fact(2, MONDAY + timedelta(days=3), Outcome.REFERRAL),
    fact(4, MONDAY - timedelta(days=3), Outcome.REPLIED),  # the week before
    fact(5, MONDAY - timedelta(days=2), Outcome.MEETING_SET),
]
SECONDS = {
    MONDAY: 35 * 60.0,
    MONDAY + timedelta(days=1): 20 * 60.0,
    MONDAY - timedelta(days=1): 600,
}


def stats(days: int, goal: int = 30) -> Stats:
    return build_stats(
        today=SUNDAY,
        days=days,
        seconds_by_day=SECONDS,
        goal_minutes=goal,
        facts=FACTS,
        top20_members=20,
        top20_reached=4,
    )


def test_time_against_the_daily_goal_and_the_weeks() -> None:
    section = time_section(stats(7), WEEK, date(2026, 12, 1))
    assert section.lines == (
        "55 min of the week's goal of 2h30 (30 min a day, 5 days a week): 37%.",
        "The daily goal was met on 1 of 7 days; time was spent on 2 days.",
    )
    (chart,) = section.charts
    assert chart.kind is Kind.COLUMNS
    assert [bar.value for bar in chart.bars] == [35, 20, 0, 0, 0, 0, 0]
    assert chart.target == 30
    assert chart.title == "Minutes a day, Monday to Sunday"


def test_time_while_the_week_is_going_and_without_a_goal() -> None:
    going = time_section(stats(7), WEEK, MONDAY + timedelta(days=2))
    assert (
        going.lines[1]
        == "The daily goal was met on 1 of the 3 days so far; time was spent on 2 days."
    )
    met = time_section(stats(7, goal=10), WEEK, SUNDAY)
    assert met.lines[0].endswith("(10 min a day, 5 days a week): 110%. Goal met.")
    none = time_section(stats(7, goal=0), WEEK, SUNDAY + timedelta(days=1))
    assert none.lines == (
        "55 min in all; no daily goal is set.",
        "Time was spent on 2 days of 7 days.",
    )


def test_people_reached_this_week_and_the_weeks_before() -> None:
    section = reached_section(stats(7), stats(28))
    assert section.lines == (
        "2 people reached this week, of 3 people contacted. The week before: 2.",
    )
    (chart,) = section.charts
    assert [(bar.label, bar.value) for bar in chart.bars] == [
        ("week of 2 Nov", 0),
        ("week of 9 Nov", 0),
        ("week of 16 Nov", 2),
        ("week of 23 Nov", 2),
    ]


def test_outcomes_each_person_at_the_furthest_stage() -> None:
    section = outcomes_section(stats(7))
    assert section.lines[0].startswith(
        "Of 3 people contacted: 2 reached, 2 replied, 2 talked, 1 got to a meeting, "
        "1 gave a referral"
    )
    funnel, scripts = section.charts
    assert funnel.kind is Kind.FUNNEL
    assert [bar.value for bar in funnel.bars] == [3, 2, 2, 2, 1, 1]
    assert [(bar.label, bar.shown) for bar in scripts.bars] == [("Warm *hello*", "100% of 2")]


def test_no_script_used_means_no_script_chart() -> None:
    quiet = build_stats(
        today=SUNDAY,
        days=7,
        seconds_by_day={},
        goal_minutes=30,
        facts=[],
        top20_members=0,
        top20_reached=0,
    )
    assert len(outcomes_section(quiet).charts) == 1


def test_doors_opened_this_week_and_the_weeks_before() -> None:
    section = doors_section(stats(7), stats(28))
    assert section.lines == (
        "2 doors opened: 1 meeting set, 1 referral, 0 introductions. The week before: 1.",
    )
    assert [bar.value for bar in section.charts[0].bars] == [0, 0, 1, 2]


def test_the_sections_come_in_the_reviews_order() -> None:
    sections = progress_sections(stats(7), stats(28), WEEK, SUNDAY)
    assert [s.key for s in sections] == ["time", "reached", "outcomes", "doors"]


def test_the_week_at_a_glance() -> None:
    assert glance(stats(7)) == (
        "55 min of 2h30 · 2 people reached · 2 doors opened · Top 20: 4 of 20 reached (goal 10)"
    )
    quiet = build_stats(
        today=SUNDAY,
        days=7,
        seconds_by_day={},
        goal_minutes=0,
        facts=[fact(1, MONDAY, Outcome.DECLINED)],
        top20_members=0,
        top20_reached=0,
    )
    assert glance(quiet) == "0 min · 1 person reached · 0 doors opened"


def chain(*names: str, led_to: str = "") -> ReferralChain:
    people = tuple(ChainPerson(n, name) for n, name in enumerate(names, start=1))
    return ReferralChain(people, led_to=led_to)


def test_referral_chains_come_after_the_doors_opened() -> None:
    chains = (chain("Ann Lee", "Bo *Park*", led_to="a meeting at Acme"), chain("Cy", "Di"))
    section = doors_section(replace(stats(7), chains=chains), stats(28))
    assert section.table is not None
    assert section.table.headers == ("Referral chains so far",)
    assert [row.cells for row in section.table.rows] == [
        (UserText("Ann Lee → Bo *Park* → a meeting at Acme"),),
        (UserText("Cy → Di"),),
    ]
    assert section.more == ""
    many = tuple(chain(f"P{n}", f"Q{n}") for n in range(15))
    crowded = doors_section(replace(stats(7), chains=many), stats(28))
    assert crowded.table is not None
    assert len(crowded.table.rows) == 12
    assert crowded.more == "… and 3 more chains (netui stats --json lists them all)."
    assert doors_section(stats(7), stats(28)).table is None
