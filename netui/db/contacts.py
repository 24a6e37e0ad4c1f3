"""Contact storage: single-contact reads and writes, and the bulk list query.

The list's columns and query are :mod:`netui.db.reads`', which also runs them without the
ORM; :meth:`ContactRepository.list_records` runs them inside a session.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from netui.db.models import ContactModel, InteractionModel
from netui.db.reads import ContactReads, ListRecord
from netui.domain.contact_fields import (
    CHOICE_TYPES,
    CONTACT_FIELDS,
    DRAFT_FIELDS,
    FIELD_KINDS,
    LOOSE_DATES,
)
from netui.domain.record_shape import ValueKind
from netui.domain.types import (
    Contact,
    ContactDraft,
    DatePrecision,
    LooseDate,
    Outcome,
    TriageStatus,
)
from netui.errors import NotFoundError

REACHED_OUTCOMES = tuple(o.value for o in Outcome if o.reached)


class TriageState(NamedTuple):
    id: int
    full_name: str
    status: TriageStatus
    top20_rank: int | None
    strength: int | None
    top20_since: datetime | None


# Contact's fields are its columns: rows are read in CONTACT_FIELDS order, and only choices
# (stored as text) and lists need converting.
_CHOICES_AT = tuple(
    (CONTACT_FIELDS.index(name), {member.value: member for member in enum})
    for name, enum in CHOICE_TYPES.items()
)
_LISTS_AT = tuple(
    at for at, name in enumerate(CONTACT_FIELDS) if FIELD_KINDS[name] is ValueKind.LIST
)
_DRAFT_COLUMNS = tuple(name for name in DRAFT_FIELDS if name not in LOOSE_DATES)


def contact_from_columns(values: Iterable[Any]) -> Contact:
    """A Contact from its column values as stored, in :data:`CONTACT_FIELDS` order."""
    row = list(values)
    for at, members in _CHOICES_AT:
        row[at] = members[row[at]] if row[at] else None
    for at in _LISTS_AT:
        row[at] = tuple(row[at])
    return Contact(*row)


def contact_columns(contact: Contact) -> dict[str, Any]:
    """Every field of ``contact`` as its column stores it (choices as their text)."""
    columns = {name: getattr(contact, name) for name in CONTACT_FIELDS}
    for name in CHOICE_TYPES:
        if columns[name] is not None:
            columns[name] = columns[name].value
    return columns


def to_contact(model: ContactModel) -> Contact:
    return contact_from_columns(getattr(model, name) for name in CONTACT_FIELDS)


def draft_columns(draft: ContactDraft) -> dict[str, Any]:
    """The columns a draft sets, shared by insert and update (a loose date is two)."""
    columns = {name: getattr(draft, name) for name in _DRAFT_COLUMNS}
    for name, precision in LOOSE_DATES.items():
        loose: LooseDate | None = getattr(draft, name)
        columns[name] = loose.value if loose else None
        columns[precision] = loose.precision.value if loose else None
    return columns


def contact_model(session: Session, contact_id: int) -> ContactModel:
    """The stored contact, or NotFoundError naming the id."""
    model = session.get(ContactModel, contact_id)
    if model is None:
        raise NotFoundError(f"no contact with id {contact_id}")
    return model


class ContactRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _model(self, contact_id: int) -> ContactModel:
        return contact_model(self.session, contact_id)

    def get(self, contact_id: int) -> Contact:
        return to_contact(self._model(contact_id))

    def get_many(self, ids: Sequence[int], chunk_size: int = 900) -> list[Contact]:
        """Contacts in the order of ``ids``, loaded a chunk at a time (not one query each)."""
        found: dict[int, Contact] = {}
        for start in range(0, len(ids), chunk_size):
            chunk = ids[start : start + chunk_size]
            stmt = select(ContactModel).where(ContactModel.id.in_(chunk))
            found.update((m.id, to_contact(m)) for m in self.session.scalars(stmt))
        missing = next((i for i in ids if i not in found), None)
        if missing is not None:
            raise NotFoundError(f"no contact with id {missing}")
        return [found[i] for i in ids]

    def add(self, draft: ContactDraft, source: str = "manual") -> Contact:
        model = ContactModel(**draft_columns(draft), source=source)
        self.session.add(model)
        self.session.flush()
        return to_contact(model)

    def update(self, contact_id: int, draft: ContactDraft) -> Contact:
        model = self._model(contact_id)
        for key, value in draft_columns(draft).items():
            setattr(model, key, value)
        self.session.flush()
        return to_contact(model)

    def delete(self, contact_id: int) -> None:
        self.session.delete(self._model(contact_id))

    def count(self) -> int:
        return self.session.scalar(select(func.count(ContactModel.id))) or 0

    def count_by_status(self) -> dict[TriageStatus, int]:
        rows = self.session.execute(
            select(ContactModel.status, func.count(ContactModel.id)).group_by(ContactModel.status)
        )
        counts = dict.fromkeys(TriageStatus, 0)
        for status, n in rows:
            counts[TriageStatus(status)] = n
        return counts

    def list_records(self) -> list[ListRecord]:
        """Every contact's list columns in one query, without ORM objects or type processing.

        The app loads this at start-up for up to 100,000 contacts, so it skips SQLAlchemy's
        per-row result processing: plain SQL and the driver's own tuples (ListRecord's field names
        document them; the hot loop unpacks them by position).
        """
        # Straight from the DBAPI cursor of this session's connection: plain tuples in
        # ListRecord's column order, with no Row objects built (~30 ms saved at 30,000).
        driver = self.session.connection().connection.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        return ContactReads(driver).list_records()

    def list_record(self, contact_id: int) -> ListRecord:
        contact = self.get(contact_id)
        search_text = "\n".join(
            (
                contact.full_name,
                contact.company,
                contact.title,
                "\n".join(contact.emails),
                "\n".join(contact.tags),
                contact.notes,
            )
        )
        return ListRecord(
            contact.id,
            contact.full_name,
            contact.company,
            contact.title,
            contact.status.value,
            contact.top20_rank,
            contact.strength,
            contact.last_contacted.isoformat() if contact.last_contacted else None,
            contact.last_contacted_precision.value if contact.last_contacted_precision else None,
            contact.cadence,
            search_text,
            int(contact.job_changed_on is not None),
        )

    def top20_order(self) -> list[int]:
        stmt = (
            select(ContactModel.id)
            .where(ContactModel.status == TriageStatus.TOP20.value)
            .order_by(ContactModel.top20_rank, ContactModel.id)
        )
        return list(self.session.scalars(stmt))

    def top20(self) -> list[Contact]:
        stmt = (
            select(ContactModel)
            .where(ContactModel.status == TriageStatus.TOP20.value)
            .order_by(ContactModel.top20_rank, ContactModel.id)
        )
        return [to_contact(m) for m in self.session.scalars(stmt)]

    def reached_since_top20(self) -> set[int]:
        """Top 20 members with a reaching outcome logged since they joined the list."""
        stmt = (
            select(ContactModel.id)
            .join(InteractionModel, InteractionModel.contact_id == ContactModel.id)
            .where(
                ContactModel.status == TriageStatus.TOP20.value,
                InteractionModel.outcome.in_(REACHED_OUTCOMES),
                (ContactModel.top20_since.is_(None))
                | (InteractionModel.occurred_at >= ContactModel.top20_since),
            )
            .distinct()
        )
        return set(self.session.scalars(stmt))

    def triage_states(self, ids: Iterable[int]) -> dict[int, TriageState]:
        id_list = list(ids)
        stmt = select(
            ContactModel.id,
            ContactModel.full_name,
            ContactModel.status,
            ContactModel.top20_rank,
            ContactModel.strength,
            ContactModel.top20_since,
        ).where(ContactModel.id.in_(id_list))
        states = {
            row.id: TriageState(
                row.id,
                row.full_name,
                TriageStatus(row.status),
                row.top20_rank,
                row.strength,
                row.top20_since,
            )
            for row in self.session.execute(stmt)
        }
        missing = [i for i in id_list if i not in states]
        if missing:
            raise NotFoundError(f"no contact with id {missing[0]}")
        return states

    def set_triage(
        self,
        contact_id: int,
        *,
        status: TriageStatus,
        rank: int | None,
        strength: int | None,
        top20_since: datetime | None,
    ) -> None:
        self.session.execute(
            update(ContactModel)
            .where(ContactModel.id == contact_id)
            .values(
                status=status.value,
                top20_rank=rank,
                strength=strength,
                top20_since=top20_since,
            )
        )

    def note_contacted(self, contact_id: int, when: date, follow_up: date | None) -> None:
        """Move last-contacted forward (never back) and set the next follow-up."""
        model = self._model(contact_id)
        if model.last_contacted is None or when >= model.last_contacted:
            model.last_contacted = when
            model.last_contacted_precision = DatePrecision.DAY.value
            model.next_follow_up = follow_up
