"""Referral chains: who introduced the user to whom, and where each line of people led.

A contact may name the contact who referred them. Followed back, those links make chains
that start at someone nobody referred ("Ann → Bo → Cy"); the last person's best outcome
and company say where the chain led ("Ann → Bo → a meeting at Acme").

Everything here is pure: the rows come from ``netui.db.referrals``. The links should
never loop (the service refuses a link that would), but a file or another tool could
have written one, so chains are built from :func:`settled_referrers`, which drops every
link that closes a loop and every link to someone absent: a chain always ends.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from netui.domain.types import Outcome

__all__ = [
    "ChainPerson",
    "ReferralChain",
    "ReferralRow",
    "best_outcome",
    "build_chains",
    "chain_to",
    "describe_chain",
    "links_after_merge",
    "loop_reason",
    "referral_loops_rule",
    "settled_referrers",
    "where_it_led",
]

OUTCOME_RANK: tuple[Outcome, ...] = (
    Outcome.MEETING_SET,
    Outcome.REFERRAL,
    Outcome.TALKED,
    Outcome.REPLIED,
    Outcome.LEFT_MESSAGE,
    Outcome.NO_ANSWER,
    Outcome.DECLINED,
)
"""Outcomes from the best to the least: a meeting is the door a referral is for."""

_LED_TO: dict[Outcome, tuple[str, str]] = {
    Outcome.MEETING_SET: ("a meeting", "at"),
    Outcome.REFERRAL: ("a referral", "at"),
    Outcome.TALKED: ("a conversation", "at"),
    Outcome.REPLIED: ("a reply", "from"),
}
"""What a reached person's best outcome is called, and the word before their company.
Outcomes missing here (no answer, a message left, declined) led nowhere yet."""


@dataclass(frozen=True, slots=True)
class ReferralRow:
    """One contact as the chains need them."""

    id: int
    name: str
    referred_by: int | None
    best_outcome: Outcome | None  # of everything logged with them; None: nothing logged
    company: str = ""
    added_at: datetime | None = None  # when they were added: newer chains come first


@dataclass(frozen=True, slots=True)
class ChainPerson:
    """Someone in a chain: enough to show them and to go to them."""

    id: int
    name: str


@dataclass(frozen=True, slots=True)
class ReferralChain:
    """People in referral order: the first was referred by nobody, each referred the next.

    ``led_to`` is where it went from the last person ("a meeting at Acme"; "" while
    nothing came of it yet), from their ``outcome`` and ``company``.
    """

    people: tuple[ChainPerson, ...]
    led_to: str = ""
    outcome: Outcome | None = None
    company: str = ""
    added_at: datetime | None = None  # when its last person was added

    @property
    def ids(self) -> tuple[int, ...]:
        return tuple(person.id for person in self.people)

    @property
    def first(self) -> ChainPerson:
        return self.people[0]

    @property
    def last(self) -> ChainPerson:
        return self.people[-1]

    def __len__(self) -> int:
        return len(self.people)


def best_outcome(outcomes: Iterable[Outcome]) -> Outcome | None:
    """The best of ``outcomes`` by :data:`OUTCOME_RANK`; None when there are none."""
    found = set(outcomes)
    return next((outcome for outcome in OUTCOME_RANK if outcome in found), None)


def where_it_led(outcome: Outcome | None, company: str) -> str:
    """``"a meeting at Acme"``, ``"a reply"``...; "" for an outcome that led nowhere yet."""
    if outcome is None or outcome not in _LED_TO:
        return ""
    phrase, word = _LED_TO[outcome]
    company = " ".join(company.split())
    return f"{phrase} {word} {company}" if company else phrase


def _reaches(start: int | None, target: int, referrers: Mapping[int, int | None]) -> bool:
    """Whether following referrers up from ``start`` comes to ``target`` (or loops)."""
    seen: set[int] = set()
    at = start
    while at is not None:
        if at == target:
            return True
        if at in seen:
            return True  # a loop above: treat it as reaching, so nothing joins it
        seen.add(at)
        at = referrers.get(at)
    return False


def loop_reason(
    contact_id: int, referrer_id: int, referrers: Mapping[int, int | None]
) -> str | None:
    """Why ``contact_id`` cannot be referred by ``referrer_id``, or None if it can.

    ``referrers`` maps contacts to who referred them, as stored (the contact's own link,
    about to be replaced, is left out of the walk).
    """
    if contact_id == referrer_id:
        return "a contact cannot be referred by themselves"
    others = {key: value for key, value in referrers.items() if key != contact_id}
    if _reaches(referrer_id, contact_id, others):
        return "that contact was referred (directly or through others) by this one"
    return None


def links_after_merge(keep: int, other: int, links: Mapping[int, int]) -> dict[int, int | None]:
    """The links to write once ``other`` is merged into ``keep`` (``links``: as stored).

    ``keep`` keeps who referred them, or takes who referred ``other``; whoever ``other``
    referred was referred by ``keep`` from now on. A link that would loop (one of the two
    had referred the other, through others) is dropped rather than written.
    """
    after: dict[int, int | None] = {cid: ref for cid, ref in links.items() if cid != other}
    referrer = links.get(keep)
    if referrer is None or referrer == other:
        referrer = links.get(other)
    after[keep] = None if referrer in (keep, other) else referrer
    for contact_id, referred_by in links.items():
        if referred_by == other and contact_id not in (keep, other):
            after[contact_id] = keep
    changed = {cid: ref for cid, ref in after.items() if cid != other and links.get(cid) != ref}
    for contact_id, new_referrer in changed.items():
        if new_referrer is not None and loop_reason(contact_id, new_referrer, after) is not None:
            after[contact_id] = changed[contact_id] = None
    return changed


def settled_referrers(rows: Iterable[ReferralRow]) -> dict[int, int | None]:
    """Each row's referrer, keeping only links to rows given that close no loop.

    Links are taken in id order; one that would close a loop with those kept is dropped,
    so the result is a forest whatever was stored.
    """
    by_id = {row.id: row for row in rows}
    kept: dict[int, int | None] = {}
    for contact_id in sorted(by_id):
        referrer = by_id[contact_id].referred_by
        if referrer is None or referrer not in by_id or _reaches(referrer, contact_id, kept):
            kept[contact_id] = None
        else:
            kept[contact_id] = referrer
    return kept


def referral_loops_rule(records: Sequence[Mapping[str, Any]]) -> Iterator[tuple[int, str, str]]:
    """A backup's contacts name no loop of referrers (a section rule for the restore).

    A link to a contact the backup does not hold is the reference check's to report.
    """
    rows = [ReferralRow(record["id"], "", record.get("referred_by_id"), None) for record in records]
    ids = {row.id for row in rows}
    settled = settled_referrers(rows)
    for position, row in enumerate(rows):
        contact_id, referrer = row.id, row.referred_by
        if referrer is None or referrer not in ids or settled[contact_id] == referrer:
            continue
        if referrer == contact_id:
            yield position, "referred_by_id", "a contact cannot be referred by themselves"
        else:
            yield position, "referred_by_id", f"{referrer} closes a loop of referrals"


def _chain(path: Sequence[ReferralRow]) -> ReferralChain:
    last = path[-1]
    return ReferralChain(
        people=tuple(ChainPerson(row.id, row.name) for row in path),
        led_to=where_it_led(last.best_outcome, last.company),
        outcome=last.best_outcome,
        company=last.company,
        added_at=last.added_at,
    )


def chain_to(contact_id: int, rows: Iterable[ReferralRow]) -> ReferralChain:
    """The chain that ends at ``contact_id``: from whoever started it down to them.

    ``rows`` must hold the contact and everyone above them; a contact nobody referred is
    a chain of one. Raises KeyError if ``contact_id`` is not among the rows.
    """
    by_id = {row.id: row for row in rows}
    referrers = settled_referrers(by_id.values())
    path = [by_id[contact_id]]
    at = referrers[contact_id]
    while at is not None:
        path.append(by_id[at])
        at = referrers[at]
    return _chain(path[::-1])


def build_chains(rows: Iterable[ReferralRow]) -> list[ReferralChain]:
    """Every chain of two people or more, from a start to someone who referred nobody;
    longest first, then the newest (by when its last person was added, then by id)."""
    by_id = {row.id: row for row in rows}
    referrers = settled_referrers(by_id.values())
    children: dict[int, list[int]] = {}
    for contact_id in sorted(referrers):
        referrer = referrers[contact_id]
        if referrer is not None:
            children.setdefault(referrer, []).append(contact_id)
    chains: list[ReferralChain] = []
    starts = [cid for cid in sorted(referrers) if referrers[cid] is None and cid in children]
    for start in starts:
        stack: list[list[int]] = [[start]]
        while stack:
            path = stack.pop()
            below = children.get(path[-1], [])
            if not below:
                chains.append(_chain([by_id[cid] for cid in path]))
            stack.extend([*path, child] for child in reversed(below))

    def newest_longest(chain: ReferralChain) -> tuple[int, float, int]:
        added = chain.added_at.timestamp() if chain.added_at is not None else float("-inf")
        return (-len(chain), -added, -chain.last.id)

    return sorted(chains, key=newest_longest)


def describe_chain(chain: ReferralChain) -> str:
    """``"Ann Lee → Bo Park → a meeting at Acme"``: names on one line, as given.

    Names are joined as they are; whoever shows the text cleans it for its screen.
    """
    parts = [person.name for person in chain.people]
    if chain.led_to:
        parts.append(chain.led_to)
    return " → ".join(parts)
