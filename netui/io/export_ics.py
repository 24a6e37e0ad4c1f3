"""Follow-ups as an iCalendar file (RFC 5545) that any calendar app imports.

One all-day event per follow-up (``DTSTART;VALUE=DATE`` and ``DTEND`` the next day, as
RFC 5545 wants for a one-day event), marked free time (``TRANSP:TRANSPARENT``) so it never
blocks a meeting slot. Its ``UID`` is ``followup-<contact id>-<yyyymmdd>@netui``, from the
day the follow-up was due: importing a newer export updates the same events instead of
adding copies, and a follow-up moved to another day is a new event. The summary is
"Follow up with <name>"; the description says where they work and how the last contact
went.

An overdue follow-up (due before the day of the export) is the one most worth a reminder,
and an event in the past reminds no one: it is put on the day of the export, its summary
starts "Overdue:" and its description begins with the day it was due. Its UID is still
that of the day it was due, so tomorrow's export moves the same event on.

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
    """What one calendar event needs to know about a follow-up (``day``: when it is due)."""

    contact_id: int
    full_name: str
    day: date
    company: str = ""
    title: str = ""
    last_contact: LastContact | None = None


def event_uid(contact_id: int, day: date) -> str:
    return f"followup-{contact_id}-{day:%Y%m%d}@netui"


def _description(event: FollowUpEvent, overdue: bool) -> str:
    lines = [f"Overdue: it was due on {event.day.isoformat()}"] if overdue else []
    if event.title and event.company:
        lines.append(f"{event.title} at {event.company}")
    elif event.title or event.company:
        lines.append(event.title or event.company)
    last = event.last_contact
    if last is not None:
        text = f"Last contact {last.day.isoformat()} ({last.channel}, {last.outcome})"
        lines.append(f"{text}: {last.note}" if last.note else text)
    return "\n".join(lines)


def vevent(event: FollowUpEvent, stamp: datetime, today: date) -> str:
    """One VEVENT, CRLF line endings included; ``stamp`` is when the file was made and
    ``today`` the day it was made on (a follow-up due before it is overdue: it goes on
    ``today``)."""
    overdue = event.day < today
    on = today if overdue else event.day
    description = _description(event, overdue)
    summary = ("Overdue: follow up with " if overdue else "Follow up with ") + event.full_name
    lines = [
        f"BEGIN:VEVENT{CRLF}",
        property_line("UID", event_uid(event.contact_id, event.day)),
        f"DTSTAMP:{stamp.astimezone(UTC):%Y%m%dT%H%M%SZ}{CRLF}",
        f"DTSTART;VALUE=DATE:{on:%Y%m%d}{CRLF}",
        f"DTEND;VALUE=DATE:{on + timedelta(days=1):%Y%m%d}{CRLF}",
        property_line("SUMMARY", escape_text(summary)),
    ]
    if description:
        lines.append(property_line("DESCRIPTION", escape_text(description)))
    lines.append(f"TRANSP:TRANSPARENT{CRLF}")
    lines.append(f"END:VEVENT{CRLF}")
    return "".join(lines)


def write_ics(events: Iterable[FollowUpEvent], out: TextIO, stamp: datetime, today: date) -> int:
    """Write a VCALENDAR with one VEVENT per follow-up to ``out`` (opened with
    ``newline=""``); returns how many events. ``stamp`` (aware) becomes every DTSTAMP;
    follow-ups due before ``today`` (the day of ``stamp`` where the user is) go on it."""
    out.write(
        f"BEGIN:VCALENDAR{CRLF}VERSION:2.0{CRLF}PRODID:{PRODID}{CRLF}"
        f"CALSCALE:GREGORIAN{CRLF}METHOD:PUBLISH{CRLF}"
        + property_line("X-WR-CALNAME", escape_text(CALENDAR_NAME))
    )
    count = 0
    for event in events:
        out.write(vevent(event, stamp, today))
        count += 1
    out.write(f"END:VCALENDAR{CRLF}")
    return count
