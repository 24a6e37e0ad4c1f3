"""A complete backup of the database as one JSON file, and its exact restore.

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

Every table is there with every column (see :mod:`netui.db.backup` for how values look),
rows in primary-key order, one row per line, so two backups of the same data are identical
except for ``exported_at``. Ids are kept, so a restore recreates the database exactly:
links between rows, the Top 20 order and the undo history included.

:meth:`BackupService.restore` checks the whole document before writing anything and names
the first problem by its place in the file
(``backup.json: contacts[12].status: "vip" is not one of new, top20, later, skip,
archived``); it restores only into an empty database, all in one transaction.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Column, UniqueConstraint
from sqlalchemy.exc import IntegrityError

from netui import __version__
from netui.db.backup import (
    SECTION_KEYS,
    SETTINGS_TABLE,
    BackupRepository,
    Section,
    column_kind,
    from_plain,
    sections,
)
from netui.db.engine import Database
from netui.db.schema_version import HEAD, REVISIONS
from netui.domain.clock import Clock, system_clock
from netui.domain.types import Channel, DatePrecision, Outcome, TriageStatus
from netui.errors import NetuiError

__all__ = [
    "BACKUP_FORMAT",
    "BACKUP_VERSION",
    "BackupError",
    "BackupService",
    "BackupSummary",
    "RestoreRefusedError",
    "RestoreSummary",
]

BACKUP_FORMAT = "netui-backup"
BACKUP_VERSION = 1
HEADER_KEYS = ("format", "version", "schema", "netui", "exported_at")
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
MAX_PROBLEMS = 50

_TRIAGE = tuple(status.value for status in TriageStatus)
#: Values a column may take, beyond its type (what the app relies on when it reads them).
CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("contact", "status"): _TRIAGE,
    ("contact", "last_contacted_precision"): tuple(p.value for p in DatePrecision),
    ("interaction", "channel"): tuple(c.value for c in Channel),
    ("interaction", "outcome"): tuple(o.value for o in Outcome),
    ("triage_event", "before_status"): _TRIAGE,
    ("triage_event", "after_status"): _TRIAGE,
}
STRENGTH_COLUMNS = frozenset(
    (
        ("contact", "strength"),
        ("triage_event", "before_strength"),
        ("triage_event", "after_strength"),
    )
)


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


class RestoreRefusedError(NetuiError):
    """A backup is restored only into an empty database."""


def _counts_fields(counts: Mapping[str, int]) -> dict[str, Any]:
    ordered = tuple((section.key, counts.get(section.key, 0)) for section in sections())
    return {
        "contacts": counts.get("contacts", 0),
        "interactions": counts.get("interactions", 0),
        "scripts": counts.get("scripts", 0),
        "script_revisions": counts.get("script_revisions", 0),
        "timer_sessions": counts.get("timer_sessions", 0),
        "timer_pauses": counts.get("timer_pauses", 0),
        "settings": counts.get("settings", 0),
        "import_batches": counts.get("import_batches", 0),
        "triage_events": counts.get("triage_events", 0),
        "tables": ordered,
    }


_NOUNS = {
    "contacts": "contact",
    "interactions": "interaction",
    "scripts": "script",
    "timer_sessions": "daily session",
    "settings": "setting",
}


def _describe(contacts: int, interactions: int, tables: tuple[tuple[str, int], ...]) -> str:
    """Contacts and interactions always, then scripts, sessions and settings if any."""
    counts = {**dict(tables), "contacts": contacts, "interactions": interactions}
    parts = []
    for key, noun in _NOUNS.items():
        count = counts.get(key, 0)
        if count or key in ("contacts", "interactions"):
            parts.append(f"{count:,} {noun}{'' if count == 1 else 's'}")
    return ", ".join(parts[:-1]) + " and " + parts[-1]


@dataclass(frozen=True, slots=True)
class BackupSummary:
    """What a JSON backup holds: rows per section (``tables`` has every section)."""

    path: Path
    schema: str
    contacts: int
    interactions: int
    scripts: int
    script_revisions: int
    timer_sessions: int
    timer_pauses: int
    settings: int
    import_batches: int
    triage_events: int
    tables: tuple[tuple[str, int], ...]
    bytes_written: int
    seconds: float

    def __str__(self) -> str:
        return f"backup of {_describe(self.contacts, self.interactions, self.tables)}"


@dataclass(frozen=True, slots=True)
class RestoreSummary:
    """What a restore wrote: rows per section (``tables`` has every section)."""

    path: Path
    schema: str
    exported_at: datetime | None
    contacts: int
    interactions: int
    scripts: int
    script_revisions: int
    timer_sessions: int
    timer_pauses: int
    settings: int
    import_batches: int
    triage_events: int
    tables: tuple[tuple[str, int], ...]
    seconds: float

    def __str__(self) -> str:
        """``1,204 contacts, 310 interactions, 2 scripts and 3 settings``."""
        return _describe(self.contacts, self.interactions, self.tables)


# --- writing -------------------------------------------------------------------------------


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _write_section(out: TextIO, key: str, rows: Any) -> int:
    """Write ``"key": [rows]`` one row per line; returns how many rows."""
    out.write(f",\n  {_dump(key)}: [")
    count = 0
    for row in rows:
        out.write(("," if count else "") + "\n    " + _dump(row))
        count += 1
    out.write("\n  ]" if count else "]")
    return count


# --- reading and checking ------------------------------------------------------------------


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _load(path: Path) -> Any:
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


def _check_header(path: Path, document: Any) -> tuple[str, datetime | None]:
    """Refuse anything but a backup this netui can restore; returns (schema, exported_at)."""
    if not isinstance(document, dict) or document.get("format") != BACKUP_FORMAT:
        raise BackupError(path, [f'is not a netui backup (it has no "format": "{BACKUP_FORMAT}")'])
    version = document.get("version")
    if type(version) is not int or version < 1:
        raise BackupError(path, [f"version: {_shown(version)} is not a backup version"])
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
        raise BackupError(path, [f"schema: {_shown(schema)} is not a schema revision"])
    if schema not in REVISIONS:
        raise BackupError(
            path,
            [
                f"was made by a newer netui (database schema {schema}; this netui knows up "
                f"to {HEAD}): upgrade netui to restore it"
            ],
        )
    if "exported_at" not in document:
        raise BackupError(path, ["exported_at: missing"])
    try:
        exported_at = from_plain("datetime", document["exported_at"])
    except ValueError as error:
        raise BackupError(path, [f"exported_at: {error}"]) from None
    return schema, exported_at


@dataclass(frozen=True, slots=True)
class _ColumnSpec:
    """What checking one column's values needs, worked out once per table."""

    name: str
    kind: str
    nullable: bool
    required: bool  # a row must have it (no default to fall back on)
    choices: tuple[str, ...] | None
    strength: bool

    @property
    def checked(self) -> bool:
        return self.choices is not None or self.strength

    @classmethod
    def of(cls, column: Column[Any]) -> _ColumnSpec:
        where = (column.table.name, column.name)
        return cls(
            name=column.name,
            kind=column_kind(column),
            nullable=bool(column.nullable),
            required=bool(
                column.primary_key
                or not (
                    column.nullable
                    or column.default is not None
                    or column.server_default is not None
                )
            ),
            choices=CHOICES.get(where),
            strength=where in STRENGTH_COLUMNS,
        )


