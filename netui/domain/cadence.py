"""How often to keep in touch with someone, and when that next falls due.

A cadence is stored as a short code (``2w``, ``3m``) so the database holds one canonical
spelling, while users may type it in many friendlier ways (``fortnightly``, ``every 3 weeks``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from netui.domain.dates import AVERAGE_MONTH_DAYS

if TYPE_CHECKING:
    from dateutil.relativedelta import relativedelta

__all__ = [
    "MAX_MONTHS",
    "MAX_WEEKS",
    "Cadence",
    "CadenceError",
    "CadenceUnit",
    "days_overdue",
    "next_due",
    "parse_cadence",
]

CadenceUnit = Literal["week", "month"]
MAX_WEEKS = 52
MAX_MONTHS = 24

_HINT = "try weekly, every 2 weeks, monthly, quarterly, 3m, or none"


class CadenceError(ValueError):
    """Raised for text or codes that are not a cadence; user-facing messages quote the input."""


def _limit(unit: CadenceUnit) -> int:
    return MAX_WEEKS if unit == "week" else MAX_MONTHS


@dataclass(frozen=True, slots=True)
class Cadence:
    """Keep in touch every ``count`` weeks or months (1-52 weeks, 1-24 months)."""

    unit: CadenceUnit
    count: int

    def __post_init__(self) -> None:
        """Refuse impossible cadences so every Cadence in the app is storable and sane."""
        if self.unit not in ("week", "month"):
            raise CadenceError(f"a cadence unit must be week or month, not {self.unit!r}")
        if isinstance(self.count, bool) or not isinstance(self.count, int):
            raise CadenceError(f"a cadence count must be a whole number, not {self.count!r}")
        if not 1 <= self.count <= _limit(self.unit):
            raise CadenceError(
                f"a cadence must be 1 to {_limit(self.unit)} {self.unit}s, not {self.count}"
            )

    @property
    def code(self) -> str:
        """The canonical storage form, e.g. ``2w`` or ``12m``."""
        return f"{self.count}{self.unit[0]}"

    @property
    def label(self) -> str:
        """Plain-English wording for the UI, e.g. ``quarterly`` or ``every 2 weeks``."""
        if self.unit == "week":
            return "weekly" if self.count == 1 else f"every {self.count} weeks"
        named = {1: "monthly", 3: "quarterly", 12: "yearly"}
        if self.count in named:
            return named[self.count]
        if self.count % 12 == 0:
            return f"every {self.count // 12} years"
        return f"every {self.count} months"

    @property
    def delta(self) -> relativedelta:
        """The calendar step between contacts (months respect month lengths)."""
        from dateutil.relativedelta import relativedelta

        if self.unit == "week":
            return relativedelta(weeks=self.count)
        return relativedelta(months=self.count)

    @property
    def approx_days(self) -> float:
        """Average length in days, for cheap proportional maths such as scoring."""
        if self.unit == "week":
            return 7.0 * self.count
        return AVERAGE_MONTH_DAYS * self.count

    @classmethod
    def from_code(cls, code: str) -> Cadence:
        """Read a stored code strictly (``2w``, ``3m``); anything else is corrupt data."""
        return _from_code(code)


_CODE = re.compile(r"([1-9][0-9]?)([wm])", re.ASCII)


@lru_cache(maxsize=256)
def _from_code(code: str) -> Cadence:
    """Cached because list loading converts the same few codes thousands of times."""
    match = _CODE.fullmatch(code)
    if match is None:
        raise CadenceError(f"not a cadence code: {code!r} (expected e.g. 2w or 3m)")
    return Cadence("week" if match[2] == "w" else "month", int(match[1]))


_NONE_WORDS = frozenset({"", "none", "never"})
_NAMED: dict[str, tuple[CadenceUnit, int]] = {
    "weekly": ("week", 1),
    "biweekly": ("week", 2),
    "bi-weekly": ("week", 2),
    "fortnightly": ("week", 2),
    "every other week": ("week", 2),
    "monthly": ("month", 1),
    "quarterly": ("month", 3),
    "every quarter": ("month", 3),
    "half-yearly": ("month", 6),
    "semiannually": ("month", 6),
    "semi-annually": ("month", 6),
    "yearly": ("month", 12),
    "annually": ("month", 12),
}
_EVERY = re.compile(r"(?:every )?(?:(\d{1,3}) )?(week|month|year)s?", re.ASCII)
_SHORT = re.compile(r"(\d{1,3}) ?([wmy])", re.ASCII)
_UNITS: dict[str, tuple[CadenceUnit, int]] = {
    "w": ("week", 1),
    "week": ("week", 1),
    "m": ("month", 1),
    "month": ("month", 1),
    "y": ("month", 12),
    "year": ("month", 12),
}


def _error(text: str, reason: str = _HINT) -> CadenceError:
    flat = " ".join(text.split())
    shown = flat if len(flat) <= 40 else flat[:39] + "…"
    return CadenceError(f'could not read "{shown}" as a cadence ({reason})')


def parse_cadence(text: str) -> Cadence | None:
    """Read a cadence as a user types it; blank or ``none`` means no cadence at all.

    Years are accepted (``every 2 years``, ``1y``) and stored as months.
    """
    normal = " ".join(text.split()).lower()
    if normal in _NONE_WORDS:
        return None
    if normal in _NAMED:
        return Cadence(*_NAMED[normal])
    match = None
    if normal.isascii():
        match = _EVERY.fullmatch(normal)
        if match is None or (match[1] is None and not normal.startswith("every ")):
            match = _SHORT.fullmatch(normal)
    if match is None:
        raise _error(text)
    unit, per = _UNITS[match[2]]
    count = int(match[1] or 1) * per
    limit = _limit(unit)
    if not 1 <= count <= limit:
        raise _error(text, f"it must be between 1 and {limit} {unit}s")
    return Cadence(unit, count)


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _add_months(value: date, months: int) -> date:
    """``value + relativedelta(months=months)`` without its overhead (it runs per list row).

    Like relativedelta, a day past the end of the target month is clamped to its last day.
    """
    index = value.month - 1 + months
    year, month = value.year + index // 12, index % 12 + 1
    last_day = _MONTH_DAYS[month - 1]
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        last_day = 29
    return date(year, month, min(value.day, last_day))


def next_due(last_contacted: date | None, cadence: Cadence, today: date) -> date:
    """When the next contact falls due; someone never contacted is due right away.

    Equal to ``last_contacted + cadence.delta``; a due date past ``date.max`` (only from
    corrupt data) is reported as ``date.max``, i.e. never, rather than crashing a list load.
    """
    if last_contacted is None:
        return today
    try:
        if cadence.unit == "week":
            return last_contacted + timedelta(weeks=cadence.count)
        return _add_months(last_contacted, cadence.count)
    except (OverflowError, ValueError):
        return date.max


def days_overdue(last_contacted: date | None, cadence: Cadence, today: date) -> int:
    """Days past the due date, 0 when not yet due (or due only today)."""
    return max(0, (today - next_due(last_contacted, cadence, today)).days)
