"""Every table as records and back: the storage half of the JSON backup.

Tables and columns are read from the models' metadata, never listed by hand, so a column or
table a later migration adds is backed up and restored without touching this file. Each
table is described as a plain :class:`~netui.domain.record_shape.RecordShape` (its
columns' kinds from their types, by :func:`column_kind`), which is all the backup format
(``netui.io.backup_format``, ``netui.io.backup_check``) and the service ever see.

The ``setting`` table is a key/value store whose values are JSON text; the backup holds it
as one object of decoded values (``{"target_keywords": ["fintech"]}``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import groupby, islice
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Integer,
    String,
    Table,
    UniqueConstraint,
    func,
    insert,
    select,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeEngine

from netui.db.models import Base, StringList, UTCDateTime
from netui.domain.record_shape import FieldShape, RecordShape, ValueKind
from netui.errors import NetuiError

__all__ = [
    "SECTION_KEYS",
    "SETTINGS_TABLE",
    "BackupRepository",
    "RestoreConflictError",
    "Section",
    "column_kind",
    "record_shapes",
    "sections",
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


class RestoreConflictError(NetuiError):
    """The database refused a record that passed every check; ``place`` names the record
    (``contacts[12]``) and ``detail`` the constraint, as SQLite words it."""

    def __init__(self, place: str, detail: str) -> None:
        self.place = place
        self.detail = detail
        super().__init__(f"{place}: {detail}")


# Column types and the kind of value each holds (the first that matches wins).
_KINDS: tuple[tuple[type[TypeEngine[Any]], ValueKind], ...] = (
    (StringList, ValueKind.LIST),
    (UTCDateTime, ValueKind.MOMENT),
    (DateTime, ValueKind.NAIVE_MOMENT),
    (Date, ValueKind.DATE),
    (Boolean, ValueKind.BOOL),
    (Integer, ValueKind.INT),
    (String, ValueKind.TEXT),
)


def column_kind(column: Column[Any]) -> ValueKind:
    """How a column's values look outside the database, from its type."""
    for column_type, kind in _KINDS:
        if isinstance(column.type, column_type):
            return kind
    raise TypeError(f"no backup rule for {column.table.name}.{column.name} ({column.type!r})")


def _field(column: Column[Any]) -> FieldShape:
    has_default = column.default is not None or column.server_default is not None
    length = column.type.length if isinstance(column.type, String) else None
    return FieldShape(
        name=column.name,
        kind=column_kind(column),
        nullable=bool(column.nullable),
        required=bool(column.primary_key or not (column.nullable or has_default)),
        max_length=length,
    )


def _shape(table: Table) -> RecordShape:
    primary_key = tuple(column.name for column in table.primary_key.columns)
    unique = [primary_key]
    unique += [
        tuple(column.name for column in constraint.columns)
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint)
    ]
    # A partial or expression unique index (a script's name among those not deleted; one
    # running timer session) is no rule on a column's values across all records: the
    # domain's section rules or the database check it when the records are written.
    unique += [
        tuple(column.name for column in index.columns)
        for index in table.indexes
        if index.unique and index.columns and index.dialect_options["sqlite"]["where"] is None
    ]
    return RecordShape(
        name=table.name,
        plural=SECTION_KEYS.get(table.name, table.name),
        fields=tuple(_field(column) for column in table.columns),
        primary_key=primary_key,
        unique=tuple(dict.fromkeys(unique)),
        references=tuple(
            (column.name, foreign.column.table.name)
            for column in table.columns
            for foreign in column.foreign_keys
        ),
        named_values=table.name == SETTINGS_TABLE,
    )


@dataclass(frozen=True, slots=True)
class Section:
    """One table and its description: what it is called in a backup, and its shape."""

    table: Table
    shape: RecordShape

    @property
    def key(self) -> str:
        return self.shape.plural


@cache
def sections() -> tuple[Section, ...]:
    """Every table, parents before the tables that refer to them (restore order)."""
    return tuple(Section(table, _shape(table)) for table in Base.metadata.sorted_tables)


def record_shapes() -> tuple[RecordShape, ...]:
    """Every table's shape, in restore order."""
    return tuple(section.shape for section in sections())


