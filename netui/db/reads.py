"""Reads on the standard library's ``sqlite3`` (:meth:`Database.reading`): no SQLAlchemy.

The commands that only read (``contacts``, ``top20``) and the contact list do not need the
ORM, and a plain connection spares them SQLAlchemy's import, its per-row processing and its
objects. Columns come back as SQLite stores them and are turned here into the frozen types
the ORM paths give; tests compare the two.

:meth:`ContactReads.contacts_in_order` streams whole contacts in the list's order without
holding them: SQLite sorts them (its sorter spills to a temporary file past a few MB), by
sort-key parts the caller computes in Python from each contact's list record, so the order
is the one the caller's rules give, written nowhere else.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, date, datetime
from typing import Any, NamedTuple, cast

from netui.domain.contact_fields import CHOICE_TYPES, CONTACT_FIELDS, FIELD_KINDS
from netui.domain.record_shape import ValueKind
from netui.domain.types import Contact

__all__ = [
    "LIST_SQL",
    "SEARCH_FIELDS",
    "ContactReads",
    "ListRecord",
    "OrderKey",
    "RecordTest",
    "contact_from_row",
    "stored_setting",
]

# Column order must match ListRecord. The searchable text is joined by SQLite itself: one
# string per row instead of six, which matters at 100,000 rows.
SEARCH_FIELDS = ("full_name", "company", "title", "emails", "tags", "notes")
LIST_COLUMNS = (
    "id, full_name, company, title, status, top20_rank, strength, last_contacted,"
    " last_contacted_precision, cadence, "
    + " || char(10) || ".join(SEARCH_FIELDS)
    + ", job_changed_on IS NOT NULL"
)
LIST_SQL = f"SELECT {LIST_COLUMNS} FROM contact"


class ListRecord(NamedTuple):
    """The columns the contact list needs, as stored (dates still ISO text)."""

    id: int
    full_name: str
    company: str
    title: str
    status: str
    top20_rank: int | None
    strength: int | None
    last_contacted: str | None
    last_contacted_precision: str | None
    cadence: str | None
    search_text: str  # SEARCH_FIELDS joined by newlines (emails and tags are newline-joined too)
    job_changed: int  # 1 when an import noticed a new company or title


OrderKey = Callable[[ListRecord], Sequence[Any]]
"""A contact's sort key from its list record: parts compared in turn, as a tuple's are."""
RecordTest = Callable[[ListRecord], bool]
"""Whether a contact is wanted, from its list record."""


# -- stored values to Contact -----------------------------------------------------------------


def _list(value: str | None) -> tuple[str, ...]:
    return tuple(value.split("\n")) if value else ()


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value).replace(tzinfo=UTC) if value else None


def _choice(members: dict[str, Any]) -> Callable[[str | None], Any]:
    def convert(value: str | None) -> Any:
        return members[value] if value else None

    return convert


_CONVERTERS: dict[ValueKind, Callable[[Any], Any]] = {
    ValueKind.LIST: _list,
    ValueKind.DATE: _day,
    ValueKind.MOMENT: _moment,
}
# Where each column that needs converting sits in CONTACT_FIELDS, and its converter (text
# and numbers are stored as they are).
_CONVERTED_AT = tuple(
    (
        at,
        _choice({m.value: m for m in CHOICE_TYPES[name]})
        if FIELD_KINDS[name] is ValueKind.CHOICE
        else _CONVERTERS[FIELD_KINDS[name]],
    )
    for at, name in enumerate(CONTACT_FIELDS)
    if FIELD_KINDS[name] in (ValueKind.CHOICE, *_CONVERTERS)
)
_CONTACT_COLUMNS = ", ".join(CONTACT_FIELDS)


def contact_from_row(row: Sequence[Any]) -> Contact:
    """A Contact from its columns as SQLite stores them, in :data:`CONTACT_FIELDS` order."""
    values = list(row)
    for at, convert in _CONVERTED_AT:
        values[at] = convert(values[at])
    return Contact(*values)


def _sql_value(value: Any) -> Any:
    """A sort-key part as SQLite compares it in the same order (a date by its day number)."""
    if isinstance(value, date):
        return value.toordinal()
    return value


_names = itertools.count(1)
SORT_CACHE_KIB = 256
"""The page cache while a sorted stream runs: SQLite's sorter keeps that much of the rows in
memory before it spills them to a temporary file, so a small one keeps memory flat."""


class ContactReads:
    """Contact reads on one plain connection, inside the caller's snapshot."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def list_records(self) -> list[ListRecord]:
        """Every contact's list columns in one query, as the driver's own tuples.

        The app loads this at start-up for up to 100,000 contacts: no Row objects, no type
        processing (ListRecord's field names document the columns; the hot loop unpacks
        them by position).
        """
        return cast("list[ListRecord]", self.connection.execute(LIST_SQL).fetchall())

    @contextmanager
    def iter_records(self) -> Iterator[Iterator[ListRecord]]:
        """:meth:`list_records` one at a time, for a caller that keeps only what it makes
        of them (at 100,000 contacts the list of records alone is some 40 MiB).

        The cursor is closed when the block ends, however it ends: a damaged page met
        halfway would otherwise leave its statement open in the traceback, and SQLite
        keeps a connection with an open statement (and its -wal and -shm files) alive.
        """
        cursor = self.connection.execute(LIST_SQL)
        try:
            yield cast("Iterator[ListRecord]", iter(cursor))
        finally:
            cursor.close()

    def count(self) -> int:
        return int(self.connection.execute("SELECT count(*) FROM contact").fetchone()[0])

    def contacts_in_order(
        self,
        key: OrderKey,
        key_size: int,
        *,
        wanted: RecordTest | None = None,
        status: str | None = None,
    ) -> Iterator[Contact]:
        """Contacts ordered by ``key`` (``key_size`` parts), those ``wanted`` only, streamed.

        ``status`` narrows the rows SQLite reads (with its index) before ``wanted`` looks
        at them. The key's parts are registered as SQL functions for this query alone; each
        is called with the whole list record, so SQLite may ask them in any order.
        """
        connection = self.connection
        name = f"netui_part_{next(_names)}"
        test = f"netui_wanted_{next(_names)}"
        width = len(ListRecord._fields)

        last: list[Any] = [None, ()]  # the id whose key was computed last, and that key

        def part(index: int, *columns: Any) -> Any:
            if columns[0] != last[0]:
                last[:] = columns[0], key(ListRecord._make(columns))
            return _sql_value(last[1][index])

        def is_wanted(*columns: Any) -> int:
            return 1 if wanted is None or wanted(ListRecord._make(columns)) else 0

        connection.create_function(name, width + 1, part, deterministic=True)
        connection.create_function(test, width, is_wanted, deterministic=True)
        where = [f"{test}({LIST_COLUMNS})"] if wanted is not None else []
        params: list[Any] = []
        if status is not None:
            where.insert(0, "status = ?")
            params.append(status)
        order = ", ".join(f"{name}({index}, {LIST_COLUMNS})" for index in range(key_size))
        sql = f"SELECT {_CONTACT_COLUMNS} FROM contact"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {order}"
        (cache,) = connection.execute("PRAGMA cache_size").fetchone()
        connection.execute(f"PRAGMA cache_size = {-SORT_CACHE_KIB}")
        try:
            for row in connection.execute(sql, params):
                yield contact_from_row(row)
        finally:
            with suppress(sqlite3.ProgrammingError):  # closed under the stream: nothing to undo
                connection.execute(f"PRAGMA cache_size = {int(cache)}")
                connection.create_function(name, width + 1, None)
                connection.create_function(test, width, None)


def stored_setting(connection: sqlite3.Connection, key: str, default: Any = None) -> Any:
    """A setting's value (stored as JSON text), or ``default`` when it was never set."""
    row = connection.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return default if row is None else json.loads(row[0])
