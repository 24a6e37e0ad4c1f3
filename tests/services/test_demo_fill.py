"""The demo database: invented people with weeks of practice for the stats to show."""

from __future__ import annotations

from collections import Counter

import pytest

from netui.domain.demo_people import TOP20_DEMO_SIZE
from netui.domain.demo_scripts import DEMO_PROFILE, DEMO_SCRIPT_NAME
from netui.domain.queue import Reason
from netui.domain.types import Interaction, Outcome
from netui.services.context import Services
from netui.services.demo import DemoRefusedError, fill_demo


def everything_logged(services: Services) -> list[Interaction]:
    return [
        item
        for row in services.contacts.list_rows()
        for item in services.interactions.history(row.id)
    ]


def test_the_demo_has_weeks_of_sessions_and_a_streak(services: Services) -> None:
    summary = fill_demo(services, 300, seed=4)
    assert summary.sessions >= 25  # most days of six weeks
    status = services.timer.status()
    assert status.session is None  # nothing left running
    assert status.streak_days >= 4
    assert status.week_minutes >= 4 * 30
    assert sum(1 for day in status.days if day.minutes) >= 5  # a week of bars


def test_the_demo_logged_every_outcome_with_scripts(services: Services) -> None:
    fill_demo(services, 300, seed=4)
    logged = everything_logged(services)
    assert set(Counter(item.outcome for item in logged)) == set(Outcome)
    used = {item.script_revision_id for item in logged} - {None}
    assert len(used) >= 3
    scripts = {s.name: s for s in services.scripts.list()}
    assert scripts[DEMO_SCRIPT_NAME].usage.used > 0
    assert sum(s.usage.used for s in scripts.values()) == sum(
        1 for item in logged if item.script_revision_id is not None
    )
    assert len(services.scripts.revisions(scripts[DEMO_SCRIPT_NAME].id)) == 2
    assert services.scripts.profile() == DEMO_PROFILE


def test_about_half_the_top20_reached_and_follow_ups_due_today_and_overdue(
    services: Services,
) -> None:
    fill_demo(services, 300, seed=4)
    progress = services.triage.top20_progress()
    assert progress.size == TOP20_DEMO_SIZE
    assert progress.reached == TOP20_DEMO_SIZE // 2
    queue = services.today.queue()
    lateness = {item.follow_up_late for item in queue if item.follow_up_late is not None}
    assert 0 in lateness  # due today
    assert any(late > 0 for late in lateness)  # and overdue
    assert any(item.reason is Reason.TOP20 for item in queue)


def test_the_demo_keeps_the_users_own_profile(services: Services) -> None:
    from netui.domain.script_values import Profile

    mine = Profile(name="Ann Lee", situation="", ask="")
    services.scripts.set_profile(mine)
    fill_demo(services, 30)
    assert services.scripts.profile() == mine


def test_the_demo_refuses_a_database_with_timer_sessions(services: Services) -> None:
    services.timer.start()
    services.timer.stop()
    with pytest.raises(DemoRefusedError, match="already has timer sessions"):
        fill_demo(services, 30)
    assert services.contacts.is_empty()
    assert services.scripts.list() == []
