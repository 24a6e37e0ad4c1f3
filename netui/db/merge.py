"""Merge storage: two contacts as they stand, and one written into the other for good."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from netui.db.contacts import contact_columns, contact_model, to_contact
from netui.db.models import ContactModel, InteractionModel, TriageEventModel
from netui.domain.contact_fields import PEOPLE_FIELDS
from netui.domain.contact_merge import ContactIdentity
from netui.domain.types import Contact

__all__ = ["MergeRepository"]

# What a merge may change on the kept contact: what people see (its id stays, and netui's
# bookkeeping is stamped by the write itself).
_MERGED_FIELDS = tuple(name for name in PEOPLE_FIELDS if name != "id")


class MergeRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def side(self, contact_id: int) -> tuple[Contact, datetime | None]:
        """A contact to merge, and when it joined the Top 20 (None if it is not on it)."""
        model = contact_model(self.session, contact_id)
        return to_contact(model), model.top20_since

    def identities(self) -> list[ContactIdentity]:
        """Every contact's name and identifiers, in id order, for finding duplicates."""
        stmt = select(
            ContactModel.id,
            ContactModel.full_name,
            ContactModel.first_name,
            ContactModel.last_name,
            ContactModel.emails,
            ContactModel.phones,
            ContactModel.linkedin_url,
        ).order_by(ContactModel.id)
        return [ContactIdentity(*row) for row in self.session.execute(stmt)]

    def merge_into(
        self,
        merged: Contact,
        top20_since: datetime | None,
        other_id: int,
        moved_ranks: Mapping[int, int | None],
    ) -> Contact:
        """Write ``merged`` over its stored contact, hand it ``other_id``'s interactions and
        triage history, delete ``other_id`` and move the Top 20 ranks given; returns it."""
        keep = contact_model(self.session, merged.id)
        other = contact_model(self.session, other_id)
        for model in (InteractionModel, TriageEventModel):
            self.session.execute(
                update(model).where(model.contact_id == other_id).values(contact_id=merged.id)
            )
        columns = contact_columns(merged)
        for name in _MERGED_FIELDS:
            setattr(keep, name, columns[name])
        keep.top20_since = top20_since
        self.session.delete(other)
        self.session.flush()
        for contact_id, rank in moved_ranks.items():
            self.session.execute(
                update(ContactModel).where(ContactModel.id == contact_id).values(top20_rank=rank)
            )
        self.session.flush()
        return to_contact(keep)
