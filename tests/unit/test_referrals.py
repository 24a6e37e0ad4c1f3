"""Referral chains built from rows: in order, ending, and saying where they led."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netui.domain.referrals import (
    ChainPerson,
    ReferralChain,
    ReferralRow,
    best_outcome,
    build_chains,
    chain_to,
    describe_chain,
    links_after_merge,
    loop_reason,
    settled_referrers,
    where_it_led,
)
from netui.domain.types import Outcome


def row(
    contact_id: int,
    name: str,
    referred_by: int | None = None,
    outcome: Outcome | None = None,
    company: str = "",
    day: int = 1,
) -> ReferralRow:
    return ReferralRow(
        contact_id, name, referred_by, outcome, company, datetime(2026, 11, day, tzinfo=UTC)
    )


ANN = row(1, "Ann Lee", outcome=Outcome.REFERRAL, company="Larkspur")
BO = row(2, "Bo Park", referred_by=1, outcome=Outcome.REFERRAL, day=2)
CY = row(3, "Cy Dunmore", referred_by=2, outcome=Outcome.MEETING_SET, company="Acme", day=3)
DI = row(4, "Di Faro", referred_by=1, outcome=Outcome.REPLIED, company="Tallgrass", day=9)
LONER = row(5, "Eve Strand", outcome=Outcome.TALKED)


def test_a_chain_reads_from_the_first_referrer_to_where_it_led() -> None:
    chain = chain_to(3, [CY, ANN, BO])
    assert chain.ids == (1, 2, 3)
    assert chain.first == ChainPerson(1, "Ann Lee")
    assert chain.led_to == "a meeting at Acme"
    assert describe_chain(chain) == "Ann Lee → Bo Park → Cy Dunmore → a meeting at Acme"


def test_someone_nobody_referred_is_a_chain_of_one() -> None:
    chain = chain_to(5, [LONER])
    assert len(chain) == 1
    assert describe_chain(chain) == "Eve Strand → a conversation"


def test_chains_are_every_line_of_two_or_more_longest_then_newest_first() -> None:
    later = row(6, "Fen Ito", referred_by=5, day=20)
    chains = build_chains([ANN, BO, CY, DI, LONER, later])
    assert [chain.ids for chain in chains] == [(1, 2, 3), (5, 6), (1, 4)]
    assert describe_chain(chains[1]) == "Eve Strand → Fen Ito"  # nothing logged with Fen yet
    assert describe_chain(chains[2]) == "Ann Lee → Di Faro → a reply from Tallgrass"


def test_nobody_referred_means_no_chains() -> None:
    assert build_chains([ANN, LONER]) == []


@pytest.mark.parametrize(
    ("outcome", "company", "led_to"),
    [
        (Outcome.MEETING_SET, "Acme", "a meeting at Acme"),
        (Outcome.MEETING_SET, "", "a meeting"),
        (Outcome.REFERRAL, "Acme", "a referral at Acme"),
        (Outcome.TALKED, "  Harbor \n Finch ", "a conversation at Harbor Finch"),
        (Outcome.REPLIED, "Acme", "a reply from Acme"),
        (Outcome.NO_ANSWER, "Acme", ""),
        (Outcome.LEFT_MESSAGE, "Acme", ""),
        (Outcome.DECLINED, "Acme", ""),
        (None, "Acme", ""),
    ],
)
def test_where_a_chain_led(outcome: Outcome | None, company: str, led_to: str) -> None:
    assert where_it_led(outcome, company) == led_to


def test_the_best_outcome_is_the_door_it_opened() -> None:
    assert best_outcome([Outcome.NO_ANSWER, Outcome.MEETING_SET, Outcome.TALKED]) == (
        Outcome.MEETING_SET
    )
    assert best_outcome([Outcome.DECLINED, Outcome.LEFT_MESSAGE]) is Outcome.LEFT_MESSAGE
    assert best_outcome([]) is None


def test_a_contact_cannot_be_referred_by_itself_or_by_someone_it_referred() -> None:
    links = {2: 1, 3: 2}
    assert loop_reason(1, 1, links) == "a contact cannot be referred by themselves"
    assert loop_reason(1, 3, links) is not None  # 3 was referred through 2 by 1
    assert loop_reason(1, 2, links) is not None
    assert loop_reason(3, 1, links) is None  # moving 3 up to 1 loops nothing
    assert loop_reason(2, 3, {2: 1, 3: 1}) is None


def test_a_stored_loop_is_cut_so_every_chain_ends() -> None:
    looped = [row(1, "A", referred_by=3), row(2, "B", referred_by=1), row(3, "C", referred_by=2)]
    # Taken in id order, C's link is the one that would close the loop: C starts it.
    assert settled_referrers(looped) == {1: 3, 2: 1, 3: None}
    assert [chain.ids for chain in build_chains(looped)] == [(3, 1, 2)]
    assert chain_to(1, looped).ids == (3, 1)


def test_a_referrer_not_among_the_rows_is_left_out() -> None:
    assert settled_referrers([row(2, "B", referred_by=77)]) == {2: None}


def test_an_empty_chain_has_no_first_person() -> None:
    with pytest.raises(IndexError):
        _ = ReferralChain(()).first


# Any set of links between a few contacts, loops, self-links and missing referrers included.
links_strategy = st.dictionaries(
    st.integers(1, 12), st.one_of(st.none(), st.integers(1, 14)), max_size=12
)


def rows_of(links: dict[int, int | None]) -> list[ReferralRow]:
    return [row(cid, f"P{cid}", referrer) for cid, referrer in links.items()]


@given(links_strategy)
def test_chains_never_loop_and_start_at_someone_not_referred(
    links: dict[int, int | None],
) -> None:
    rows = rows_of(links)
    settled = settled_referrers(rows)
    for chain in build_chains(rows):
        assert len(chain) >= 2
        assert len(set(chain.ids)) == len(chain.ids)  # nobody twice: no loop
        assert settled[chain.first.id] is None  # starts at someone not referred
        for referrer, referred in zip(chain.ids, chain.ids[1:], strict=False):
            assert links[referred] == referrer  # each step is a stored link


@given(links_strategy)
def test_every_chain_to_someone_ends_at_them_and_starts_unreferred(
    links: dict[int, int | None],
) -> None:
    rows = rows_of(links)
    settled = settled_referrers(rows)
    for contact_id in links:
        chain = chain_to(contact_id, rows)
        assert chain.last.id == contact_id
        assert len(set(chain.ids)) == len(chain.ids)
        assert settled[chain.first.id] is None


@given(links_strategy, st.integers(1, 14), st.integers(1, 14))
def test_a_link_loop_reason_allows_leaves_a_forest(
    links: dict[int, int | None], contact_id: int, referrer_id: int
) -> None:
    settled = settled_referrers(rows_of(links))  # a forest, as the service keeps it
    if loop_reason(contact_id, referrer_id, settled) is None:
        after = {**settled, contact_id: referrer_id}
        at: int | None = contact_id
        seen: set[int] = set()
        while at is not None:
            assert at not in seen
            seen.add(at)
            at = after.get(at)


def test_a_merge_hands_the_links_of_the_one_merged_away_to_the_one_kept() -> None:
    # 1 referred 2 (kept) and 3 (merged into 2); 3 referred 4.
    assert links_after_merge(2, 3, {2: 1, 3: 1, 4: 3}) == {4: 2}
    # The one kept had no referrer: it takes the other's.
    assert links_after_merge(2, 3, {3: 1, 4: 3}) == {2: 1, 4: 2}
    # The other referred the one kept: that link cannot stay (nobody refers themselves).
    assert links_after_merge(2, 3, {2: 3}) == {2: None}
    assert links_after_merge(2, 3, {2: 3, 3: 1}) == {2: 1}


def test_a_merge_never_makes_a_loop() -> None:
    # 3 referred 5, 5 referred 2: merging 3 into 2 would have 2 refer 5, who referred 2.
    assert links_after_merge(2, 3, {5: 3, 2: 5}) == {5: None}


@given(links_strategy, st.integers(1, 12), st.integers(1, 12))
def test_after_any_merge_the_links_still_never_loop(
    links: dict[int, int | None], keep: int, other: int
) -> None:
    if keep == other:
        return
    settled = settled_referrers(rows_of(links))
    stored = {cid: ref for cid, ref in settled.items() if ref is not None}
    after: dict[int, int | None] = {
        cid: ref for cid, ref in stored.items() if cid != other and ref != other
    }
    after.update(links_after_merge(keep, other, stored))
    assert other not in after.values()
    for start in after:
        at: int | None = start
        seen: set[int] = set()
        while at is not None:
            assert at not in seen
            seen.add(at)
            at = after.get(at)