def _chunks(items: Iterable[int], size: int) -> Iterator[list[int]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _table(shape: RecordShape) -> Table:
    return Base.metadata.tables[shape.name]


class BackupRepository:
    """Reads every table for a backup, and restores one into an empty database."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def unknown_tables(self) -> list[str]:
        """Tables in the database file the models do not describe (a backup would miss them)."""
        rows = self.session.connection().exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
        )
        return sorted({row[0] for row in rows} - set(Base.metadata.tables))

    def filled(self) -> list[tuple[str, int]]:
        """``(section key, rows)`` for every table that holds any, in restore order."""
        counts = ((section.key, self._count(section.table)) for section in sections())
        return [(key, count) for key, count in counts if count]

    def _count(self, table: Table) -> int:
        return self.session.scalar(select(func.count()).select_from(table)) or 0

    def rows(self, shape: RecordShape) -> Iterator[Sequence[Any]]:
        """Every row of a table as its values in column order, by primary key, streamed."""
        table = _table(shape)
        stmt = (
            select(table)
            .order_by(*table.primary_key.columns)
            .execution_options(yield_per=CHUNK_SIZE)
        )
        for partition in self.session.execute(stmt).partitions():
            yield from partition

    def named_values(self, shape: RecordShape) -> dict[str, Any]:
        """The settings as ``{key: value}``, values decoded from their JSON text."""
        table = _table(shape)
        found: dict[str, Any] = {}
        for key, text in self.session.execute(
            select(table.c.key, table.c.value).order_by(table.c.key)
        ):
            try:
                found[key] = json.loads(text)
            except ValueError:
                found[key] = text  # not JSON (never written by netui): kept as the text
        return found

    def restore(
        self,
        records: Mapping[str, Sequence[Mapping[str, Any]]],
        named_values: Mapping[str, Mapping[str, Any]],
    ) -> dict[str, int]:
        """Insert every table's records as given, ids included, parents first; returns the
        rows written per section key. The tables must be empty (see :meth:`filled`).

        Raises RestoreConflictError naming the first record the database refuses.

        References are checked once every table is written (``defer_foreign_keys``, which
        SQLite turns off again at the commit): a contact may name, as who referred them,
        a contact with a higher id, which is inserted after them.
        """
        self.session.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        counts: dict[str, int] = {}
        for section in sections():
            name = section.table.name
            rows: Sequence[Mapping[str, Any]]
            if section.shape.named_values:
                values = named_values.get(name, {})
                rows = [{"key": key, "value": json.dumps(value)} for key, value in values.items()]
            else:
                rows = list(records.get(name, ()))
            counts[section.key] = self._insert(section, rows)
        self._check_references()
        self._fix_sequences()
        return counts

    def _insert(self, section: Section, rows: Sequence[Mapping[str, Any]]) -> int:
        """Insert rows into an empty table, in chunks; returns how many.

        Rows that leave a column out (an older backup, before a migration added it) get the
        column's default; rows are grouped by the columns they have, as one statement binds
        the same columns for every row.
        """
        stmt = insert(section.table)

        def columns(at: int) -> tuple[str, ...]:
            return tuple(sorted(rows[at]))

        order = sorted(range(len(rows)), key=columns)  # the order rows are inserted in
        for _, group in groupby(order, key=columns):
            for chunk in _chunks(group, CHUNK_SIZE):
                try:
                    self.session.execute(stmt, [rows[at] for at in chunk])
                except IntegrityError as error:
                    # Every row before the refused one went in, and the table was empty.
                    refused = order[self._count(section.table)]
                    detail = str(error.orig) if error.orig else str(error)
                    raise RestoreConflictError(f"{section.key}[{refused}]", detail) from None
        return len(rows)

    def _check_references(self) -> None:
        """Name the first row left pointing at nothing (the checks before should stop any)."""
        broken = self.session.connection().exec_driver_sql("PRAGMA foreign_key_check").first()
        if broken is not None:
            table, rowid, parent = broken[0], broken[1], broken[2]
            key = SECTION_KEYS.get(table, table)
            raise RestoreConflictError(
                f"{key} (row {rowid})", f"points at a missing {parent.replace('_', ' ')}"
            )

    def _fix_sequences(self) -> None:
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
