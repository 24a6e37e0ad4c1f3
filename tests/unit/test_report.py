"""The weekly review's pure parts: which week is meant, and the sections that look ahead."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from netui.domain.report import Row, Section, Table, UserText, Week, WeekReport, read_week, week_of
from netui.domain.report_sections import (
    FollowUpDue,
    NextPerson,
    follow_ups_section,
    next_people,
    next_section,
)
from netui.domain.types import Top20Progress
from netui.errors import ValidationError

TODAY = date(2026, 11, 26)  # a Thursday
MONDAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("", MONDAY),
        ("  This  Week ", MONDAY),
        ("last", date(2026, 11, 16)),
        ("last week", date(2026, 11, 16)),
        ("2026-11-23", MONDAY),
        ("2026-11-29", MONDAY),  # the Sunday ends the same week
        ("2026-11-30", None),  # next Monday: not begun
        ("2026-11-18", date(2026, 11, 16)),
        ("last friday", date(2026, 11, 16)),
        ("3 weeks ago", date(2026, 11, 2)),
        ("yesterday", MONDAY),
        ("2025-12-31", date(2025, 12, 29)),
    ],
)
def test_the_week_a_user_means(text: str, start: date | None) -> None:
    if start is None:
        with pytest.raises(ValidationError, match="has not begun"):
            read_week(text, TODAY)
    else:
        assert read_week(text, TODAY) == Week(start)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Nov 2026", "is not one day"),
        ("2025", "is not one day"),
        ("whenever", "whenever"),
        ("in 2 weeks", "has not begun (it starts Mon 7 Dec 2026)"),
    ],
)
def test_a_week_that_cannot_be_told_is_said_so(text: str, words: str) -> None:
    with pytest.raises(ValidationError) as raised:
        read_week(text, TODAY)
    assert raised.value.field == "week"
    assert words in raised.value.message


def test_a_week_runs_monday_to_sunday() -> None:
    week = week_of(TODAY)
    assert (week.start, week.end) == (MONDAY, date(2026, 11, 29))
    assert week.days == tuple(MONDAY + timedelta(days=n) for n in range(7))
    assert TODAY in week
    assert date(2026, 11, 30) not in week
    with pytest.raises(ValueError, match="Monday"):
        Week(TODAY)


@pytest.mark.parametrize(
    ("start", "label"),
    [
        (MONDAY, "23–29 Nov 2026"),
        (date(2026, 11, 30), "30 Nov – 6 Dec 2026"),
        (date(2026, 12, 28), "28 Dec 2026 – 3 Jan 2027"),
    ],
)
def test_a_week_is_named_as_people_write_it(start: date, label: str) -> None:
    assert Week(start).label == label
    assert WeekReport(Week(start), TODAY).title == f"Weekly review: {label}"


def test_the_subtitle_says_when_the_week_is_not_over() -> None:
    assert "not over yet" in WeekReport(week_of(TODAY), TODAY).subtitle
    assert "not over" not in WeekReport(Week(date(2026, 11, 16)), TODAY).subtitle


def due(contact_id: int, name: str, offset: int) -> FollowUpDue:
    return FollowUpDue(contact_id, name, f"Company {contact_id}", TODAY + timedelta(days=offset))


def test_follow_ups_coming_are_the_overdue_ones_then_the_next_seven_days() -> None:
    section = follow_ups_section(
        [due(1, "Late Lou", -3), due(2, "Week End", 6), due(3, "Too Far", 7), due(4, "Now", 0)],
        TODAY,
    )
    assert section.table is not None
    rows = section.table.rows
    assert [r.cells[1] for r in rows] == [
        UserText("Late Lou"),
        UserText("Now"),
        UserText("Week End"),
    ]
    assert [r.marked for r in rows] == [True, False, False]
    assert rows[0].cells[0] == "overdue by 3 days (was due Mon 23 Nov 2026)"
    assert rows[1].cells[0] == "today (Thu 26 Nov 2026)"
    assert rows[2].cells[0] == "Wed 2 Dec 2026"
    assert section.lines == ("3 follow-ups due by Wed 2 Dec 2026, 1 of them overdue.",)
    assert section.more == ""


def test_a_long_backlog_of_follow_ups_is_counted_not_listed() -> None:
    backlog = [due(n, f"Person {n:03}", -n) for n in range(1, 101)]
    section = follow_ups_section(backlog, TODAY, shown=30)
    assert section.table is not None
    assert len(section.table.rows) == 30
    assert section.table.rows[0].cells[1] == UserText("Person 100")  # the oldest first
    assert section.more == "… and 70 more."
    assert section.lines == ("100 follow-ups due by Wed 2 Dec 2026, 100 of them overdue.",)


def test_no_follow_ups_says_so() -> None:
    section = follow_ups_section([due(1, "Later", 30)], TODAY)
    assert section.table is None
    assert section.lines == ()
    assert section.empty.startswith("No follow-up is due")


def test_who_is_next_with_the_top20_against_its_goal() -> None:
    people = [NextPerson(n, f"P{n}", "", f"Top 20 #{n}") for n in range(1, 4)]
    section = next_section(people, Top20Progress(size=20, reached=7), shown=2)
    assert section.lines == ("Top 20: 7 of 20 reached (goal: 10, 3 more to reach the goal).",)
    assert section.table is not None
    assert [r.cells for r in section.table.rows] == [
        (UserText("P1"), UserText(""), "Top 20 #1"),
        (UserText("P2"), UserText(""), "Top 20 #2"),
    ]
    assert section.more == "… and 1 more (netui today lists them)."
    done = next_section([], Top20Progress(size=20, reached=11))
    assert done.lines == ("Top 20: 11 of 20 reached (goal: 10, goal reached).",)
    assert done.table is None
    assert done.empty
    assert next_section([], Top20Progress(0, 0)).lines == ()


def test_a_table_row_has_a_cell_per_header() -> None:
    with pytest.raises(ValueError, match="2 cells for 3 headers"):
        Table(("a", "b", "c"), (Row(("x", "y")),))


def test_a_section_is_found_by_its_key() -> None:
    report = WeekReport(week_of(TODAY), TODAY, (Section("next", "Who is next"),))
    assert report.section("next").title == "Who is next"
    with pytest.raises(KeyError):
        report.section("time")


def test_who_is_next_is_the_top20_not_reached_then_the_queue_each_once() -> None:
    top20 = [NextPerson(2, "Bo", "", "Top 20 #1, not reached yet"), NextPerson(3, "Cy", "", "x")]
    queue = [
        NextPerson(2, "Bo", "", "Top 20 #1"),
        NextPerson(9, "Di", "", "follow-up due today"),
        NextPerson(3, "Cy", "", "Top 20 #2"),
    ]
    assert [(p.contact_id, p.why) for p in next_people(top20, queue)] == [
        (2, "Top 20 #1, not reached yet"),
        (3, "x"),
        (9, "follow-up due today"),
    ]
