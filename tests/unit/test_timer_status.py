"""The timer's snapshot: today, the week, the streak, an interruption, and time moving on."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from timezones import zone

from netui.domain.timer import Pause, TimedSession
from netui.domain.timer_status import (
    MAX_MINUTES,
    DayMinutes,
    build_status,
    check_minutes,
)
from netui.errors import ValidationError

T0 = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)  # a Thursday


NEW_YORK = zone("America/New_York")


def minutes(n: float) -> timedelta:
    return timedelta(minutes=n)


def ended(day_offset: int, length: float) -> TimedSession:
    start = T0 - timedelta(days=day_offset)
    return TimedSession(start, start + minutes(length))


def test_nothing_running_shows_the_history_and_the_daily_goal() -> None:
    history = [ended(0, 20), ended(1, 35), ended(2, 40), ended(4, 30), ended(9, 60)]
    status = build_status(None, history, T0 + minutes(60), UTC, 30)
    assert not status.running
    assert not status.paused
    assert (status.session_id, status.started_at, status.planned_minutes) == (None, None, None)
    assert status.elapsed_seconds == 0
    assert status.goal_minutes == 30
    assert status.today_minutes == 20
    assert not status.goal_reached
    assert status.streak_days == 2  # yesterday and the day before; today not done yet
    assert status.week_minutes == 20 + 35 + 40 + 30  # ten days ago is out of the week
    assert status.days == tuple(
        DayMinutes(date(2026, 11, d), m)
        for d, m in ((20, 0), (21, 0), (22, 30), (23, 0), (24, 40), (25, 35), (26, 20))
    )
    assert status.interrupted is None


def test_a_running_session_counts_toward_today_and_uses_its_own_goal() -> None:
    running = TimedSession(
        T0, pauses=(Pause(T0 + minutes(5), T0 + minutes(10)),), planned_minutes=25, goal_minutes=20
    )
    status = build_status(running, [ended(0, 10)], T0 + minutes(30), UTC, 45)
    assert status.running
    assert not status.paused
    assert status.elapsed_seconds == 25 * 60
    assert status.goal_minutes == 20  # the goal in force when it started
    assert status.today_minutes == 35
    assert status.goal_reached
    assert status.planned_over
    assert status.streak_days == 1


def test_planned_time_is_over_only_once_it_has_all_been_worked() -> None:
    running = TimedSession(T0, planned_minutes=30)
    assert not build_status(running, [], T0 + minutes(29), UTC, 30).planned_over
    assert build_status(running, [], T0 + minutes(30), UTC, 30).planned_over
    paused = TimedSession(T0, pauses=(Pause(T0 + minutes(10)),), planned_minutes=30)
    status = build_status(paused, [], T0 + minutes(90), UTC, 30)
    assert status.paused
    assert not status.planned_over


def test_an_interruption_says_when_netui_was_last_seen_and_what_each_choice_keeps() -> None:
    running = TimedSession(T0, last_seen_at=T0 + minutes(20))
    status = build_status(running, [], T0 + minutes(80), UTC, 30)
    gap = status.interrupted
    assert gap is not None
    assert gap.last_seen_at == T0 + minutes(20)
    assert gap.gap_seconds == 60 * 60
    assert gap.kept_seconds == 80 * 60
    assert gap.stopped_seconds == 20 * 60
    assert build_status(running, [], T0 + minutes(22), UTC, 30).interrupted is None


def test_a_session_over_midnight_shows_on_both_days_in_the_users_zone() -> None:
    start = datetime(2026, 11, 25, 23, 40, tzinfo=NEW_YORK).astimezone(UTC)
    status = build_status(TimedSession(start), [], start + minutes(50), NEW_YORK, 30)
    assert status.days[-2:] == (
        DayMinutes(date(2026, 11, 25), 20),
        DayMinutes(date(2026, 11, 26), 30),
    )
    assert status.today_minutes == 30
    assert status.week_minutes == 50


moments = st.integers(min_value=0, max_value=30 * 3600).map(lambda s: T0 + timedelta(seconds=s))


@given(moments, st.lists(moments, max_size=3), moments, moments)
def test_moving_the_snapshot_on_equals_looking_again(
    start: datetime, pauses: list[datetime], first: datetime, second: datetime
) -> None:
    """What the app shows each second is what a fresh look would show: no drift."""
    earlier, later = sorted((first, second))
    session = TimedSession(start, pauses=tuple(Pause(p, p + minutes(3)) for p in pauses))
    history = [ended(1, 45), ended(3, 30)]
    moved = build_status(session, history, earlier, NEW_YORK, 30).moved_to(later)
    fresh = build_status(session, history, later, NEW_YORK, 30)
    assert moved == fresh
    assert (
        moved.elapsed_seconds
        >= build_status(session, history, earlier, NEW_YORK, 30).elapsed_seconds
    )


@pytest.mark.parametrize("bad", [0, -5, MAX_MINUTES + 1, 2.5, True, "30"])
def test_minutes_must_be_a_sensible_whole_number(bad: object) -> None:
    with pytest.raises(ValidationError, match="minutes"):
        check_minutes(bad)  # type: ignore[arg-type]
    assert check_minutes(45) == 45
