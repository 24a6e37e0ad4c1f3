"""Dates as the exports (and spreadsheets that re-saved them) write them."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}

# 07 Feb 2025 / 7 February 2025 / 23-Nov-21 / 7. Feb. 2025
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\.?[\s/-]*([A-Za-z]{3,9})\.?[\s,/-]*(\d{4}|\d{2})\b")
# Feb 7, 2025 / February 07 2025 / Nov-23-21
_MONTH_DAY_YEAR = re.compile(
    r"([A-Za-z]{3,9})\.?[\s/-]*(\d{1,2})(?:st|nd|rd|th)?[\s,/-]+(\d{4}|\d{2})\b"
)
# 2021-09-16 / 2021/9/16 / 2021.09.16, with anything (a time) after it
_YEAR_FIRST = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)")
# 1/8/18, 6:14 PM / 16.09.2021 / 16-09-2021
_NUMERIC = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?!\d)")

_EMPTY_DATES = frozenset(("", "0/0/00", "0/0/0000", "00/00/0000", "0000-00-00", "1/1/1601"))


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _make(year: int, month: int, day: int) -> date | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str) -> date | None:
    """Read a date such as ``07 Feb 2025``, ``1/8/18, 6:14 PM``, ``23-Nov-21``,
    ``16.09.2021`` or ``2021-09-16``; ``None`` when it is empty or cannot be read.

    Numeric dates with ``/`` are month first (as LinkedIn and US Excel write them) unless
    that cannot be; with ``.`` or ``-`` they are day first unless that cannot be.
    """
    # Exports repeat the same dates over and over; only short texts are cached, so
    # the cache stays small whatever a file holds.
    return _parse_cached(text) if len(text) <= 40 else _parse(text)


def _parse(text: str) -> date | None:
    text = text.strip()
    if text in _EMPTY_DATES:
        return None
    if match := _DAY_MONTH_YEAR.fullmatch(text):  # LinkedIn's own format first
        month = _MONTHS.get(match[2].lower())
        return _make(_year(match[3]), month, int(match[1])) if month else None
    if match := _YEAR_FIRST.match(text):
        return _make(int(match[1]), int(match[3]), int(match[4]))
    if match := _NUMERIC.match(text):
        first, separator, second, year_text = match.groups()
        year, a, b = _year(year_text), int(first), int(second)
        month_first = separator == "/"
        if (month_first and a > 12) or (not month_first and b > 12):
            month_first = not month_first
        return _make(year, a, b) if month_first else _make(year, b, a)
    if match := _DAY_MONTH_YEAR.match(text):
        month = _MONTHS.get(match[2].lower())
        return _make(_year(match[3]), month, int(match[1])) if month else None
    if match := _MONTH_DAY_YEAR.match(text):
        month = _MONTHS.get(match[1].lower())
        return _make(_year(match[3]), month, int(match[2])) if month else None
    return None


def is_empty_date(text: str) -> bool:
    """Whether a date cell means "no date" (blank, or Outlook's ``0/0/00``)."""
    return text.strip() in _EMPTY_DATES


_parse_cached = lru_cache(maxsize=16384)(_parse)
