"""Bulk writes: many contacts and interactions in a few Core ``executemany`` statements.

The ORM unit of work costs tens of microseconds per object; these functions take plain
dicts (column name to value, using the model's Python types: tuples for list columns,
aware datetimes) and insert them in chunks inside the caller's session, so the caller's
transaction covers the whole batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from netui.db.models import Base, ContactModel

CHUNK_SIZE = 5000

Row = Mapping[str, Any]


def _chunks(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def contact_count(session: Session) -> int:
    return session.scalar(select(func.count(ContactModel.id))) or 0


def insert_contacts(
    session: Session, rows: Iterable[Row], chunk_size: int = CHUNK_SIZE
) -> list[int]:
    """Insert contact rows; returns their new ids in the order given.

    Every row must have the same keys (executemany binds one statement per chunk).
    """
    table = Base.metadata.tables["contact"]
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    ids: list[int] = []
    for chunk in _chunks(rows, chunk_size):
        ids.extend(session.execute(stmt, chunk).scalars())
    return ids


def insert_interactions(session: Session, rows: Iterable[Row], chunk_size: int = CHUNK_SIZE) -> int:
    """Insert interaction rows (each naming its ``contact_id``); returns how many."""
    stmt = insert(Base.metadata.tables["interaction"])
    count = 0
    for chunk in _chunks(rows, chunk_size):
        session.execute(stmt, chunk)
        count += len(chunk)
    return count
