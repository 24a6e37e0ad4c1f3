"""Invented timer sessions: weeks of practice, a streak that ends today, all in the past."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from dateutil import tz

from netui.domain.demo_sessions import DEMO_WEEKS, invent_sessions
from netui.domain.timer import active_seconds, seconds_by_day, streak_days

NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)
ZONES = {"utc": UTC, "new_york": tz.gettz("America/New_York"), "tokyo": tz.gettz("Asia/Tokyo")}


def test_the_same_seed_gives_the_same_sessions() -> None:
    assert invent_sessions(3, NOW, UTC, 30) == invent_sessions(3, NOW, UTC, 30)
    assert invent_sessions(3, NOW, UTC, 30) != invent_sessions(4, NOW, UTC, 30)


@pytest.mark.parametrize("zone_name", list(ZONES))
@pytest.mark.parametrize("seed", range(6))
def test_weeks_of_sessions_in_the_past_with_a_streak(seed: int, zone_name: str) -> None:
    zone = ZONES[zone_name]
    assert zone is not None
    sessions = invent_sessions(seed, NOW, zone, 30)
    today = NOW.astimezone(zone).date()
    assert all(s.ended_at is not None and s.started_at < s.ended_at <= NOW for s in sessions)
    assert [s.started_at for s in sessions] == sorted(s.started_at for s in sessions)
    totals = seconds_by_day(sessions, NOW, zone)
    first = min(totals)
    assert (today - first).days >= DEMO_WEEKS * 7 - 7  # several weeks, not a few days
    assert streak_days(totals, 30 * 60, today) >= 4
    if NOW.astimezone(zone).hour >= 2:  # (in Tokyo it is midnight: nothing fits today yet)
        assert totals.get(today, 0) >= 30 * 60  # the streak ends today
    weekdays = [first + timedelta(days=d) for d in range((today - first).days + 1)]
    weekdays = [d for d in weekdays if d.weekday() < 5]
    missed = [d for d in weekdays if d not in totals]
    assert 1 <= len(missed) <= len(weekdays) // 3  # a few missed days, most done
    minutes = Counter(int(active_seconds(s, NOW) // 60) for s in sessions)
    assert min(minutes) >= 25
    assert max(minutes) <= 65


def test_a_day_too_young_for_a_session_leaves_the_streak_ending_yesterday() -> None:
    early = datetime(2026, 11, 26, 0, 20, tzinfo=UTC)
    sessions = invent_sessions(1, early, UTC, 30)
    assert all(s.ended_at is not None and s.ended_at <= early for s in sessions)
    totals = seconds_by_day(sessions, early, UTC)
    assert totals.get(early.date(), 0) < 30 * 60
    assert streak_days(totals, 30 * 60, early.date()) >= 4


def test_a_higher_goal_is_met_through_the_streak() -> None:
    sessions = invent_sessions(2, NOW, UTC, 90)
    totals = seconds_by_day(sessions, NOW, UTC)
    assert streak_days(totals, 90 * 60, NOW.date()) >= 4
    assert {s.goal_minutes for s in sessions} == {90}
