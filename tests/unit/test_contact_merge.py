"""The merge rules: which status wins, joined notes, the Top 20 afterwards, alike contacts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import permutations
from typing import Any

import pytest

from netui.domain.contact_merge import (
    STATUS_PREFERENCE,
    ContactIdentity,
    better_status,
    duplicate_pairs,
    join_notes,
    merged_contact,
    merged_ranks,
    merged_top20,
    merged_top20_since,
    shared_identifiers,
)
from netui.domain.types import Contact, DatePrecision, TriageStatus

STAMP = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)


def person(contact_id: int, name: str = "Oren Adler", **fields: Any) -> Contact:
    """An invented contact with nothing but a name, and ``fields`` on top."""
    values: dict[str, Any] = {
        "id": contact_id,
        "full_name": name,
        "first_name": "",
        "last_name": "",
        "company": "",
        "title": "",
        "emails": (),
        "phones": (),
        "linkedin_url": "",
        "how_we_met": "",
        "notes": "",
        "tags": (),
        "strength": None,
        "status": TriageStatus.NEW,
        "top20_rank": None,
        "last_contacted": None,
        "last_contacted_precision": None,
        "cadence": None,
        "next_follow_up": None,
        "source": "manual",
        "created_at": STAMP,
        "updated_at": STAMP,
    }
    return Contact(**{**values, **fields})


def identity(contact_id: int, name: str, **fields: Any) -> ContactIdentity:
    """An invented contact's name and identifiers, empty unless given."""
    values: dict[str, Any] = {
        "first_name": "",
        "last_name": "",
        "emails": (),
        "phones": (),
        "linkedin_url": "",
    }
    return ContactIdentity(id=contact_id, full_name=name, **{**values, **fields})


# --- status and notes -------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b"), list(permutations(TriageStatus, 2)))
def test_the_status_earlier_in_the_preference_wins_either_way(
    a: TriageStatus, b: TriageStatus
) -> None:
    expected = a if STATUS_PREFERENCE.index(a) < STATUS_PREFERENCE.index(b) else b
    assert better_status(a, b) is expected


def test_top20_beats_later_beats_new_beats_skip_beats_archived() -> None:
    assert STATUS_PREFERENCE == (
        TriageStatus.TOP20,
        TriageStatus.LATER,
        TriageStatus.NEW,
        TriageStatus.SKIP,
        TriageStatus.ARCHIVED,
    )


@pytest.mark.parametrize(
    ("kept", "other", "joined"),
    [
        ("Met at the fair", "Asked about the role", "Met at the fair\n\nAsked about the role"),
        ("  Met at the fair \n", "", "Met at the fair"),
        ("", "Asked about the role", "Asked about the role"),
        ("Met at the fair. Asked about the role.", "Asked about the role", None),
        ("fair", "Met at the fair", "Met at the fair"),
    ],
)
def test_notes_are_joined_once(kept: str, other: str, joined: str | None) -> None:
    assert join_notes(kept, other) == (kept if joined is None else joined)


# --- the merged contact -----------------------------------------------------------------


def test_the_kept_contact_gains_what_it_lacks_and_keeps_what_it_has() -> None:
    keep = person(
        1,
        "Dana Whitfield",
        company="Tidewell Systems",
        emails=("dana@example.com",),
        tags=("ops",),
        strength=2,
        notes="Met at the fair",
    )
    other = person(
        2,
        "Dana W.",
        company="Old Employer",
        title="Director of Operations",
        emails=("DANA@example.com", "dana.w@tidewell.example"),
        tags=("Ops", "hiring"),
        strength=5,
        cadence="3m",
        how_we_met="Hiring fair",
        notes="Asked about the analyst role",
        status=TriageStatus.LATER,
    )
    merged = merged_contact(keep, other)
    assert (merged.id, merged.full_name, merged.company) == (
        1,
        "Dana Whitfield",
        "Tidewell Systems",
    )
    assert (merged.title, merged.how_we_met, merged.cadence) == (
        "Director of Operations",
        "Hiring fair",
        "3m",
    )
    assert merged.emails == ("dana@example.com", "dana.w@tidewell.example")
    assert merged.tags == ("ops", "hiring")
    assert merged.strength == 2
    assert merged.notes == "Met at the fair\n\nAsked about the analyst role"
    assert merged.status is TriageStatus.LATER


