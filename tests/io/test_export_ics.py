"""The iCalendar writer: a VCALENDAR any calendar app imports, one all-day event each."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from typing import Any

import vobject
from export_helpers import STAMP
from hypothesis import given
from hypothesis import strategies as st

from netui.io.export_ics import FollowUpEvent, LastContact, event_uid, vevent, write_ics

TODAY = date(2026, 11, 26)  # STAMP's day


def written(events: list[FollowUpEvent], stamp: datetime = STAMP, today: date = TODAY) -> str:
    out = io.StringIO(newline="")
    assert write_ics(events, out, stamp, today) == len(events)
    return out.getvalue()


def parsed(text: str) -> Any:
    calendar = vobject.readOne(io.StringIO(text, newline=""))
    assert calendar.name == "VCALENDAR"
    return calendar


EVENTS = [
    FollowUpEvent(
        contact_id=12,
        full_name="Dana Whitfield",
        day=date(2026, 12, 1),
        company="Tidewell Systems",
        title="Director of Operations",
        last_contact=LastContact(date(2026, 11, 20), "call", "left message", "Voicemail; try Tue"),
    ),
    FollowUpEvent(contact_id=3, full_name="Kwame Mensah", day=date(2026, 12, 31)),
]


def test_an_empty_calendar_is_still_a_calendar() -> None:
    text = written([])
    assert text.splitlines()[:5] == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//netui//netui follow-ups//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    assert text.endswith("END:VCALENDAR\r\n")
    assert "vevent" not in parsed(text).contents


def test_one_all_day_event_per_follow_up() -> None:
    text = written(EVENTS)
    calendar = parsed(text)
    events = calendar.vevent_list
    assert len(events) == 2
    first, second = events
    assert first.uid.value == "followup-12-20261201@netui"
    assert first.dtstart.value == date(2026, 12, 1)
    assert first.dtstart.params == {"VALUE": ["DATE"]}
    assert first.dtend.value == date(2026, 12, 2)
    assert first.dtstamp.value == datetime(2026, 11, 26, 15, 0, tzinfo=UTC)
    assert first.summary.value == "Follow up with Dana Whitfield"
    assert first.description.value == (
        "Director of Operations at Tidewell Systems\n"
        "Last contact 2026-11-20 (call, left message): Voicemail; try Tue"
    )
    assert first.transp.value == "TRANSPARENT"
    assert second.dtend.value == date(2027, 1, 1)  # across the year end
    assert "description" not in second.contents


def test_lines_end_in_crlf_and_fit_75_octets() -> None:
    long = FollowUpEvent(
        1, "Łukasz Zieliński " * 6, date(2026, 12, 1), "Café Noël " * 10, "天" * 40
    )
    text = written([long])
    assert text.endswith("\r\n")
    lines = text[:-2].split("\r\n")
    assert not any("\n" in line or "\r" in line for line in lines)
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert parsed(text).vevent.summary.value == f"Follow up with {long.full_name}"


def test_uid_is_stable_for_a_contact_and_day() -> None:
    assert event_uid(7, date(2027, 2, 3)) == "followup-7-20270203@netui"
    assert vevent(EVENTS[0], STAMP, TODAY) == vevent(EVENTS[0], STAMP, TODAY)


def test_an_overdue_follow_up_goes_on_today_marked_overdue() -> None:
    late = EVENTS[0]  # due 2026-12-01
    event = parsed(written([late], today=date(2026, 12, 4))).vevent
    assert event.dtstart.value == date(2026, 12, 4)
    assert event.dtend.value == date(2026, 12, 5)
    assert event.summary.value == "Overdue: follow up with Dana Whitfield"
    assert event.description.value.splitlines() == [
        "Overdue: it was due on 2026-12-01",
        "Director of Operations at Tidewell Systems",
        "Last contact 2026-11-20 (call, left message): Voicemail; try Tue",
    ]
    # The same follow-up keeps its event, whichever day it is exported on.
    assert event.uid.value == "followup-12-20261201@netui"
    on_the_day = parsed(written([late], today=date(2026, 12, 1))).vevent
    assert on_the_day.summary.value == "Follow up with Dana Whitfield"
    assert on_the_day.uid.value == event.uid.value
    bare = FollowUpEvent(3, "Kwame Mensah", date(2026, 11, 1))
    assert parsed(written([bare])).vevent.description.value == "Overdue: it was due on 2026-11-01"


def test_description_with_only_a_company_or_only_a_title() -> None:
    company = FollowUpEvent(1, "A", date(2026, 12, 1), company="Larkspur Labs")
    title = FollowUpEvent(2, "B", date(2026, 12, 1), title="Recruiter")
    events = parsed(written([company, title])).vevent_list
    assert [e.description.value for e in events] == ["Larkspur Labs", "Recruiter"]


_TEXT = st.text(
    st.one_of(
        st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")),
        st.sampled_from(list("\n;,:\\")),
    ),
    min_size=1,
    max_size=80,
)


@given(name=_TEXT.map(lambda v: v.replace("\n", " ")), note=_TEXT, company=_TEXT)
def test_hostile_text_comes_back_through_vobject(name: str, note: str, company: str) -> None:
    event = FollowUpEvent(
        5,
        name,
        date(2026, 12, 1),
        company=company.replace("\n", " "),
        last_contact=LastContact(date(2026, 11, 1), "email", "replied", note),
    )
    parsed_event = parsed(written([event])).vevent
    assert parsed_event.summary.value == f"Follow up with {name}"
    assert parsed_event.description.value == (
        f"{event.company}\nLast contact 2026-11-01 (email, replied): {note}"
    )
