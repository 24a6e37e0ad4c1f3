"""Checking a parsed backup before anything is restored, and turning it into records.

Nothing is written until the whole document is known to be sound. Every problem found (up
to :data:`~netui.io.backup_format.MAX_PROBLEMS`) is named by its place in the file, and the
:class:`~netui.io.backup_format.BackupError` raised shows the first::

    backup.json: contacts[12].status: "vip" is not one of new, top20, later, skip, archived

In order: the header (a backup this netui can read), the sections (known, and none of the
first schema's missing), then each record's fields against its
:class:`~netui.domain.record_shape.RecordShape` (known fields, required ones present,
values of the right kind), its text cleaned as the domain's
:class:`~netui.domain.record_rules.RecordRules` say and checked against their rules, then
keys (unique), references (to a record of the backup) and the rules over whole sections.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from netui.domain.record_rules import FieldRule, RecordRules, TextCleaner, shown
from netui.domain.record_shape import FieldShape, RecordShape, ValueKind
from netui.io.backup_format import (
    BACKUP_FORMAT,
    BACKUP_VERSION,
    HEADER_KEYS,
    MAX_PROBLEMS,
    BackupError,
    from_plain,
)

__all__ = ["REQUIRED_SECTIONS", "RestorePlan", "check_document"]

#: Sections every backup has (the tables of the first schema); a table added later may be
#: missing from a backup made before it existed, and is then restored empty.
REQUIRED_SECTIONS = (
    "import_batches",
    "contacts",
    "interactions",
    "scripts",
    "script_revisions",
    "timer_sessions",
    "timer_pauses",
    "settings",
    "triage_events",
)
_INT64 = (-(2**63), 2**63)


@dataclass(frozen=True, slots=True)
class RestorePlan:
    """A sound backup, ready to write: records by kind (table name), in document order."""

    schema: str
    exported_at: datetime | None
    records: dict[str, list[dict[str, Any]]]
    named_values: dict[str, dict[str, Any]]


def _check_header(path: Path, document: Any, schemas: Sequence[str]) -> tuple[str, datetime | None]:
    """Refuse anything but a backup this netui can restore; returns (schema, exported_at)."""
    if not isinstance(document, dict) or document.get("format") != BACKUP_FORMAT:
        raise BackupError(path, [f'is not a netui backup (it has no "format": "{BACKUP_FORMAT}")'])
    version = document.get("version")
    if type(version) is not int or version < 1:
        raise BackupError(path, [f"version: {shown(version)} is not a backup version"])
    if version > BACKUP_VERSION:
        raise BackupError(
            path,
            [
                f"was made by a newer netui (backup version {version}; this netui reads "
                f"version {BACKUP_VERSION}): upgrade netui to restore it"
            ],
        )
    schema = document.get("schema")
    if not isinstance(schema, str):
        raise BackupError(path, [f"schema: {shown(schema)} is not a schema revision"])
    if schema not in schemas:
        raise BackupError(
            path,
            [
                f"was made by a newer netui (database schema {schema}; this netui knows up "
                f"to {schemas[-1]}): upgrade netui to restore it"
            ],
        )
    if "exported_at" not in document:
        raise BackupError(path, ["exported_at: missing"])
    try:
        exported_at = from_plain(ValueKind.MOMENT, document["exported_at"])
    except ValueError as error:
        raise BackupError(path, [f"exported_at: {error}"]) from None
    return schema, exported_at


@dataclass(frozen=True, slots=True)
class _Found:
    """The sound records of one section, and where each stands in the file."""

    shape: RecordShape
    records: list[dict[str, Any]]
    places: list[int]  # each record's index in the section, counting the unsound ones

    def at(self, position: int) -> str:
        return f"{self.shape.plural}[{self.places[position]}]"


@dataclass(frozen=True, slots=True)
class _FieldCheck:
    """What checking one field's values needs, worked out once per section."""

    name: str
    kind: ValueKind
    nullable: bool
    required: bool
    rule: FieldRule | None
    clean: TextCleaner | None  # for text and lists (each item) only

    @classmethod
    def of(cls, field: FieldShape, rules: RecordRules, record: str) -> _FieldCheck:
        clean = rules.cleaner(record, field.name)
        if field.kind not in (ValueKind.TEXT, ValueKind.LIST):
            clean = None
        rule = rules.field_rule(record, field.name)
        return cls(field.name, field.kind, field.nullable, field.required, rule, clean)


def _cleaned(clean: TextCleaner, value: str | tuple[str, ...]) -> str | tuple[str, ...]:
    """A text cleaned, or a list with each item cleaned and the ones left empty dropped."""
    if type(value) is str:
        return clean(value)
    return tuple(item for item in map(clean, value) if item)


