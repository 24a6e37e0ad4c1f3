"""Referrals: adding the person a contact referred the user to, linking, and the chains.

A link never loops (:func:`netui.domain.referrals.loop_reason`): it is checked against the
links as stored under the write lock, so two netuis linking at once cannot close a loop
between them. Adding a referred person is one transaction: the contact and its link are
written together or not at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from netui.db.contacts import ContactRepository
from netui.db.engine import Database
from netui.db.referrals import ReferralRepository
from netui.db.write_lock import hold_write_lock
from netui.domain.clock import Clock
from netui.domain.referrals import (
    ChainPerson,
    ReferralChain,
    build_chains,
    chain_to,
    loop_reason,
)
from netui.domain.types import Contact, ContactDraft
from netui.domain.validation import validate_draft
from netui.errors import ValidationError

__all__ = ["ContactReferrals", "ReferralService"]

FIELD = "referred by"
"""The field a refused link is reported under (the CLI's --referred-by)."""


@dataclass(frozen=True, slots=True)
class ContactReferrals:
    """What a contact's detail says about referrals: who referred them, the chain that
    ends at them (just them when nobody did), and the people they referred."""

    referred_by: ChainPerson | None
    chain: ReferralChain
    referred: tuple[ChainPerson, ...]


class ReferralService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    @contextmanager
    def _writing(self) -> Iterator[tuple[ContactRepository, ReferralRepository]]:
        with self.db.session() as session:
            hold_write_lock(session)  # what is read decides what is written
            yield ContactRepository(session), ReferralRepository(session)

    def add_referred(self, referrer_id: int, draft: ContactDraft) -> Contact:
        """Add the person ``referrer_id`` referred the user to, linked to them.

        NotFoundError if the referrer is gone (nothing is added); the draft is checked as
        :meth:`ContactService.add` checks it.
        """
        clean = validate_draft(draft)
        with self._writing() as (contacts, referrals):
            contacts.get(referrer_id)
            added = contacts.add(clean)
            referrals.set_referrer(added.id, referrer_id)
            return added

    def link(self, contact_id: int, referrer_id: int) -> None:
        """Record that ``referrer_id`` referred ``contact_id`` (replacing any earlier link).

        ValidationError if that would make a loop: a contact referred by themselves, or by
        someone they referred.
        """
        with self._writing() as (contacts, referrals):
            contacts.get(contact_id)
            contacts.get(referrer_id)
            reason = loop_reason(contact_id, referrer_id, referrals.links())
            if reason is not None:
                raise ValidationError(FIELD, reason)
            referrals.set_referrer(contact_id, referrer_id)

    def unlink(self, contact_id: int) -> None:
        """Forget who referred ``contact_id`` (nothing else about them changes)."""
        with self._writing() as (contacts, referrals):
            contacts.get(contact_id)
            referrals.set_referrer(contact_id, None)

    def chain_for(self, contact_id: int) -> ReferralChain:
        """The chain that ends at ``contact_id``: from whoever started it down to them."""
        with self.db.session() as session:
            ContactRepository(session).get(contact_id)
            referrals = ReferralRepository(session)
            return self._chain_to(referrals, contact_id)

    def _chain_to(self, referrals: ReferralRepository, contact_id: int) -> ReferralChain:
        links = referrals.links()
        above = {contact_id}
        at = links.get(contact_id)
        while at is not None and at not in above:  # a stored loop ends the walk
            above.add(at)
            at = links.get(at)
        return chain_to(contact_id, referrals.rows(above))

    def about(self, contact_id: int) -> ContactReferrals:
        """Everything the contact detail shows about referrals, read in one snapshot."""
        with self.db.session() as session:
            ContactRepository(session).get(contact_id)
            referrals = ReferralRepository(session)
            chain = self._chain_to(referrals, contact_id)
            referrer = chain.people[-2] if len(chain) > 1 else None
            return ContactReferrals(referrer, chain, tuple(referrals.referred_by(contact_id)))

    def chains(self) -> list[ReferralChain]:
        """Every chain of two people or more, longest first, then the most recent."""
        with self.db.session() as session:
            referrals = ReferralRepository(session)
            links = referrals.links()
            involved = set(links) | set(links.values())
            return build_chains(referrals.rows(involved))
