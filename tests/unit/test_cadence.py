"""Keep-in-touch cadences: codes, labels, parsing and due dates."""

from __future__ import annotations

from datetime import date

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from netui.domain.cadence import (
    Cadence,
    CadenceError,
    days_overdue,
    next_due,
    parse_cadence,
)

TODAY = date(2024, 5, 15)
CADENCES = st.one_of(
    st.builds(Cadence, st.just("week"), st.integers(min_value=1, max_value=52)),
    st.builds(Cadence, st.just("month"), st.integers(min_value=1, max_value=24)),
)


@pytest.mark.parametrize(
    ("cadence", "code", "label"),
    [
        (Cadence("week", 1), "1w", "weekly"),
        (Cadence("week", 2), "2w", "every 2 weeks"),
        (Cadence("week", 3), "3w", "every 3 weeks"),
        (Cadence("month", 1), "1m", "monthly"),
        (Cadence("month", 3), "3m", "quarterly"),
        (Cadence("month", 6), "6m", "every 6 months"),
        (Cadence("month", 12), "12m", "yearly"),
        (Cadence("month", 24), "24m", "every 2 years"),
        (Cadence("week", 52), "52w", "every 52 weeks"),
    ],
)
def test_code_and_label(cadence: Cadence, code: str, label: str) -> None:
    assert cadence.code == code
    assert cadence.label == label
    assert Cadence.from_code(code) == cadence


def test_delta() -> None:
    assert Cadence("week", 2).delta == relativedelta(weeks=2)
    assert Cadence("month", 3).delta == relativedelta(months=3)
    assert Cadence("week", 2).approx_days == 14
    assert Cadence("month", 12).approx_days == pytest.approx(365.2425)


@pytest.mark.parametrize(
    ("unit", "count"),
    [("week", 0), ("week", 53), ("month", 0), ("month", 25), ("day", 3), ("month", -1)],
)
def test_constructor_rejects_out_of_range(unit: str, count: int) -> None:
    with pytest.raises(CadenceError):
        Cadence(unit, count)  # type: ignore[arg-type]


def test_constructor_rejects_non_integers() -> None:
    with pytest.raises(CadenceError):
        Cadence("week", True)
    with pytest.raises(CadenceError):
        Cadence("week", 2.0)  # type: ignore[arg-type]


def test_cadence_is_frozen_and_hashable() -> None:
    cadence = Cadence("week", 2)
    with pytest.raises(AttributeError):
        cadence.count = 3  # type: ignore[misc]
    assert {cadence, Cadence("week", 2)} == {cadence}


@pytest.mark.parametrize(
    "code", ["", "2", "w", "0w", "53w", "25m", "2d", "2W", " 2w", "2 w", "02w", "1y", "-1m", "2ww"]
)
def test_from_code_rejects_bad_codes(code: str) -> None:
    with pytest.raises(CadenceError):
        Cadence.from_code(code)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("weekly", Cadence("week", 1)),
        ("Weekly", Cadence("week", 1)),
        ("  WEEKLY ", Cadence("week", 1)),
        ("biweekly", Cadence("week", 2)),
        ("bi-weekly", Cadence("week", 2)),
        ("fortnightly", Cadence("week", 2)),
        ("every other week", Cadence("week", 2)),
        ("monthly", Cadence("month", 1)),
        ("quarterly", Cadence("month", 3)),
        ("every quarter", Cadence("month", 3)),
        ("half-yearly", Cadence("month", 6)),
        ("semiannually", Cadence("month", 6)),
        ("yearly", Cadence("month", 12)),
        ("annually", Cadence("month", 12)),
        ("every week", Cadence("week", 1)),
        ("every month", Cadence("month", 1)),
        ("every year", Cadence("month", 12)),
        ("every 3 weeks", Cadence("week", 3)),
        ("every  3   weeks", Cadence("week", 3)),
        ("every 1 week", Cadence("week", 1)),
        ("every 2 months", Cadence("month", 2)),
        ("every 2 years", Cadence("month", 24)),
        ("3 weeks", Cadence("week", 3)),
        ("3w", Cadence("week", 3)),
        ("3W", Cadence("week", 3)),
        ("3 w", Cadence("week", 3)),
        ("2m", Cadence("month", 2)),
        ("12m", Cadence("month", 12)),
        ("1y", Cadence("month", 12)),
        ("52w", Cadence("week", 52)),
        ("24m", Cadence("month", 24)),
    ],
)
def test_parse_cadence(text: str, expected: Cadence) -> None:
    assert parse_cadence(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "none", "None", "NONE", "never"])