class _Checker:
    """Checks every section of a document and turns its records into insertable values."""

    def __init__(self, rules: RecordRules) -> None:
        self.rules = rules
        self.problems: list[str] = []
        self.ids: dict[str, set[Any]] = {}  # record name -> its primary key values

    def problem(self, text: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(text)

    def named_values(self, shape: RecordShape, raw: Any) -> dict[str, Any]:
        if not isinstance(raw, dict):
            self.problem(f"{shape.plural}: must be an object of settings, not {shown(raw)}")
            return {}
        limit = next(f.max_length for f in shape.fields if f.name == shape.primary_key[0])
        values = {}
        for name, value in raw.items():
            if not name or (limit is not None and len(name) > limit):
                self.problem(f"{shape.plural}: {shown(name)} is not a setting name")
                continue
            values[name] = value
        self.ids[shape.name] = set(raw)
        return values

    def records(self, shape: RecordShape, raw: Any) -> _Found:
        found = _Found(shape, [], [])
        if not isinstance(raw, list):
            self.problem(f"{shape.plural}: must be a list, not {shown(raw)}")
            return found
        checks = [_FieldCheck.of(f, self.rules, shape.name) for f in shape.fields]
        names = frozenset(f.name for f in shape.fields)
        for index, item in enumerate(raw):
            record = self._record(shape, names, checks, f"{shape.plural}[{index}]", item)
            if record is not None:
                found.records.append(record)
                found.places.append(index)
        return found

    def _record(
        self,
        shape: RecordShape,
        names: frozenset[str],
        checks: list[_FieldCheck],
        where: str,
        item: Any,
    ) -> dict[str, Any] | None:
        if not isinstance(item, dict):
            self.problem(f"{where}: must be an object, not {shown(item)}")
            return None
        unknown = [name for name in item if name not in names]
        if unknown:
            self.problem(f"{where}.{unknown[0]}: is not a field of a {shape.noun}")
            return None
        # Values are converted in place: the parsed document is not copied (a 100,000-contact
        # backup is a few hundred MB as Python objects).
        ok = True
        for check in checks:
            name = check.name
            if name not in item:
                if check.required:
                    self.problem(f"{where}.{name}: missing")
                    ok = False
                continue
            raw = item[name]
            value: Any
            # The common cases first, without a call: null, a string or a whole number as is.
            if (
                (raw is None and check.nullable)
                or (check.kind is ValueKind.TEXT and type(raw) is str)
                or (
                    check.kind is ValueKind.INT
                    and type(raw) is int
                    and _INT64[0] <= raw < _INT64[1]
                )
            ):
                value = raw
            else:
                try:
                    value = from_plain(check.kind, raw)
                except ValueError as error:
                    self.problem(f"{where}.{name}: {error}")
                    ok = False
                    continue
                if value is None and not check.nullable:
                    self.problem(f"{where}.{name}: must have a value, not null")
                    ok = False
                    continue
                item[name] = value
            if value is not None and check.clean is not None:
                value = item[name] = _cleaned(check.clean, value)
            if value is not None and check.rule is not None:
                broken = check.rule(value)
                if broken is not None:
                    self.problem(f"{where}.{name}: {broken}")
                    ok = False
        return item if ok else None

    def keys(self, found: _Found) -> None:
        """Check that primary keys and unique fields are unique, and remember the ids."""
        shape = found.shape
        for names in shape.unique:
            seen: dict[Any, int] = {}
            for position, record in enumerate(found.records):
                if any(record.get(name) is None for name in names):
                    continue
                value = tuple(record[name] for name in names)
                if value in seen:
                    values = ", ".join(shown(part) for part in value)
                    self.problem(
                        f"{found.at(position)}.{names[0]}: {values} is used twice "
                        f"(also by {found.at(seen[value])})"
                    )
                else:
                    seen[value] = position
            if len(names) == 1 and names == shape.primary_key:
                self.ids[shape.name] = {key[0] for key in seen}

    def references(self, found: _Found) -> None:
        """Check every reference points at a record of the backup."""
        for name, target in found.shape.references:
            known = self.ids.get(target, set())
            for position, record in enumerate(found.records):
                value = record.get(name)
                if value is not None and value not in known:
                    self.problem(
                        f"{found.at(position)}.{name}: {shown(value)} is not "
                        f"the id of any {target.replace('_', ' ')} in the backup"
                    )

    def section_rules(self, found: _Found) -> None:
        """Apply the domain's rules over all the sound records of the section."""
        for rule in self.rules.section_rules(found.shape.name):
            for position, name, broken in rule(found.records):
                self.problem(f"{found.at(position)}.{name}: {broken}")


def check_document(
    path: Path,
    document: Any,
    shapes: Sequence[RecordShape],
    *,
    schemas: Sequence[str],
    rules: RecordRules,
) -> RestorePlan:
    """Check a parsed backup against ``shapes`` (parents first) and ``rules``, and turn it
    into records to insert, or raise BackupError naming the problems found.

    ``schemas`` are the database schema revisions this netui knows, oldest first.
    """
    schema, exported_at = _check_header(path, document, schemas)
    checker = _Checker(rules)
    known = {shape.plural for shape in shapes}
    for key in document:
        if key not in known and key not in HEADER_KEYS:
            checker.problem(f"{key}: is not a section of a netui backup")
    for key in REQUIRED_SECTIONS:
        if key not in document:
            checker.problem(f"{key}: missing")
    records: dict[str, list[dict[str, Any]]] = {}
    named_values: dict[str, dict[str, Any]] = {}
    for shape in shapes:
        if shape.named_values:
            named_values[shape.name] = checker.named_values(shape, document.get(shape.plural, {}))
            continue
        found = checker.records(shape, document.get(shape.plural, []))
        checker.keys(found)
        checker.references(found)
        checker.section_rules(found)
        records[shape.name] = found.records
    if checker.problems:
        raise BackupError(path, checker.problems)
    return RestorePlan(schema, exported_at, records, named_values)
