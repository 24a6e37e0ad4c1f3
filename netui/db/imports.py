"""Import storage: the batch log, match indexes, bulk inserts and updates, undo's change log.

An import touches up to 100,000 contacts, so this module talks to SQLite through the raw
DBAPI connection of the caller's session (as ``ContactRepository.list_records`` does): plain
tuples in, ``executemany`` out, no ORM objects. Everything still runs in the session's one
transaction; the rows and values it reads and writes are those of
:mod:`netui.db.import_records`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from netui.db.import_records import (
    FINGERPRINT_COLUMNS,
    MERGED_FIELDS,
    NEW_CONTACT_COLUMNS,
    ChangeRecord,
    CreatedContact,
    ExistingContact,
    MatchRecord,
    db_timestamp,
    decode_value,
    existing_contact,
    parse_db_timestamp,
)
from netui.domain.types import ImportBatchInfo
from netui.errors import NotFoundError

#: Rows handed to one ``executemany``, and ids looked up per query.
CHUNK_SIZE = 2000

_EXISTING_SQL = (
    "SELECT id, full_name, " + ", ".join(MERGED_FIELDS) + ", updated_at FROM contact"
    " WHERE id IN (SELECT value FROM json_each(?))"
)
_UPDATE_SQL = (
    "UPDATE contact SET "
    + ", ".join(f"{field} = ?" for field in MERGED_FIELDS)
    + ", updated_at = ? WHERE id = ?"
)
_CHANGE_SQL = (
    "INSERT INTO import_change (batch_id, contact_id, field, old_value, new_value)"
    " VALUES (?, ?, ?, ?, ?)"
)


def _chunks(values: Sequence[Any], size: int = CHUNK_SIZE) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


class ImportRepository:
    """Import reads and writes on the raw connection of one session (one transaction)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        driver = session.connection().connection.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        self.raw = driver

    # -- batches ------------------------------------------------------------------------

    def start_batch(self, source_path: str, format: str, now: datetime) -> int:
        """Record a new batch; as the transaction's first write, it takes the write lock."""
        cursor = self.raw.execute(
            "INSERT INTO import_batch (source_path, format, created_at) VALUES (?, ?, ?)",
            (source_path, format, db_timestamp(now)),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def finish_batch(
        self,
        batch_id: int,
        *,
        added: int,
        updated: int,
        unchanged: int,
        skipped: int,
        problems: int,
        job_changes: int,
    ) -> None:
        self.raw.execute(
            "UPDATE import_batch SET added = ?, updated = ?, unchanged = ?, skipped = ?,"
            " problems = ?, job_changes = ? WHERE id = ?",
            (added, updated, unchanged, skipped, problems, job_changes, batch_id),
        )

    def batch(self, batch_id: int) -> ImportBatchInfo:
        found = self._batches("WHERE id = ?", (batch_id,))
        if not found:
            raise NotFoundError(f"no import with id {batch_id}")
        return found[0]

    def batches(self) -> list[ImportBatchInfo]:
        return self._batches("ORDER BY id DESC", ())

    def _batches(self, where: str, params: tuple[Any, ...]) -> list[ImportBatchInfo]:
        rows = self.raw.execute(
            "SELECT id, source_path, format, created_at, added, updated, unchanged, skipped,"
            f" problems, job_changes, undone_at FROM import_batch {where}",
            params,
        ).fetchall()
        return [
            ImportBatchInfo(
                row[0],
                row[1],
                row[2],
                parse_db_timestamp(row[3]),
                row[4],
                row[5],
                row[6],
                row[7],
                row[8],
                row[9],
                parse_db_timestamp(row[10]) if row[10] else None,
            )
            for row in rows
        ]

    def mark_undone(self, batch_id: int, now: datetime) -> None:
        self.raw.execute(
            "UPDATE import_batch SET undone_at = ? WHERE id = ?", (db_timestamp(now), batch_id)
        )

    # -- matching -----------------------------------------------------------------------

    def max_contact_id(self) -> int:
        row = self.raw.execute("SELECT max(id) FROM contact").fetchone()
        return int(row[0] or 0)

    def match_records(self) -> Iterator[MatchRecord]:
        """Every contact's importable columns, streamed from one query.

        The cursor itself is returned: iterating it steps through the rows in C, one at a
        time, with no generator in between (a re-import reads every contact).
        """
        cursor: Iterator[MatchRecord] = self.raw.execute(
            f"SELECT id, {', '.join(FINGERPRINT_COLUMNS)} FROM contact"
        )
        return cursor

    def uid_records(self) -> Iterator[tuple[str, int]]:
        """(uid, id) of every contact, inserted ones included."""
        cursor = self.raw.execute("SELECT uid, id FROM contact")
        while rows := cursor.fetchmany(CHUNK_SIZE):
            yield from rows

    def name_company_records(self) -> Iterator[tuple[int, str, str, str]]:
        """(id, full_name, company, linkedin_url) of every contact, inserted ones included."""
        cursor = self.raw.execute("SELECT id, full_name, company, linkedin_url FROM contact")
        while rows := cursor.fetchmany(CHUNK_SIZE):
            yield from rows

    def linkedin_url(self, contact_id: int) -> str:
        row = self.raw.execute(
            "SELECT linkedin_url FROM contact WHERE id = ?", (contact_id,)
        ).fetchone()
        return str(row[0]) if row else ""

    def name_records(self, up_to_id: int) -> Iterator[tuple[int, str, str, str]]:
        """(id, full_name, first_name, last_name) of the contacts with ids up to ``up_to_id``."""
        cursor = self.raw.execute(
            "SELECT id, full_name, first_name, last_name FROM contact WHERE id <= ?",
            (up_to_id,),
        )
        while rows := cursor.fetchmany(CHUNK_SIZE):
            yield from rows

    def full_names(self, ids: Iterable[int]) -> dict[int, str]:
        names: dict[int, str] = {}
        for chunk in _chunks(list(dict.fromkeys(ids))):
            names.update(
                self.raw.execute(
                    "SELECT id, full_name FROM contact"
                    " WHERE id IN (SELECT value FROM json_each(?))",
                    (json.dumps(chunk),),
                ).fetchall()
            )
        return names

    def load_existing(self, ids: Iterable[int]) -> dict[int, ExistingContact]:
        found: dict[int, ExistingContact] = {}
        for chunk in _chunks(list(ids)):
            for row in self.raw.execute(_EXISTING_SQL, (json.dumps(chunk),)):
                found[row[0]] = existing_contact(row)
        return found

    # -- writing ------------------------------------------------------------------------

    def insert_contacts(
        self, rows: Sequence[tuple[Any, ...]], *, source: str, batch_id: int, now: datetime
    ) -> None:
        """Insert new contacts: tuples in NEW_CONTACT_COLUMNS order, ids chosen by the caller.

        They are stamped with the batch, the source format and ``now`` (created and updated
        alike: a later write by anyone else changes updated_at, which undo looks at).
        """
        if not source.isalnum():
            raise ValueError(f"unexpected source {source!r}")
        stamp = db_timestamp(now)
        placeholders = ", ".join("?" for _ in NEW_CONTACT_COLUMNS)
        sql = (
            f"INSERT INTO contact ({', '.join(NEW_CONTACT_COLUMNS)}, source, import_batch_id,"
            f" created_at, updated_at) VALUES ({placeholders}, '{source}', {int(batch_id)},"
            f" '{stamp}', '{stamp}')"
        )
        # The contact table's CHECK constraints cover only status, strength and date
        # precision, which these rows leave at their defaults ('new', NULL, NULL): checking
        # them costs as much as the insert itself, so they are skipped for this statement.
        self.raw.execute("PRAGMA ignore_check_constraints = ON")
        try:
            self.raw.executemany(sql, rows)
        finally:
            self.raw.execute("PRAGMA ignore_check_constraints = OFF")

    def update_contacts(self, contacts: Iterable[ExistingContact]) -> None:
        """Write the merged fields and updated_at of contacts (as given, already merged)."""
        self.raw.executemany(
            _UPDATE_SQL,
            (
                (
                    c.first_name,
                    c.last_name,
                    c.company,
                    c.title,
                    "\n".join(c.emails),
                    "\n".join(c.phones),
                    c.linkedin_url,
                    c.notes,
                    "\n".join(c.tags),
                    c.how_we_met,
                    c.connected_on.isoformat() if c.connected_on else None,
                    c.previous_company,
                    c.previous_title,
                    c.job_changed_on.isoformat() if c.job_changed_on else None,
                    c.updated_at,
                    c.id,
                )
                for c in contacts
            ),
        )

    def log_changes(self, rows: Iterable[tuple[int, int, str, str | None, str | None]]) -> None:
        """Record (batch_id, contact_id, field, old JSON, new JSON) rows for undo."""
        self.raw.executemany(_CHANGE_SQL, rows)

    # -- undo ---------------------------------------------------------------------------

    def changes(self, batch_id: int) -> list[ChangeRecord]:
        """The batch's field changes, newest first (the order to revert them in)."""
        rows = self.raw.execute(
            "SELECT id, contact_id, field, old_value, new_value FROM import_change"
            " WHERE batch_id = ? ORDER BY id DESC",
            (batch_id,),
        ).fetchall()
        return [
            ChangeRecord(
                row_id,
                contact_id,
                field,
                decode_value(field, old),
                decode_value(field, new),
            )
            for row_id, contact_id, field, old, new in rows
        ]

    def created_contacts(self, batch_id: int) -> list[CreatedContact]:
        rows = self.raw.execute(
            "SELECT c.id, c.created_at, c.updated_at, c.status, c.strength,"
            " EXISTS (SELECT 1 FROM interaction i WHERE i.contact_id = c.id),"
            " EXISTS (SELECT 1 FROM triage_event t WHERE t.contact_id = c.id)"
            " FROM contact c WHERE c.import_batch_id = ?",
            (batch_id,),
        ).fetchall()
        return [CreatedContact._make(row) for row in rows]

    def import_stamps(self, contact_ids: Sequence[int], batch_id: int) -> set[tuple[int, str]]:
        """(contact, timestamp) of every write other imports made to these contacts."""
        stamps: set[tuple[int, str]] = set()
        for chunk in _chunks(contact_ids):
            for contact_id, new in self.raw.execute(
                "SELECT contact_id, new_value FROM import_change WHERE field = 'updated_at'"
                " AND batch_id != ? AND contact_id IN (SELECT value FROM json_each(?))",
                (batch_id, json.dumps(chunk)),
            ):
                stamps.add((contact_id, json.loads(new)))
        return stamps

    def delete_changes(self, batch_id: int) -> None:
        self.raw.execute("DELETE FROM import_change WHERE batch_id = ?", (batch_id,))

    def delete_contacts(self, ids: Sequence[int]) -> None:
        for chunk in _chunks(ids):
            self.raw.execute(
                "DELETE FROM contact WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(list(chunk)),),
            )
