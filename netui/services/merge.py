"""Finding contacts that are one person twice, and merging two contacts into one."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import select, update

from netui.db.contacts import ContactRepository, to_contact
from netui.db.engine import Database
from netui.db.models import ContactModel, InteractionModel, TriageEventModel
from netui.domain import top20
from netui.domain.clock import Clock
from netui.domain.matching import (
    likely_duplicates,
    normalize_email,
    normalize_linkedin,
    person_name,
    phone_key,
    union_emails,
    union_phones,
    union_tags,
)
from netui.domain.types import Contact, TriageStatus
from netui.errors import NetuiError, NotFoundError

__all__ = ["STATUS_PREFERENCE", "DuplicatePair", "MergeService", "better_status", "join_notes"]

#: Which triage status a merge keeps when the two differ: the first of these either has.
STATUS_PREFERENCE = (
    TriageStatus.TOP20,
    TriageStatus.LATER,
    TriageStatus.NEW,
    TriageStatus.SKIP,
    TriageStatus.ARCHIVED,
)
# Fields a merge fills on the kept contact when it has none and the other has one.
_FILLED = ("first_name", "last_name", "company", "title", "linkedin_url", "how_we_met")


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """Two contacts that may be one person, and why they look alike."""

    first: Contact
    second: Contact
    reason: str


def better_status(a: TriageStatus, b: TriageStatus) -> TriageStatus:
    return min(a, b, key=STATUS_PREFERENCE.index)


def join_notes(kept: str, other: str) -> str:
    """Both notes, the kept contact's first; one copy when one already holds the other."""
    kept, other = kept.strip(), other.strip()
    if not other or other in kept:
        return kept
    if not kept or kept in other:
        return other
    return f"{kept}\n\n{other}"


def _merged_top20(order: list[int], keep: int, other: int) -> list[int]:
    """The Top 20 after ``other`` merges into ``keep``: keep holds the better of their ranks."""
    if other not in order:
        return order
    if keep in order and order.index(keep) < order.index(other):
        return top20.remove(order, [other])
    return top20.swap(order, other, keep)


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
        better of the two ranks (the list never grows).
        """
        if keep_id == other_id:
            raise NetuiError(f"cannot merge contact {keep_id} into itself; choose two contacts")
        with self.db.session() as session:
            keep = session.get(ContactModel, keep_id)
            other = session.get(ContactModel, other_id)
            for contact_id, model in ((keep_id, keep), (other_id, other)):
                if model is None:
                    raise NotFoundError(f"no contact with id {contact_id}")
            assert keep is not None
            assert other is not None
            order = ContactRepository(session).top20_order()

            session.execute(
                update(InteractionModel)
                .where(InteractionModel.contact_id == other_id)
                .values(contact_id=keep_id)
            )
            session.execute(
                update(TriageEventModel)
                .where(TriageEventModel.contact_id == other_id)
                .values(contact_id=keep_id)
            )

            keep.emails = union_emails(keep.emails, other.emails)
            keep.phones = union_phones(keep.phones, other.phones)
            keep.tags = union_tags(keep.tags, other.tags)
            for field in _FILLED:
                if not getattr(keep, field) and getattr(other, field):
                    setattr(keep, field, getattr(other, field))
            keep.notes = join_notes(keep.notes, other.notes)
            if keep.strength is None:
                keep.strength = other.strength
            if keep.cadence is None:
                keep.cadence = other.cadence
            if keep.connected_on is None or (
                other.connected_on is not None and other.connected_on < keep.connected_on
            ):
                keep.connected_on = other.connected_on
            if keep.job_changed_on is None and other.job_changed_on is not None:
                keep.previous_company = other.previous_company
                keep.previous_title = other.previous_title
                keep.job_changed_on = other.job_changed_on
            if other.last_contacted is not None and (
                keep.last_contacted is None or other.last_contacted > keep.last_contacted
            ):
                keep.last_contacted = other.last_contacted
                keep.last_contacted_precision = other.last_contacted_precision
            if other.next_follow_up is not None and (
                keep.next_follow_up is None or other.next_follow_up < keep.next_follow_up
            ):
                keep.next_follow_up = other.next_follow_up

            status = better_status(TriageStatus(keep.status), TriageStatus(other.status))
            new_order = _merged_top20(order, keep_id, other_id)
            if status is TriageStatus.TOP20:
                if keep.status != TriageStatus.TOP20.value:
                    keep.top20_since = other.top20_since
                keep.status = status.value
            else:
                keep.status = status.value
                keep.top20_since = None
            session.delete(other)
            session.flush()
            ranks, old_ranks = top20.ranks(new_order), top20.ranks(order)
            keep.top20_rank = ranks.get(keep_id)
            for contact_id, rank in ranks.items():
                if contact_id != keep_id and rank != old_ranks.get(contact_id):
                    session.execute(
                        update(ContactModel)
                        .where(ContactModel.id == contact_id)
                        .values(top20_rank=rank)
                    )
            session.flush()
            return to_contact(keep)

    def find_duplicates(self) -> list[DuplicatePair]:
        """Pairs of contacts that are likely one person, strongest evidence first.

        Contacts sharing an email, a LinkedIn profile or a phone number come first, then
        similar names (same last name and a first name that is equal, a prefix or a
        nickname of it, or names a typo apart). A group of alike contacts is listed as a
        chain of pairs, not every pair of it.
        """
        with self.db.session() as session:
            rows = session.execute(
                select(
                    ContactModel.id,
                    ContactModel.full_name,
                    ContactModel.first_name,
                    ContactModel.last_name,
                    ContactModel.emails,
                    ContactModel.phones,
                    ContactModel.linkedin_url,
                ).order_by(ContactModel.id)
            ).all()
            found: dict[frozenset[int], tuple[int, int, str]] = {}
            for a, b, reason in _shared_identifiers(rows):
                found.setdefault(frozenset((a, b)), (a, b, reason))
            names = ((row[0], person_name(row[1], row[2], row[3])) for row in rows)
            for a, b, reason in likely_duplicates(names):
                found.setdefault(frozenset((a, b)), (a, b, reason))
            ids = list(dict.fromkeys(i for a, b, _ in found.values() for i in (a, b)))
            contacts = {c.id: c for c in ContactRepository(session).get_many(ids)}
        return [DuplicatePair(contacts[a], contacts[b], reason) for a, b, reason in found.values()]


def _shared_identifiers(
    rows: Iterable[tuple[int, str, str, str, tuple[str, ...], tuple[str, ...], str]],
) -> Iterator[tuple[int, int, str]]:
    """Pairs of contacts sharing an email, LinkedIn profile or phone, chained per key."""
    latest: dict[tuple[str, str], int] = {}
    for contact_id, _name, _first, _last, emails, phones, url in rows:
        keys = [("same email", normalize_email(e)) for e in emails]
        keys.append(("same LinkedIn profile", normalize_linkedin(url) if url else ""))
        keys += [("same phone number", phone_key(p)) for p in phones]
        paired: set[int] = set()
        for kind, key in keys:
            if not key:
                continue
            other = latest.get((kind, key))
            if other is not None and other != contact_id and other not in paired:
                paired.add(other)
                yield other, contact_id, kind
            latest[(kind, key)] = contact_id
