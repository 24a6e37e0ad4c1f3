"""Sorting, filtering and searching the contact list: pure, fast, no Textual.

The contact list has to stay instant at 30,000 contacts (LinkedIn's connection cap) and usable
at 100,000. Everything here works on compact `ContactRow` tuples:

- `sort_rows` / `order_rows` order rows by a `SortKey` (Top 20 is always ordered by rank);
  the orders themselves are :mod:`netui.domain.row_order`'s.
- `filter_rows` keeps the rows of a `StatusFilter` that match every term of a search query.
- `ContactListing` holds every row, sorts once per sort key (lazily, cached), and answers
  `view(status, query)` fast enough to run on every keystroke; when the new query only narrows
  the previous one it filters the previous result instead of every row.

Search contract: `ContactRow.haystack` is built by `make_haystack`, i.e. already casefolded,
one field per line. Query terms are casefolded here and never contain whitespace, so a term
never matches across two fields.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from netui.domain.row_order import (
    RowKey,
    SortKey,
    by_name,
    key_of,
    order_from_names,
    sort_rows,
)
from netui.domain.types import ContactRow, TriageStatus

__all__ = [
    "ContactListing",
    "SortKey",
    "StatusFilter",
    "filter_rows",
    "make_haystack",
    "order_rows",
    "parse_query",
    "row_order",
    "row_test",
    "sort_rows",
]

HAYSTACK_SEPARATOR = "\n"
"""Joins the fields of a haystack; whitespace, so no query term can span two fields."""
COPIED_UP_TO = 50_000
"""Rows up to which a search scans copies of their haystacks laid out in order."""


class StatusFilter(StrEnum):
    """Which triage statuses the contact list shows."""

    ALL = "all"
    ACTIVE = "active"
    """Everything except archived contacts: the default view."""
    NEW = TriageStatus.NEW.value
    TOP20 = TriageStatus.TOP20.value
    LATER = TriageStatus.LATER.value
    SKIP = TriageStatus.SKIP.value
    ARCHIVED = TriageStatus.ARCHIVED.value


def make_haystack(*parts: str) -> str:
    """Build the `ContactRow.haystack` searched by `filter_rows` from a contact's fields.

    Parts are joined by a newline, so a search term (which never contains whitespace) cannot
    match across two fields, then casefolded in one call: this runs for every contact at
    start-up, and casefolding the joined text equals joining casefolded parts.
    """
    return HAYSTACK_SEPARATOR.join(parts).casefold()


def parse_query(query: str) -> tuple[str, ...]:
    """The casefolded, whitespace-separated terms of a search query (duplicates dropped)."""
    return tuple(dict.fromkeys(query.casefold().split()))


# -- display order -------------------------------------------------------------------------
# The orders themselves are in netui.domain.row_order; the Top 20 view has its own.


def row_order(key: SortKey, status: StatusFilter) -> RowKey:
    """The sort key of display order, for one row: what `order_rows` sorts by."""
    return key_of(None if status is StatusFilter.TOP20 else key)


def order_rows(rows: Iterable[ContactRow], key: SortKey, status: StatusFilter) -> list[ContactRow]:
    """Rows in display order: by Top 20 rank when showing the Top 20, else by `key`."""
    return sorted(rows, key=row_order(key, status))


# -- filtering -----------------------------------------------------------------------------


def _status_predicate(status: StatusFilter) -> Callable[[ContactRow], bool] | None:
    """A test for rows shown under `status`, or None when every row is shown."""
    if status is StatusFilter.ALL:
        return None
    if status is StatusFilter.ACTIVE:
        archived = TriageStatus.ARCHIVED
        return lambda row: row.status != archived
    wanted = TriageStatus(status.value)
    return lambda row: row.status == wanted


def _filter_status(rows: Sequence[ContactRow], status: StatusFilter) -> list[ContactRow]:
    # Written out rather than through _status_predicate: a call per row costs more than
    # the test, and this runs over every contact when a view is first asked for.
    if status is StatusFilter.ALL:
        return list(rows)
    if status is StatusFilter.ACTIVE:
        archived = TriageStatus.ARCHIVED
        return [row for row in rows if row.status != archived]
    wanted = TriageStatus(status.value)
    return [row for row in rows if row.status == wanted]


def _filter_terms(rows: Sequence[ContactRow], terms: Sequence[str]) -> list[ContactRow]:
    """Rows whose haystack contains every term; the longest term first (it prunes most).

    The plain version, used by `filter_rows`; `ContactListing` searches faster.
    """
    result = list(rows)
    for term in sorted(terms, key=len, reverse=True):
        result = [row for row in result if term in row.haystack]
    return result


def filter_rows(rows: Sequence[ContactRow], status: StatusFilter, query: str) -> list[ContactRow]:
    """Rows shown under `status` whose haystack contains every term of `query`, order kept.

    `query` is split on whitespace; each term must occur, casefolded, as a substring of
    `row.haystack` (which `make_haystack` has already casefolded). An empty or blank query
    does no text filtering.
    """
    return _filter_terms(_filter_status(rows, status), parse_query(query))


def row_test(status: StatusFilter, query: str) -> Callable[[ContactRow], bool] | None:
    """The test `filter_rows` applies, for one row; None when it keeps every row."""
    predicate = _status_predicate(status)
    terms = parse_query(query)
    if not terms:
        return predicate
    return lambda row: (
        (predicate is None or predicate(row)) and all(term in row.haystack for term in terms)
    )


def _narrows(old_terms: Sequence[str], new_terms: Sequence[str]) -> bool:
    """Whether every row matching `new_terms` also matches `old_terms`.

    True when each old term occurs inside some new term ("ma" -> "mar", "ma" -> "ma x").
    """
    return all(any(old in new for new in new_terms) for old in old_terms)


def next_after(rows: Sequence[ContactRow], current: int, leaving: Collection[int]) -> int | None:
    """Where the cursor lands once the contacts ``leaving`` are decided: the next row after
    ``current`` that is not leaving, else the nearest one before it, else None."""
    position = next((i for i, row in enumerate(rows) if row.id == current), 0)
    for row in rows[position + 1 :]:
        if row.id not in leaving:
            return row.id
    for row in reversed(rows[:position]):
        if row.id not in leaving:
            return row.id
    return None


# -- the listing -----------------------------------------------------------------------------


class _Base:
    """The rows shown under one status in one order, and what searching them needs."""

    __slots__ = ("_haystacks", "rows")

    def __init__(self, rows: list[ContactRow]) -> None:
        self.rows = rows
        self._haystacks: list[str] | None = None

    def haystacks(self) -> list[str]:
        """Copies of the rows' haystacks, in row order (built on first search).

        Copies, allocated one after the other, so a search reads memory in order. Scanning
        the rows' own haystacks in a sorted order jumps around memory and is about 3-4 times
        slower at 100,000 rows (cache misses), which is most of a keystroke's time. Past
        :data:`COPIED_UP_TO` rows the rows' own are scanned: the copies would cost more
        memory (some 14 MiB at 100,000) than the time they save is worth.
        """
        if self._haystacks is None:
            if len(self.rows) > COPIED_UP_TO:
                self._haystacks = [row.haystack for row in self.rows]
            else:
                self._haystacks = [row.haystack + HAYSTACK_SEPARATOR for row in self.rows]
        return self._haystacks

    def forget_haystacks(self) -> None:
        self._haystacks = None

    def search(self, terms: Sequence[str], within: list[int] | None) -> list[int] | None:
        """Positions of the rows (among `within`, or all when None) containing every term."""
        if not terms:
            return within
        haystacks = self.haystacks()
        for term in sorted(terms, key=len, reverse=True):  # the longest prunes most
            if within is None:
                within = [i for i, haystack in enumerate(haystacks) if term in haystack]
            else:
                within = [i for i in within if term in haystacks[i]]
        return within


@dataclass(slots=True)
class _LastView:
    base: _Base
    terms: tuple[str, ...]
    positions: list[int] | None  # in base.rows; None means every row


class ContactListing:
    """Every contact row, sorted per sort key on demand, filtered fast enough for each keystroke.

    Sorted lists are cached per sort key (and the status-filtered lists per sort key and
    status), so switching back to a sort key or status already used costs nothing. A query
    that narrows the previous one (same status and order) filters the previous result only.
    Editing one contact (`replace`, `add`, `remove`) updates the cached lists in place (O(n))
    instead of re-sorting.
    """

    def __init__(self, rows: Iterable[ContactRow] = (), sort_key: SortKey = SortKey.PRIORITY):
        self._rows: dict[int, ContactRow] = {row.id: row for row in rows}
        self._sort_key = sort_key
        self._sorted: dict[SortKey, list[ContactRow]] = {}
        self._bases: dict[tuple[SortKey | None, StatusFilter], _Base] = {}
        self._searched: _Base | None = None
        self._last: _LastView | None = None

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, contact_id: object) -> bool:
        return contact_id in self._rows

    def get(self, contact_id: int) -> ContactRow | None:
        """The row of a contact, if it is in the listing."""
        return self._rows.get(contact_id)

    @property
    def sort_key(self) -> SortKey:
        """The order of `view` (except for the Top 20, always ordered by rank)."""
        return self._sort_key

    @sort_key.setter
    def sort_key(self, key: SortKey) -> None:
        self._sort_key = SortKey(key)

    def sorted_rows(self, key: SortKey | None = None) -> list[ContactRow]:
        """Every row sorted by `key` (default: the current sort key). Do not mutate it."""
        sort_key = self._sort_key if key is None else key
        rows = self._sorted.get(sort_key)
        if rows is None:
            names = self._sorted.get(SortKey.NAME)
            if names is None:  # kept: every other order starts from it
                names = self._sorted[SortKey.NAME] = by_name(self._rows.values())
            rows = self._sorted[sort_key] = order_from_names(names, sort_key)
        return rows

    def prepare(self) -> None:
        """Sort by every key and pick out the default view of each, now (in a worker),
        so that no first use of a sort key sorts on the UI thread."""
        for key in SortKey:
            self._base(StatusFilter.ACTIVE, key)

    def _base(self, status: StatusFilter, key: SortKey | None = None) -> _Base:
        """Rows shown under `status`, in display order (by `key`, else the current sort
        key; cached)."""
        # The Top 20 ignores the sort key, so it is cached once under `None`.
        sort_key = None if status is StatusFilter.TOP20 else (key or self._sort_key)
        cache_key = (sort_key, status)
        base = self._bases.get(cache_key)
        if base is None:
            if sort_key is None:
                rows = _filter_status(list(self._rows.values()), status)
                rows = order_rows(rows, self._sort_key, status)
            else:
                rows = _filter_status(self.sorted_rows(sort_key), status)
            base = self._bases[cache_key] = _Base(rows)
        return base

    def view(self, status: StatusFilter = StatusFilter.ACTIVE, query: str = "") -> list[ContactRow]:
        """The rows to display: shown under `status`, matching `query`, in display order.

        Same result as `filter_rows(order_rows(rows, sort_key, status), status, query)`.
        Returns a new list that the caller may keep or change.
        """
        terms = parse_query(query)
        base = self._base(status)
        if terms and self._searched is not base:
            # Keep search copies for one base only, to bound memory.
            if self._searched is not None:
                self._searched.forget_haystacks()
            self._searched = base
        last = self._last
        if last is not None and last.base is base and _narrows(last.terms, terms):
            new_terms = [term for term in terms if term not in last.terms]
            positions = base.search(new_terms, last.positions)
        else:
            positions = base.search(terms, None)
        self._last = _LastView(base, terms, positions)
        rows = base.rows
        return list(rows) if positions is None else [rows[i] for i in positions]

    # -- editing one row ------------------------------------------------------------------

    def replace(self, row: ContactRow) -> None:
        """Replace the row with the same id (or add it when it is not there)."""
        self.remove(row.id)
        self.add(row)

    def add(self, row: ContactRow) -> None:
        """Add a row (replacing any row with the same id)."""
        if row.id in self._rows:
            self.remove(row.id)
        self._rows[row.id] = row
        for sort_key, rows in self._sorted.items():
            insort(rows, row, key=key_of(sort_key))
        for (base_key, status), base in self._bases.items():
            predicate = _status_predicate(status)
            if predicate is None or predicate(row):
                insort(base.rows, row, key=key_of(base_key))
                base.forget_haystacks()
        self._last = None

    def remove(self, contact_id: int) -> ContactRow | None:
        """Remove a row by contact id; returns it, or None when it was not there."""
        row = self._rows.pop(contact_id, None)
        if row is None:
            return None
        for sort_key, rows in self._sorted.items():
            _remove_sorted(rows, row, key_of(sort_key))
        for (base_key, _status), base in self._bases.items():
            if _remove_sorted(base.rows, row, key_of(base_key)):
                base.forget_haystacks()
        self._last = None
        return row


def _remove_sorted(rows: list[ContactRow], row: ContactRow, key: RowKey) -> bool:
    """Remove `row` from `rows`, sorted by `key`; returns whether it was there."""
    index = bisect_left(rows, key(row), key=key)
    if index < len(rows) and rows[index].id == row.id:
        del rows[index]
        return True
    return False
