"""Bulk writes: many contacts and interactions in a few Core ``executemany`` statements.

The ORM unit of work costs tens of microseconds per object; these functions take plain
dicts (column name to value, using the model's Python types: tuples for list columns,
aware datetimes), or invented demo people, and insert them in chunks inside the caller's
session, so the caller's transaction covers the whole batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from itertools import islice
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from netui.db.contacts import draft_columns
from netui.db.models import Base, ContactModel
from netui.domain.demo_people import InventedContact
from netui.domain.timer import TimedSession, active_seconds
from netui.domain.types import InteractionDraft

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


def _logged(contact_id: int, interaction: InteractionDraft) -> dict[str, Any]:
    """An interaction row, written when it happened (an invented history has its moments)."""
    return {
        "contact_id": contact_id,
        "occurred_at": interaction.occurred_at,
        "channel": interaction.channel.value,
        "outcome": interaction.outcome.value,
        "note": interaction.note,
        "follow_up": interaction.follow_up,
        "created_at": interaction.occurred_at,
        "script_revision_id": interaction.script_revision_id,
    }


def insert_invented(
    session: Session, people: Iterable[InventedContact], *, source: str, now: datetime
) -> tuple[int, int]:
    """Insert invented people and their histories, all stamped ``now``; returns how many
    contacts and how many interactions were written."""
    histories: list[tuple[int, tuple[InteractionDraft, ...]]] = []  # (position, history)

    def rows() -> Iterator[Row]:
        for position, person in enumerate(people):
            if person.history:
                histories.append((position, person.history))
            yield {
                **draft_columns(person.draft),
                "status": person.status.value,
                "top20_rank": person.top20_rank,
                "top20_since": person.top20_since,
                "next_follow_up": person.next_follow_up,
                "source": source,
                "created_at": now,
                "updated_at": now,
            }

    ids = insert_contacts(session, rows())
    logged = insert_interactions(
        session,
        (_logged(ids[position], item) for position, history in histories for item in history),
    )
    return len(ids), logged


def insert_sessions(session: Session, sessions: Iterable[TimedSession]) -> int:
    """Insert ended timer sessions and their pauses (an invented past); returns how many."""
    sessions_table = Base.metadata.tables["timer_session"]
    pauses_table = Base.metadata.tables["timer_pause"]
    stmt = insert(sessions_table).returning(sessions_table.c.id)
    count = 0
    for timed in sessions:
        if timed.ended_at is None:
            raise ValueError("only ended sessions can be inserted in bulk")
        session_id = session.execute(
            stmt,
            {
                "planned_minutes": timed.planned_minutes,
                "started_at": timed.started_at,
                "ended_at": timed.ended_at,
                "active_seconds": round(active_seconds(timed, timed.ended_at)),
                "last_seen_at": timed.last_seen_at,
                "goal_minutes": timed.goal_minutes,
            },
        ).scalar_one()
        if timed.pauses:
            session.execute(
                insert(pauses_table),
                [
                    {"session_id": session_id, "started_at": p.started_at, "ended_at": p.ended_at}
                    for p in timed.pauses
                ],
            )
        count += 1
    return count
