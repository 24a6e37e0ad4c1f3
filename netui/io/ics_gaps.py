"""When the user is busy, read from a calendar export (.ics from Google, Outlook or Apple).

:func:`read_busy` returns the busy intervals of a window of days and any warnings; the
free gaps between them are :mod:`netui.domain.free_gaps`' job. What real exports contain,
and what happens to it:

- events come in any order, and recurring ones (``RRULE``, ``RDATE``, ``EXDATE``, moved
  occurrences) are expanded by ``recurring-ical-events``;
- cancelled events and events marked free (``TRANSP:TRANSPARENT``, or Outlook's
  ``X-MICROSOFT-CDO-BUSYSTATUS:FREE``) do not block time;
- all-day events are dates, not times: they block whole local days;
- floating times, and times in a zone nobody knows, are taken in the user's zone (a
  warning names the unknown zone once);
- a series whose repeat rule cannot be read is skipped with a warning naming it, and the
  rest of the file is read;
- a file that is not a calendar raises :class:`CalendarFileError` with a clear message.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any

from dateutil import tz

from netui.domain.clean_text import clean_line
from netui.errors import NetuiError

__all__ = ["MAX_FILE_BYTES", "CalendarBusy", "CalendarFileError", "read_busy"]

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Years of a busy calendar are a few megabytes; more than this is not a calendar export."""
_FREE_STATUSES = frozenset({"FREE"})
_PAD = timedelta(days=1)  # floating and all-day events are asked for with a day to spare

Interval = tuple[datetime, datetime]


class CalendarFileError(NetuiError):
    """The file cannot be read as a calendar; the message names the file."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        super().__init__(f"{path}: {problem}")


@dataclass(frozen=True, slots=True)
class CalendarBusy:
    busy: tuple[Interval, ...]
    """Busy intervals in UTC, in no particular order."""
    warnings: tuple[str, ...]
    events: int
    """How many occurrences in the window block time."""


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise CalendarFileError(path, "is too large to be a calendar export")
        return path.read_bytes()
    except IsADirectoryError:
        raise CalendarFileError(path, "is a folder, not a calendar file") from None
    except FileNotFoundError:
        raise CalendarFileError(path, "no such file") from None
    except OSError as error:
        raise CalendarFileError(path, error.strerror or str(error)) from None


def _calendars(path: Path, data: bytes) -> list[Any]:
    """The file's VCALENDARs, or a clear error for anything that is not a calendar."""
    import icalendar

    if not data.strip():
        raise CalendarFileError(path, "is empty, not a calendar (.ics) file")
    try:
        components = icalendar.Calendar.from_ical(data, multiple=True)
    except Exception:  # the parser's failures have no common type: all mean a bad file
        raise CalendarFileError(path, "is not a calendar (.ics) file") from None
    calendars = [c for c in components if getattr(c, "name", "") == "VCALENDAR"]
    if not calendars:
        raise CalendarFileError(path, "is not a calendar (.ics) file (it has no VCALENDAR)")
    return calendars


def _summary(event: Any) -> str:
    text = clean_line(str(event.get("SUMMARY", ""))) or "an event without a title"
    return text if len(text) <= 60 else text[:59] + "…"


def _blocks_time(event: Any) -> bool:
    if str(event.get("STATUS", "")).upper() == "CANCELLED":
        return False
    if str(event.get("TRANSP", "")).upper() == "TRANSPARENT":
        return False
    return str(event.get("X-MICROSOFT-CDO-BUSYSTATUS", "")).upper() not in _FREE_STATUSES


def _moment(value: date | datetime, zone: tzinfo) -> datetime:
    """A start or end as a UTC instant: dates are local midnights, floating times local."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, time.min)
    if value.tzinfo is None:
        value = tz.resolve_imaginary(value.replace(tzinfo=zone))
    return value.astimezone(UTC)


def _occurrences(calendar: Any, start: datetime, end: datetime) -> list[Any]:
    import recurring_ical_events

    return list(recurring_ical_events.of(calendar).between(start - _PAD, end + _PAD))


def _series(calendar: Any) -> Iterator[Any]:
    """The calendar split into one calendar per series (events sharing a UID)."""
    import icalendar

    zones = list(calendar.walk("VTIMEZONE"))
    groups: dict[str, list[Any]] = {}
    for position, event in enumerate(calendar.walk("VEVENT")):
        uid = str(event.get("UID", "")) or f"#{position}"
        groups.setdefault(uid, []).append(event)
    for events in groups.values():
        part = icalendar.Calendar()
        for name in ("X-WR-TIMEZONE", "CALSCALE"):
            if name in calendar:
                part.add(name, calendar[name])
        for component in (*zones, *events):
            part.add_component(component)
        yield part


def _why_skipped(series: Any, error: Exception) -> str:
    events = list(series.walk("VEVENT"))
    name = _summary(events[0]) if events else "a series"
    broken_rule = any(
        prop in ("RRULE", "RDATE", "EXDATE") for event in events for prop, _ in event.errors
    )
    reason = "its repeat rule cannot be read" if broken_rule else clean_line(str(error))[:80]
    return f'skipped "{name}": {reason}'


def _expand(
    calendars: Iterable[Any], start: datetime, end: datetime
) -> tuple[list[Any], list[str]]:
    """Every occurrence in the window; a series that cannot be expanded is skipped."""
    found: list[Any] = []
    warnings: list[str] = []
    for calendar in calendars:
        try:
            found += _occurrences(calendar, start, end)
        except Exception:  # some series is bad: read them one by one to skip only it
            pass
        else:
            continue
        for series in _series(calendar):
            try:
                found += _occurrences(series, start, end)
            except Exception as error:  # the library's failures: a series it cannot read
                warnings.append(_why_skipped(series, error))
    return found, warnings


def _unknown_zone(event: Any) -> str | None:
    """The TZID of a start the parser could not place (it came back floating)."""
    start = event.get("DTSTART")
    if start is None or not isinstance(start.dt, datetime) or start.dt.tzinfo is not None:
        return None
    zone_id = start.params.get("TZID")
    return str(zone_id) if zone_id else None


def read_busy(path: Path, start: datetime, end: datetime, zone: tzinfo) -> CalendarBusy:
    """The times the calendar at ``path`` is busy between ``start`` and ``end`` (aware)."""
    calendars = _calendars(path, _read_bytes(path))
    occurrences, warnings = _expand(calendars, start, end)
    busy: list[Interval] = []
    for event in occurrences:
        if not _blocks_time(event) or event.get("DTSTART") is None:
            continue
        begin = _moment(event["DTSTART"].dt, zone)
        finish = _moment(event["DTEND"].dt, zone) if event.get("DTEND") is not None else begin
        if begin < end and finish > start and finish > begin:
            busy.append((begin, finish))
    unknown = dict.fromkeys(
        zone_id
        for calendar in calendars
        for event in calendar.walk("VEVENT")
        if (zone_id := _unknown_zone(event)) is not None
    )
    warnings += [
        f'unknown time zone "{clean_line(name)[:60]}": its events were read in your own zone'
        for name in unknown
    ]
    return CalendarBusy(busy=tuple(busy), warnings=tuple(warnings), events=len(busy))
