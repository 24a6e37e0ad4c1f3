"""ReportService on a real database: the review says what the stats service says, for this
week and for a past one, and looks ahead from today."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
from timezones import local_zone_as

from netui.domain.clock import FakeClock
from netui.domain.report import UserText, Week
from netui.domain.stats import Stage
from netui.domain.types import Channel, ContactDraft, InteractionDraft, Outcome, TriageStatus
from netui.services.context import Services

AddContact = Callable[..., int]
MONDAY = date(2026, 11, 23)  # the tests' clock is on Thursday 26 November


@pytest.fixture(autouse=True)
def in_lisbon() -> Iterator[None]:
    with local_zone_as("Europe/Lisbon"):
        yield


def log(services: Services, contact: int, outcome: Outcome, days_ago: int = 0) -> None:
    when = services.clock() - timedelta(days=days_ago)
    services.interactions.log(contact, InteractionDraft(Channel.CALL, outcome, occurred_at=when))


def test_the_figures_are_the_stats_services_own(
    services: Services, add: AddContact, clock: FakeClock
) -> None:
    ann, bo, cy = add("Ann Lee"), add("Bo Ortiz"), add("Cy Park")
    log(services, ann, Outcome.MEETING_SET, days_ago=2)
    log(services, bo, Outcome.NO_ANSWER, days_ago=1)
    log(services, cy, Outcome.REFERRAL, days_ago=7)  # the week before
    services.timer.start(30)
    clock.advance(minutes=25)  # still running: counts until now, as on the stats screen

    report = services.report.week_report()
    week = services.stats.period(MONDAY + timedelta(days=6), 7)
    assert week.minutes.total == 25
    assert week.people_reached == 1
    assert week.funnel.people(Stage.MEETING) == 1
    assert report.section("time").lines[0].startswith("25 min of the week's goal of 2h30")
    assert report.section("reached").lines == (
        "1 person reached this week, of 2 people contacted. The week before: 1.",
    )
    assert report.section("doors").lines == (
        "1 door opened: 1 meeting set, 0 referrals, 0 introductions. The week before: 1.",
    )
    (minutes,) = report.section("time").charts
    assert [bar.value for bar in minutes.bars] == [d.minutes for d in week.minutes.days]


def test_period_is_overview_ending_on_any_day(services: Services, add: AddContact) -> None:
    ann = add("Ann Lee")
    log(services, ann, Outcome.TALKED, days_ago=10)
    assert services.stats.period(services.stats.today(), 30) == services.stats.overview(30)
    earlier = services.stats.period(MONDAY - timedelta(days=1), 7)
    assert earlier.first_day == MONDAY - timedelta(days=7)
    assert earlier.people_reached == 1


def test_a_past_week_looks_back_on_itself_and_ahead_from_today(
    services: Services, add: AddContact
) -> None:
    ann, bo, cy = add("Ann Lee", company="Acme"), add("Bo Ortiz"), add("Cy Park")
    services.triage.set_status([ann, bo], TriageStatus.TOP20)
    log(services, cy, Outcome.TALKED, days_ago=8)  # Wednesday of the week before
    log(services, cy, Outcome.REPLIED, days_ago=7)
    log(services, bo, Outcome.TALKED)
    past = services.report.week_report(Week(MONDAY - timedelta(days=7)))
    assert past.section("reached").lines[0] == (
        "1 person reached this week, of 1 person contacted. The week before: 0."
    )
    this = services.report.week_report()
    assert this.section("reached").lines[0] == (
        "1 person reached this week, of 1 person contacted. The week before: 1."
    )
    assert past.section("next") == this.section("next")
    table = this.section("next").table
    assert table is not None
    assert [row.cells[0] for row in table.rows] == [UserText("Ann Lee")]
    assert this.section("next").lines == (
        "Top 20: 1 of 2 reached (goal: 10, 9 more to reach the goal).",
    )


def test_archived_people_have_no_follow_ups_coming(services: Services, add: AddContact) -> None:
    ann, bo = add("Ann Lee"), add("Bo Ortiz")
    for person in (ann, bo):
        services.interactions.log(
            person,
            InteractionDraft(Channel.EMAIL, Outcome.REPLIED, follow_up=date(2026, 11, 28)),
        )
    services.triage.set_status([bo], TriageStatus.ARCHIVED)
    table = services.report.week_report().section("follow-ups").table
    assert table is not None
    assert [row.cells[1] for row in table.rows] == [UserText("Ann Lee")]


def test_the_week_read_from_text_uses_the_clock(services: Services, clock: FakeClock) -> None:
    assert services.report.week().start == MONDAY
    clock.advance(days=4)  # Monday 30 November
    assert services.report.week().start == MONDAY + timedelta(days=7)
    assert services.report.week("last").start == MONDAY


def test_a_referral_chain_is_in_the_doors_opened(services: Services, add: AddContact) -> None:
    ann = add("Ann Lee")
    log(services, ann, Outcome.REFERRAL)
    bo = services.referrals.add_referred(ann, ContactDraft("Bo <b>Park</b>", company="Acme"))
    log(services, bo.id, Outcome.MEETING_SET)
    doors = services.report.week_report().section("doors")
    assert doors.lines[0].startswith("3 doors opened: 1 meeting set, 1 referral, 1 introduction.")
    assert doors.table is not None
    assert [row.cells for row in doors.table.rows] == [
        (UserText("Ann Lee → Bo <b>Park</b> → a meeting at Acme"),)
    ]
