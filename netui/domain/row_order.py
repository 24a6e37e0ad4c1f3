"""The contact list's orders: each sort key's tuple key, and every order made quickly.

Every key ends with the row id, so an order is total and deterministic: an incremental
update (``insort``) gives exactly the list a full sort would. The tuple keys say what each
order is; :mod:`netui.domain.quick_sort` makes the same orders faster for whole lists (the
tests compare the two). :mod:`netui.domain.listing` filters and searches in these orders.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from enum import StrEnum
from typing import Any

from netui.domain import quick_sort
from netui.domain.types import ContactRow

__all__ = ["RowKey", "SortKey", "by_name", "key_of", "order_from_names", "sort_rows"]


class SortKey(StrEnum):
    """How the contact list is ordered (except the Top 20 view, always ordered by rank)."""

    PRIORITY = "priority"
    """Highest priority first, then by name."""
    STALENESS = "staleness"
    """Never contacted first, then longest since last contact, then by name."""
    NAME = "name"
    """By name, ignoring case."""
    COMPANY = "company"
    """By company ignoring case (contacts without a company last), then by name."""


RowKey = Callable[[ContactRow], Any]
"""A sort key for one row, as ``sorted`` takes it."""


def _priority_key(row: ContactRow) -> tuple[float, str, int]:
    return (-row.priority, row.full_name.casefold(), row.id)


def _staleness_key(row: ContactRow) -> tuple[bool, date, str, int]:
    contacted = row.last_contacted
    return (contacted is not None, contacted or date.min, row.full_name.casefold(), row.id)


def _name_key(row: ContactRow) -> tuple[str, int]:
    return (row.full_name.casefold(), row.id)


def _company_key(row: ContactRow) -> tuple[bool, str, str, int]:
    company = row.company.strip().casefold()
    return (not company, company, row.full_name.casefold(), row.id)


def _top20_key(row: ContactRow) -> tuple[bool, int, str, int]:
    rank = row.top20_rank
    return (rank is None, rank or 0, row.full_name.casefold(), row.id)


_SORT_KEYS: dict[SortKey, RowKey] = {
    SortKey.PRIORITY: _priority_key,
    SortKey.STALENESS: _staleness_key,
    SortKey.NAME: _name_key,
    SortKey.COMPANY: _company_key,
}


def sort_rows(rows: Iterable[ContactRow], key: SortKey) -> list[ContactRow]:
    """Rows in the order of `key` (a new list; ties broken by name, then id)."""
    return order_from_names(by_name(rows), key)


def by_name(rows: Iterable[ContactRow]) -> list[ContactRow]:
    """Rows in the name order (`_name_key`), quickly (:mod:`netui.domain.quick_sort`)."""
    return quick_sort.by_name(rows)


_FROM_NAMES: dict[SortKey, Callable[[list[ContactRow]], list[ContactRow]]] = {
    SortKey.NAME: list,
    SortKey.PRIORITY: quick_sort.by_priority,
    SortKey.STALENESS: quick_sort.by_staleness,
    SortKey.COMPANY: quick_sort.by_company,
}


def order_from_names(by_name: list[ContactRow], key: SortKey) -> list[ContactRow]:
    """Rows in the order of `key`, from the rows in the name order (same as `_SORT_KEYS`)."""
    return _FROM_NAMES[key](by_name)


def key_of(key: SortKey | None) -> RowKey:
    """The tuple key of ``key``'s order; ``None`` stands for the Top 20's (by rank)."""
    return _top20_key if key is None else _SORT_KEYS[key]
