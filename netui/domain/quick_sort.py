"""The contact list's orders, quickly: stable sorts on one simple part each.

Sorting 100,000 rows by tuples of mixed parts (:mod:`netui.domain.listing`'s sort keys)
takes a third of a second. The same order comes faster from stable sorts on one part at
a time, the last-compared first: by id, then by name (what every order falls back on),
then by the order's own part. Sorts on numbers and on strings alone run in the sort's
specialised C comparisons. Pure; tests compare every order with its tuple key's.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter, itemgetter

from netui.domain.types import ContactRow

__all__ = ["by_company", "by_name", "by_priority", "by_staleness"]

_ID = attrgetter("id")
_PRIORITY = attrgetter("priority")


def _casefolded_name(row: ContactRow) -> str:
    return row.full_name.casefold()


def _days_since_ever(row: ContactRow) -> int:
    """0 for never contacted (they come first), else the day's number."""
    contacted = row.last_contacted
    return 0 if contacted is None else contacted.toordinal()


def by_name(rows: Iterable[ContactRow]) -> list[ContactRow]:
    """By name ignoring case, then id: where the other orders start from."""
    ordered = sorted(rows, key=_ID)
    ordered.sort(key=_casefolded_name)
    return ordered


def by_priority(named: list[ContactRow]) -> list[ContactRow]:
    """Highest priority first, from rows in name order."""
    return sorted(named, key=_PRIORITY, reverse=True)  # reversed, and still stable


def by_staleness(named: list[ContactRow]) -> list[ContactRow]:
    """Never contacted first, then longest since, from rows in name order."""
    return sorted(named, key=_days_since_ever)


def by_company(named: list[ContactRow]) -> list[ContactRow]:
    """By company ignoring case and spaces around it, those without one last, from rows
    in name order."""
    companies = [row.company.strip().casefold() for row in named]
    with_one = [(company, row) for company, row in zip(companies, named, strict=True) if company]
    with_one.sort(key=itemgetter(0))
    return [row for _, row in with_one] + [
        row for company, row in zip(companies, named, strict=True) if not company
    ]
