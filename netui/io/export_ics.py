"""Upcoming follow-ups as an iCalendar file (RFC 5545) that any calendar app imports.

One all-day event per follow-up (``DTSTART;VALUE=DATE`` and ``DTEND`` the next day, as
RFC 5545 wants for a one-day event), marked free time (``TRANSP:TRANSPARENT``) so it never
blocks a meeting slot. Its ``UID`` is ``followup-<contact id>-<yyyymmdd>@netui``: importing
a newer export updates the same events instead of adding copies, and a follow-up moved to
another day is a new event. The summary is "Follow up with <name>"; the description says
where they work and how the last contact went.

Text is escaped and lines folded as :mod:`netui.io.content_lines` describes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TextIO

from netui.io.content_lines import CRLF, escape_text, property_line

__all__ = ["PRODID", "FollowUpEvent", "LastContact", "event_uid", "vevent", "write_ics"]

PRODID = "-//netui//netui follow-ups//EN"
CALENDAR_NAME = "netui follow-ups"


@dataclass(frozen=True, slots=True)
class LastContact:
    """The latest logged call or message with someone."""

    day: date  # in the user's time zone
    channel: str
    outcome: str  # as words: "left message"
    note: str


@dataclass(frozen=True, slots=True)
class FollowUpEvent:
    """What one calendar event needs to know about a follow-up."""

    contact_id: int
    full_name: str
    day: date
    company: str = ""
    title: str = ""
    last_contact: LastContact | None = None


def event_uid(contact_id: int, day: date) -> str:
    return f"followup-{contact_id}-{day:%Y%m%d}@netui"


def _description(event: FollowUpEvent) -> str:
    lines = []
    if event.title and event.company:
        lines.append(f"{event.title} at {event.company}")
    elif event.title or event.company:
        lines.append(event.title or event.company)
    last = event.last_contact
    if last is not None:
        text = f"Last contact {last.day.isoformat()} ({last.channel}, {last.outcome})"
        lines.append(f"{text}: {last.note}" if last.note else text)
    return "\n".join(lines)


def vevent(event: FollowUpEvent, stamp: datetime) -> str:
    """One VEVENT, CRLF line endings included; ``stamp`` is when the file was made."""
    description = _description(event)
    lines = [
        f"BEGIN:VEVENT{CRLF}",
        property_line("UID", event_uid(event.contact_id, event.day)),
        f"DTSTAMP:{stamp.astimezone(UTC):%Y%m%dT%H%M%SZ}{CRLF}",
        f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}{CRLF}",
        f"DTEND;VALUE=DATE:{event.day + timedelta(days=1):%Y%m%d}{CRLF}",
        property_line("SUMMARY", escape_text(f"Follow up with {event.full_name}")),
    ]
    if description:
        lines.append(property_line("DESCRIPTION", escape_text(description)))
    lines.append(f"TRANSP:TRANSPARENT{CRLF}")
    lines.append(f"END:VEVENT{CRLF}")
    return "".join(lines)


def write_ics(events: Iterable[FollowUpEvent], out: TextIO, stamp: datetime) -> int:
    """Write a VCALENDAR with one VEVENT per follow-up to ``out`` (opened with
    ``newline=""``); returns how many events. ``stamp`` (aware) becomes every DTSTAMP."""
    out.write(
        f"BEGIN:VCALENDAR{CRLF}VERSION:2.0{CRLF}PRODID:{PRODID}{CRLF}"
        f"CALSCALE:GREGORIAN{CRLF}METHOD:PUBLISH{CRLF}"
        + property_line("X-WR-CALNAME", escape_text(CALENDAR_NAME))
    )
    count = 0
    for event in events:
        out.write(vevent(event, stamp))
        count += 1
    out.write(f"END:VCALENDAR{CRLF}")
    return count
