"""Today's queue and progress from stored contacts and interactions, on the user's days."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from timezones import local_zone_as

from netui.domain.clock import FakeClock
from netui.domain.queue import Reason
from netui.domain.types import (
    Channel,
    DatePrecision,
    InteractionDraft,
    LooseDate,
    Outcome,
    TriageStatus,
)
from netui.services.context import Services

AddContact = Callable[..., int]


@pytest.fixture(autouse=True)
def in_new_york() -> Iterator[None]:
    """The user lives in New York: 15:00 UTC is 10:00 on Thursday 26 November."""
    with local_zone_as("America/New_York"):
        yield


def day(offset: int = 0) -> date:
    return date(2026, 11, 26) + timedelta(days=offset)


def last_contact(when: date) -> LooseDate:
    return LooseDate(when, DatePrecision.DAY)


def log(services: Services, contact_id: int, outcome: Outcome, **fields: object) -> None:
    draft = InteractionDraft(Channel.CALL, outcome, **fields)  # type: ignore[arg-type]
    services.interactions.log(contact_id, draft)


@pytest.fixture
def top20(services: Services, add: AddContact) -> list[int]:
    ids = [add(f"Member {n:02}", strength=3) for n in range(1, 21)]
    services.triage.set_status(ids, TriageStatus.TOP20)
    return ids


def ids_and_reasons(services: Services) -> list[tuple[int, Reason]]:
    return [(item.contact_id, item.reason) for item in services.today.queue()]


def test_a_new_top20_asks_for_one_a_day_in_rank_order(
    services: Services, top20: list[int], clock: FakeClock
) -> None:
    assert ids_and_reasons(services) == [(top20[0], Reason.TOP20)]
    log(services, top20[0], Outcome.TALKED)
    assert services.today.queue() == []
    clock.advance(days=1)  # Friday
    assert ids_and_reasons(services) == [(top20[1], Reason.TOP20)]
    clock.advance(days=1)  # Saturday: on pace, nothing new; Friday's one is now behind
    assert ids_and_reasons(services) == [(top20[1], Reason.TOP20)]
    clock.advance(days=2)  # Monday: three expected by tonight, one done, one behind
    assert [i.contact_id for i in services.today.queue()] == top20[1:3]
    assert services.today.progress().top20.behind == 1


def test_reached_means_what_the_top20_progress_means(
    services: Services, top20: list[int], clock: FakeClock
) -> None:
    log(services, top20[0], Outcome.TALKED)
    log(services, top20[1], Outcome.NO_ANSWER)
    log(services, top20[2], Outcome.LEFT_MESSAGE)
    progress = services.today.progress()
    assert progress.top20.reached == services.triage.top20_progress().reached == 1
    assert progress.top20.size == 20
    assert progress.top20_goal == 10  # half of them is success
    assert (progress.contacted_today, progress.reached_today) == (3, 1)
    assert progress.top20.attempted_today == 2


def test_someone_called_without_an_answer_comes_back_another_day(
    services: Services, top20: list[int], clock: FakeClock
) -> None:
    log(services, top20[0], Outcome.NO_ANSWER)
    assert services.today.queue() == []  # tried today: done for today
    clock.advance(days=1)  # still not reached, so Friday asks for two: them and the next
    assert [i.contact_id for i in services.today.queue()] == top20[:2]


def test_reached_before_joining_the_top20_does_not_count(
    services: Services, add: AddContact, clock: FakeClock
) -> None:
    old_friend = add("Old Friend")
    log(services, old_friend, Outcome.TALKED)
    clock.advance(days=1)
    services.triage.set_status([old_friend], TriageStatus.TOP20)
    assert [i.contact_id for i in services.today.queue()] == [old_friend]
    assert services.today.progress().top20.reached == 0


def test_follow_ups_due_and_overdue_are_in_the_queue_until_done(
    services: Services, add: AddContact, clock: FakeClock
) -> None:
    due = add("Due Soon")
    log(services, due, Outcome.LEFT_MESSAGE, follow_up=day(2))
    assert services.today.queue() == []
    clock.advance(days=2)
    (item,) = services.today.queue()
    assert (item.contact_id, item.reason, item.why) == (
        due,
        Reason.FOLLOW_UP,
        "follow-up due today",
    )
    clock.advance(days=3)
    assert services.today.queue()[0].why == "follow-up overdue by 3 days"
    log(services, due, Outcome.TALKED)
    assert services.today.queue() == []


def test_cadences_due_today_or_overdue_are_in_the_queue(
    services: Services, add: AddContact
) -> None:
    overdue = add("Monthly", cadence="1m", last_contacted=last_contact(day(-40)))
    due_today = add("Weekly", cadence="1w", last_contacted=last_contact(day(-7)))
    add("Not Yet", cadence="3m", last_contacted=last_contact(day(-10)))
    never = add("Never Called", cadence="2w")
    queue = services.today.queue()
    assert {i.contact_id: i.why for i in queue} == {
        overdue: "due by cadence (monthly), 9 days overdue",  # due on 17 November
        due_today: "due by cadence (weekly)",
        never: "due by cadence (every 2 weeks)",
    }
    assert all(i.reason is Reason.CADENCE for i in queue)


def test_archived_people_stay_out_and_the_rest_go_by_priority(
    services: Services, add: AddContact
) -> None:
    close = add("Close Friend", strength=5, cadence="1w", last_contacted=last_contact(day(-8)))
    loose = add("Acquaintance", strength=1, cadence="1w", last_contacted=last_contact(day(-8)))
    gone = add("Archived", strength=5, cadence="1w", last_contacted=last_contact(day(-30)))
    services.triage.set_status([gone], TriageStatus.ARCHIVED)
    queue = services.today.queue()
    assert [i.contact_id for i in queue] == [close, loose]
    assert queue[0].priority > queue[1].priority


def test_a_skipped_person_comes_due_by_follow_up_but_not_by_cadence(
    services: Services, add: AddContact, clock: FakeClock
) -> None:
    by_cadence = add("Skipped Cadence", cadence="1w", last_contacted=last_contact(day(-30)))
    by_follow_up = add("Skipped Follow")
    log(services, by_follow_up, Outcome.LEFT_MESSAGE, follow_up=day(1))
    services.triage.set_status([by_cadence, by_follow_up], TriageStatus.SKIP)
    clock.advance(days=1)
    assert [i.contact_id for i in services.today.queue()] == [by_follow_up]


def test_planning_two_weeks_asks_two_a_day(services: Services, top20: list[int]) -> None:
    services.settings.set_top20_weeks(2)
    assert [i.contact_id for i in services.today.queue()] == top20[:2]


def test_today_is_the_users_local_day(
    services: Services, add: AddContact, clock: FakeClock
) -> None:
    late_caller = add("Late Call")
    clock.now = datetime(2026, 11, 27, 3, 30, tzinfo=UTC)  # 22:30 on Thursday in New York
    log(services, late_caller, Outcome.TALKED)
    assert services.today.today() == day(0)
    assert services.today.progress().reached_today == 1
    clock.now = datetime(2026, 11, 27, 5, 30, tzinfo=UTC)  # past midnight there
    assert services.today.today() == day(1)
    assert services.today.progress().reached_today == 0
