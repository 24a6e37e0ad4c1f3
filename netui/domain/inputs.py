"""Reading what people type into a field: one set of rules for the app's forms and the CLI.

Each reader takes the typed text (and, where it matters, today, or now and the user's time
zone: it never reads the clock) and returns the value to store, or raises
:class:`InputError`. The message quotes what was typed and never names the field, so it
reads the same under a form's field as after the CLI's option name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Concatenate, ParamSpec, TypeVar

from netui.domain.cadence import CadenceError, parse_cadence
from netui.domain.clean_text import clean_line
from netui.domain.dates import DateParseError, format_loose_date, parse_loose_date, shown_input
from netui.domain.types import DatePrecision, LooseDate
from netui.domain.validation import check_email, check_linkedin, check_phone, split_list
from netui.errors import ValidationError

__all__ = [
    "FUTURE_TOLERANCE",
    "FieldReader",
    "InputError",
    "read_cadence",
    "read_emails",
    "read_follow_up",
    "read_last_contact",
    "read_linkedin",
    "read_list",
    "read_phones",
    "read_strength",
    "read_when",
]

# Clocks drift; a few minutes ahead is not "the future".
FUTURE_TOLERANCE = timedelta(minutes=5)
NOON = time(12, 0)
_NO_DATE_WORDS = frozenset({"", "never", "none"})
_NOW_WORDS = frozenset({"", "now", "just now"})
_WHEN_HINT = "try yesterday 14:30, last friday or 2024-03-04 3pm"

P = ParamSpec("P")
T = TypeVar("T")


class InputError(ValueError):
    """Typed text that breaks its field's rule; the message is shown as it is."""


class FieldReader:
    """Reads a form's fields in turn, keeping a message per bad field instead of stopping.

    A field whose text breaks its rule reads as if it were blank (every reader accepts
    blank), so the fields after it are still checked and a form can mark them all at once.
    """

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def read(
        self,
        field: str,
        reader: Callable[Concatenate[str, P], T],
        text: str,
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        try:
            return reader(text, *args, **kwargs)
        except InputError as error:
            self.errors[field] = str(error)
            return reader("", *args, **kwargs)


def _words(text: str) -> str:
    return " ".join(text.split()).lower()


def _loose_date(text: str, today: date) -> LooseDate:
    try:
        return parse_loose_date(text, today)
    except DateParseError as error:
        raise InputError(str(error)) from None


# --- dates ------------------------------------------------------------------------------------


def read_last_contact(text: str, today: date) -> LooseDate | None:
    """When you last spoke, as loosely as remembered; blank, never or none mean not yet."""
    if _words(text) in _NO_DATE_WORDS:
        return None
    loose = _loose_date(text, today)
    if loose.value > today:
        understood = format_loose_date(loose.value, loose.precision)
        raise InputError(
            f'"{shown_input(text)}" is {understood}, in the future;'
            " a last contact has already happened"
        )
    return loose


def read_follow_up(text: str, today: date) -> date | None:
    """When to follow up, loosely (``next friday``, ``in 2 weeks``); blank or never: none."""
    if _words(text) in _NO_DATE_WORDS:
        return None
    return _loose_date(text, today).value


# --- when something happened -----------------------------------------------------------------

# A time of day at the end: "14:30", "3pm", "at 9:05 a.m.", or glued on as in "2024-03-04T14:30".
_AM_PM_AT_END = re.compile(
    r"(?:^|\s+|(?<=\d)T)(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?$",
    re.IGNORECASE | re.ASCII,
)
_CLOCK_AT_END = re.compile(
    r"(?:^|\s+|(?<=\d)T)(?:at\s+)?(\d{1,2}):(\d{2})()$", re.IGNORECASE | re.ASCII
)


def _split_time_of_day(text: str) -> tuple[str, time | None]:
    """Split ``yesterday 14:30`` or ``2024-03-04 3pm`` into the day's text and the time.

    A time alone (``3pm``) is today's; text without a time comes back whole with None.
    """
    match = _CLOCK_AT_END.search(text) or _AM_PM_AT_END.search(text)
    if match is None:
        return text, None
    hour, minute, half = int(match[1]), int(match[2] or 0), (match[3] or "").lower()
    if half:
        if not 1 <= hour <= 12:
            raise InputError(f'"{match[0].strip()}" is not a time of day')
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        raise InputError(f'"{match[0].strip()}" is not a time of day')
    return text[: match.start()].strip() or "today", time(hour, minute)


def read_when(text: str, now: datetime, zone: tzinfo) -> datetime | None:
    """When something happened: a day with an optional time of day, never in the future.

    None means now (blank, ``now``, or today without a time). Another day without a time
    is taken as noon. Times are in ``zone`` with its rules for that day (summer time or
    not), and up to :data:`FUTURE_TOLERANCE` ahead of ``now`` is still allowed.
    """
    if _words(text) in _NOW_WORDS:
        return None
    day_text, at = _split_time_of_day(" ".join(text.split()))
    today = now.astimezone(zone).date()
    loose = _loose_date(day_text, today)
    if loose.precision is not DatePrecision.DAY:
        raise InputError(f'"{shown_input(day_text)}" is not a single day; {_WHEN_HINT}')
    if at is None:
        if loose.value == today:
            return None
        at = NOON
    when = datetime.combine(loose.value, at, tzinfo=zone)
    if when > now + FUTURE_TOLERANCE:
        raise InputError(f'"{shown_input(text)}" is in the future; log things once they happened')
    return when


# --- other fields -----------------------------------------------------------------------------


def read_strength(text: str) -> int | None:
    """How well you know someone, 1 to 5; blank means not said."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if not (cleaned.isascii() and cleaned.isdigit()):
        raise InputError(f'"{shown_input(text)}" is not a number from 1 to 5')
    # Compared as text: int() of thousands of digits raises (Python caps its length).
    if cleaned.lstrip("0") not in ("1", "2", "3", "4", "5"):
        raise InputError(f"must be 1 to 5, not {shown_input(cleaned)}")
    return int(cleaned)


def read_cadence(text: str) -> str | None:
    """How often to keep in touch, as its storage code (``2w``); blank or none: no cadence."""
    try:
        cadence = parse_cadence(text)
    except CadenceError as error:
        raise InputError(str(error)) from None
    return cadence.code if cadence else None


def read_list(*texts: str) -> tuple[str, ...]:
    """Comma-separated entries, from one field or repeated options, without blanks or repeats."""
    return tuple(dict.fromkeys(item for text in texts for item in split_list(text)))


def _checked(check: Callable[[str], str], text: str) -> str:
    """``text`` cleaned and read by a rule of :mod:`netui.domain.validation`.

    Cleaned first, as saving cleans it, so that a stray control character is dropped here
    just as it would be there, never refused by one front end and kept by the other.
    """
    try:
        return check(clean_line(text))
    except ValidationError as error:
        raise InputError(error.message) from None


def read_emails(*texts: str) -> tuple[str, ...]:
    """Email addresses as :func:`read_list` reads them; the first that is not one is refused."""
    emails = read_list(*texts)
    for email in emails:
        _checked(check_email, email)
    return emails


def read_phones(*texts: str) -> tuple[str, ...]:
    """Phone numbers as :func:`read_list` reads them; the first that is not one is refused."""
    return tuple(dict.fromkeys(_checked(check_phone, phone) for phone in read_list(*texts)))


def read_linkedin(text: str) -> str:
    """A LinkedIn address, or a profile's handle made into one (blank: none)."""
    return _checked(check_linkedin, text)
