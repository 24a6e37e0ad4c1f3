"""Triage decisions: statuses, the capped and ordered Top 20, and undo."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from netui.domain.clock import FakeClock
from netui.domain.listing import StatusFilter
from netui.domain.types import Channel, InteractionDraft, Outcome, TriageStatus
from netui.errors import NotFoundError, Top20FullError, ValidationError
from netui.services.context import Services


def top20_names(services: Services) -> list[str]:
    return [c.full_name for c in services.contacts.find(StatusFilter.TOP20)]


def test_adding_to_top20_appends_with_the_next_rank(
    services: Services, add: Callable[..., int]
) -> None:
    a, b = add("Amara"), add("Bert")
    services.triage.set_status([a], TriageStatus.TOP20)
    services.triage.set_status([b], TriageStatus.TOP20)
    assert [(c.full_name, c.top20_rank) for c in services.contacts.find(StatusFilter.TOP20)] == [
        ("Amara", 1),
        ("Bert", 2),
    ]


def test_leaving_the_top20_closes_ranks(services: Services, add: Callable[..., int]) -> None:
    ids = [add(n) for n in ("A", "B", "C")]
    services.triage.set_status(ids, TriageStatus.TOP20)
    services.triage.set_status([ids[0]], TriageStatus.SKIP)
    assert [(c.full_name, c.top20_rank) for c in services.contacts.find(StatusFilter.TOP20)] == [
        ("B", 1),
        ("C", 2),
    ]
    skipped = services.contacts.get(ids[0])
    assert (skipped.status, skipped.top20_rank) == (TriageStatus.SKIP, None)


def test_the_top20_holds_at_most_twenty(services: Services, add: Callable[..., int]) -> None:
    ids = [add(f"P{i}") for i in range(21)]
    services.triage.set_status(ids[:20], TriageStatus.TOP20)
    with pytest.raises(Top20FullError, match="full"):
        services.triage.set_status([ids[20]], TriageStatus.TOP20)
    with pytest.raises(Top20FullError):
        services.triage.set_status(ids[18:], TriageStatus.TOP20)
    assert services.contacts.get(ids[20]).status is TriageStatus.NEW
    assert len(top20_names(services)) == 20


def test_swap_puts_the_newcomer_in_the_same_rank(
    services: Services, add: Callable[..., int]
) -> None:
    ids = [add(f"P{i:02}") for i in range(20)]
    services.triage.set_status(ids, TriageStatus.TOP20)
    newcomer = add("Newcomer")
    services.triage.swap_into_top20(newcomer, ids[4])
    assert services.contacts.get(newcomer).top20_rank == 5
    assert services.contacts.get(ids[4]).status is TriageStatus.LATER
    services.triage.undo()
    assert services.contacts.get(newcomer).status is TriageStatus.NEW
    assert services.contacts.get(ids[4]).top20_rank == 5


def test_move_and_set_rank_reorder(services: Services, add: Callable[..., int]) -> None:
    ids = [add(n) for n in ("A", "B", "C", "D")]
    services.triage.set_status(ids, TriageStatus.TOP20)
    services.triage.move(ids[3], -2)
    assert top20_names(services) == ["A", "D", "B", "C"]
    services.triage.move(ids[0], -1)  # already first: stays
    assert top20_names(services) == ["A", "D", "B", "C"]
    services.triage.set_rank(ids[2], 1)
    assert top20_names(services) == ["C", "A", "D", "B"]
    with pytest.raises(ValidationError, match="rank"):
        services.triage.set_rank(ids[2], 21)


def test_undo_reverts_one_step_at_a_time_including_rank_changes(
    services: Services, add: Callable[..., int]
) -> None:
    ids = [add(n) for n in ("A", "B", "C")]
    services.triage.set_status(ids, TriageStatus.TOP20)
    services.triage.set_status([ids[0]], TriageStatus.ARCHIVED)
    services.triage.set_strength([ids[1]], 5)
    assert services.triage.undo_depth() == 3

    assert services.triage.undo() is not None
    assert services.contacts.get(ids[1]).strength is None
    result = services.triage.undo()
    assert result is not None
    assert "archived" in result.message
    assert top20_names(services) == ["A", "B", "C"]
    services.triage.undo()
    assert top20_names(services) == []
    assert services.triage.undo() is None


def test_undo_survives_reopening_the_database(
    services: Services, add: Callable[..., int], tmp_path: object, clock: FakeClock
) -> None:
    from netui.services.context import open_services

    contact = add("Persistent Pat")
    services.triage.set_status([contact], TriageStatus.LATER)
    path = services.path
    services.close()
    reopened = open_services(path, clock)
    assert reopened.triage.undo() is not None
    assert reopened.contacts.get(contact).status is TriageStatus.NEW
    reopened.close()


def test_unknown_contacts_and_bad_strength_are_refused(
    services: Services, add: Callable[..., int]
) -> None:
    with pytest.raises(NotFoundError, match="999"):
        services.triage.set_status([999], TriageStatus.SKIP)
    contact = add("Real")
    with pytest.raises(ValidationError, match="strength"):
        services.triage.set_strength([contact], 7)
    with pytest.raises(ValidationError):
        services.triage.set_status([], TriageStatus.SKIP)


def test_progress_counts_top20_reached_since_joining(
    services: Services, add: Callable[..., int], clock: FakeClock
) -> None:
    from datetime import timedelta

    a, b, c = add("A"), add("B"), add("C")
    services.interactions.log(a, InteractionDraft(Channel.CALL, Outcome.TALKED))  # before joining
    clock.now += timedelta(hours=1)
    services.triage.set_status([a, b, c], TriageStatus.TOP20)
    clock.now += timedelta(hours=1)
    services.interactions.log(b, InteractionDraft(Channel.CALL, Outcome.NO_ANSWER))
    services.interactions.log(c, InteractionDraft(Channel.EMAIL, Outcome.REPLIED))
    progress = services.triage.top20_progress()
    assert (progress.size, progress.reached, progress.goal) == (3, 1, 10)