def test_dates_keep_the_earlier_connection_later_contact_and_sooner_follow_up() -> None:
    keep = person(
        1,
        connected_on=date(2020, 1, 1),
        last_contacted=date(2022, 1, 1),
        last_contacted_precision=DatePrecision.YEAR,
        next_follow_up=date(2026, 12, 20),
    )
    other = person(
        2,
        connected_on=date(2018, 5, 5),
        last_contacted=date(2024, 3, 4),
        last_contacted_precision=DatePrecision.DAY,
        next_follow_up=date(2026, 12, 1),
    )
    merged = merged_contact(keep, other)
    assert merged.connected_on == date(2018, 5, 5)
    assert (merged.last_contacted, merged.last_contacted_precision) == (
        date(2024, 3, 4),
        DatePrecision.DAY,
    )
    assert merged.next_follow_up == date(2026, 12, 1)
    assert merged_contact(other, keep).last_contacted == date(2024, 3, 4)
    assert merged_contact(keep, person(3)) == keep


def test_a_job_change_is_taken_over_only_when_the_kept_contact_has_none() -> None:
    changed = person(
        2,
        previous_company="Quillfeather",
        previous_title="Analyst",
        job_changed_on=date(2026, 1, 5),
    )
    taken = merged_contact(person(1), changed)
    assert (taken.previous_company, taken.previous_title, taken.job_changed_on) == (
        "Quillfeather",
        "Analyst",
        date(2026, 1, 5),
    )
    own = person(1, previous_company="Copperline", job_changed_on=date(2025, 2, 2))
    assert merged_contact(own, changed).previous_company == "Copperline"


# --- the Top 20 -------------------------------------------------------------------------


def test_the_top20_keeps_the_better_rank_and_never_grows() -> None:
    order = [10, 11, 12, 13]
    assert merged_top20(order, keep=99, other=12) == [10, 11, 99, 13]  # takes other's place
    assert merged_top20(order, keep=11, other=13) == [10, 11, 12]  # keeps its better rank
    assert merged_top20(order, keep=13, other=11) == [10, 13, 12]  # moves up to other's
    assert merged_top20(order, keep=99, other=50) == order  # other was not on it


def test_merged_ranks_are_the_kept_contacts_and_those_that_move() -> None:
    assert merged_ranks([10, 11, 12, 13, 14], keep=13, other=11) == {13: 2, 14: 4}
    assert merged_ranks([10, 11], keep=99, other=10) == {99: 1}
    assert merged_ranks([10, 11], keep=98, other=99) == {98: None}


def test_the_top20_joining_date_comes_from_the_member() -> None:
    early, late = STAMP - timedelta(days=9), STAMP - timedelta(days=2)
    top, later = TriageStatus.TOP20, TriageStatus.LATER
    assert merged_top20_since((top, early), (top, late)) == early
    assert merged_top20_since((later, None), (top, late)) == late
    assert merged_top20_since((later, None), (TriageStatus.NEW, None)) is None


# --- alike contacts ---------------------------------------------------------------------


def test_shared_identifiers_are_found_however_they_are_written() -> None:
    people = [
        identity(1, "Lena Voss", emails=("lena@pinecrest.example",)),
        identity(2, "L. V.", emails=(" LENA@Pinecrest.example ",)),
        identity(3, "Dana", linkedin_url="https://www.linkedin.com/in/dana-w-4821"),
        identity(4, "D W", linkedin_url="linkedin.com/in/Dana-W-4821/"),
        identity(5, "Priya", phones=("+1 555 010 4477",)),
        identity(6, "P R", phones=("(555) 010-4477",)),
        identity(7, "Kwame", phones=("+1 555 010 4478",)),
    ]
    assert list(shared_identifiers(people)) == [
        (1, 2, "same email"),
        (3, 4, "same LinkedIn profile"),
        (5, 6, "same phone number"),
    ]


def test_contacts_sharing_a_key_are_chained_not_paired_all_with_all() -> None:
    people = [identity(i, f"Person {i}", emails=("team@example.com",)) for i in (1, 2, 3)]
    assert list(shared_identifiers(people)) == [(1, 2, "same email"), (2, 3, "same email")]


def test_a_pair_alike_both_ways_is_listed_once_for_the_stronger_reason() -> None:
    people = [
        identity(1, "Robert Oyelaran"),
        identity(2, "Bob Oyelaran"),
        identity(3, "Katherine Voss", emails=("kv@example.com",)),
        identity(4, "Kate Voss", emails=("KV@example.com",)),
    ]
    assert duplicate_pairs(people) == [(3, 4, "same email"), (1, 2, "similar name")]
