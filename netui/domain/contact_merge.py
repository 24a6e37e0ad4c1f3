"""Rules for merging two contacts that are one person, and for spotting such pairs.

Pure functions on frozen contacts and ids: which status wins, how notes are joined, what
the Top 20 looks like afterwards, and which contacts share an email, a LinkedIn profile or
a phone number. :class:`netui.services.merge.MergeService` reads and writes; this decides.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any, NamedTuple

from netui.domain import top20
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

__all__ = [
    "FILLED_FIELDS",
    "STATUS_PREFERENCE",
    "ContactIdentity",
    "better_status",
    "duplicate_pairs",
    "join_notes",
    "merged_contact",
    "merged_ranks",
    "merged_top20",
    "merged_top20_since",
    "shared_identifiers",
]

#: Which triage status a merge keeps when the two differ: the first of these either has.
STATUS_PREFERENCE = (
    TriageStatus.TOP20,
    TriageStatus.LATER,
    TriageStatus.NEW,
    TriageStatus.SKIP,
    TriageStatus.ARCHIVED,
)
#: Fields a merge fills on the kept contact when it has none and the other has one.
FILLED_FIELDS = ("first_name", "last_name", "company", "title", "linkedin_url", "how_we_met")


class ContactIdentity(NamedTuple):
    """What tells one contact from another: the name and the identifiers people share."""

    id: int
    full_name: str
    first_name: str
    last_name: str
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    linkedin_url: str


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


def merged_contact(keep: Contact, other: Contact) -> Contact:
    """``keep`` once ``other`` is merged into it (its Top 20 rank is :func:`merged_top20`'s).

    Emails, phones and tags are unioned; ``keep``'s empty fields are filled from ``other``;
    notes are joined; the earlier connection date, the later last contact and the sooner
    follow-up are kept; a job change is taken over when ``keep`` has none; the better
    triage status wins.
    """
    changes: dict[str, Any] = {
        "emails": union_emails(keep.emails, other.emails),
        "phones": union_phones(keep.phones, other.phones),
        "tags": union_tags(keep.tags, other.tags),
        "notes": join_notes(keep.notes, other.notes),
        "status": better_status(keep.status, other.status),
    }
    for name in FILLED_FIELDS:
        if not getattr(keep, name) and getattr(other, name):
            changes[name] = getattr(other, name)
    if keep.strength is None:
        changes["strength"] = other.strength
    if keep.cadence is None:
        changes["cadence"] = other.cadence
    if keep.connected_on is None or (
        other.connected_on is not None and other.connected_on < keep.connected_on
    ):
        changes["connected_on"] = other.connected_on
    if keep.job_changed_on is None and other.job_changed_on is not None:
        changes["previous_company"] = other.previous_company
        changes["previous_title"] = other.previous_title
        changes["job_changed_on"] = other.job_changed_on
    if other.last_contacted is not None and (
        keep.last_contacted is None or other.last_contacted > keep.last_contacted
    ):
        changes["last_contacted"] = other.last_contacted
        changes["last_contacted_precision"] = other.last_contacted_precision
    if other.next_follow_up is not None and (
        keep.next_follow_up is None or other.next_follow_up < keep.next_follow_up
    ):
        changes["next_follow_up"] = other.next_follow_up
    return replace(keep, **changes)


def merged_top20(order: Sequence[int], keep: int, other: int) -> list[int]:
    """The Top 20 after ``other`` merges into ``keep``: keep holds the better of their ranks."""
    if other not in order:
        return list(order)
    if keep in order and order.index(keep) < order.index(other):
        return top20.remove(order, [other])
    return top20.swap(order, other, keep)


def merged_ranks(order: Sequence[int], keep: int, other: int) -> dict[int, int | None]:
    """The Top 20 ranks a merge sets: ``keep``'s (None when off the list), then those of
    the other members whose rank moves (``other`` itself is gone)."""
    before, after = top20.ranks(order), top20.ranks(merged_top20(order, keep, other))
    moved = {i: rank for i, rank in after.items() if i != keep and rank != before.get(i)}
    return {keep: after.get(keep), **moved}


def merged_top20_since(
    keep: tuple[TriageStatus, datetime | None], other: tuple[TriageStatus, datetime | None]
) -> datetime | None:
    """When the merged contact joined the Top 20, from each side's (status, joined at).

    A member keeps its own date; one that gets in through the other takes the other's.
    """
    if better_status(keep[0], other[0]) is not TriageStatus.TOP20:
        return None
    return keep[1] if keep[0] is TriageStatus.TOP20 else other[1]


def shared_identifiers(people: Iterable[ContactIdentity]) -> Iterator[tuple[int, int, str]]:
    """Pairs of contacts sharing an email, LinkedIn profile or phone, chained per key."""
    latest: dict[tuple[str, str], int] = {}
    for person in people:
        keys = [("same email", normalize_email(e)) for e in person.emails]
        url = person.linkedin_url
        keys.append(("same LinkedIn profile", normalize_linkedin(url) if url else ""))
        keys += [("same phone number", phone_key(p)) for p in person.phones]
        paired: set[int] = set()
        for kind, key in keys:
            if not key:
                continue
            other = latest.get((kind, key))
            if other is not None and other != person.id and other not in paired:
                paired.add(other)
                yield other, person.id, kind
            latest[(kind, key)] = person.id


def duplicate_pairs(people: Sequence[ContactIdentity]) -> list[tuple[int, int, str]]:
    """Pairs ``(first id, second id, reason)`` likely to be one person, strongest first.

    Shared identifiers come first, then similar names; a pair found both ways is listed once,
    for its stronger reason.
    """
    found: dict[frozenset[int], tuple[int, int, str]] = {}
    for a, b, reason in shared_identifiers(people):
        found.setdefault(frozenset((a, b)), (a, b, reason))
    names = ((p.id, person_name(p.full_name, p.first_name, p.last_name)) for p in people)
    for a, b, reason in likely_duplicates(names):
        found.setdefault(frozenset((a, b)), (a, b, reason))
    return list(found.values())
