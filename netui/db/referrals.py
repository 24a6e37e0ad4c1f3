"""Referral storage: who referred whom (``contact.referred_by_id``), read for the chains.

The link is kept out of :class:`~netui.domain.types.Contact` on purpose: the contact list,
the exports and ``contacts --json`` stay as they were, and only this repository reads or
writes it. Reads load the links first (only referred people have one), then just the
people those links touch, so a chain costs little however many contacts there are.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from netui.db.models import ContactModel, InteractionModel
from netui.domain.referrals import ChainPerson, ReferralRow, best_outcome
from netui.domain.types import Outcome

__all__ = ["ReferralRepository"]

CHUNK_SIZE = 900  # ids per IN (...): under SQLite's limit on bound values


def _chunks(ids: Collection[int]) -> Iterator[list[int]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), CHUNK_SIZE):
        yield ordered[start : start + CHUNK_SIZE]


class ReferralRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def links(self) -> dict[int, int]:
        """Every stored link: referred contact id -> the id of who referred them."""
        stmt = select(ContactModel.id, ContactModel.referred_by_id).where(
            ContactModel.referred_by_id.is_not(None)
        )
        return {
            contact_id: referrer for contact_id, referrer in self.session.execute(stmt) if referrer
        }

    def set_referrer(self, contact_id: int, referrer_id: int | None) -> None:
        """Link (or, with None, unlink) a contact; their updated time is left as it was:
        the link is not an edit of their details, which another netui may be comparing."""
        self.session.execute(
            update(ContactModel)
            .where(ContactModel.id == contact_id)
            .values(referred_by_id=referrer_id, updated_at=ContactModel.updated_at)
        )

    def referred_by(self, contact_id: int) -> list[ChainPerson]:
        """The people ``contact_id`` referred, oldest link first (by id)."""
        stmt = (
            select(ContactModel.id, ContactModel.full_name)
            .where(ContactModel.referred_by_id == contact_id)
            .order_by(ContactModel.id)
        )
        return [ChainPerson(cid, name) for cid, name in self.session.execute(stmt)]

    def _best_outcomes(self, ids: Collection[int]) -> dict[int, Outcome | None]:
        outcomes: dict[int, set[Outcome]] = defaultdict(set)
        for chunk in _chunks(ids):
            stmt = (
                select(InteractionModel.contact_id, InteractionModel.outcome)
                .where(InteractionModel.contact_id.in_(chunk))
                .distinct()
            )
            for contact_id, outcome in self.session.execute(stmt):
                outcomes[contact_id].add(Outcome(outcome))
        return {contact_id: best_outcome(outcomes.get(contact_id, ())) for contact_id in ids}

    def rows(self, ids: Collection[int]) -> list[ReferralRow]:
        """The chain rows of the contacts ``ids`` that exist, by id."""
        best = self._best_outcomes(ids)
        found: list[ReferralRow] = []
        for chunk in _chunks(ids):
            stmt = (
                select(
                    ContactModel.id,
                    ContactModel.full_name,
                    ContactModel.referred_by_id,
                    ContactModel.company,
                    ContactModel.created_at,
                )
                .where(ContactModel.id.in_(chunk))
                .order_by(ContactModel.id)
            )
            found.extend(
                ReferralRow(cid, name, referrer, best[cid], company, added)
                for cid, name, referrer, company, added in self.session.execute(stmt)
            )
        return found
