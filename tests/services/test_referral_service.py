"""The referral service: adding a referred person linked, links that never loop, chains."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from builders import WriteLock, table_dump

from netui.db.referrals import ReferralRepository
from netui.domain.clock import FakeClock
from netui.domain.referrals import ChainPerson, describe_chain
from netui.domain.types import Channel, ContactDraft, InteractionDraft, Outcome
from netui.errors import DatabaseBusyError, NotFoundError, ValidationError
from netui.services.context import Services, open_services


def log(services: Services, contact_id: int, outcome: Outcome) -> None:
    services.interactions.log(contact_id, InteractionDraft(Channel.CALL, outcome))


def test_adding_a_referred_person_links_them_to_who_referred_them(
    services: Services, add: Callable[..., int]
) -> None:
    ann = add("Ann Lee", company="Larkspur")
    log(services, ann, Outcome.REFERRAL)
    bo = services.referrals.add_referred(ann, ContactDraft(full_name="Bo Park", company="Acme"))
    log(services, bo.id, Outcome.TALKED)
    log(services, bo.id, Outcome.MEETING_SET)

    assert services.contacts.get(bo.id).company == "Acme"
    chain = services.referrals.chain_for(bo.id)
    assert describe_chain(chain) == "Ann Lee → Bo Park → a meeting at Acme"
    about = services.referrals.about(ann)
    assert about.referred_by is None
    assert about.referred == (ChainPerson(bo.id, "Bo Park"),)
    assert services.referrals.about(bo.id).referred_by == ChainPerson(ann, "Ann Lee")


def test_a_referred_person_is_checked_like_any_new_contact(
    services: Services, add: Callable[..., int]
) -> None:
    ann = add("Ann Lee")
    with pytest.raises(ValidationError, match="name"):
        services.referrals.add_referred(ann, ContactDraft(full_name="   "))
    assert services.contacts.counts().total == 1


def test_nobody_is_added_for_a_referrer_who_is_gone(services: Services) -> None:
    with pytest.raises(NotFoundError, match="no contact with id 41"):
        services.referrals.add_referred(41, ContactDraft(full_name="Bo Park"))
    assert services.contacts.counts().total == 0


def test_a_busy_database_adds_nothing(
    db_path: Path, clock: FakeClock, add: Callable[..., int], write_lock: WriteLock
) -> None:
    ann = add("Ann Lee")
    before = table_dump(db_path)
    hurried = open_services(db_path, clock, busy_timeout_ms=50)
    write_lock.take()
    try:
        with pytest.raises(DatabaseBusyError):
            hurried.referrals.add_referred(ann, ContactDraft(full_name="Bo Park"))
    finally:
        write_lock.release()
        hurried.close()
    assert table_dump(db_path) == before


def test_links_never_loop(services: Services, add: Callable[..., int]) -> None:
    ann, bo, cy = add("Ann Lee"), add("Bo Park"), add("Cy Dunmore")
    services.referrals.link(bo, ann)
    services.referrals.link(cy, bo)
    with pytest.raises(ValidationError, match="referred by: a contact cannot be referred by"):
        services.referrals.link(ann, ann)
    with pytest.raises(ValidationError, match=r"was referred .* by this one"):
        services.referrals.link(ann, cy)
    services.referrals.link(cy, ann)  # moving Cy up is no loop
    assert services.referrals.chain_for(cy).ids == (ann, cy)
    with pytest.raises(NotFoundError):
        services.referrals.link(cy, 999)


def test_the_loop_check_reads_the_links_under_the_write_lock(
    db_path: Path, services: Services, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    ann, bo = add("Ann Lee"), add("Bo Park")
    other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    tried: list[str] = []
    real = ReferralRepository.links

    def links_while_another_writes(self: ReferralRepository) -> dict[int, int]:
        try:
            other.execute(f"UPDATE contact SET referred_by_id = {bo} WHERE id = {ann}")
            tried.append("written")
        except sqlite3.OperationalError:
            tried.append("locked out")
        return real(self)

    monkeypatch.setattr(ReferralRepository, "links", links_while_another_writes)
    services.referrals.link(bo, ann)
    other.close()
    assert tried == ["locked out"]


def test_unlinking_forgets_only_the_link(services: Services, add: Callable[..., int]) -> None:
    ann = add("Ann Lee")
    bo = services.referrals.add_referred(ann, ContactDraft(full_name="Bo Park")).id
    services.referrals.unlink(bo)
    assert services.referrals.chain_for(bo).ids == (bo,)
    assert services.contacts.get(bo).full_name == "Bo Park"
    assert services.referrals.chains() == []


def test_deleting_a_referrer_keeps_who_they_referred(
    services: Services, add: Callable[..., int]
) -> None:
    ann = add("Ann Lee")
    bo = services.referrals.add_referred(ann, ContactDraft(full_name="Bo Park")).id
    services.contacts.delete(ann)
    assert services.referrals.about(bo).referred_by is None


def test_chains_longest_then_most_recent_first(
    services: Services, clock: FakeClock, add: Callable[..., int]
) -> None:
    ann, eve = add("Ann Lee"), add("Eve Strand")
    bo = services.referrals.add_referred(ann, ContactDraft(full_name="Bo Park")).id
    clock.advance(timedelta(days=1))
    cy = services.referrals.add_referred(bo, ContactDraft(full_name="Cy Dunmore")).id
    clock.advance(timedelta(days=1))
    di = services.referrals.add_referred(ann, ContactDraft(full_name="Di Faro")).id
    clock.advance(timedelta(days=1))
    fen = services.referrals.add_referred(eve, ContactDraft(full_name="Fen Ito")).id
    add("Gil Noone")

    chains = services.referrals.chains()
    assert [chain.ids for chain in chains] == [(ann, bo, cy), (eve, fen), (ann, di)]


def test_a_chain_of_someone_missing_is_not_found(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.referrals.chain_for(12)


@pytest.fixture
def many(db_path: Path, services: Services) -> list[int]:
    """More contacts in one chain than SQLite binds in one statement, written in one go."""
    ids = [services.contacts.add(ContactDraft(full_name="P0")).id]
    connection = sqlite3.connect(db_path)
    with connection:
        for n in range(1, 1000):
            cursor = connection.execute(
                "INSERT INTO contact (full_name, created_at, updated_at, uid, referred_by_id)"
                " VALUES (?, '2026-01-01', '2026-01-01', ?, ?)",
                (f"P{n}", f"uid-{n}", ids[-1]),
            )
            assert cursor.lastrowid is not None
            ids.append(cursor.lastrowid)
    connection.close()
    return ids


def test_a_very_long_chain_is_read_whole(services: Services, many: list[int]) -> None:
    assert services.referrals.chain_for(many[-1]).ids == tuple(many)
    (chain,) = services.referrals.chains()
    assert len(chain) == 1000


def test_merging_a_duplicate_keeps_the_referrals_of_both(
    services: Services, add: Callable[..., int]
) -> None:
    ann = add("Ann Lee")
    bo = services.referrals.add_referred(ann, ContactDraft(full_name="Bo Park")).id
    cy = services.referrals.add_referred(bo, ContactDraft(full_name="Cy Dunmore")).id
    bo_again = add("Bo Park", company="Acme")  # imported again, before the merge
    services.merge.merge(bo_again, bo)
    assert services.referrals.chain_for(cy).ids == (ann, bo_again, cy)
    assert services.referrals.about(bo_again).referred_by == ChainPerson(ann, "Ann Lee")
