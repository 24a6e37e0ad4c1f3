"""Reads for exports: contacts streamed a chunk at a time, and their follow-ups.

An export of 100,000 contacts must not hold 100,000 objects at once: :meth:`iter_contacts`
reads with one Core query whose rows come from SQLite as the file is written (``yield_per``),
and builds each frozen :class:`Contact` only when the writer asks for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import ColumnElement, and_, func, select, true
from sqlalchemy.orm import Session

from netui.db.contacts import contact_from_columns
from netui.db.models import ContactModel, InteractionModel
from netui.domain.contact_fields import CONTACT_FIELDS
from netui.domain.listing import StatusFilter
from netui.domain.types import Contact, TriageStatus

__all__ = ["CHUNK_SIZE", "ExportRepository", "FollowUpRow", "status_condition"]

CHUNK_SIZE = 2000

# The columns a Contact is built from, in Contact's field order (its fields are columns).
_CONTACT_COLUMNS = tuple(getattr(ContactModel, name) for name in CONTACT_FIELDS)


class FollowUpRow(NamedTuple):
    """A contact's next follow-up and the latest interaction logged with them, if any."""

    contact_id: int
    full_name: str
    company: str
    title: str
    day: date
    last_at: datetime | None
    last_channel: str | None
    last_outcome: str | None
    last_note: str | None


def status_condition(status: StatusFilter | None) -> ColumnElement[bool]:
    """The WHERE condition for a status filter (None and ``all`` match every contact)."""
    if status is None or status is StatusFilter.ALL:
        return true()
    if status is StatusFilter.ACTIVE:
        return ContactModel.status != TriageStatus.ARCHIVED.value
    return ContactModel.status == TriageStatus(status.value).value


class ExportRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def iter_contacts(
        self, status: StatusFilter | None, chunk_size: int = CHUNK_SIZE
    ) -> Iterator[Contact]:
        """Contacts matching ``status`` in id order (the order they were added), streamed."""
        stmt = (
            select(*_CONTACT_COLUMNS)
            .where(status_condition(status))
            .order_by(ContactModel.id)
            .execution_options(yield_per=chunk_size)
        )
        # Core on the session's connection: no ORM row processing for a plain column select.
        for partition in self.session.connection().execute(stmt).partitions():
            yield from map(contact_from_columns, partition)

    def follow_ups(self, status: StatusFilter | None) -> Iterator[FollowUpRow]:
        """Contacts with a next follow-up, soonest (the most overdue) first, each with
        their latest interaction (one query: a window function picks it)."""
        due = and_(ContactModel.next_follow_up.is_not(None), status_condition(status))
        interaction = InteractionModel
        ranked = (
            select(
                interaction.contact_id,
                interaction.occurred_at,
                interaction.channel,
                interaction.outcome,
                interaction.note,
                func.row_number()
                .over(
                    partition_by=interaction.contact_id,
                    order_by=(interaction.occurred_at.desc(), interaction.id.desc()),
                )
                .label("position"),
            )
            .where(interaction.contact_id.in_(select(ContactModel.id).where(due)))
            .subquery()
        )
        stmt = (
            select(
                ContactModel.id,
                ContactModel.full_name,
                ContactModel.company,
                ContactModel.title,
                ContactModel.next_follow_up,
                ranked.c.occurred_at,
                ranked.c.channel,
                ranked.c.outcome,
                ranked.c.note,
            )
            .outerjoin(ranked, and_(ranked.c.contact_id == ContactModel.id, ranked.c.position == 1))
            .where(due)
            .order_by(
                ContactModel.next_follow_up,
                ContactModel.full_name.collate("NOCASE"),
                ContactModel.id,
            )
        )
        for row in self.session.execute(stmt):
            yield FollowUpRow(*row)
