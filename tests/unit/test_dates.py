"""Loose date parsing, formatting and "time since" wording."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import example, given
from hypothesis import strategies as st

from netui.domain.dates import (
    DateParseError,
    format_loose_date,
    months_between,
    parse_loose_date,
    time_since,
)
from netui.domain.types import DatePrecision, LooseDate

DAY, MONTH, YEAR = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR
TODAY = date(2024, 5, 15)  # a Wednesday
VALID_DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
SAFE_TODAYS = st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31))


def parse(text: str) -> LooseDate:
    return parse_loose_date(text, TODAY)


# --- absolute forms ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019", LooseDate(date(2019, 1, 1), YEAR)),
        ("  2019\n", LooseDate(date(2019, 1, 1), YEAR)),
        ("Mar 2021", LooseDate(date(2021, 3, 1), MONTH)),
        ("March 2021", LooseDate(date(2021, 3, 1), MONTH)),
        ("MARCH 2021", LooseDate(date(2021, 3, 1), MONTH)),
        ("mar. 2021", LooseDate(date(2021, 3, 1), MONTH)),
        ("Sept 2021", LooseDate(date(2021, 9, 1), MONTH)),
        ("2021-03", LooseDate(date(2021, 3, 1), MONTH)),
        ("2021-3", LooseDate(date(2021, 3, 1), MONTH)),
        ("2021-03-04", LooseDate(date(2021, 3, 4), DAY)),
        ("04 Mar 2021", LooseDate(date(2021, 3, 4), DAY)),
        ("4 March 2021", LooseDate(date(2021, 3, 4), DAY)),
        ("4th March 2021", LooseDate(date(2021, 3, 4), DAY)),
        ("Mar 4 2021", LooseDate(date(2021, 3, 4), DAY)),
        ("Mar 4, 2021", LooseDate(date(2021, 3, 4), DAY)),
        ("mar 4,2021", LooseDate(date(2021, 3, 4), DAY)),
        ("  MAR   4 , 2021 ", LooseDate(date(2021, 3, 4), DAY)),
        ("3/4/2021", LooseDate(date(2021, 3, 4), DAY)),
        ("12/31/2021", LooseDate(date(2021, 12, 31), DAY)),
        ("4.3.2021", LooseDate(date(2021, 3, 4), DAY)),
        ("31.12.2021", LooseDate(date(2021, 12, 31), DAY)),
        ("29 Feb 2024", LooseDate(date(2024, 2, 29), DAY)),
        ("1900", LooseDate(date(1900, 1, 1), YEAR)),
        ("2200", LooseDate(date(2200, 1, 1), YEAR)),
    ],
)
def test_absolute_forms(text: str, expected: LooseDate) -> None:
    assert parse(text) == expected


# --- relative forms ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", LooseDate(TODAY, DAY)),
        ("Today", LooseDate(TODAY, DAY)),
        ("yesterday", LooseDate(date(2024, 5, 14), DAY)),
        ("tomorrow", LooseDate(date(2024, 5, 16), DAY)),
        ("3 days ago", LooseDate(date(2024, 5, 12), DAY)),
        ("1 day ago", LooseDate(date(2024, 5, 14), DAY)),
        ("0 days ago", LooseDate(TODAY, DAY)),
        ("2 weeks ago", LooseDate(date(2024, 5, 1), DAY)),
        ("a week ago", LooseDate(date(2024, 5, 8), DAY)),
        ("two weeks ago", LooseDate(date(2024, 5, 1), DAY)),
        ("3 months ago", LooseDate(date(2024, 2, 15), MONTH)),
        ("3 years ago", LooseDate(date(2021, 5, 15), YEAR)),
        ("a year ago", LooseDate(date(2023, 5, 15), YEAR)),
        ("an year ago", LooseDate(date(2023, 5, 15), YEAR)),
        ("last week", LooseDate(date(2024, 5, 8), DAY)),
        ("last month", LooseDate(date(2024, 4, 15), MONTH)),
        ("last year", LooseDate(date(2023, 5, 15), YEAR)),
        ("in 3 days", LooseDate(date(2024, 5, 18), DAY)),
        ("in 2 weeks", LooseDate(date(2024, 5, 29), DAY)),
        ("in a week", LooseDate(date(2024, 5, 22), DAY)),
        ("in 2 months", LooseDate(date(2024, 7, 15), MONTH)),
        ("in 1 year", LooseDate(date(2025, 5, 15), YEAR)),
        ("next week", LooseDate(date(2024, 5, 22), DAY)),
        ("next month", LooseDate(date(2024, 6, 15), MONTH)),
        ("next year", LooseDate(date(2025, 5, 15), YEAR)),
        # TODAY is a Wednesday: "next wednesday" is a week away, never today.
        ("next monday", LooseDate(date(2024, 5, 20), DAY)),
        ("next tuesday", LooseDate(date(2024, 5, 21), DAY)),
        ("next wednesday", LooseDate(date(2024, 5, 22), DAY)),
        ("next thursday", LooseDate(date(2024, 5, 16), DAY)),
        ("next friday", LooseDate(date(2024, 5, 17), DAY)),
        ("next saturday", LooseDate(date(2024, 5, 18), DAY)),
        ("next sunday", LooseDate(date(2024, 5, 19), DAY)),
        ("friday", LooseDate(date(2024, 5, 17), DAY)),
        ("Wednesday", LooseDate(date(2024, 5, 22), DAY)),
        ("fri", LooseDate(date(2024, 5, 17), DAY)),
        ("thurs", LooseDate(date(2024, 5, 16), DAY)),
        ("last friday", LooseDate(date(2024, 5, 10), DAY)),
        ("last wednesday", LooseDate(date(2024, 5, 8), DAY)),
    ],
)
def test_relative_forms(text: str, expected: LooseDate) -> None:
    assert parse(text) == expected


def test_month_arithmetic_clamps_to_month_end() -> None:
    assert parse_loose_date("1 month ago", date(2024, 3, 31)) == LooseDate(date(2024, 2, 29), MONTH)
    assert parse_loose_date("a year ago", date(2024, 2, 29)) == LooseDate(date(2023, 2, 28), YEAR)


@given(today=SAFE_TODAYS, target=st.integers(min_value=0, max_value=6))
def test_weekdays_are_strictly_within_the_next_seven_days(today: date, target: int) -> None:
    names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    for text in (names[target], f"next {names[target]}"):
        result = parse_loose_date(text, today)
        assert result.precision is DAY
        assert result.value.weekday() == target
        assert 1 <= (result.value - today).days <= 7
    last = parse_loose_date(f"last {names[target]}", today).value
    assert last.weekday() == target
    assert 1 <= (today - last).days <= 7


@given(today=SAFE_TODAYS, count=st.integers(min_value=0, max_value=500))
def test_days_and_weeks_ago_match_plain_arithmetic(today: date, count: int) -> None:
    assert parse_loose_date(f"{count} days ago", today) == LooseDate(
        today - timedelta(days=count), DAY
    )
    assert parse_loose_date(f"in {count} weeks", today) == LooseDate(
        today + timedelta(weeks=count), DAY
    )


@given(today=SAFE_TODAYS, count=st.integers(min_value=1, max_value=40))
def test_months_and_years_ago_match_relativedelta(today: date, count: int) -> None:
    assert parse_loose_date(f"{count} months ago", today) == LooseDate(
        today - relativedelta(months=count), MONTH
    )
    assert parse_loose_date(f"{count} years ago", today) == LooseDate(
        today - relativedelta(years=count), YEAR
    )


# --- rejections -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "blorp",
        "3",
        "12",
        "may",
        "march",
        "2021 blorp",
        "Mar 4 2021 at noon",
        "2021-03-04T10:00",
        "2021-03-04 extra",
        "next",
        "in",
        "ago",
        "3 fortnights ago",
        "a while ago",
        "next decade",
        "nextfriday",
        "3/4/21",
        "21",
        "Mar 21",
        "20210304",
        "2021/03/04",
        "4 Blorp 2021",
        "Smarch 2021",
        "\u0662\u0660\u0661\u0669",  # Arabic-Indic digits: int() would read them, we do not
        "3 wee\u212a ago",  # Kelvin sign, which lower-cases to "k"
    ],
)
def test_rejects_non_dates(text: str) -> None:
    with pytest.raises(DateParseError) as info:
        parse(text)
    assert "try 2019, Mar 2021" in str(info.value)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2021-02-30", "February 2021 has no day 30"),
        ("30 Feb 2021", "February 2021 has no day 30"),
        ("29.2.2023", "February 2023 has no day 29"),
        ("0 Mar 2021", "March 2021 has no day 0"),
        ("2021-13", "there is no month 13"),
        ("2021-00-10", "there is no month 0"),
        ("13/4/2021", "slashes mean month/day; for day first write 13.4.2021"),
        ("13/13/2021", "there is no month 13"),
        ("4.13.2021", "there is no month 13"),
        ("1899", "the year must be between 1900 and 2200"),
        ("2201", "the year must be between 1900 and 2200"),
        ("Mar 1066", "the year must be between 1900 and 2200"),
        ("9999 years ago", "that is outside the years 1900 to 2200"),
        ("200 years ago", "that is outside the years 1900 to 2200"),
        ("in 9999 months", "that is outside the years 1900 to 2200"),
    ],
)
def test_rejects_impossible_dates_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(DateParseError) as info:
        parse(text)
    assert str(info.value) == f'could not read "{text}" as a date ({reason})'
    assert info.value.text == text
    assert info.value.reason == reason


def test_error_message_quotes_the_input() -> None:
    with pytest.raises(DateParseError) as info:
        parse("blorp")
    assert str(info.value) == (
        'could not read "blorp" as a date '
        "(try 2019, Mar 2021, 2021-03-04, 3 years ago, next friday)"
    )
    assert isinstance(info.value, ValueError)


def test_error_message_keeps_long_or_multiline_input_short() -> None:
    with pytest.raises(DateParseError) as info:
        parse("line one\nline two " + "x" * 100)
    message = str(info.value)
    assert "\n" not in message
    assert '"line one line two xxx' in message
    assert "…" in message
    assert len(message) < 140


@given(text=st.text())
@example(text="\x00")
@example(text="99999999999999999999 days ago")
@example(text="in 9999 years")
@example(text="9999-99-99")
@example(text="Mar 99, 2021")
def test_never_raises_anything_but_date_parse_error(text: str) -> None:
    try:
        result = parse(text)
    except DateParseError as exc:
        error: DateParseError | None = exc
    else:
        error = None
        assert 1900 <= result.value.year <= 2200
    assert error is None or error.text == text


_TOKENS = st.sampled_from(
    [
        "a",
        "an",
        "in",
        "ago",
        "next",
        "last",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "mar",
        "march",
        "sept",
        "friday",
        "today",
        "th",
        ",",
        ".",
        "/",
        "-",
        "twelve",
    ]
)
_NUMBERS = st.integers(min_value=0, max_value=99999).map(str)


@given(
    parts=st.lists(_TOKENS | _NUMBERS, min_size=1, max_size=5),
    sep=st.sampled_from([" ", "", "-", "/", "."]),
    today=st.dates(),
)
def test_never_raises_on_date_like_token_soup(parts: list[str], sep: str, today: date) -> None:
    """Near-miss inputs reach deeper into the grammar than random text does."""
    try:
        result = parse_loose_date(sep.join(parts), today)
    except DateParseError:
        return
    assert 1900 <= result.value.year <= 2200


# --- round trips ------------------------------------------------------------------------------


@given(d=VALID_DATES)
def test_iso_round_trip(d: date) -> None:
    assert parse(d.isoformat()) == LooseDate(d, DAY)


@given(d=VALID_DATES)
def test_numeric_forms_round_trip(d: date) -> None:
    assert parse(f"{d.month}/{d.day}/{d.year}") == LooseDate(d, DAY)
    assert parse(f"{d.day}.{d.month}.{d.year}") == LooseDate(d, DAY)
    assert parse(f"{d.year}-{d.month:02d}") == LooseDate(d.replace(day=1), MONTH)
    assert parse(str(d.year)) == LooseDate(d.replace(month=1, day=1), YEAR)


@given(d=VALID_DATES)
def test_named_month_forms_round_trip(d: date) -> None:
    full = _FULL_MONTHS[d.month - 1]
    assert parse(f"{d.day} {full} {d.year}") == LooseDate(d, DAY)
    assert parse(f"{full} {d.day}, {d.year}") == LooseDate(d, DAY)
    assert parse(f"{full.upper()} {d.year}") == LooseDate(d.replace(day=1), MONTH)


_FULL_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@given(d=VALID_DATES, precision=st.sampled_from(DatePrecision))
def test_format_then_parse_round_trips(d: date, precision: DatePrecision) -> None:
    expected = {
        DAY: d,
        MONTH: d.replace(day=1),
        YEAR: d.replace(month=1, day=1),
    }[precision]
    assert parse(format_loose_date(d, precision)) == LooseDate(expected, precision)


# --- formatting -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "precision", "text"),
    [
        (date(2019, 6, 7), YEAR, "2019"),
        (date(2021, 3, 1), MONTH, "Mar 2021"),
        (date(2021, 3, 4), DAY, "4 Mar 2021"),
        (date(2021, 12, 25), DAY, "25 Dec 2021"),
        (date(2021, 9, 30), MONTH, "Sep 2021"),
    ],
)
def test_format_loose_date(value: date, precision: DatePrecision, text: str) -> None:
    assert format_loose_date(value, precision) == text


# --- time since -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("then", "precision", "text"),
    [
        (None, None, "never"),
        (None, DAY, "never"),
        (TODAY, DAY, "today"),
        (TODAY, None, "today"),
        (date(2024, 5, 14), DAY, "yesterday"),
        (date(2024, 5, 13), DAY, "2 days"),
        (date(2024, 5, 2), DAY, "13 days"),
        (date(2024, 5, 1), DAY, "2 weeks"),
        (date(2024, 4, 24), DAY, "3 weeks"),
        (date(2024, 3, 16), DAY, "8 weeks"),
        (date(2024, 3, 15), DAY, "2 months"),
        (date(2023, 5, 16), DAY, "11 months"),
        (date(2023, 5, 15), DAY, "about 1 year"),
        (date(2021, 5, 16), DAY, "about 2 years"),
        (date(2014, 1, 1), DAY, "about 10 years"),
        (date(2024, 5, 16), DAY, "tomorrow"),
        (date(2024, 5, 18), DAY, "in 3 days"),
        (date(2024, 5, 29), DAY, "in 2 weeks"),
        (date(2024, 9, 15), DAY, "in 4 months"),
        (date(2026, 6, 1), DAY, "in about 2 years"),
        # Month precision: never finer than months.
        (date(2024, 5, 1), MONTH, "this month"),
        (date(2024, 5, 31), MONTH, "this month"),
        (date(2024, 4, 1), MONTH, "1 month"),
        (date(2024, 2, 1), MONTH, "3 months"),
        (date(2023, 5, 1), MONTH, "about 1 year"),
        (date(2019, 3, 1), MONTH, "about 5 years"),
        (date(2024, 6, 1), MONTH, "in 1 month"),
        (date(2025, 7, 1), MONTH, "in about 1 year"),
        # Year precision: never finer than years.
        (date(2024, 1, 1), YEAR, "this year"),
        (date(2023, 1, 1), YEAR, "about 1 year"),
        (date(2019, 1, 1), YEAR, "about 5 years"),
        (date(2026, 1, 1), YEAR, "in about 2 years"),
    ],
)
def test_time_since(then: date | None, precision: DatePrecision | None, text: str) -> None:
    assert time_since(then, precision, TODAY) == text


_TIME_SINCE_FORMS = re.compile(
    r"never|today|yesterday|tomorrow|this (month|year)"
    r"|(in )?(1 (day|week|month)|([2-9]|[1-9]\d+) (days|weeks|months))"
    r"|(in )?about (1 year|([2-9]|[1-9]\d+) years)"
)


@given(then=st.dates(), today=st.dates(), precision=st.sampled_from(DatePrecision))
def test_time_since_is_always_short_and_well_formed(
    then: date, today: date, precision: DatePrecision
) -> None:
    text = time_since(then, precision, today)
    assert _TIME_SINCE_FORMS.fullmatch(text), text
    finer = {YEAR: ("month", "week", "day"), MONTH: ("week", "day"), DAY: ()}[precision]
    assert not any(unit in text for unit in finer), text
    assert text.startswith("in ") == (
        then > today and text not in ("this month", "this year", "tomorrow")
    )


def test_months_between() -> None:
    assert months_between(TODAY, TODAY) == 0
    assert months_between(date(2023, 5, 15), TODAY) == pytest.approx(12, abs=0.05)
    assert months_between(date(2024, 6, 15), TODAY) < 0


def test_plain_string_precision_is_accepted() -> None:
    """Rows read straight from storage may carry the enum's string value."""
    assert time_since(date(2019, 1, 1), "year", TODAY) == "about 5 years"  # type: ignore[arg-type]
    assert format_loose_date(date(2021, 3, 4), "month") == "Mar 2021"  # type: ignore[arg-type]
