"""StatsService on a real database: timer sessions, interactions, scripts and the Top 20."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from builders import NOW
from timezones import local_zone_as

from netui.domain.clock import FakeClock
from netui.domain.scripts import ScriptChannel
from netui.domain.stats import Stage
from netui.domain.types import Channel, ContactDraft, InteractionDraft, Outcome, TriageStatus
from netui.errors import ValidationError
from netui.services.context import Services

AddContact = Callable[..., int]


def log(
    services: Services,
    contact: int,
    outcome: Outcome,
    days_ago: int = 0,
    revision: int | None = None,
) -> None:
    when = services.clock() - timedelta(days=days_ago)
    draft = InteractionDraft(
        Channel.MESSAGE, outcome, occurred_at=when, script_revision_id=revision
    )
    services.interactions.log(contact, draft)


def session(services: Services, clock: FakeClock, minutes: int) -> None:
    services.timer.start(minutes)
    clock.advance(minutes=minutes)
    services.timer.stop()


def test_an_empty_database_has_every_figure_at_zero(services: Services) -> None:
    stats = services.stats.overview(30)
    assert len(stats.minutes.days) == 30
    assert stats.minutes.total == 0
    assert stats.people_reached == 0
    assert stats.doors_opened == 0
    assert stats.scripts == ()
    assert (stats.top20.size, stats.top20.reached, stats.top20.goal) == (0, 0, 10)
    assert services.stats.week().minutes == 0


def test_the_figures_come_from_the_sessions_and_the_interactions_logged(
    services: Services, add: AddContact, clock: FakeClock
) -> None:
    ann, bo, cy = add("Ann Lee"), add("Bo Ortiz"), add("Cy Park")
    script = services.scripts.create("Warm [b]hello[/b]", ScriptChannel.EMAIL, body="Hi")
    log(services, ann, Outcome.MEETING_SET, days_ago=2, revision=script.revision_id)
    log(services, bo, Outcome.NO_ANSWER, days_ago=1, revision=script.revision_id)
    log(services, cy, Outcome.REFERRAL, days_ago=40)
    session(services, clock, 25)
    clock.advance(minutes=5)
    services.timer.start(30)
    clock.advance(minutes=10)  # still running: counts until now

    thirty = services.stats.overview(30)
    assert thirty.minutes.days[-1].minutes == 35
    assert thirty.minutes.goal_minutes == services.settings.daily_goal()
    assert thirty.funnel.contacted == 2
    assert thirty.funnel.people(Stage.MEETING) == 1
    assert thirty.doors_opened == 1
    assert [(r.script, r.uses, r.replies) for r in thirty.scripts] == [("Warm [b]hello[/b]", 2, 1)]

    ninety = services.stats.overview(90)
    assert ninety.funnel.people(Stage.REFERRAL) == 1
    assert ninety.doors_opened == 2


def test_top20_reached_counts_members_reached_since_they_joined(
    services: Services, add: AddContact, clock: FakeClock
) -> None:
    ann, bo, cy = add("Ann Lee"), add("Bo Ortiz"), add("Cy Park")
    log(services, ann, Outcome.TALKED, days_ago=3)  # before joining: does not count
    clock.advance(minutes=1)
    services.triage.set_status([ann, bo, cy], TriageStatus.TOP20)
    clock.advance(minutes=1)
    log(services, bo, Outcome.REPLIED)
    log(services, cy, Outcome.LEFT_MESSAGE)
    top20 = services.stats.overview(30).top20
    assert (top20.size, top20.reached) == (3, 1)
    assert top20 == services.triage.top20_progress()


def test_the_week_summary_is_monday_to_today(
    services: Services, add: AddContact, clock: FakeClock
) -> None:
    ann = add("Ann Lee")
    log(services, ann, Outcome.MEETING_SET, days_ago=1)
    log(services, add("Bo Ortiz"), Outcome.TALKED, days_ago=6)  # last week (NOW is a Thursday)
    session(services, clock, 20)
    week = services.stats.week()
    assert week.week == date(2026, 11, 23)
    assert (week.minutes, week.reached, week.doors_opened) == (20, 1, 1)
    assert week.goal_minutes == 5 * services.settings.daily_goal()


def test_days_are_the_user_s_local_days(services: Services, add: AddContact) -> None:
    ann = add("Ann Lee")
    with local_zone_as("Pacific/Auckland"):  # NOW, 15:00 UTC, is already Friday there
        log(services, ann, Outcome.TALKED)
        stats = services.stats.overview(7)
        assert stats.today == (NOW + timedelta(hours=13)).date()
        assert stats.reached[-1].count == 1


def test_a_period_out_of_range_is_refused_with_the_field(services: Services) -> None:
    with pytest.raises(ValidationError, match="days"):
        services.stats.overview(0)


def test_people_added_as_referred_are_introductions_and_chains(
    services: Services, add: AddContact, clock: FakeClock
) -> None:
    ann = add("Ann Lee")
    bo = services.referrals.add_referred(ann, ContactDraft(full_name="Bo Park")).id
    clock.advance(days=10)  # one introduction ten days ago, one today (the next week)
    services.referrals.add_referred(bo, ContactDraft(full_name="Cy Ode", company="Acme"))
    stats = services.stats.overview(30)
    assert [w.introductions for w in stats.doors][-2:] == [1, 1]
    assert stats.doors_opened == 2
    assert [[p.name for p in chain.people] for chain in stats.chains] == [
        ["Ann Lee", "Bo Park", "Cy Ode"]
    ]
    assert services.stats.week().doors_opened == 1
