"""Invented demo people with their triage and history: pure, and the same for a seed."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import cast

from netui.domain.demo_people import TOP20_DEMO_SIZE, invent_people
from netui.domain.types import DatePrecision, TriageStatus

NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)


def test_the_same_seed_and_moment_give_the_same_people() -> None:
    assert list(invent_people(300, 4, NOW)) == list(invent_people(300, 4, NOW))
    assert list(invent_people(300, 4, NOW)) != list(invent_people(300, 5, NOW))


def test_a_top20_with_room_to_spare_and_some_decisions() -> None:
    people = list(invent_people(800, 2, NOW))
    members = [p for p in people if p.status is TriageStatus.TOP20]
    # A member's rank is an int; were one None, sorted() would raise and fail the test.
    assert sorted(cast(int, p.top20_rank) for p in members) == list(range(1, TOP20_DEMO_SIZE + 1))
    assert all(p.top20_since is not None and p.top20_since < NOW for p in members)
    others = [p for p in people if p.status is not TriageStatus.TOP20]
    assert all(p.top20_rank is None and p.top20_since is None for p in others)
    assert {p.status for p in others} == set(TriageStatus) - {TriageStatus.TOP20}
    assert len(list(invent_people(15, 2, NOW))) == 15  # too few for a Top 20 of twelve


def test_a_history_is_in_the_past_and_explains_the_last_contact() -> None:
    with_history = [p for p in invent_people(800, 3, NOW) if p.history]
    assert with_history
    for person in with_history:
        moments = [item.occurred_at for item in person.history]
        assert all(moment is not None and moment <= NOW for moment in moments)
        assert moments == sorted(moments, key=lambda m: m or NOW)
        latest = person.history[-1]
        assert latest.occurred_at is not None
        assert person.draft.last_contacted is not None
        assert person.draft.last_contacted.value == latest.occurred_at.astimezone().date()
        assert person.draft.last_contacted.precision is DatePrecision.DAY
        assert person.next_follow_up == latest.follow_up
