"""Timer accounting from stored moments: pauses, midnight, daylight saving, sleep gaps."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st
from timezones import zone

from netui.domain.timer import (
    Pause,
    TimedSession,
    active_seconds,
    day_bounds,
    seconds_by_day,
    streak_days,
    was_interrupted,
    week_seconds,
)

T0 = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)
NEW_YORK = zone("America/New_York")


def minutes(n: float) -> timedelta:
    return timedelta(minutes=n)


def test_active_time_is_wall_time_less_pauses_with_an_open_pause_until_now() -> None:
    session = TimedSession(
        T0, pauses=(Pause(T0 + minutes(10), T0 + minutes(15)), Pause(T0 + minutes(30)))
    )
    assert active_seconds(session, T0 + minutes(20)) == 15 * 60
    assert active_seconds(session, T0 + minutes(40)) == 25 * 60  # paused since minute 30
    ended = TimedSession(T0, T0 + minutes(45), (Pause(T0 + minutes(10), T0 + minutes(15)),))
    assert active_seconds(ended, T0 + minutes(500)) == 40 * 60


def test_pauses_outside_the_session_or_overlapping_count_once() -> None:
    session = TimedSession(
        T0,
        T0 + minutes(60),
        (
            Pause(T0 - minutes(30), T0 + minutes(5)),  # began before the session
            Pause(T0 + minutes(20), T0 + minutes(40)),
            Pause(T0 + minutes(30), T0 + minutes(50)),  # overlaps the one before
            Pause(T0 + minutes(90), T0 + minutes(99)),  # after it ended
        ),
    )
    assert active_seconds(session, T0 + minutes(120)) == 25 * 60


def test_a_session_over_midnight_counts_toward_each_local_day() -> None:
    start = datetime(2026, 6, 10, 23, 30, tzinfo=NEW_YORK).astimezone(UTC)
    session = TimedSession(start, start + minutes(60))
    totals = seconds_by_day([session], start + minutes(60), NEW_YORK)
    assert totals == {date(2026, 6, 10): 1800.0, date(2026, 6, 11): 1800.0}


def test_daylight_saving_neither_adds_nor_loses_an_hour() -> None:
    # 8 Mar 2026, New York: 02:00 becomes 03:00. 01:30 to 03:30 on the clock is one hour.
    spring = datetime(2026, 3, 8, 1, 30, tzinfo=NEW_YORK).astimezone(UTC)
    spring_end = datetime(2026, 3, 8, 3, 30, tzinfo=NEW_YORK).astimezone(UTC)
    totals = seconds_by_day([TimedSession(spring, spring_end)], spring_end, NEW_YORK)
    assert totals == {date(2026, 3, 8): 3600.0}
    # 1 Nov 2026: 02:00 becomes 01:00 again. 00:30 EDT to 01:30 EST is two real hours.
    fall = datetime(2026, 11, 1, 0, 30, tzinfo=NEW_YORK).astimezone(UTC)
    fall_end = fall + timedelta(hours=2)
    totals = seconds_by_day([TimedSession(fall, fall_end)], fall_end, NEW_YORK)
    assert totals == {date(2026, 11, 1): 7200.0}


def test_streak_and_rolling_week() -> None:
    today = date(2026, 11, 26)
    goal = 1800.0
    totals = {today - timedelta(days=n): 2000.0 for n in (1, 2, 3, 5)}
    assert streak_days(totals, goal, today) == 3  # today not done yet: counts from yesterday
    totals[today] = 1800.0
    assert streak_days(totals, goal, today) == 4
    assert week_seconds(totals, today) == 1800.0 + 4 * 2000.0  # day 4 missed, the week stays
    assert week_seconds({today - timedelta(days=7): 5000.0}, today) == 0.0


def test_a_long_silence_since_the_last_heartbeat_is_an_interruption() -> None:
    running = TimedSession(T0, last_seen_at=T0 + minutes(10))
    assert not was_interrupted(running, T0 + minutes(11))
    assert was_interrupted(running, T0 + minutes(40))
    assert not was_interrupted(TimedSession(T0, T0 + minutes(5)), T0 + minutes(400))


moments = st.integers(min_value=0, max_value=48 * 3600).map(lambda s: T0 + timedelta(seconds=s))


@st.composite
def sessions(draw: st.DrawFn) -> TimedSession:
    start = draw(moments)
    end = draw(st.none() | moments.filter(lambda m: m >= start))
    pauses = tuple(
        Pause(a, b if b is None or b >= a else a)
        for a, b in draw(st.lists(st.tuples(moments, st.none() | moments), max_size=4))
    )
    return TimedSession(start, end, pauses)


@given(sessions(), moments, moments)
def test_active_time_never_decreases_and_never_exceeds_wall_time(
    session: TimedSession, first: datetime, second: datetime
) -> None:
    earlier, later = sorted((first, second))
    assert active_seconds(session, earlier) <= active_seconds(session, later)
    end = session.ended_at or later
    wall = max(0.0, (end - session.started_at).total_seconds())
    assert 0.0 <= active_seconds(session, later) <= wall


@given(sessions(), moments)
def test_days_add_up_to_the_whole(session: TimedSession, now: datetime) -> None:
    totals = seconds_by_day([session], now, NEW_YORK)
    assert abs(sum(totals.values()) - active_seconds(session, now)) < 1e-6


def test_a_session_no_netui_has_watched_cannot_be_caught_out() -> None:
    # Started from a shell with no app open: nothing beats, so nothing went stale.
    assert not was_interrupted(TimedSession(T0), T0 + minutes(400))


def test_day_bounds_are_local_midnights_even_on_a_clock_change() -> None:
    start, end = day_bounds(date(2026, 3, 8), NEW_YORK)
    assert start == datetime(2026, 3, 8, 5, 0, tzinfo=UTC)
    assert end - start == timedelta(hours=23)
    start, end = day_bounds(date(2026, 11, 1), NEW_YORK)
    assert end - start == timedelta(hours=25)
