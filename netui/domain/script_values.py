"""What a script's placeholders stand for, for one person and the user's own profile."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from netui.domain.dates import time_since
from netui.domain.types import Contact, DatePrecision
from netui.domain.validation import split_name

__all__ = ["Profile", "script_values", "spoken_gap"]

_NUMBER_WORDS = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen", "twenty"),
)
_LEADING_NUMBER = re.compile(r"^(about )?(\d+) ")


@dataclass(frozen=True, slots=True)
class Profile:
    """Who the user is, for ``{my_name}``, ``{my_situation}`` and ``{my_ask}``."""

    name: str = ""
    situation: str = ""
    ask: str = ""


def spoken_gap(then: date | None, precision: DatePrecision | None, today: date) -> str:
    """How long it has been, as one would say it in a message: "about four years".

    Never more precise than the date is known; "a long time" when there is no date, and
    "a little while" for a date this week or one in the future.
    """
    if then is None:
        return "a long time"
    wording = time_since(then, precision, today)
    if then >= today or wording in ("today", "yesterday", "this month", "this year"):
        return "a little while"
    match = _LEADING_NUMBER.match(wording)
    if match is not None and int(match[2]) < len(_NUMBER_WORDS):
        wording = f"{match[1] or ''}{_NUMBER_WORDS[int(match[2])]} {wording[match.end() :]}"
    return wording


def script_values(
    contact: Contact, last_note: str, profile: Profile, today: date
) -> dict[str, str]:
    """Every placeholder's value for ``contact`` (blank where the contact has none)."""
    first, last = contact.first_name, contact.last_name
    if not first and not last:
        first, last = split_name(contact.full_name)
    if contact.last_contacted is not None:
        gap = spoken_gap(contact.last_contacted, contact.last_contacted_precision, today)
    else:
        gap = spoken_gap(contact.connected_on, DatePrecision.DAY, today)
    return {
        "first_name": first,
        "last_name": last,
        "full_name": contact.full_name,
        "company": contact.company,
        "title": contact.title,
        "how_we_met": contact.how_we_met,
        "time_since": gap,
        "last_note": last_note,
        "my_name": profile.name,
        "my_situation": profile.situation,
        "my_ask": profile.ask,
    }
