"""Loosely typed dates: parsing what people type, and wording how long ago it was.

People rarely remember exactly when they last spoke to someone, so a date carries a
precision (year, month or day) and nothing here ever claims more accuracy than was typed.

Parsing is a whitelist grammar: the normalised input must fully match one of a few
regular expressions, and the precision comes from which one matched. dateutil's
``parserinfo`` supplies the English month and weekday names and ``relativedelta`` does the
calendar arithmetic; ``dateutil.parser.parse`` itself is deliberately not used, because it
guesses (``"13/4/2021"`` silently becomes 13 April, ``"4.3.2021"`` becomes 3 April, ``"3"`` and
``"may"`` parse on their own), and each guess would be a wrong date stored without a word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

from netui.domain.types import DatePrecision, LooseDate

if TYPE_CHECKING:
    from dateutil.parser import parserinfo

__all__ = [
    "AVERAGE_MONTH_DAYS",
    "MAX_YEAR",
    "MIN_YEAR",
    "DateParseError",
    "format_loose_date",
    "months_between",
    "parse_loose_date",
    "shown_input",
    "time_since",
]

MIN_YEAR = 1900
MAX_YEAR = 2200
AVERAGE_MONTH_DAYS = 365.2425 / 12

_HINT = "try 2019, Mar 2021, 2021-03-04, 3 years ago, next friday"
_SHOWN_MAX = 40
_OUT_OF_RANGE = f"that is outside the years {MIN_YEAR} to {MAX_YEAR}"
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NAMES = (
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
)


@cache
def _names() -> parserinfo:
    """dateutil's English month and weekday names, loaded at the first parse: showing a
    date (the list, at start-up) never needs them."""
    from dateutil.parser import parserinfo

    return parserinfo()


# Common abbreviations dateutil's English tables lack (they list only Tue and Thu).
_EXTRA_WEEKDAYS = {"tues": 1, "weds": 2, "thur": 3, "thurs": 3}
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}


class DateParseError(ValueError):
    """Raised when typed text is not a date; the message quotes the input so users can fix it."""

    def __init__(self, text: str, reason: str | None = None) -> None:
        self.text = text
        self.reason = reason or _HINT
        super().__init__(f'could not read "{shown_input(text)}" as a date ({self.reason})')


class _InvalidDateError(Exception):
    """Internal: the text has a date's shape but names no real date (the reason says why)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def shown_input(text: str) -> str:
    """Quote input on one short line, so an error fits a status bar whatever was pasted."""
    flat = " ".join(text.split())
    return flat if len(flat) <= _SHOWN_MAX else flat[: _SHOWN_MAX - 1] + "…"


# --- parsing ----------------------------------------------------------------------------------

_NUM = r"(\d{1,4}|" + "|".join(_NUMBER_WORDS) + r")"
_UNIT = r"(day|week|month|year)s?"
_ORD = r"(?:st|nd|rd|th)?"
_FLAGS = re.ASCII


def _pattern(regex: str) -> re.Pattern[str]:
    return re.compile(regex, _FLAGS)


def _year(text: str) -> int:
    """Read a year and keep it in the range the app can sensibly hold."""
    year = int(text)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _InvalidDateError(f"the year must be between {MIN_YEAR} and {MAX_YEAR}")
    return year


def _month_number(text: str) -> int:
    month = int(text)
    if not 1 <= month <= 12:
        raise _InvalidDateError(f"there is no month {month}")
    return month


def _month_name(text: str) -> int | None:
    """Month number for an English month name or abbreviation, None if it is not one."""
    number: int | None = _names().month(text)
    return number


def _weekday(text: str) -> int | None:
    """Monday=0 weekday for an English weekday name or abbreviation, None if it is not one."""
    number: int | None = _names().weekday(text)
    return number if number is not None else _EXTRA_WEEKDAYS.get(text)


def _make_day(year: int, month: int, day: int) -> LooseDate:
    """Build a DAY-precision date, explaining impossible ones like 30 February."""
    try:
        return LooseDate(date(year, month, day), DatePrecision.DAY)
    except ValueError:
        raise _InvalidDateError(f"{_MONTH_NAMES[month - 1]} {year} has no day {day}") from None


def _count(text: str) -> int:
    return _NUMBER_WORDS[text] if text in _NUMBER_WORDS else int(text)


