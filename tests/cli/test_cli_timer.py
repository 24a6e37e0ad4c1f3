"""``netui timer``: the session from a shell; refusals are one line, exit 1, nothing changed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import table_dump
from cli_runner import Netui
from timezones import local_zone_as

from netui.cli.timer import STATUS_KEYS
from netui.domain.clock import FakeClock
from netui.services.context import open_services


@pytest.fixture(autouse=True)
def in_lisbon() -> Iterator[None]:
    """Lisbon keeps UTC in winter: 15:00 on the test clock is 15:00 on the screen."""
    with local_zone_as("Europe/Lisbon"):
        yield


def test_a_whole_session_from_the_shell(cmd: Netui, clock: FakeClock) -> None:
    assert cmd.ok("timer", "start") == (
        "Started a 30-minute session at 15:00 (daily goal 30 minutes)\n"
    )
    clock.advance(minutes=12, seconds=5)
    assert cmd.ok("timer", "pause") == "Paused at 12:05\n"
    clock.advance(minutes=30)
    assert cmd.ok("timer", "resume") == "Resumed at 12:05\n"
    assert cmd.ok("timer", "extend") == "Planned 35 minutes (5 more)\n"
    assert cmd.ok("timer", "extend", "--minutes", "10") == "Planned 45 minutes (10 more)\n"
    clock.advance(minutes=20)
    assert cmd.ok("timer", "stop") == "Stopped. Today: 32 of 30 minutes: goal reached\n"


def test_status_as_json_has_the_promised_keys_first(cmd: Netui, clock: FakeClock) -> None:
    idle = cmd.json("timer", "status")
    assert tuple(idle)[: len(STATUS_KEYS)] == STATUS_KEYS
    assert {k: idle[k] for k in STATUS_KEYS} == {
        "running": False,
        "paused": False,
        "started_at": None,
        "elapsed_seconds": 0,
        "goal_minutes": 30,
        "today_minutes": 0,
        "streak_days": 0,
        "week_minutes": 0,
    }
    cmd.ok("timer", "start", "--minutes", "25")
    clock.advance(minutes=26)
    cmd.ok("timer", "pause")
    status = cmd.json("timer", "status")
    assert {k: status[k] for k in STATUS_KEYS} == {
        "running": True,
        "paused": True,
        "started_at": "2026-11-26T15:00:00+00:00",
        "elapsed_seconds": 26 * 60,
        "goal_minutes": 30,
        "today_minutes": 26,
        "streak_days": 0,
        "week_minutes": 26,
    }
    assert status["planned_minutes"] == 25
    assert status["planned_over"] is True
    assert status["goal_reached"] is False
    assert status["interrupted"] is None
    assert status["days"][-1] == {"date": "2026-11-26", "minutes": 26}
    assert len(status["days"]) == 7


def test_status_in_words(cmd: Netui, clock: FakeClock) -> None:
    assert cmd.ok("timer", "status").splitlines()[:3] == [
        "No session running: start one with netui timer start",
        "Today: 0 of 30 minutes",
        "Last 7 days: 0 minutes · streak 0 days",
    ]
    cmd.ok("timer", "start")
    clock.advance(minutes=31)
    lines = cmd.ok("timer", "status").splitlines()
    assert lines[0] == "Session since 15:00 (running): 31:00 of 30 minutes, planned time over"
    assert lines[1] == "Today: 31 of 30 minutes: goal reached"
    assert lines[3].endswith("Thu 31")
    cmd.ok("timer", "pause")
    clock.advance(minutes=5)
    assert cmd.ok("timer", "status").startswith(
        "Session since 15:00 (paused): 31:00 of 30 minutes, planned time over\n"
    )


@pytest.mark.parametrize(
    ("before", "args", "message"),
    [
        (["timer start"], ["timer", "start"], "a session is already running (since 15:00)"),
        (["timer start", "timer pause"], ["timer", "pause"], "the session is already paused"),
        (["timer start"], ["timer", "resume"], "the session is not paused"),
        ([], ["timer", "stop"], "no session is running"),
        ([], ["timer", "pause"], "no session is running"),
        ([], ["timer", "extend"], "no session is running"),
        (["timer start"], ["timer", "resolve", "keep"], "was not interrupted"),
        ([], ["timer", "start", "--minutes", "0"], "--minutes: must be between 1 and 480"),
        (["timer start"], ["timer", "extend", "--minutes", "999"], "--minutes: must be between"),
    ],
)
def test_refusals_are_one_line_and_change_nothing(
    cmd: Netui, db: Path, before: list[str], args: list[str], message: str
) -> None:
    for line in before:
        cmd.ok(*line.split())
    cmd.ok("timer", "status")  # the database exists either way
    contents = table_dump(db)
    assert message in cmd.fail(*args)
    assert table_dump(db) == contents


def test_a_session_an_app_watched_and_lost_offers_three_choices(
    cmd: Netui, db: Path, clock: FakeClock
) -> None:
    app = open_services(db, clock)  # an app that beats, then dies
    app.timer.start(watched=True)
    for _ in range(10):
        clock.advance(minutes=1)
        app.timer.heartbeat()
    app.close()
    clock.advance(minutes=50)

    lines = cmd.ok("timer", "status").splitlines()
    assert lines[0] == "Session since 15:00 (running): 1:00:00 of 30 minutes, planned time over"
    assert lines[1] == (
        "Interrupted: netui last saw this session at 15:10 (50:00 ago; killed, or the machine"
        " slept)."
    )
    assert lines[2] == (
        "Choose: netui timer resolve keep (count 1:00:00), stop (end it then: 10:00) or discard"
    )
    gap = cmd.json("timer", "status")["interrupted"]
    assert gap == {
        "last_seen_at": "2026-11-26T15:10:00+00:00",
        "gap_seconds": 3000,
        "kept_seconds": 3600,
        "stopped_seconds": 600,
    }
    refused = cmd.fail("timer", "stop")
    assert "the session was interrupted: netui last saw it at 15:10, 50 min ago" in refused
    assert refused.rstrip().endswith("(netui timer resolve keep|stop|discard)")

    assert cmd.ok("timer", "resolve", "stop") == (
        "Stopped where netui last saw it. Today: 10 of 30 minutes\n"
    )
    assert cmd.json("timer", "status")["running"] is False


@pytest.mark.parametrize(
    ("choice", "done", "running", "minutes"),
    [
        ("keep", "Kept: the session goes on with its time", True, 60),
        ("KEEP", "Kept: the session goes on with its time", True, 60),
        ("discard", "Discarded the interrupted session", False, 0),
    ],
)
def test_the_other_choices(
    cmd: Netui, db: Path, clock: FakeClock, choice: str, done: str, running: bool, minutes: int
) -> None:
    app = open_services(db, clock)
    app.timer.start(watched=True)
    app.close()
    clock.advance(hours=1)
    assert cmd.ok("timer", "resolve", choice).startswith(done)
    status = cmd.json("timer", "status")
    assert (status["running"], status["today_minutes"], status["interrupted"]) == (
        running,
        minutes,
        None,
    )
