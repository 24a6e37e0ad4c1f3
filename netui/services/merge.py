"""Finding contacts that are one person twice, and merging two contacts into one.

The rules (which status wins, how notes join, the Top 20 afterwards, what makes two
contacts alike) are :mod:`netui.domain.contact_merge`'s; this reads, decides and writes in
one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from netui.db.contacts import ContactRepository
from netui.db.engine import Database
from netui.db.merge import MergeRepository
from netui.db.referrals import ReferralRepository
from netui.db.write_lock import hold_write_lock
from netui.domain.clock import Clock
from netui.domain.contact_merge import (
    duplicate_pairs,
    merged_contact,
    merged_ranks,
    merged_top20_since,
)
from netui.domain.referrals import links_after_merge
from netui.domain.types import Contact
from netui.errors import NetuiError

__all__ = ["DuplicatePair", "MergeService"]


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """Two contacts that may be one person, and why they look alike."""

    first: Contact
    second: Contact
    reason: str


class MergeService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def merge(self, keep_id: int, other_id: int) -> Contact:
        """Merge ``other`` into ``keep`` in one transaction and delete ``other``.

        Every interaction and triage event moves to ``keep``; emails, phones and tags are
        unioned; ``keep``'s empty fields are filled from ``other``; notes are joined; the
        later last contact and the sooner follow-up are kept; the better triage status wins
        (Top 20 > later > new > skip > archived), and in the Top 20 ``keep`` takes the
        better of the two ranks (the list never grows). Referrals follow: whoever ``other``
        referred, ``keep`` did (:func:`~netui.domain.referrals.links_after_merge`).
        """
        if keep_id == other_id:
            raise NetuiError(f"cannot merge contact {keep_id} into itself; choose two contacts")
        with self.db.session() as session:
            hold_write_lock(session)  # both sides stay as read until the merge is written
            repo = MergeRepository(session)
            keep, keep_since = repo.side(keep_id)
            other, other_since = repo.side(other_id)
            ranks = merged_ranks(ContactRepository(session).top20_order(), keep_id, other_id)
            merged = replace(merged_contact(keep, other), top20_rank=ranks.pop(keep_id))
            since = merged_top20_since((keep.status, keep_since), (other.status, other_since))
            referrals = ReferralRepository(session)
            links = links_after_merge(keep_id, other_id, referrals.links())
            kept = repo.merge_into(merged, since, other_id, ranks)
            for contact_id, referrer in links.items():  # who referred them, and whom they did
                referrals.set_referrer(contact_id, referrer)
            return kept

    def find_duplicates(self) -> list[DuplicatePair]:
        """Pairs of contacts that are likely one person, strongest evidence first.

        Contacts sharing an email, a LinkedIn profile or a phone number come first, then
        similar names (same last name and a first name that is equal, a prefix or a
        nickname of it, or names a typo apart). A group of alike contacts is listed as a
        chain of pairs, not every pair of it.
        """
        with self.db.session() as session:
            pairs = duplicate_pairs(MergeRepository(session).identities())
            ids = list(dict.fromkeys(i for a, b, _ in pairs for i in (a, b)))
            contacts = {c.id: c for c in ContactRepository(session).get_many(ids)}
        return [DuplicatePair(contacts[a], contacts[b], reason) for a, b, reason in pairs]