def test_parse_cadence_none(text: str) -> None:
    assert parse_cadence(text) is None


@pytest.mark.parametrize(
    "text", ["blorp", "daily", "bimonthly", "week", "weeks", "every", "3", "every 3", "3x", "w3"]
)
def test_parse_cadence_rejects_with_quoted_input(text: str) -> None:
    with pytest.raises(CadenceError) as info:
        parse_cadence(text)
    assert str(info.value) == (
        f'could not read "{text}" as a cadence '
        "(try weekly, every 2 weeks, monthly, quarterly, 3m, or none)"
    )


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("every 53 weeks", "it must be between 1 and 52 weeks"),
        ("0w", "it must be between 1 and 52 weeks"),
        ("every 0 months", "it must be between 1 and 24 months"),
        ("25m", "it must be between 1 and 24 months"),
        ("every 3 years", "it must be between 1 and 24 months"),
        ("999w", "it must be between 1 and 52 weeks"),
    ],
)
def test_parse_cadence_rejects_out_of_range(text: str, reason: str) -> None:
    with pytest.raises(CadenceError) as info:
        parse_cadence(text)
    assert str(info.value) == f'could not read "{text}" as a cadence ({reason})'


@given(text=st.text())
def test_parse_cadence_raises_only_cadence_error(text: str) -> None:
    try:
        result = parse_cadence(text)
    except CadenceError:
        return
    assert result is None or isinstance(result, Cadence)


@given(cadence=CADENCES)
def test_code_label_round_trips(cadence: Cadence) -> None:
    assert Cadence.from_code(cadence.code) == cadence
    assert parse_cadence(cadence.code) == cadence
    assert parse_cadence(cadence.label) == cadence


def test_next_due() -> None:
    assert next_due(date(2024, 1, 31), Cadence("month", 1), TODAY) == date(2024, 2, 29)
    assert next_due(date(2024, 5, 1), Cadence("week", 2), TODAY) == date(2024, 5, 15)
    assert next_due(None, Cadence("month", 3), TODAY) == TODAY


@given(last=st.dates(max_value=date(9000, 1, 1)), cadence=CADENCES)
def test_next_due_equals_calendar_arithmetic(last: date, cadence: Cadence) -> None:
    assert next_due(last, cadence, TODAY) == last + cadence.delta


def test_next_due_past_the_end_of_time_is_never() -> None:
    assert next_due(date.max, Cadence("week", 1), TODAY) == date.max
    assert next_due(date(9999, 6, 1), Cadence("month", 12), TODAY) == date.max


def test_days_overdue() -> None:
    quarterly = Cadence("month", 3)
    assert days_overdue(date(2024, 2, 15), quarterly, TODAY) == 0  # due exactly today
    assert days_overdue(date(2024, 2, 14), quarterly, TODAY) == 1
    assert days_overdue(date(2024, 1, 15), quarterly, TODAY) == 30
    assert days_overdue(date(2024, 5, 1), quarterly, TODAY) == 0  # not yet due
    assert days_overdue(None, quarterly, TODAY) == 0  # due now, not late
    assert days_overdue(date(2025, 1, 1), quarterly, TODAY) == 0  # future contact date


@given(last=st.dates(max_value=date(9000, 1, 1)), today=st.dates(), cadence=CADENCES)
def test_days_overdue_is_never_negative(last: date, today: date, cadence: Cadence) -> None:
    late = days_overdue(last, cadence, today)
    assert late >= 0
    assert (late > 0) == (today > next_due(last, cadence, today))
