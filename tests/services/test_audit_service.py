"""The time audit saved and redone, its goal accepted only when asked, calendar gaps."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from timezones import local_zone_as

from netui.domain.clock import FakeClock
from netui.domain.free_gaps import WakingHours
from netui.domain.time_audit import DEFAULT_BLOCKS, Block
from netui.domain.types import Channel, InteractionDraft, Outcome
from netui.errors import ValidationError
from netui.io.ics_gaps import CalendarFileError
from netui.services.audit import AUDIT_KEY
from netui.services.context import Services

CALENDARS = Path(__file__).parents[1] / "io" / "fixtures" / "calendars"
MY_DAY = [
    Block("Sleep", 480, False),
    Block("Work", 540, False),
    Block("Streaming", 120, True),
    Block("Scrolling", 40, True),
]


def test_before_any_audit_the_common_blocks_are_offered(services: Services) -> None:
    saved = services.audit.load()
    assert saved.blocks == DEFAULT_BLOCKS
    assert saved.saved_at is None
    assert saved.result.suggested_goal == 90
    assert saved.daily_goal == 30


def test_a_saved_audit_comes_back_and_can_be_redone(services: Services, clock: FakeClock) -> None:
    result = services.audit.save(MY_DAY)
    assert (result.discretionary_minutes, result.suggested_goal) == (160, 80)
    saved = services.audit.load()
    assert saved.blocks == tuple(MY_DAY)
    assert saved.saved_at == clock()
    assert saved.result == result
    clock.advance(days=30)
    services.audit.save([Block("Work", 600, False), Block("TV", 20, True)])
    redone = services.audit.load()
    assert redone.saved_at == clock()
    assert redone.result.suggested_goal == 20
    assert "only 20 minutes" in redone.result.advice


def test_the_suggested_goal_becomes_the_daily_goal_only_when_accepted(
    services: Services,
) -> None:
    services.audit.save(MY_DAY)
    assert services.settings.daily_goal() == 30
    assert services.audit.accept_goal(80) == 80
    assert services.settings.daily_goal() == 80
    assert services.audit.load().daily_goal == 80
    assert services.timer.start().planned_minutes == 80


def test_bad_blocks_are_refused_and_the_saved_audit_kept(services: Services) -> None:
    services.audit.save(MY_DAY)
    with pytest.raises(ValidationError, match="block 1: needs a name"):
        services.audit.save([Block("", 30, True)])
    with pytest.raises(ValidationError, match="daily goal"):
        services.audit.accept_goal(0)
    assert services.audit.load().blocks == tuple(MY_DAY)


@pytest.mark.parametrize(
    "stored",
    [
        "[1, 2, 3]",
        '{"version": 99, "blocks": []}',
        '{"version": 1, "blocks": [{"name": "TV"}]}',
        '{"version": 1, "blocks": [{"name": "TV", "minutes": "lots", "discretionary": true}]}',
    ],
)
def test_a_saved_audit_that_cannot_be_read_counts_as_none(services: Services, stored: str) -> None:
    connection = sqlite3.connect(services.path)
    with connection:
        connection.execute("INSERT INTO setting (key, value) VALUES (?, ?)", (AUDIT_KEY, stored))
    connection.close()
    assert services.audit.load().blocks == DEFAULT_BLOCKS


def test_conversations_a_month_follow_the_users_own_pace(
    services: Services, add: Callable[..., int], clock: FakeClock
) -> None:
    assert services.audit.save(MY_DAY).month_conversations is None  # no history yet
    people = [add(name) for name in ("Ada", "Bruno", "Chen")]
    services.timer.start()
    for person in people:
        clock.advance(minutes=20)
        services.interactions.log(person, InteractionDraft(Channel.CALL, Outcome.TALKED))
    services.timer.stop()  # 60 minutes, 3 people reached: 20 minutes each
    # 80 minutes a weekday, about 21.7 weekdays a month, 20 minutes a conversation
    assert services.audit.load().result.month_conversations == 86
    assert services.audit.load().result.month_hours == 28.9


@pytest.fixture
def in_new_york() -> Iterator[None]:
    with local_zone_as("America/New_York"):
        yield


@pytest.mark.usefixtures("in_new_york")
def test_calendar_gaps_fill_the_waking_hours_around_busy_times(
    services: Services, clock: FakeClock
) -> None:
    clock.now = datetime(2026, 11, 30, 13, 0, tzinfo=UTC)  # Monday 08:00 in New York
    found = services.audit.calendar_gaps(
        CALENDARS / "free_and_cancelled.ics", waking=WakingHours(time(8), time(12))
    )
    assert found.first_day == date(2026, 11, 30)
    assert found.days == 7
    assert found.warnings == ()
    monday = [g for g in found.gaps if g.start.date() == date(2026, 11, 30)]
    assert [(g.start.hour, g.end.hour) for g in monday] == [(13, 15), (16, 17)]  # UTC
    assert len(found.gaps) == 8  # Monday twice, then six whole mornings
    assert found.goal_minutes == 30


def test_a_calendar_that_cannot_be_read_is_a_clear_error(
    services: Services, tmp_path: Path
) -> None:
    with pytest.raises(CalendarFileError, match="no VCALENDAR"):
        services.audit.calendar_gaps(CALENDARS / "not_a_calendar.ics")
