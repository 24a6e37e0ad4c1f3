"""``netui audit``: where a weekday goes, the goal it allows, and a calendar's free time."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import NOW
from cli_runner import Netui
from timezones import local_zone_as

from netui.domain.clock import FakeClock

CALENDARS = Path(__file__).parents[1] / "io" / "fixtures" / "calendars"


@pytest.fixture(autouse=True)
def in_new_york() -> Iterator[None]:
    with local_zone_as("America/New_York"):
        yield


def test_the_common_blocks_until_an_audit_is_saved(cmd: Netui) -> None:
    lines = cmd.ok("audit").splitlines()
    assert lines[0] == "A typical weekday, the common blocks (not saved yet):"
    assert lines[1].split() == ["Sleep", "450", "min", "fixed"]
    assert "Discretionary: 195 minutes a day (15 not accounted for)" in lines
    assert "Suggested goal: 90 minutes a day (32.5 hours a month)." in lines
    assert lines[-1] == "Your daily goal is 30: netui audit --accept takes it."


def test_accepting_the_suggestion_sets_the_daily_goal(cmd: Netui) -> None:
    assert cmd.json("audit")["daily_goal"] == 30
    out = cmd.ok("audit", "--accept")
    assert out.endswith("Daily goal set to 90 minutes.\n")
    assert "--accept takes it" not in out
    assert cmd.json("timer", "status")["goal_minutes"] == 90


def test_the_audit_as_json(cmd: Netui) -> None:
    found = cmd.json("audit")
    assert found["saved_at"] is None
    assert found["blocks"][0] == {"name": "Sleep", "minutes": 450, "discretionary": False}
    assert (found["discretionary_minutes"], found["suggested_goal"]) == (195, 90)
    assert found["month_conversations"] is None
    assert "calendar" not in found


def test_free_time_from_a_calendar(cmd: Netui, clock: FakeClock) -> None:
    clock.now = NOW.replace(day=30, hour=13)  # Monday 30 November, 08:00 in New York
    lines = cmd.ok("audit", "--ics", str(CALENDARS / "broken_rule.ics")).splitlines()
    at = lines.index("Free time in the next 7 days (07:00-22:00):")
    assert lines[at + 1].split() == [  # the choir's broken series is skipped
        "Mon",
        "30",
        "Nov",
        "08:00-22:00",
        "840",
        "min",
        "fits",
        "a",
        "session",
    ]
    assert lines[at + 2].split()[:4] == ["Tue", "01", "Dec", "07:00-09:00"]
    assert lines[at + 3].split()[:4] == ["Tue", "01", "Dec", "10:00-22:00"]
    assert lines[-1] == 'Warning: skipped "Choir practice": its repeat rule cannot be read'
    found = cmd.json("audit", "--ics", str(CALENDARS / "broken_rule.ics"), "--waking", "9-17")
    calendar = found["calendar"]
    assert calendar["waking_hours"] == "09:00-17:00"
    assert calendar["events"] == 1
    assert calendar["gaps"][1] == {
        "start": "2026-12-01T15:00:00+00:00",
        "end": "2026-12-01T22:00:00+00:00",
        "minutes": 420,
        "fits_goal": True,
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--ics", str(CALENDARS / "not_a_calendar.ics")], "is not a calendar (.ics) file"),
        (["--ics", "nowhere.ics"], "nowhere.ics: no such file"),
        (["--waking", "evenings"], '--waking: could not read "evenings" as waking hours'),
    ],
)
def test_what_cannot_be_read_is_one_line(cmd: Netui, args: list[str], message: str) -> None:
    assert message in cmd.fail("audit", *args)