def _shift(today: date, count: int, unit: str) -> LooseDate:
    """Move ``count`` units from today; precision follows the unit the user thought in."""
    from dateutil.relativedelta import relativedelta

    try:
        if unit == "day":
            return LooseDate(today + relativedelta(days=count), DatePrecision.DAY)
        if unit == "week":
            return LooseDate(today + relativedelta(weeks=count), DatePrecision.DAY)
        if unit == "month":
            return LooseDate(today + relativedelta(months=count), DatePrecision.MONTH)
        return LooseDate(today + relativedelta(years=count), DatePrecision.YEAR)
    except (ValueError, OverflowError):
        raise _InvalidDateError(_OUT_OF_RANGE) from None


_Handler = Callable[[re.Match[str], date], LooseDate | None]


def _on_word(m: re.Match[str], today: date) -> LooseDate:
    offsets = {"today": 0, "yesterday": -1, "tomorrow": 1}
    return LooseDate(today + timedelta(days=offsets[m[1]]), DatePrecision.DAY)


def _on_year(m: re.Match[str], today: date) -> LooseDate:
    return LooseDate(date(_year(m[1]), 1, 1), DatePrecision.YEAR)


def _on_iso_month(m: re.Match[str], today: date) -> LooseDate:
    return LooseDate(date(_year(m[1]), _month_number(m[2]), 1), DatePrecision.MONTH)


def _on_iso_day(m: re.Match[str], today: date) -> LooseDate:
    return _make_day(_year(m[1]), _month_number(m[2]), int(m[3]))


def _on_named_month(m: re.Match[str], today: date) -> LooseDate | None:
    month = _month_name(m[1])
    if month is None:
        return None
    return LooseDate(date(_year(m[2]), month, 1), DatePrecision.MONTH)


def _on_day_named_month(m: re.Match[str], today: date) -> LooseDate | None:
    month = _month_name(m[2])
    if month is None:
        return None
    return _make_day(_year(m[3]), month, int(m[1]))


def _on_named_month_day(m: re.Match[str], today: date) -> LooseDate | None:
    month = _month_name(m[1])
    if month is None:
        return None
    return _make_day(_year(m[3]), month, int(m[2]))


def _on_us_slashes(m: re.Match[str], today: date) -> LooseDate:
    """Slashes are US month/day; point day-first writers at the dotted form instead."""
    month, day = int(m[1]), int(m[2])
    if month > 12 and 1 <= day <= 12:
        raise _InvalidDateError(f"slashes mean month/day; for day first write {month}.{day}.{m[3]}")
    return _make_day(_year(m[3]), _month_number(m[1]), day)


def _on_dotted(m: re.Match[str], today: date) -> LooseDate:
    return _make_day(_year(m[3]), _month_number(m[2]), int(m[1]))


def _on_ago(m: re.Match[str], today: date) -> LooseDate:
    return _shift(today, -_count(m[1]), m[2])


def _on_in(m: re.Match[str], today: date) -> LooseDate:
    return _shift(today, _count(m[1]), m[2])


def _on_last_next(m: re.Match[str], today: date) -> LooseDate:
    return _shift(today, 1 if m[1] == "next" else -1, m[2])


def _on_weekday(m: re.Match[str], today: date) -> LooseDate | None:
    """``friday``/``next friday`` is the next one after today; ``last friday`` the one before."""
    weekday = _weekday(m[2])
    if weekday is None:
        return None
    if m[1] == "last":
        back = (today.weekday() - weekday - 1) % 7 + 1
        return LooseDate(today - timedelta(days=back), DatePrecision.DAY)
    ahead = (weekday - today.weekday() - 1) % 7 + 1
    return LooseDate(today + timedelta(days=ahead), DatePrecision.DAY)


_GRAMMAR: tuple[tuple[re.Pattern[str], _Handler], ...] = (
    (_pattern(r"(today|yesterday|tomorrow)"), _on_word),
    (_pattern(r"(\d{4})"), _on_year),
    (_pattern(r"(\d{4})-(\d{1,2})"), _on_iso_month),
    (_pattern(r"(\d{4})-(\d{1,2})-(\d{1,2})"), _on_iso_day),
    (_pattern(r"([a-z]+)\.?,? (\d{4})"), _on_named_month),
    (_pattern(r"(\d{1,2})" + _ORD + r" ([a-z]+)\.?,? (\d{4})"), _on_day_named_month),
    (_pattern(r"([a-z]+)\.? (\d{1,2})" + _ORD + r",? (\d{4})"), _on_named_month_day),
    (_pattern(r"(\d{1,2})/(\d{1,2})/(\d{4})"), _on_us_slashes),
    (_pattern(r"(\d{1,2})\.(\d{1,2})\.(\d{4})"), _on_dotted),
    (_pattern(_NUM + " " + _UNIT + " ago"), _on_ago),
    (_pattern("in " + _NUM + " " + _UNIT), _on_in),
    (_pattern(r"(last|next) (week|month|year)"), _on_last_next),
    (_pattern(r"(?:(next|last) )?([a-z]+)"), _on_weekday),
)