class _Checker:
    """Checks every section of a document and turns its rows into insertable values."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.ids: dict[str, set[Any]] = {}  # table name -> its primary key values

    def problem(self, text: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(text)

    def section(self, section: Section, raw: Any) -> list[dict[str, Any]]:
        if section.table.name == SETTINGS_TABLE:
            return self._settings(section, raw)
        if not isinstance(raw, list):
            self.problem(f"{section.key}: must be a list, not {_shown(raw)}")
            return []
        specs = [_ColumnSpec.of(column) for column in section.table.columns]
        return [
            row
            for index, item in enumerate(raw)
            if (row := self._row(section, specs, f"{section.key}[{index}]", item)) is not None
        ]

    def _settings(self, section: Section, raw: Any) -> list[dict[str, Any]]:
        if not isinstance(raw, dict):
            self.problem(f"{section.key}: must be an object of settings, not {_shown(raw)}")
            return []
        rows = []
        for key, value in raw.items():
            if len(key) > 64 or not key:
                self.problem(f"{section.key}: {_shown(key)} is not a setting name")
                continue
            rows.append({"key": key, "value": json.dumps(value)})
        self.ids[section.table.name] = set(raw)
        return rows

    def _row(
        self, section: Section, specs: list[_ColumnSpec], where: str, item: Any
    ) -> dict[str, Any] | None:
        if not isinstance(item, dict):
            self.problem(f"{where}: must be an object, not {_shown(item)}")
            return None
        columns = section.table.columns
        unknown = [name for name in item if name not in columns]
        if unknown:
            self.problem(f"{where}.{unknown[0]}: is not a field of a {section.noun}")
            return None
        # Values are converted in place: the parsed document is not copied (a 100,000-contact
        # backup is a few hundred MB as Python objects).
        ok = True
        for spec in specs:
            name = spec.name
            if name not in item:
                if spec.required:
                    self.problem(f"{where}.{name}: missing")
                    ok = False
                continue
            raw = item[name]
            # The common cases first, without a call: null, a string or a whole number as is.
            if (
                (raw is None and spec.nullable)
                or (spec.kind == "text" and type(raw) is str)
                or (spec.kind == "int" and type(raw) is int and -(2**63) <= raw < 2**63)
            ):
                value = raw
            else:
                try:
                    value = from_plain(spec.kind, raw)
                except ValueError as error:
                    self.problem(f"{where}.{name}: {error}")
                    ok = False
                    continue
                if value is None and not spec.nullable:
                    self.problem(f"{where}.{name}: must have a value, not null")
                    ok = False
                    continue
                item[name] = value
            if value is not None and spec.checked and not self._allowed(spec, where, value):
                ok = False
        return item if ok else None

    def _allowed(self, spec: _ColumnSpec, where: str, value: Any) -> bool:
        if spec.choices is not None and value not in spec.choices:
            self.problem(
                f"{where}.{spec.name}: {_shown(value)} is not one of {', '.join(spec.choices)}"
            )
            return False
        if spec.strength and not 1 <= value <= 5:
            self.problem(f"{where}.{spec.name}: {value} is not a strength from 1 to 5")
            return False
        return True

    def keys(self, section: Section, rows: list[dict[str, Any]]) -> None:
        """Check that primary keys and unique columns are unique, and remember the ids."""
        table = section.table
        if table.name == SETTINGS_TABLE:
            return
        unique_sets: list[tuple[str, ...]] = [tuple(c.name for c in table.primary_key.columns)]
        unique_sets += [
            tuple(c.name for c in constraint.columns)
            for constraint in table.constraints
            if isinstance(constraint, UniqueConstraint)
        ]
        unique_sets += [
            tuple(c.name for c in index.columns) for index in table.indexes if index.unique
        ]
        for names in dict.fromkeys(unique_sets):
            seen: dict[Any, int] = {}
            for index, row in enumerate(rows):
                if any(row.get(name) is None for name in names):
                    continue
                value = tuple(row[name] for name in names)
                if value in seen:
                    shown = ", ".join(_shown(part) for part in value)
                    self.problem(
                        f"{section.key}[{index}].{names[0]}: {shown} is used twice "
                        f"(also by {section.key}[{seen[value]}])"
                    )
                else:
                    seen[value] = index
            if len(names) == 1 and names == tuple(c.name for c in table.primary_key.columns):
                self.ids[table.name] = {key[0] for key in seen}

    def references(self, section: Section, rows: list[dict[str, Any]]) -> None:
        """Check every foreign key points at a row of the backup."""
        for column in section.table.columns:
            for foreign in column.foreign_keys:
                target = foreign.column.table
                known = self.ids.get(target.name, set())
                for index, row in enumerate(rows):
                    value = row.get(column.name)
                    if value is not None and value not in known:
                        noun = target.name.replace("_", " ")
                        self.problem(
                            f"{section.key}[{index}].{column.name}: {_shown(value)} is not "
                            f"the id of any {noun} in the backup"
                        )


@dataclass(frozen=True, slots=True)
class _Plan:
    rows: dict[str, list[dict[str, Any]]]  # table name -> rows to insert
    schema: str
    exported_at: datetime | None


def check_document(path: Path, document: Any) -> _Plan:
    """Check a parsed backup and turn it into rows to insert, or raise BackupError naming
    the problems found (up to 50; the message shows the first)."""
    schema, exported_at = _check_header(path, document)
    known = {section.key for section in sections()}
    checker = _Checker()
    for key in document:
        if key not in known and key not in HEADER_KEYS:
            checker.problem(f"{key}: is not a section of a netui backup")
    for key in REQUIRED_SECTIONS:
        if key not in document:
            checker.problem(f"{key}: missing")
    plan: dict[str, list[dict[str, Any]]] = {}
    for section in sections():
        rows = checker.section(section, document.get(section.key, []))
        checker.keys(section, rows)
        checker.references(section, rows)
        plan[section.table.name] = rows
    if checker.problems:
        raise BackupError(path, checker.problems)
    return _Plan(plan, schema, exported_at)


# --- the service ---------------------------------------------------------------------------


def refuse_database_path(path: Path, database: Path) -> None:
    """Raise ExportFileError if ``path`` is the database file (or its WAL/SHM companions)."""
    from netui.io.export_files import ExportFileError

    resolved = database.resolve()
    if path.resolve() in {resolved, Path(f"{resolved}-wal"), Path(f"{resolved}-shm")}:
        raise ExportFileError(path, "is the netui database itself; choose another file")


class BackupService:
    def __init__(self, db: Database, clock: Clock = system_clock) -> None:
        self.db = db
        self.clock = clock

    def export_json(self, path: str | os.PathLike[str], *, force: bool = False) -> BackupSummary:
        """Write every table to ``path`` as a JSON backup (0600, all or nothing).

        An existing file is replaced only with ``force``. Everything is read in one
        transaction, so the backup is a consistent snapshot even while the app is open.
        """
        from netui.io.export_files import atomic_text_file

        started = time.perf_counter()
        target = Path(path).expanduser()
        refuse_database_path(target, self.db.path)
        counts: dict[str, int] = {}
        with self.db.session() as session, atomic_text_file(target, force=force) as out:
            repo = BackupRepository(session)
            known = {section.table.name for section in sections()}
            strays = sorted(repo.table_names() - known)
            if strays:
                # A table the models do not describe would be silently left out: refuse.
                raise NetuiError(
                    f"cannot back up {self.db.path}: it has tables netui does not know "
                    f"({', '.join(strays)})"
                )
            header = {
                "format": BACKUP_FORMAT,
                "version": BACKUP_VERSION,
                "schema": HEAD,
                "netui": __version__,
                "exported_at": self.clock().astimezone(UTC).isoformat(),
            }
            out.write("{\n" + ",\n".join(f"  {_dump(k)}: {_dump(v)}" for k, v in header.items()))
            settings = repo.settings()
            out.write(f",\n  {_dump(SECTION_KEYS[SETTINGS_TABLE])}: {_dump(settings)}")
            counts[SECTION_KEYS[SETTINGS_TABLE]] = len(settings)
            for section in sections():
                if section.table.name != SETTINGS_TABLE:
                    counts[section.key] = _write_section(out, section.key, repo.rows(section.table))
            out.write("\n}\n")
        return BackupSummary(
            path=target,
            schema=HEAD,
            **_counts_fields(counts),
            bytes_written=target.stat().st_size,
            seconds=time.perf_counter() - started,
        )

    def _refuse_unless_empty(self, repo: BackupRepository) -> None:
        filled = [
            (section, count) for section in sections() if (count := repo.count(section.table))
        ]
        if filled:
            what = ", ".join(
                f"{count:,} {section.key.replace('_', ' ')}" for section, count in filled[:3]
            )
            raise RestoreRefusedError(
                f"{self.db.path} already holds data ({what}); a backup is restored only into "
                "a new, empty database: use a new --db file"
            )

    def restore(self, path: str | os.PathLike[str]) -> RestoreSummary:
        """Restore a JSON backup into this (empty) database, exactly, in one transaction.

        Raises RestoreRefusedError if the database holds any data, and BackupError if the
        file is not a backup this netui can restore (made by a newer netui, damaged,
        inconsistent); nothing is written in either case.
        """
        started = time.perf_counter()
        source = Path(path).expanduser()
        with self.db.session() as session:
            self._refuse_unless_empty(BackupRepository(session))
        plan = check_document(source, _load(source))
        counts: dict[str, int] = {}
        try:
            with self.db.session() as session:
                repo = BackupRepository(session)
                self._refuse_unless_empty(repo)
                for section in sections():
                    counts[section.key] = repo.insert(section.table, plan.rows[section.table.name])
                repo.fix_sequences()
        except IntegrityError as error:
            detail = str(error.orig) if error.orig else str(error)
            raise BackupError(source, [f"cannot be restored: {detail}"]) from None
        return RestoreSummary(
            path=source,
            schema=plan.schema,
            exported_at=plan.exported_at,
            **_counts_fields(counts),
            seconds=time.perf_counter() - started,
        )
