"""Logging calls and messages: last contact and follow-up move, and typed times are understood."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta

import pytest
from cli_runner import Netui

from netui.domain.clock import FakeClock, local_today
from netui.domain.types import Outcome


@pytest.fixture
def ann(add: Callable[..., int]) -> int:
    return add("Ann Lee")


NOON = time(12, 0)


def local(now: datetime, day_offset: int, at: time | None) -> str:
    """ISO UTC of a local wall-clock time ``day_offset`` days from today (None: ``now``)."""
    if at is None:
        return now.isoformat()
    today = now.astimezone().date()
    moment = datetime.combine(today + timedelta(days=day_offset), at).astimezone()
    return moment.astimezone(UTC).isoformat()


def test_log_moves_last_contact_and_follow_up(cmd: Netui, ann: int, clock: FakeClock) -> None:
    cmd.ok("edit", "1", "--last-contact", "2019")
    out = cmd.ok(
        "log", "1", "--channel", "call", "--outcome", "talked", "--note", "Good chat",
        "--follow-up", "in 2 weeks",
    )  # fmt: skip
    today = local_today(clock)
    follow_up = today + timedelta(weeks=2)
    assert out.splitlines()[0] == "Logged call with #1 Ann Lee: talked"
    assert out.splitlines()[1].startswith("Follow up: ")
    shown = cmd.json("show", "1")
    assert shown["last_contacted"] == today.isoformat()
    assert shown["last_contacted_precision"] == "day"
    assert shown["next_follow_up"] == follow_up.isoformat()
    assert shown["interactions"] == [
        {
            "id": 1,
            "occurred_at": clock.now.isoformat(),
            "channel": "call",
            "outcome": "talked",
            "note": "Good chat",
            "follow_up": follow_up.isoformat(),
            "script_revision_id": None,
        }
    ]


def test_log_json_prints_the_interaction(cmd: Netui, ann: int) -> None:
    logged = cmd.json("log", "1", "--channel", "email", "--outcome", "replied")
    assert list(logged) == [
        "id", "occurred_at", "channel", "outcome", "note", "follow_up", "script_revision_id",
    ]  # fmt: skip
    assert logged["occurred_at"] == "2026-11-26T15:00:00+00:00"


@pytest.mark.parametrize(
    ("typed", "outcome"),
    [
        ("left message", Outcome.LEFT_MESSAGE),
        ("left-message", Outcome.LEFT_MESSAGE),
        ("Left_Message", Outcome.LEFT_MESSAGE),
        ("meeting-set", Outcome.MEETING_SET),
        ("meeting set", Outcome.MEETING_SET),
        ("no  answer", Outcome.NO_ANSWER),
        ("REFERRAL", Outcome.REFERRAL),
    ],
)
def test_outcome_spellings(cmd: Netui, ann: int, typed: str, outcome: Outcome) -> None:
    logged = cmd.json("log", "1", "--channel", "Message", "--outcome", typed)
    assert logged["outcome"] == outcome.value


def test_unknown_outcome_or_channel_is_a_usage_error(cmd: Netui, ann: int) -> None:
    err = cmd.fail("log", "1", "--channel", "call", "--outcome", "shrugged", code=2)
    assert "no_answer, left_message" in err
    cmd.fail("log", "1", "--channel", "pigeon", "--outcome", "talked", code=2)
    cmd.fail("log", "1", "--outcome", "talked", code=2)


@pytest.mark.parametrize(
    ("when", "day_offset", "at"),
    [
        ("yesterday 3pm", -1, time(15, 0)),
        ("yesterday 15:30", -1, time(15, 30)),
        ("yesterday at 9:05 am", -1, time(9, 5)),
        ("Yesterday 12am", -1, time(0, 0)),
        ("yesterday", -1, NOON),
        ("2 days ago", -2, NOON),
        ("now", 0, None),
        ("today", 0, None),
    ],
)
def test_when(
    cmd: Netui, ann: int, clock: FakeClock, when: str, day_offset: int, at: time | None
) -> None:
    logged = cmd.json("log", "1", "--channel", "call", "--outcome", "talked", "--when", when)
    assert logged["occurred_at"] == local(clock.now, day_offset, at)


@pytest.mark.parametrize("when", ["2026-11-20 08:15", "2026-11-20T08:15", "20.11.2026 8:15am"])
def test_when_with_a_date(cmd: Netui, ann: int, when: str) -> None:
    logged = cmd.json("log", "1", "--channel", "call", "--outcome", "talked", "--when", when)
    expected = datetime(2026, 11, 20, 8, 15).astimezone().astimezone(UTC)
    assert logged["occurred_at"] == expected.isoformat()


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ("blorp", '--when: could not read "blorp" as a date'),
        ("2019", '--when: "2019" is not a single day'),
        ("yesterday 25:00", '--when: "25:00" is not a time'),
        ("yesterday 13pm", '--when: "13pm" is not a time'),
        ("tomorrow", '--when: "tomorrow" is in the future'),
    ],
)
def test_bad_when(cmd: Netui, ann: int, when: str, message: str) -> None:
    err = cmd.fail("log", "1", "--channel", "call", "--outcome", "talked", "--when", when)
    assert err.startswith(f"netui: error: {message}")
    assert cmd.json("show", "1")["interactions"] == []


def test_bad_follow_up(cmd: Netui, ann: int) -> None:
    err = cmd.fail("log", "1", "--channel", "call", "--outcome", "talked", "--follow-up", "someday")
    assert err.startswith('netui: error: --follow-up: could not read "someday" as a date')
    err = cmd.fail(
        "log", "1", "--channel", "call", "--outcome", "talked", "--when", "yesterday",
        "--follow-up", "last week",
    )  # fmt: skip
    assert err == "netui: error: --follow-up: is before the interaction itself\n"


def test_older_interaction_does_not_move_last_contact_back(
    cmd: Netui, ann: int, clock: FakeClock
) -> None:
    cmd.ok("log", "1", "--channel", "call", "--outcome", "talked")
    cmd.ok("log", "1", "--channel", "email", "--outcome", "replied", "--when", "2026-01-05")
    shown = cmd.json("show", "1")
    assert shown["last_contacted"] == local_today(clock).isoformat()
    assert [i["channel"] for i in shown["interactions"]] == ["call", "email"]


def test_show_text_lists_history_newest_first(cmd: Netui, ann: int) -> None:
    cmd.ok("log", "1", "--channel", "email", "--outcome", "no-answer", "--when", "2026-11-02 10:00")
    cmd.ok(
        "log", "1", "--channel", "call", "--outcome", "meeting set", "--note", "Coffee \x1b[5mFri",
        "--when", "2026-11-20 16:45", "--follow-up", "2026-11-28",
    )  # fmt: skip
    text = cmd.ok("show", "1")
    history = text[text.index("History (2):") :].splitlines()
    assert "call" in history[1]
    assert "meeting set" in history[1]
    assert "Coffee Fri" in history[1]  # the escape sequence was removed whole as it came in
    assert "(follow up 28 Nov 2026)" in history[1]
    assert "email" in history[2]
    assert "no answer" in history[2]
    assert "Next follow-up: 28 Nov 2026 (in 2 days)" in text


def test_log_unknown_contact(cmd: Netui) -> None:
    err = cmd.fail("log", "3", "--channel", "call", "--outcome", "talked")
    assert err == "netui: error: no contact with id 3\n"
