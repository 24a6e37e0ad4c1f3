"""Free gaps between busy stretches, inside waking hours, over the coming days."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from timezones import zone

from netui.domain.free_gaps import (
    Gap,
    WakingHours,
    free_gaps,
    merge_busy,
    parse_waking_hours,
)

DAY = date(2026, 11, 30)  # a Monday


NEW_YORK = zone("America/New_York")


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=UTC)


def spans(gaps: list[Gap]) -> list[tuple[str, str]]:
    return [(f"{g.start:%d %H:%M}", f"{g.end:%d %H:%M}") for g in gaps]


def test_gaps_are_the_waking_hours_less_the_busy_times_in_any_order() -> None:
    busy = [(at(12), at(13)), (at(9), at(10, 30)), (at(10), at(11)), (at(21, 50), at(23))]
    gaps = free_gaps(busy, today=DAY, zone=UTC, days=1)
    assert spans(gaps) == [
        ("30 07:00", "30 09:00"),
        ("30 11:00", "30 12:00"),
        ("30 13:00", "30 21:50"),
    ]
    assert [g.minutes for g in gaps] == [120, 60, 530]


def test_short_gaps_and_time_already_past_are_not_offered() -> None:
    busy = [(at(9), at(10)), (at(10, 10), at(12))]
    gaps = free_gaps(busy, today=DAY, zone=UTC, days=1, now=at(8, 30))
    assert spans(gaps) == [("30 08:30", "30 09:00"), ("30 12:00", "30 22:00")]
    assert free_gaps([], today=DAY, zone=UTC, days=1, now=at(23)) == []


def test_each_of_the_coming_days_gets_its_own_window() -> None:
    busy = [(at(0), at(0, day=DAY + timedelta(days=1)))]  # an all-day event on Monday
    gaps = free_gaps(busy, today=DAY, zone=UTC, waking=WakingHours(time(8), time(9)))
    assert spans(gaps)[0] == ("01 08:00", "01 09:00")
    assert len(gaps) == 6


def test_waking_hours_stay_on_the_clock_across_a_daylight_saving_change() -> None:
    sunday = date(2026, 11, 1)  # New York falls back at 02:00
    gaps = free_gaps([], today=sunday, zone=NEW_YORK, days=2, waking=WakingHours(time(1), time(4)))
    local = [(g.start.astimezone(NEW_YORK), g.end.astimezone(NEW_YORK)) for g in gaps]
    assert [(s.hour, e.hour) for s, e in local] == [(1, 4), (1, 4)]
    assert [g.minutes for g in gaps] == [4 * 60, 3 * 60]  # the repeated hour is real time


def test_merging_joins_touching_and_overlapping_stretches() -> None:
    assert merge_busy(
        [(at(10), at(11)), (at(9), at(10)), (at(12), at(12)), (at(10), at(10, 30))]
    ) == [(at(9), at(11))]


@given(
    st.lists(
        st.tuples(st.integers(0, 24 * 60), st.integers(1, 300)).map(
            lambda p: (at(0) + timedelta(minutes=p[0]), at(0) + timedelta(minutes=p[0] + p[1]))
        ),
        max_size=8,
    )
)
def test_no_gap_overlaps_a_busy_stretch_or_leaves_waking_hours(
    busy: list[tuple[datetime, datetime]],
) -> None:
    hours = WakingHours()
    for gap in free_gaps(busy, today=DAY, zone=UTC, days=1, waking=hours):
        assert at(7) <= gap.start < gap.end <= at(22)
        assert gap.minutes >= 15
        assert all(gap.end <= start or gap.start >= end for start, end in busy)


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("7-22", WakingHours(time(7), time(22))),
        (" 06:30 - 23:15 ", WakingHours(time(6, 30), time(23, 15))),
        ("0-24", WakingHours(time(0), time.max)),
    ],
)
def test_waking_hours_are_read_as_typed(text: str, hours: WakingHours) -> None:
    assert parse_waking_hours(text) == hours


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("mornings", "could not read"),
        ("7:75-22", "not a time of day"),
        ("25-26", "not a time of day"),
        ("22-7", "must end after"),
    ],
)
def test_unreadable_waking_hours_say_why(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_waking_hours(text)