_COMMA = re.compile(r" ?, ?")


def _normalise(text: str) -> str | None:
    """Collapse whitespace, space commas evenly and lower-case; None if not plain ASCII.

    Requiring ASCII keeps look-alikes (Unicode digits, the Kelvin sign) from sneaking through
    case-folding and ``int()``.
    """
    flat = " ".join(text.split())
    if not flat.isascii():
        return None
    return _COMMA.sub(", ", flat).lower()


def parse_loose_date(text: str, today: date) -> LooseDate:
    """Read a date the way people type it, with the precision they actually gave.

    ``today`` is passed in (never read from the clock) so relative forms are testable.
    Raises only :class:`DateParseError`, whatever the input.
    """
    normal = _normalise(text)
    if normal:
        for pattern, handler in _GRAMMAR:
            match = pattern.fullmatch(normal)
            if match is None:
                continue
            try:
                result = handler(match, today)
            except _InvalidDateError as exc:
                raise DateParseError(text, exc.reason) from None
            except (ValueError, OverflowError):
                # Only arithmetic past datetime's own limits gets here (e.g. "tomorrow"
                # when today is date.max); the handlers validate everything else.
                raise DateParseError(text, _OUT_OF_RANGE) from None
            if result is None:
                continue
            if not MIN_YEAR <= result.value.year <= MAX_YEAR:
                raise DateParseError(text, _OUT_OF_RANGE)
            return result
    raise DateParseError(text)


# --- display ----------------------------------------------------------------------------------


def format_loose_date(value: date, precision: DatePrecision) -> str:
    """Show a date only as precisely as it is known (``2019``, ``Mar 2021``, ``4 Mar 2021``).

    Month names are fixed English (not ``%b``) so output never depends on the locale and
    always parses back with :func:`parse_loose_date`.
    """
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return f"{_MONTH_ABBR[value.month - 1]} {value.year}"
    return f"{value.day} {_MONTH_ABBR[value.month - 1]} {value.year}"


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


def _whole_months(earlier: date, later: date) -> int:
    """Complete calendar months from ``earlier`` to ``later`` (like relativedelta, but cheap)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - 1 if later.day < earlier.day else months


def _span(earlier: date, later: date, precision: DatePrecision) -> str:
    """Word the non-empty gap between two dates without claiming more than ``precision``."""
    if precision == DatePrecision.YEAR:
        return "about " + _plural(later.year - earlier.year, "year")
    if precision == DatePrecision.MONTH:
        months = (later.year - earlier.year) * 12 + later.month - earlier.month
    else:
        days = (later - earlier).days
        if days < 14:
            return _plural(days, "day")
        months = _whole_months(earlier, later)
        if months < 2:
            return _plural(days // 7, "week")
    if months < 12:
        return _plural(months, "month")
    return "about " + _plural(months // 12, "year")


def time_since(then: date | None, precision: DatePrecision | None, today: date) -> str:
    """Short wording of how long ago ``then`` was (``3 weeks``, ``about 4 years``).

    Meant for a list column: it never claims more accuracy than the precision allows, so
    a date known only as "2019" reads ``about 5 years`` and never ``5 years 2 months``.
    Future dates read ``in 3 days``; a missing date reads ``never``.
    """
    if then is None:
        return "never"
    precision = precision or DatePrecision.DAY
    if precision == DatePrecision.YEAR:
        if then.year == today.year:
            return "this year"
    elif precision == DatePrecision.MONTH:
        if (then.year, then.month) == (today.year, today.month):
            return "this month"
    else:
        days = (today - then).days
        if days == 0:
            return "today"
        if days == 1:
            return "yesterday"
        if days == -1:
            return "tomorrow"
    if then < today:
        return _span(then, today, precision)
    return "in " + _span(today, then, precision)


def months_between(then: date, today: date) -> float:
    """Average-length months from ``then`` to ``today`` (negative if ``then`` is later).

    A cheap float for scoring, where calendar exactness does not matter.
    """
    return (today - then).days / AVERAGE_MONTH_DAYS
