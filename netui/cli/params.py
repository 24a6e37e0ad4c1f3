"""Parsing what users type: contact ids, outcomes, loose dates and interaction times."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

import click

from netui.cli.base import today
from netui.domain.dates import DateParseError, parse_loose_date
from netui.domain.types import DatePrecision, LooseDate, Outcome
from netui.errors import ValidationError


class ContactIdType(click.ParamType[int, Any]):
    """A contact id as shown in lists: ``12`` or ``#12``."""

    name = "ID"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip().removeprefix("#")
        if not text.isdigit() or int(text) < 1:
            self.fail(f"{value!r} is not a contact id (a number such as 12)", param, ctx)
        return int(text)


class OutcomeType(click.ParamType[Outcome, Any]):
    """An outcome, spelled with underscores, dashes or spaces (``left message``)."""

    name = "OUTCOME"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Outcome:
        if isinstance(value, Outcome):
            return value
        key = "_".join(re.split(r"[\s_-]+", str(value).strip().lower()))
        try:
            return Outcome(key)
        except ValueError:
            choices = ", ".join(o.value for o in Outcome)
            self.fail(f"{value!r} is not an outcome; choose one of {choices}", param, ctx)

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return "[" + "|".join(o.value for o in Outcome) + "]"


CONTACT_ID = ContactIdType()


def loose_date(option: str, text: str) -> LooseDate | None:
    """A loosely typed date for ``option``; blank, ``never`` or ``none`` mean no date."""
    if text.strip().lower() in ("", "never", "none"):
        return None
    try:
        return parse_loose_date(text, today())
    except DateParseError as error:
        raise ValidationError(option, str(error)) from None


def parse_day(option: str, text: str) -> date | None:
    loose = loose_date(option, text)
    return loose.value if loose else None


_TIME_AT_END = re.compile(
    r"(?:^|\s+|(?<=\d)T)(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?$", re.IGNORECASE
)
_CLOCK_AT_END = re.compile(r"(?:^|\s+|(?<=\d)T)(?:at\s+)?(\d{1,2}):(\d{2})()$", re.IGNORECASE)


def _split_time(text: str) -> tuple[str, time | None]:
    """Split ``yesterday 14:30`` or ``2024-03-04 3pm`` into the date text and the time."""
    match = _CLOCK_AT_END.search(text) or _TIME_AT_END.search(text)
    if match is None:
        return text, None
    hour, minute, half = int(match[1]), int(match[2] or 0), (match[3] or "").lower()
    if half:
        if not 1 <= hour <= 12:
            raise ValidationError("when", f'"{match[0].strip()}" is not a time')
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        raise ValidationError("when", f'"{match[0].strip()}" is not a time')
    return text[: match.start()].strip() or "today", time(hour, minute)


def parse_when(text: str | None) -> datetime | None:
    """When an interaction happened, in the user's time zone; None means now.

    A day without a time is taken as noon that day (now, if the day is today).
    """
    if text is None or text.strip().lower() in ("", "now"):
        return None
    date_text, at = _split_time(text.strip())
    try:
        loose = parse_loose_date(date_text, today())
    except DateParseError as error:
        raise ValidationError("when", str(error)) from None
    if loose.precision is not DatePrecision.DAY:
        raise ValidationError(
            "when", f'"{date_text}" is not a single day; try yesterday, last friday or 2024-03-04'
        )
    if at is None:
        if loose.value == today():
            return None
        at = time(12, 0)
    return datetime.combine(loose.value, at).astimezone()
