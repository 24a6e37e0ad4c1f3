"""The JSON backup file: its header, its sections, and values as the file writes them.

The document::

    {
      "format": "netui-backup",
      "version": 1,
      "schema": "0002",                      (the database schema it was made from)
      "netui": "0.1.0",
      "exported_at": "2026-11-26T15:00:00+00:00",
      "settings": {"target_keywords": ["fintech"]},
      "import_batches": [...],
      "contacts": [{"id": 1, "full_name": "...", ...}, ...],
      "interactions": [...], "scripts": [...], "script_revisions": [...],
      "timer_sessions": [...], "timer_pauses": [...], "triage_events": [...]
    }

A section holds every record of one kind (a :class:`~netui.domain.record_shape.RecordShape`)
with every field, one record per line, in the order the database gives them (by primary
key), so two backups of the same data are identical except for ``exported_at``. A store of
named values (the settings) is one object. Values look like this, by kind:

=================  =========================================  ======================
kind               in the backup                              example
=================  =========================================  ======================
datetime           ISO 8601 in UTC, with its offset           "2026-11-26T15:00:00+00:00"
date               ISO 8601 date                              "2026-11-26"
list               a list of strings (none holding a newline) ["a@x.example"]
int, bool          a number, true or false                    3, false
text               a string, exactly as stored                "Dana"
=================  =========================================  ======================

Checking a document before a restore is :mod:`netui.io.backup_check`'s.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Protocol, TextIO

from netui.domain.record_shape import RecordShape, ValueKind
from netui.errors import NetuiError

__all__ = [
    "BACKUP_FORMAT",
    "BACKUP_VERSION",
    "HEADER_KEYS",
    "MAX_PROBLEMS",
    "BackupError",
    "BackupSource",
    "backup_header",
    "from_plain",
    "load_document",
    "to_plain",
    "write_backup",
]

BACKUP_FORMAT = "netui-backup"
BACKUP_VERSION = 1
HEADER_KEYS = ("format", "version", "schema", "netui", "exported_at")
MAX_PROBLEMS = 50
_INTEGER = (-(2**63), 2**63 - 1)  # what SQLite can store


class BackupError(NetuiError):
    """A file that is not a usable netui backup; ``problems`` lists what is wrong."""

    def __init__(self, path: Path | str, problems: list[str]) -> None:
        self.path = str(path)
        self.problems = problems
        more = len(problems) - 1
        plus = "+" if len(problems) >= MAX_PROBLEMS else ""
        noun = "problem" if more == 1 else "problems"
        suffix = f" (and {more:,}{plus} more {noun})" if more else ""
        super().__init__(f"{self.path}: {problems[0]}{suffix}")


# --- values --------------------------------------------------------------------------------


def to_plain(kind: ValueKind, value: Any) -> Any:
    """A stored value as a JSON value."""
    if value is None:
        return None
    if kind is ValueKind.LIST:
        return list(value)
    if kind is ValueKind.MOMENT:
        return value.astimezone(UTC).isoformat()
    if kind in (ValueKind.DATE, ValueKind.NAIVE_MOMENT):
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


def from_plain(kind: ValueKind, value: Any) -> Any:
    """A JSON value as the field's Python value; raises ValueError saying what is wrong."""
    if value is None:
        return None
    if kind in (ValueKind.TEXT, ValueKind.CHOICE):
        if not isinstance(value, str):
            raise ValueError(f"must be a string, not {_type_name(value)}")
        return value
    if kind is ValueKind.INT:
        if type(value) is not int:
            raise ValueError(f"must be a whole number, not {_type_name(value)}")
        if not _INTEGER[0] <= value <= _INTEGER[1]:
            raise ValueError("is too large a number")
        return value
    if kind is ValueKind.BOOL:
        if not isinstance(value, bool):
            raise ValueError(f"must be true or false, not {_type_name(value)}")
        return value
    if kind is ValueKind.LIST:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ValueError("must be a list of strings")
        if any("\n" in item for item in value):
            raise ValueError("has an item with a line break, which a list item cannot hold")
        return tuple(value)
    if not isinstance(value, str):
        raise ValueError(f"must be a string, not {_type_name(value)}")
    if kind is ValueKind.DATE:
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
    if kind is ValueKind.NAIVE_MOMENT:
        return moment.replace(tzinfo=None)
    if moment.tzinfo is None:
        raise ValueError(f'"{value[:40]}" has no UTC offset (such as +00:00)')
    return moment.astimezone(UTC)


# --- writing -------------------------------------------------------------------------------


class BackupSource(Protocol):
    """Where a backup's records come from (``netui.db.backup.BackupRepository``)."""

    def rows(self, shape: RecordShape) -> Iterable[Sequence[Any]]:
        """Every record, its values in the shape's field order."""
        ...

    def named_values(self, shape: RecordShape) -> Mapping[str, Any]:
        """A store of named values, as JSON-ready values."""
        ...


def backup_header(schema: str, netui_version: str, now: datetime) -> dict[str, Any]:
    """The first keys of a backup made now from a database at ``schema``."""
    return {
        "format": BACKUP_FORMAT,
        "version": BACKUP_VERSION,
        "schema": schema,
        "netui": netui_version,
        "exported_at": now.astimezone(UTC).isoformat(),
    }


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _write_records(out: TextIO, shape: RecordShape, rows: Iterable[Sequence[Any]]) -> int:
    """Write ``"plural": [records]`` one record per line; returns how many."""
    out.write(f",\n  {_dump(shape.plural)}: [")
    fields = [(field.name, field.kind) for field in shape.fields]
    count = 0
    for row in rows:
        record = {
            name: to_plain(kind, value) for (name, kind), value in zip(fields, row, strict=True)
        }
        out.write(("," if count else "") + "\n    " + _dump(record))
        count += 1
    out.write("\n  ]" if count else "]")
    return count


def write_backup(
    out: TextIO, header: Mapping[str, Any], shapes: Sequence[RecordShape], source: BackupSource
) -> dict[str, int]:
    """Write a whole backup to ``out``, streamed; returns the records written per section.

    The header comes first, then the named values, then every other section in the order
    of ``shapes``.
    """
    out.write("{\n" + ",\n".join(f"  {_dump(k)}: {_dump(v)}" for k, v in header.items()))
    counts: dict[str, int] = {}
    for shape in shapes:
        if shape.named_values:
            values = source.named_values(shape)
            out.write(f",\n  {_dump(shape.plural)}: {_dump(values)}")
            counts[shape.plural] = len(values)
    for shape in shapes:
        if not shape.named_values:
            counts[shape.plural] = _write_records(out, shape, source.rows(shape))
    out.write("\n}\n")
    return counts


# --- reading -------------------------------------------------------------------------------


def load_document(path: Path) -> Any:
    """The parsed JSON of ``path``, or BackupError saying why it cannot be read."""
    try:
        with path.open(encoding="utf-8-sig") as handle:
            return json.load(handle)
    except FileNotFoundError:
        raise BackupError(path, ["does not exist"]) from None
    except IsADirectoryError:
        raise BackupError(path, ["is a folder, not a backup file"]) from None
    except UnicodeDecodeError:
        raise BackupError(path, ["is not a netui backup (it is not UTF-8 text)"]) from None
    except json.JSONDecodeError as error:
        raise BackupError(
            path,
            [
                f"is not a netui backup (not valid JSON: {error.msg} on line {error.lineno:,}, "
                f"column {error.colno:,})"
            ],
        ) from None
    except OSError as error:
        raise BackupError(path, [f"cannot be read ({error.strerror or error})"]) from None
