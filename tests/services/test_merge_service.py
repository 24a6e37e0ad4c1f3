"""Merging two contacts into one, and finding the pairs that are likely one person."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from builders import DANA, write_linkedin

from netui.domain.clock import FakeClock
from netui.domain.types import (
    Channel,
    DatePrecision,
    InteractionDraft,
    LooseDate,
    Outcome,
    TriageStatus,
)
from netui.errors import NetuiError, NotFoundError
from netui.services.context import Services


def log(services: Services, contact_id: int, note: str, clock: FakeClock) -> None:
    services.interactions.log(
        contact_id,
        InteractionDraft(Channel.CALL, Outcome.TALKED, note, occurred_at=clock.now),
    )
    clock.now += timedelta(minutes=5)


def test_a_merge_keeps_every_interaction_and_detail(
    services: Services, add: Callable[..., int], clock: FakeClock
) -> None:
    keep = add(
        "Dana Whitfield",
        emails=("dana@example.com",),
        phones=("+1 555 010 4477",),
        tags=("ops",),
        notes="Met at the fair",
        last_contacted=LooseDate(date(2019, 5, 1), DatePrecision.MONTH),
    )
    other = add(
        "Dana W.",
        company="Tidewell Systems",
        title="Director of Operations",
        emails=("DANA@example.com", "dana.w@tidewell.example"),
        phones=("(555) 010-4477", "+1 555 010 9000"),
        tags=("Ops", "hiring"),
        notes="Asked about the analyst role",
        how_we_met="Hiring fair",
        strength=4,
        last_contacted=LooseDate(date(2021, 3, 4), DatePrecision.DAY),
    )
    log(services, keep, "first call", clock)
    log(services, other, "second call", clock)
    log(services, other, "third call", clock)
    services.triage.set_status([other], TriageStatus.LATER)

    merged = services.merge.merge(keep, other)

    assert merged.id == keep
    assert merged.full_name == "Dana Whitfield"
    assert merged.emails == ("dana@example.com", "dana.w@tidewell.example")
    assert merged.phones == ("+1 555 010 4477", "+1 555 010 9000")
    assert merged.tags == ("ops", "hiring")
    assert (merged.company, merged.title, merged.how_we_met) == (
        "Tidewell Systems",
        "Director of Operations",
        "Hiring fair",
    )
    assert merged.notes == "Met at the fair\n\nAsked about the analyst role"
    assert merged.strength == 4
    assert merged.status is TriageStatus.LATER
    assert merged.last_contacted == clock.now.astimezone().date()  # logged calls moved it
    notes = sorted(i.note for i in services.interactions.history(keep))
    assert notes == ["first call", "second call", "third call"]
    with pytest.raises(NotFoundError):
        services.contacts.get(other)
    assert services.triage.undo_depth() == 1  # the triage event moved with the contact


def test_the_later_last_contact_wins(services: Services, add: Callable[..., int]) -> None:
    keep = add("Lena Voss", last_contacted=LooseDate(date(2022, 1, 1), DatePrecision.YEAR))
    other = add("Lena Voss", last_contacted=LooseDate(date(2018, 6, 1), DatePrecision.MONTH))
    merged = services.merge.merge(keep, other)
    assert (merged.last_contacted, merged.last_contacted_precision) == (
        date(2022, 1, 1),
        DatePrecision.YEAR,
    )


def test_the_top20_rank_of_the_other_is_taken_over(
    services: Services, add: Callable[..., int]
) -> None:
    members = [add(f"Member {i}") for i in range(5)]
    services.triage.set_status(members, TriageStatus.TOP20)
    keep = add("Priya Raman")
    merged = services.merge.merge(keep, members[2])
    assert (merged.status, merged.top20_rank) == (TriageStatus.TOP20, 3)
    order = [c.id for c in services.contacts.get_many([*members[:2], keep, *members[3:]])]
    ranks = [services.contacts.get(i).top20_rank for i in order]
    assert ranks == [1, 2, 3, 4, 5]


def test_two_top20_members_keep_the_better_rank_and_the_list_closes_up(
    services: Services, add: Callable[..., int]
) -> None:
    members = [add(f"Member {i}") for i in range(5)]
    services.triage.set_status(members, TriageStatus.TOP20)
    merged = services.merge.merge(members[3], members[1])
    assert merged.top20_rank == 2
    remaining = [members[0], members[3], members[2], members[4]]
    assert [services.contacts.get(i).top20_rank for i in remaining] == [1, 2, 3, 4]
    assert services.triage.top20_progress().size == 4


@pytest.mark.parametrize(
    ("keep_status", "other_status", "expected"),
    [
        (TriageStatus.NEW, TriageStatus.LATER, TriageStatus.LATER),
        (TriageStatus.SKIP, TriageStatus.NEW, TriageStatus.NEW),
        (TriageStatus.ARCHIVED, TriageStatus.SKIP, TriageStatus.SKIP),
        (TriageStatus.LATER, TriageStatus.ARCHIVED, TriageStatus.LATER),
    ],
)
def test_the_better_status_is_kept(
    services: Services,
    add: Callable[..., int],
    keep_status: TriageStatus,
    other_status: TriageStatus,
    expected: TriageStatus,
) -> None:
    keep, other = add("Oren Adler"), add("Oren Adler")
    for contact_id, status in ((keep, keep_status), (other, other_status)):
        if status is not TriageStatus.NEW:
            services.triage.set_status([contact_id], status)
    assert services.merge.merge(keep, other).status is expected


def test_merging_needs_two_existing_contacts(services: Services, add: Callable[..., int]) -> None:
    dana = add("Dana Whitfield")
    with pytest.raises(NetuiError, match=f"cannot merge contact {dana} into itself"):
        services.merge.merge(dana, dana)
    with pytest.raises(NotFoundError, match="no contact with id 99"):
        services.merge.merge(dana, 99)
    assert services.contacts.get(dana).full_name == "Dana Whitfield"


def test_find_duplicates_lists_similar_names_and_shared_identifiers(
    services: Services, add: Callable[..., int]
) -> None:
    robert = add("Robert Oyelaran", company="Bluefen Labs")
    bob = add("Bob Oyelaran")
    add("Marcus Oyelaran")
    lena = add("Lena Voss", emails=("lena@pinecrest.example",))
    voss = add("L. V.", emails=("LENA@pinecrest.example",))
    dana = add("Dana Whitfield", linkedin_url="https://www.linkedin.com/in/dana-whitfield-4821")
    dw = add("D W", linkedin_url="linkedin.com/in/Dana-Whitfield-4821/")
    add("Priya Raman", phones=("+1 555 010 4477",))
    add("Kwame Mensah", phones=("+1 555 010 4478",))

    pairs = [(p.first.id, p.second.id, p.reason) for p in services.merge.find_duplicates()]

    assert pairs == [
        (lena, voss, "same email"),
        (dana, dw, "same LinkedIn profile"),
        (robert, bob, "similar name"),
    ]
    first = services.merge.find_duplicates()[2].first
    assert (first.full_name, first.company) == ("Robert Oyelaran", "Bluefen Labs")


def test_after_a_merge_the_pair_is_gone(services: Services, add: Callable[..., int]) -> None:
    keep, other = add("Katherine Voss"), add("Kate Voss")
    assert len(services.merge.find_duplicates()) == 1
    services.merge.merge(keep, other)
    assert services.merge.find_duplicates() == []


def test_merged_contacts_from_imports_keep_working_with_undo(
    services: Services, add: Callable[..., int], tmp_path: Path, clock: FakeClock
) -> None:
    """A contact an import added and the user merged away is simply gone from its undo."""
    summary = services.imports.run(write_linkedin(tmp_path / "c.csv", DANA))
    assert summary.batch_id is not None
    manual = add("Dana Whitfield", notes="the real one")
    imported = next(r.id for r in services.contacts.list_rows() if r.id != manual)
    clock.now = datetime(2026, 11, 27, tzinfo=UTC)
    services.merge.merge(manual, imported)
    result = services.imports.undo(summary.batch_id)
    assert result.removed == 0
    merged = services.contacts.get(manual)
    assert (merged.company, merged.notes) == ("Tidewell Systems", "the real one")
