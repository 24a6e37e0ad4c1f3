"""The weekly review as plain data: a document of sections the Markdown and HTML writers
lay out the same way.

A section is a title, a few sentences of figures, an optional table and an optional chart.
Text netui writes itself (figures, dates, reasons) is a plain ``str``; text that came from
a person or a file (a name, a company) is wrapped in :class:`UserText`, so each writer knows
which cells to escape for its format without guessing from the content.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from netui.domain.charts import Chart
from netui.domain.clean_text import clean_line
from netui.domain.dates import DateParseError, parse_loose_date, shown_input
from netui.domain.types import DatePrecision
from netui.errors import ValidationError

__all__ = [
    "SHOWN_CHARS",
    "Cell",
    "Row",
    "Section",
    "Table",
    "UserText",
    "Week",
    "WeekReport",
    "day_label",
    "read_week",
    "shown_text",
    "week_of",
]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_THIS_WEEK = frozenset({"", "this", "this week", "now", "today"})
_LAST_WEEK = frozenset({"last", "last week", "previous", "previous week"})


def day_label(day: date) -> str:
    """``Mon 23 Nov 2026``: fixed English names, so a report never depends on the locale."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True, slots=True)
class Week:
    """A week from Monday to Sunday, in the user's local days."""

    start: date

    def __post_init__(self) -> None:
        if self.start.weekday() != 0:
            raise ValueError(f"a week starts on a Monday, not on {self.start}")

    @property
    def end(self) -> date:
        return self.start + timedelta(days=6)

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(self.start + timedelta(days=n) for n in range(7))

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    @property
    def label(self) -> str:
        """``23–29 Nov 2026``, ``30 Nov – 6 Dec 2026``, ``28 Dec 2026 – 3 Jan 2027``."""
        first, last = self.start, self.end
        end = f"{last.day} {_MONTHS[last.month - 1]} {last.year}"
        if first.year != last.year:
            return f"{first.day} {_MONTHS[first.month - 1]} {first.year} – {end}"
        if first.month != last.month:
            return f"{first.day} {_MONTHS[first.month - 1]} – {end}"
        return f"{first.day}–{end}"


def week_of(day: date) -> Week:
    """The Monday-to-Sunday week ``day`` falls in."""
    return Week(day - timedelta(days=day.weekday()))


def read_week(text: str, today: date) -> Week:
    """The week a user means: blank or ``this`` for this week, ``last`` for the one
    before, or any day inside it, typed as dates are typed everywhere in netui
    (``2026-11-23``, ``last friday``, ``2 weeks ago``).

    Raises ValidationError (field ``week``) for text that is not a day, a month or a
    year (too vague to pick a week), or a week that has not begun.
    """
    words = " ".join(text.split()).lower()
    if words in _THIS_WEEK:
        return week_of(today)
    if words in _LAST_WEEK:
        return week_of(today - timedelta(days=7))
    try:
        loose = parse_loose_date(text, today)
    except DateParseError as error:
        raise ValidationError("week", str(error)) from None
    if loose.precision is not DatePrecision.DAY:
        raise ValidationError(
            "week", f'"{shown_input(text)}" is not one day; give a day inside the week'
        )
    week = week_of(loose.value)
    if week.start > today:
        raise ValidationError(
            "week",
            f'"{shown_input(text)}" is in a week that has not begun (it starts '
            f"{day_label(week.start)})",
        )
    return week


@dataclass(frozen=True, slots=True)
class UserText:
    """Text a person typed or a file brought: escaped by every writer for its format."""

    text: str


SHOWN_CHARS = 200
"""The most of someone's text one cell shows: a review stays readable whatever was imported."""


def shown_text(text: str) -> str:
    """Someone's text as a review shows it: one line without control characters, cut to
    :data:`SHOWN_CHARS` with an ellipsis. Each writer escapes the result for its format."""
    line = clean_line(text)
    return line if len(line) <= SHOWN_CHARS else line[: SHOWN_CHARS - 1] + "…"


Cell = str | UserText
"""A table cell: netui's own words (``str``) or someone's text (:class:`UserText`)."""


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[Cell, ...]
    marked: bool = False
    """Needs the reader's eye (an overdue follow-up): writers make it stand out."""


@dataclass(frozen=True, slots=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[Row, ...]

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row.cells) != len(self.headers):
                raise ValueError(
                    f"a row has {len(row.cells)} cells for {len(self.headers)} headers"
                )


@dataclass(frozen=True, slots=True)
class Section:
    """One part of the review.

    ``key`` is a stable name (``follow-ups``) writers may use as an anchor. ``lines`` are
    sentences of netui's own words. ``empty`` is said instead of an empty table, ``more``
    after a table that was cut short. ``charts`` come after, drawn by the one chart
    renderer (:mod:`netui.domain.charts`) the stats screen uses too.
    """

    key: str
    title: str
    lines: tuple[str, ...] = ()
    table: Table | None = None
    empty: str = ""
    more: str = ""
    charts: tuple[Chart, ...] = ()


@dataclass(frozen=True, slots=True)
class WeekReport:
    """The whole review of one week, made on ``made_on`` (the day it was asked for)."""

    week: Week
    made_on: date
    sections: tuple[Section, ...] = field(default=())
    glance: str = ""
    """The week in one line, under the title, for a reader who reads nothing else."""

    @property
    def title(self) -> str:
        return f"Weekly review: {self.week.label}"

    @property
    def subtitle(self) -> str:
        if self.made_on in self.week:
            return (
                f"Monday to Sunday, made on {day_label(self.made_on)} (the week is not over yet)."
            )
        return f"Monday to Sunday, made on {day_label(self.made_on)}."

    def section(self, key: str) -> Section:
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``1 person``, ``3 people``, ``0 follow-ups``."""
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"


def table_or_none(headers: tuple[str, ...], rows: Sequence[Row]) -> Table | None:
    return Table(headers, tuple(rows)) if rows else None
