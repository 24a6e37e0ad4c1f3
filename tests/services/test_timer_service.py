"""The daily timer on a fake clock: pauses, midnight, daylight saving, sleep gaps, refusals."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from builders import sql_rows, table_dump
from timezones import local_zone_as

from netui.db.timer import TimerRepository
from netui.domain.clock import FakeClock, local_zone
from netui.domain.timer_status import MAX_MINUTES, SessionInterruptedError, TimerError
from netui.errors import ValidationError
from netui.services.context import Services, open_services
from netui.services.timer import TimerService


def beat(services: Services, clock: FakeClock, minutes: int) -> None:
    """Let ``minutes`` pass with the app alive, beating every 45 seconds and at the end."""
    beats, rest = divmod(minutes * 60, 45)
    for step in [45] * beats + ([rest] if rest else []):
        clock.advance(seconds=step)
        services.timer.heartbeat()


def test_start_pause_resume_stop_counts_only_the_time_worked(
    services: Services, clock: FakeClock
) -> None:
    timer = services.timer
    started = timer.start(watched=True)
    assert started.running
    assert (started.planned_minutes, started.goal_minutes, started.elapsed_seconds) == (30, 30, 0)
    beat(services, clock, 10)
    paused = timer.pause()
    assert paused.paused
    assert paused.elapsed_seconds == 600
    beat(services, clock, 7)
    assert timer.status().elapsed_seconds == 600  # a pause is not time worked
    timer.resume()
    beat(services, clock, 25)
    stopped = timer.stop()
    assert not stopped.running
    assert stopped.today_minutes == 35
    assert stopped.goal_reached
    assert stopped.streak_days == 1
    clock.advance(hours=3)
    assert timer.status().today_minutes == 35  # an ended session no longer grows
    assert sql_rows(services.path, "SELECT active_seconds FROM timer_session") == [(35 * 60,)]


def test_minutes_planned_default_to_the_daily_goal_and_extend_by_five(services: Services) -> None:
    services.settings.set_daily_goal(45)
    assert services.timer.start().planned_minutes == 45
    assert services.timer.extend().planned_minutes == 50
    assert services.timer.extend(10).planned_minutes == 60
    services.timer.stop()
    assert services.timer.start(20).planned_minutes == 20
    assert services.timer.status().goal_minutes == 45


Refusal = Callable[[TimerService], object]


@pytest.mark.parametrize(
    ("setup", "action", "message"),
    [
        ("running", lambda t: t.start(), "a session is already running (since 15:00)"),
        ("paused", lambda t: t.pause(), "the session is already paused"),
        ("running", lambda t: t.resume(), "the session is not paused"),
        ("none", lambda t: t.stop(), "no session is running"),
        ("none", lambda t: t.pause(), "no session is running"),
        ("none", lambda t: t.extend(), "no session is running"),
        ("running", lambda t: t.keep_time(), "was not interrupted"),
        ("none", lambda t: t.discard(), "no session is running"),
    ],
)
def test_an_action_that_does_not_fit_is_refused_and_changes_nothing(
    services: Services, setup: str, action: Refusal, message: str
) -> None:
    if setup != "none":
        services.timer.start()
    if setup == "paused":
        services.timer.pause()
    before = table_dump(services.path)
    with pytest.raises(TimerError) as refused:
        action(services.timer)
    assert message in str(refused.value)
    assert table_dump(services.path) == before


def test_impossible_minutes_are_refused(services: Services) -> None:
    with pytest.raises(ValidationError, match="minutes: must be between 1 and 480"):
        services.timer.start(0)
    services.timer.start(MAX_MINUTES - 3)
    with pytest.raises(ValidationError, match="would plan 482 minutes"):
        services.timer.extend()
    assert services.timer.status().planned_minutes == MAX_MINUTES - 3


def test_the_database_refuses_a_second_running_session_even_past_the_code(
    services: Services, clock: FakeClock
) -> None:
    services.timer.start()
    with services.db.session() as session, pytest.raises(TimerError, match="already running"):
        TimerRepository(session).start(clock(), 30, 30, None)
    assert sql_rows(services.path, "SELECT count(*) FROM timer_session") == [(1,)]


def test_the_database_refuses_a_second_open_pause(services: Services, clock: FakeClock) -> None:
    status = services.timer.start()
    services.timer.pause()
    assert status.session_id is not None
    with services.db.session() as session, pytest.raises(TimerError, match="already paused"):
        TimerRepository(session).open_pause(status.session_id, clock())


@pytest.fixture
def new_york() -> Iterator[None]:
    with local_zone_as("America/New_York"):
        yield


@pytest.mark.usefixtures("new_york")
def test_a_session_over_midnight_counts_toward_each_local_day(
    services: Services, clock: FakeClock
) -> None:
    clock.now = datetime(2026, 11, 26, 23, 40).replace(tzinfo=local_zone()).astimezone(UTC)
    services.timer.start(watched=True)
    beat(services, clock, 50)
    status = services.timer.stop()
    assert [(d.day, d.minutes) for d in status.days[-2:]] == [
        (date(2026, 11, 26), 20),
        (date(2026, 11, 27), 30),
    ]
    assert status.today_minutes == 30
    assert status.week_minutes == 50


@pytest.mark.usefixtures("new_york")
def test_a_daylight_saving_change_neither_adds_nor_loses_an_hour(
    services: Services, clock: FakeClock
) -> None:
    # 1 Nov 2026, New York: at 02:00 the clocks go back to 01:00.
    clock.now = datetime(2026, 11, 1, 4, 30, tzinfo=UTC)  # 00:30 EDT
    services.timer.start(watched=True)
    beat(services, clock, 120)  # until 01:30 EST: two real hours
    status = services.timer.stop()
    assert status.today_minutes == 120
    assert status.days[-1].day == date(2026, 11, 1)


def test_elapsed_time_follows_the_wall_clock_whatever_the_ticks(
    services: Services, clock: FakeClock
) -> None:
    start = clock()
    services.timer.start(watched=True)
    for step in (1, 7, 13, 44, 3, 59, 30, 45):  # irregular ticks, as a busy app has
        clock.advance(seconds=step)
        status = services.timer.heartbeat()
        assert status.elapsed_seconds == int((clock() - start).total_seconds())
        assert status.moved_to(clock() + timedelta(seconds=5)).elapsed_seconds == (
            status.elapsed_seconds + 5
        )


def test_after_a_sleep_the_session_is_interrupted_until_the_user_chooses(
    services: Services, clock: FakeClock
) -> None:
    services.timer.start(watched=True)
    beat(services, clock, 20)
    seen = clock()
    clock.advance(hours=2)  # the lid closed; no tick for two hours
    status = services.timer.heartbeat()
    gap = status.interrupted
    assert gap is not None
    assert gap.last_seen_at == seen
    assert gap.gap_seconds == 2 * 3600
    assert gap.stopped_seconds == 20 * 60
    assert gap.kept_seconds == 140 * 60
    clock.advance(minutes=1)
    assert services.timer.heartbeat().interrupted is not None  # the gap is not papered over
    before = table_dump(services.path)
    for action in (services.timer.pause, services.timer.stop, services.timer.extend):
        with pytest.raises(SessionInterruptedError, match="netui last saw it at 15:20"):
            action()
    assert table_dump(services.path) == before


@pytest.fixture
def interrupted(services: Services, clock: FakeClock) -> Services:
    """A session worked 20 minutes (5 of them paused at the end), then lost for an hour."""
    services.timer.start(watched=True)
    beat(services, clock, 15)
    services.timer.pause()
    beat(services, clock, 5)
    clock.advance(hours=1)
    assert services.timer.status().interrupted is not None
    return services


def test_keeping_the_time_counts_the_gap_and_goes_on(
    interrupted: Services, clock: FakeClock
) -> None:
    kept = interrupted.timer.keep_time()
    assert kept.interrupted is None
    assert kept.running
    assert kept.paused  # the pause stays as it was
    interrupted.timer.resume()
    beat(interrupted, clock, 10)
    assert interrupted.timer.stop().today_minutes == 25


def test_stopping_at_the_last_moment_seen_drops_the_gap(interrupted: Services) -> None:
    stopped = interrupted.timer.stop_at_last_seen()
    assert not stopped.running
    assert stopped.today_minutes == 15
    ends = sql_rows(interrupted.path, "SELECT ended_at, last_seen_at FROM timer_session")
    assert ends == [(ends[0][1], ends[0][1])]
    assert sql_rows(
        interrupted.path, "SELECT count(*) FROM timer_pause WHERE ended_at IS NULL"
    ) == [(0,)]


def test_discarding_forgets_the_session_and_its_pauses(interrupted: Services) -> None:
    discarded = interrupted.timer.discard()
    assert not discarded.running
    assert discarded.today_minutes == 0
    assert sql_rows(interrupted.path, "SELECT count(*) FROM timer_session") == [(0,)]
    assert sql_rows(interrupted.path, "SELECT count(*) FROM timer_pause") == [(0,)]
    assert interrupted.timer.start().running


def test_a_session_started_from_a_shell_is_trusted_until_an_app_watches_it(
    services: Services, clock: FakeClock
) -> None:
    services.timer.start()  # the CLI: nobody beats
    clock.advance(minutes=40)
    assert services.timer.status().interrupted is None
    services.timer.heartbeat()  # an app opens and starts watching
    clock.advance(minutes=10)
    assert services.timer.status().interrupted is not None


def test_two_netuis_share_one_session_through_the_database(
    services: Services, db_path: Path, clock: FakeClock
) -> None:
    other = open_services(db_path, clock)  # the CLI beside the app
    try:
        services.timer.start(watched=True)
        assert other.timer.status().running
        clock.advance(minutes=1)
        other.timer.pause()
        assert services.timer.heartbeat().paused
        with pytest.raises(TimerError, match="already paused"):
            services.timer.pause()
        clock.advance(minutes=1)
        services.timer.stop()
        assert not other.timer.status().running
        assert other.timer.status().today_minutes == 1
    finally:
        other.close()
