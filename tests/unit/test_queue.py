"""Today's queue: the Top 20 paced over weeks of weekdays, follow-ups, cadences, the order."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netui.domain.queue import (
    MAX_TOP20_ASKS,
    Candidate,
    Reason,
    Top20Pace,
    build_queue,
    top20_pace,
    weekdays_between,
)

MONDAY = date(2026, 11, 23)


def pace(size: int = 20, reached: int = 0, attempted: int = 0, **kwargs: object) -> Top20Pace:
    options: dict[str, object] = {"plan_start": MONDAY, "weeks": 4, "today": MONDAY}
    options.update(kwargs)
    return top20_pace(size=size, reached=reached, attempted_today=attempted, **options)  # type: ignore[arg-type]


def test_twenty_over_four_weeks_asks_one_a_weekday_and_on_pace_no_more() -> None:
    day, reached = MONDAY, 0
    asks: list[int] = []
    while len(asks) < 20:
        if day.weekday() < 5:
            today = pace(reached=reached, today=day)
            asks.append(today.ask_today)
            reached += today.ask_today  # each day's people reached
        day += timedelta(days=1)
    assert asks == [1] * 20
    assert day - MONDAY == timedelta(days=26)  # four weeks of weekdays
    assert pace(reached=20, today=day + timedelta(days=30)).ask_today == 0


def test_over_two_weeks_it_asks_two_a_day() -> None:
    assert pace(weeks=2).ask_today == 2
    assert pace(weeks=2, reached=2, today=MONDAY + timedelta(days=1)).ask_today == 2


def test_a_day_that_starts_behind_asks_for_more_up_to_a_limit() -> None:
    thursday = MONDAY + timedelta(days=3)
    late = pace(reached=1, today=thursday)  # four expected by tonight, one done
    assert (late.target, late.behind, late.ask_today) == (4, 2, 3)
    far_behind = pace(reached=0, today=MONDAY + timedelta(days=14), weeks=2)
    assert far_behind.target == 20
    assert far_behind.ask_today == MAX_TOP20_ASKS


def test_someone_called_today_without_an_answer_counts_as_done_for_today() -> None:
    assert pace(attempted=1).ask_today == 0
    assert pace(attempted=1).behind == 0


def test_the_weekend_adds_nothing_new_but_shows_what_is_behind() -> None:
    saturday = MONDAY + timedelta(days=5)
    assert pace(reached=5, today=saturday).ask_today == 0
    assert pace(reached=3, today=saturday).ask_today == 2
    assert pace(plan_start=saturday, today=saturday).ask_today == 0
    assert pace(plan_start=saturday, today=saturday + timedelta(days=2)).ask_today == 1


def test_a_small_top20_is_spread_the_same_way() -> None:
    assert [pace(size=5, today=MONDAY + timedelta(days=d)).target for d in (0, 3, 7, 14, 25)] == [
        1,
        1,
        2,
        3,
        5,
    ]
    assert pace(size=0).ask_today == 0


@given(st.dates(date(2020, 1, 1), date(2030, 1, 1)), st.integers(0, 60))
def test_weekdays_between_counts_monday_to_friday(first: date, length: int) -> None:
    last = first + timedelta(days=length)
    expected = sum(1 for n in range(length + 1) if (first + timedelta(days=n)).weekday() < 5)
    assert weekdays_between(first, last) == expected
    assert weekdays_between(last + timedelta(days=1), last) == 0


def person(contact_id: int, **fields: object) -> Candidate:
    defaults: dict[str, object] = {
        "name": f"Person {contact_id}",
        "company": "",
        "priority": 50.0,
    }
    defaults.update(fields)
    return Candidate(contact_id=contact_id, **defaults)  # type: ignore[arg-type]


TODAY = MONDAY + timedelta(days=3)


def test_the_queue_holds_the_paced_top20_then_everyone_due_by_priority() -> None:
    people = [
        person(1, top20_rank=2, priority=10.0),
        person(2, top20_rank=1, priority=5.0),
        person(3, top20_rank=3, reached=True),  # reached: not asked again
        person(4, top20_rank=4, touched_today=True),  # called today already
        person(5, top20_rank=5),
        person(6, follow_up=TODAY - timedelta(days=2), priority=40.0),
        person(7, follow_up=TODAY, priority=70.0),
        person(8, follow_up=TODAY + timedelta(days=1), priority=99.0),  # not yet
        person(9, cadence_due=TODAY - timedelta(days=12), cadence_label="monthly", priority=40.0),
        person(10, cadence_due=TODAY, touched_today=True, priority=90.0),  # done today
        person(11, cadence_due=TODAY + timedelta(days=3), priority=95.0),  # not yet
    ]
    today = Top20Pace(5, 1, 1, 4, 4, 4, 0, ask_today=2)
    queue = build_queue(people, today, TODAY).items
    assert [i.contact_id for i in queue] == [2, 1, 7, 9, 6]
    assert [i.reason for i in queue] == [
        Reason.TOP20,
        Reason.TOP20,
        Reason.FOLLOW_UP,
        Reason.CADENCE,
        Reason.FOLLOW_UP,
    ]
    assert [i.why for i in queue] == [
        "Top 20 #1",
        "Top 20 #2",
        "follow-up due today",
        "due by cadence (monthly), 12 days overdue",
        "follow-up overdue by 2 days",
    ]
    assert [i.days_overdue for i in queue] == [0, 0, 0, 12, 2]


def test_each_person_is_in_the_queue_once_with_every_reason() -> None:
    people = [
        person(1, top20_rank=1, follow_up=TODAY - timedelta(days=1), cadence_due=TODAY),
        person(2, top20_rank=2, reached=True, follow_up=TODAY),
    ]
    queue = build_queue(people, Top20Pace(2, 1, 0, 4, 4, 2, 0, ask_today=1), TODAY).items
    assert [(i.contact_id, i.reason, i.why) for i in queue] == [
        (1, Reason.TOP20, "Top 20 #1 · follow-up overdue by 1 day · due by cadence"),
        (2, Reason.FOLLOW_UP, "follow-up due today · Top 20 #2"),
    ]


@pytest.mark.parametrize("asks", [0, 1, 3, 10])
def test_never_more_top20_asks_than_the_pace_says(asks: int) -> None:
    people = [person(n, top20_rank=n) for n in range(1, 8)]
    queue = build_queue(people, Top20Pace(7, 0, 0, 4, 4, 7, 0, ask_today=asks), TODAY).items
    assert [i.top20_rank for i in queue] == list(range(1, min(asks, 7) + 1))


def test_equal_priorities_put_the_longest_overdue_first_then_names() -> None:
    people = [
        person(1, name="bea", follow_up=TODAY),
        person(2, name="Abe", follow_up=TODAY),
        person(3, name="Cy", follow_up=TODAY - timedelta(days=5)),
    ]
    queue = build_queue(people, Top20Pace(0, 0, 0, 4, 0, 0, 0, 0), TODAY).items
    assert [i.name for i in queue] == ["Cy", "Abe", "bea"]


@given(
    st.lists(
        st.tuples(st.integers(0, 30), st.integers(-3, 3), st.booleans(), st.booleans()),
        max_size=30,
    ),
    st.integers(0, 5),
    st.integers(0, 12),
)
def test_a_limited_queue_is_the_start_of_the_whole_one(
    rows: list[tuple[int, int, bool, bool]], asks: int, limit: int
) -> None:
    people = [
        person(
            n,
            priority=float(score),
            top20_rank=n if on_top20 else None,
            follow_up=TODAY - timedelta(days=late) if late >= -1 else None,
            cadence_due=TODAY if due else None,
        )
        for n, (score, late, on_top20, due) in enumerate(rows, start=1)
    ]
    pace = Top20Pace(0, 0, 0, 4, 0, 0, 0, ask_today=asks)
    whole = build_queue(people, pace, TODAY)
    assert whole.due == len(whole.items)
    assert len({i.contact_id for i in whole.items}) == whole.due
    some = build_queue(people, pace, TODAY, limit=limit)
    assert some.items == whole.items[:limit]
    assert some.due == whole.due
