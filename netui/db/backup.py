"""Every table as plain rows, and back: the storage half of the JSON backup.

Tables and columns are read from the models' metadata, never listed by hand, so a column or
table a later migration adds is backed up and restored without touching this file. Values
become JSON-ready plain values by column type (:func:`to_plain`) and are checked and turned
back by :func:`from_plain`:

=================  =========================================  ======================
column type        in the backup                              example
=================  =========================================  ======================
UTCDateTime        ISO 8601 in UTC, with its offset           "2026-11-26T15:00:00+00:00"
Date               ISO 8601 date                              "2026-11-26"
StringList         a list of strings (none holding a newline) ["a@x.example"]
Integer, Boolean   a number, true or false                    3, false
Text, String       a string, exactly as stored                "Dana"
=================  =========================================  ======================

The ``setting`` table is a key/value store whose values are JSON text; the backup holds it
as one object of decoded values (``{"target_keywords": ["fintech"]}``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import groupby, islice
from typing import Any

from sqlalchemy import Boolean, Column, Date, DateTime, Integer, String, Table, func, insert, select
from sqlalchemy.orm import Session

from netui.db.models import Base, StringList, UTCDateTime

__all__ = [
    "SECTION_KEYS",
    "SETTINGS_TABLE",
    "BackupRepository",
    "Section",
    "column_kind",
    "from_plain",
    "sections",
    "to_plain",
]

#: The backup's name for each table (a table not listed here is backed up under its own name).
SECTION_KEYS = {
    "import_batch": "import_batches",
    "contact": "contacts",
    "interaction": "interactions",
    "script": "scripts",
    "script_revision": "script_revisions",
    "timer_session": "timer_sessions",
    "timer_pause": "timer_pauses",
    "setting": "settings",
    "triage_event": "triage_events",
    "import_change": "import_changes",
}
SETTINGS_TABLE = "setting"
CHUNK_SIZE = 5000
_SQLITE_INTEGER = (-(2**63), 2**63 - 1)


@dataclass(frozen=True, slots=True)
class Section:
    """One table and its key in the backup document."""

    key: str
    table: Table

    @property
    def noun(self) -> str:
        """What one row is, in words: ``import batch``."""
        return self.table.name.replace("_", " ")


def sections() -> tuple[Section, ...]:
    """Every table, parents before the tables that refer to them (restore order)."""
    return tuple(
        Section(SECTION_KEYS.get(table.name, table.name), table)
        for table in Base.metadata.sorted_tables
    )


def column_kind(column: Column[Any]) -> str:
    """How a column's values look in a backup: list, datetime, date, bool, int or text."""
    kind = column.type
    if isinstance(kind, StringList):
        return "list"
    if isinstance(kind, UTCDateTime):
        return "datetime"
    if isinstance(kind, DateTime):
        return "naive datetime"
    if isinstance(kind, Date):
        return "date"
    if isinstance(kind, Boolean):
        return "bool"
    if isinstance(kind, Integer):
        return "int"
    if isinstance(kind, String):
        return "text"
    raise TypeError(f"no backup rule for {column.table.name}.{column.name} ({kind!r})")


def to_plain(kind: str, value: Any) -> Any:
    """A stored value as a JSON value."""
    if value is None:
        return None
    if kind == "list":
        return list(value)
    if kind == "datetime":
        return value.astimezone(UTC).isoformat()
    if kind in ("date", "naive datetime"):
        return value.isoformat()
    return value


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    return {
        int: "a number",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)


def from_plain(kind: str, value: Any) -> Any:
    """A JSON value as the column's Python value; raises ValueError saying what is wrong."""
    if value is None:
        return None
    if kind == "text":
        if not isinstance(value, str):
            raise ValueError(f"must be a string, not {_type_name(value)}")
        return value
    if kind == "int":
        if type(value) is not int:
            raise ValueError(f"must be a whole number, not {_type_name(value)}")
        if not _SQLITE_INTEGER[0] <= value <= _SQLITE_INTEGER[1]:
            raise ValueError("is too large a number")
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise ValueError(f"must be true or false, not {_type_name(value)}")
        return value
    if kind == "list":
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ValueError("must be a list of strings")
        if any("\n" in item for item in value):
            raise ValueError("has an item with a line break, which a list item cannot hold")
        return tuple(value)
    if not isinstance(value, str):
        raise ValueError(f"must be a string, not {_type_name(value)}")
    if kind == "date":
        try:
            if len(value) != 10:
                raise ValueError
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(f'"{value[:40]}" is not a date (YYYY-MM-DD)') from None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f'"{value[:40]}" is not an ISO 8601 date and time') from None
    if kind == "naive datetime":
        return moment.replace(tzinfo=None)
    if moment.tzinfo is None:
        raise ValueError(f'"{value[:40]}" has no UTC offset (such as +00:00)')
    return moment.astimezone(UTC)


def _chunks(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


class BackupRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def table_names(self) -> set[str]:
        """The tables actually in the database file (Alembic's and SQLite's own left out)."""
        rows = self.session.connection().exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
        )
        return {row[0] for row in rows}

    def count(self, table: Table) -> int:
        return self.session.scalar(select(func.count()).select_from(table)) or 0

    def rows(self, table: Table) -> Iterator[dict[str, Any]]:
        """Every row as ``{column: JSON value}`` in column order, by primary key, streamed."""
        kinds = [(column.name, column_kind(column)) for column in table.columns]
        stmt = (
            select(table)
            .order_by(*table.primary_key.columns)
            .execution_options(yield_per=CHUNK_SIZE)
        )
        for partition in self.session.execute(stmt).partitions():
            for row in partition:
                yield {
                    name: to_plain(kind, value)
                    for (name, kind), value in zip(kinds, row, strict=True)
                }

    def settings(self) -> dict[str, Any]:
        """The settings as ``{key: value}``, values decoded from their JSON text."""
        table = Base.metadata.tables[SETTINGS_TABLE]
        found: dict[str, Any] = {}
        for key, text in self.session.execute(
            select(table.c.key, table.c.value).order_by(table.c.key)
        ):
            try:
                found[key] = json.loads(text)
            except ValueError:
                found[key] = text  # not JSON (never written by netui): kept as the text
        return found

    def insert(self, table: Table, rows: Iterable[Mapping[str, Any]]) -> int:
        """Insert rows as given, primary keys included; returns how many.

        Rows that leave a column out (an older backup, before a migration added it) get the
        column's default; rows are grouped by the columns they have, as one statement
        binds the same columns for every row.
        """
        count = 0
        stmt = insert(table)

        def columns(row: Mapping[str, Any]) -> tuple[str, ...]:
            return tuple(sorted(row))

        for _, group in groupby(sorted(rows, key=columns), key=columns):
            for chunk in _chunks((dict(row) for row in group), CHUNK_SIZE):
                self.session.execute(stmt, chunk)
                count += len(chunk)
        return count

    def fix_sequences(self) -> None:
        """Make AUTOINCREMENT counters (if a table has one) continue after the restored ids."""
        connection = self.session.connection()
        has_sequences = connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'"
        ).first()
        if not has_sequences:
            return
        for name, _seq in list(connection.exec_driver_sql("SELECT name, seq FROM sqlite_sequence")):
            table = Base.metadata.tables.get(name)
            if table is None or len(table.primary_key.columns) != 1:
                continue
            key = next(iter(table.primary_key.columns))
            highest = self.session.scalar(select(func.max(key))) or 0
            connection.exec_driver_sql(
                "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", (highest, name)
            )
