"""What a stored record looks like, in plain terms: its fields, their kinds, its keys.

Layers that move records between forms agree on these descriptions instead of on each
other's types: the database describes its tables this way (``netui.db.backup``) and the
backup format checks documents against the descriptions (``netui.io.backup_check``), so
neither imports the other, and no SQLAlchemy reaches the file format or the services.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["FieldShape", "RecordShape", "ValueKind"]


class ValueKind(StrEnum):
    """The kind of value a field holds; the names are the ones a backup's docs use."""

    TEXT = "text"
    INT = "int"
    BOOL = "bool"
    LIST = "list"  # a tuple of one-line strings
    CHOICE = "choice"  # one member of an enumeration (stored as its text)
    DATE = "date"
    MOMENT = "datetime"  # timezone-aware, in UTC
    NAIVE_MOMENT = "naive datetime"


@dataclass(frozen=True, slots=True)
class FieldShape:
    """One field of a kind of record."""

    name: str
    kind: ValueKind
    nullable: bool = False
    required: bool = False  # a record must have it: there is no default to fall back on
    max_length: int | None = None


@dataclass(frozen=True, slots=True)
class RecordShape:
    """A kind of stored record (a table): its fields in order, its keys and references."""

    name: str  # "contact"
    plural: str  # what a collection of them is called in a file: "contacts"
    fields: tuple[FieldShape, ...]
    primary_key: tuple[str, ...]
    #: Field sets no two records may share: the primary key first, then any others.
    unique: tuple[tuple[str, ...], ...] = ()
    #: (field, name of the kind of record it points at), in field order.
    references: tuple[tuple[str, str], ...] = ()
    #: A store of named values (the settings) rather than a list of records.
    named_values: bool = False

    @property
    def noun(self) -> str:
        """What one record is, in words: ``import batch``."""
        return self.name.replace("_", " ")
