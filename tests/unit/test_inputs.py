"""The input rules on their own: time zones, times of day, odd text, and collecting errors.

The table every front end must agree with is in tests/test_input_rules_both_front_ends.py;
these are the details it does not spell out.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, tzinfo
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from netui.domain.clock import local_zone
from netui.domain.inputs import (
    FUTURE_TOLERANCE,
    FieldReader,
    InputError,
    read_cadence,
    read_emails,
    read_follow_up,
    read_last_contact,
    read_list,
    read_strength,
    read_when,
)
from netui.domain.types import DatePrecision, LooseDate

NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 26, 20, 0, tzinfo=UTC)  # Thursday 26 Nov, 15:00 in New York
TODAY = date(2026, 11, 26)


def when(text: str, now: datetime = NOW, zone: tzinfo = NEW_YORK) -> datetime | None:
    return read_when(text, now, zone)


def refusal(read: Callable[[], object]) -> str:
    with pytest.raises(InputError) as refused:
        read()
    return str(refused.value)


# --- when -------------------------------------------------------------------------------------


def test_times_are_read_in_the_zone_with_that_days_rules() -> None:
    """July is summer time in New York (UTC-4) even when the clock reads November (UTC-5)."""
    assert when("2026-07-04 9am") == datetime(2026, 7, 4, 13, 0, tzinfo=UTC)
    assert when("2026-01-04 9am") == datetime(2026, 1, 4, 14, 0, tzinfo=UTC)
    assert when("yesterday 14:30") == datetime(2026, 11, 25, 19, 30, tzinfo=UTC)


def test_today_comes_from_now_in_the_given_zone() -> None:
    """At 02:00 UTC on the 27th it is still the 26th in New York."""
    late = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)
    assert when("yesterday", now=late) == datetime(2026, 11, 25, 12, 0, tzinfo=NEW_YORK)
    assert when("yesterday", now=late, zone=UTC) == datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize("text", ["", "  ", "now", "NOW", "just now", "today", "Today"])
def test_now_and_today_without_a_time_mean_now(text: str) -> None:
    assert when(text) is None


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("today 9am", time(9, 0)),
        ("at 9:05 a.m.", time(9, 5)),
        ("12am", time(0, 0)),
        ("12pm", time(12, 0)),
        ("12:30 PM", time(12, 30)),
        ("2026-11-26T08:15", time(8, 15)),
        ("0:00", time(0, 0)),
    ],
)
def test_times_of_day(text: str, at: time) -> None:
    assert when(text) == datetime.combine(TODAY, at, tzinfo=NEW_YORK)


@pytest.mark.parametrize("text", ["0pm", "13am", "yesterday 24:00", "9:60", "yesterday ٣pm"])
def test_impossible_times_are_refused(text: str) -> None:
    message = refusal(lambda: when(text))
    assert "is not a time of day" in message or "could not read" in message


def test_a_few_minutes_ahead_is_not_the_future() -> None:
    """Up to FUTURE_TOLERANCE ahead passes (clocks drift), as it does in the service."""
    assert when("3:05pm") == NOW + FUTURE_TOLERANCE
    assert "in the future" in refusal(lambda: when("3:06pm"))


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "never", "None", "  NEVER "])
def test_no_last_contact(text: str) -> None:
    assert read_last_contact(text, TODAY) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", LooseDate(TODAY, DatePrecision.DAY)),
        ("Nov 2026", LooseDate(date(2026, 11, 1), DatePrecision.MONTH)),
        ("2026", LooseDate(date(2026, 1, 1), DatePrecision.YEAR)),
    ],
)
def test_a_last_contact_this_day_month_or_year_has_passed(text: str, expected: LooseDate) -> None:
    assert read_last_contact(text, TODAY) == expected


def test_a_future_last_contact_says_how_it_was_understood() -> None:
    assert refusal(lambda: read_last_contact("2027", TODAY)) == (
        '"2027" is 2027, in the future; a last contact has already happened'
    )


def test_a_follow_up_may_be_blank_or_ahead() -> None:
    assert read_follow_up("", TODAY) is None
    assert read_follow_up("never", TODAY) is None
    assert read_follow_up("next friday", TODAY) == date(2026, 11, 27)


# --- other fields -----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [(" 3 ", 3), ("05", 5), ("", None), ("   ", None)])
def test_strength(text: str, expected: int | None) -> None:
    assert read_strength(text) == expected


@pytest.mark.parametrize("text", ["²", "٣", "3.5", "-1", "0"])
def test_strength_refuses_what_is_not_one_to_five(text: str) -> None:
    message = refusal(lambda: read_strength(text))
    assert "1 to 5" in message


def test_cadence_is_read_as_its_code() -> None:
    assert read_cadence("fortnightly") == "2w"
    assert read_cadence("none") is None


def test_lists_join_repeats_and_commas() -> None:
    assert read_list("a, b", "b,c", "") == ("a", "b", "c")
    assert read_emails("x@a.example", "y@b.example, x@a.example") == ("x@a.example", "y@b.example")
    assert read_emails("") == ()


# --- collecting a form's errors ---------------------------------------------------------------


def test_the_field_reader_keeps_every_message_and_reads_bad_fields_as_blank() -> None:
    fields = FieldReader()
    assert fields.read("strength", read_strength, "9") is None
    assert fields.read("emails", read_emails, "ok@fine.example, bad@") == ()
    assert fields.read("last_contact", read_last_contact, "2019", TODAY) == LooseDate(
        date(2019, 1, 1), DatePrecision.YEAR
    )
    assert fields.errors == {
        "strength": "must be 1 to 5, not 9",
        "emails": '"bad@" does not look like an email address',
    }


# --- nothing escapes but InputError -----------------------------------------------------------

_WORDS = ("yesterday", "today", "now", "at", "last", "friday", "in", "years", "ago", "Mar", "never")
_BITS = ("3pm", "14:30", "12am", "T", ":", "2024-03-04", "2019", "2", "99", ",", "@", "x@y.z")
_TOKENS = st.sampled_from([*_WORDS, *_BITS])
ODD_TEXT = st.text() | st.lists(_TOKENS | st.text(max_size=3), max_size=6).map(" ".join)
ZONES = st.sampled_from([UTC, NEW_YORK, ZoneInfo("Asia/Kathmandu"), local_zone()])
NOWS = st.datetimes(
    min_value=datetime(1950, 1, 1), max_value=datetime(2150, 1, 1), timezones=st.just(UTC)
)

READERS: list[Callable[[str, datetime, tzinfo], object]] = [
    read_when,
    lambda text, now, zone: read_last_contact(text, now.astimezone(zone).date()),
    lambda text, now, zone: read_follow_up(text, now.astimezone(zone).date()),
    lambda text, _now, _zone: read_strength(text),
    lambda text, _now, _zone: read_cadence(text),
    lambda text, _now, _zone: read_emails(text),
    lambda text, _now, _zone: read_list(text),
]


@given(text=ODD_TEXT, now=NOWS, zone=ZONES)
@example(text="yesterday ٣pm", now=NOW, zone=UTC)
@example(text="²", now=NOW, zone=UTC)
@example(text="9" * 5000, now=NOW, zone=UTC)
@example(text="2200-12-31 11pm", now=datetime(2150, 1, 1, tzinfo=UTC), zone=NEW_YORK)
@example(text="1900-01-01 0:00", now=NOW, zone=ZoneInfo("Asia/Kathmandu"))
def test_every_rule_raises_nothing_but_input_error(text: str, now: datetime, zone: tzinfo) -> None:
    for read in READERS:
        refused: InputError | None = None
        try:
            read(text, now, zone)
        except InputError as error:
            refused = error
        if refused is not None:
            assert type(refused) is InputError
            assert str(refused)
            assert "\n" not in str(refused)
