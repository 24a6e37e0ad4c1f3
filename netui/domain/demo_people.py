"""Invented people for tests, benchmarks and the demo mode: pure and seeded.

:func:`generate_contacts` is a deterministic stream of drafts for a seed and a "today";
:func:`invent_people` makes them a whole demo network for a seed and a moment: a Top 20,
some triage decisions and a history of calls and messages. Everything comes from the word
lists of :mod:`netui.domain.demo_words`, combined at random: no one here is real.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from typing import TypeVar

from netui.domain.demo_words import (
    CADENCES,
    CHANNEL_WEIGHTS,
    COMPANY_KINDS,
    COMPANY_WORDS,
    FIRST_NAMES,
    FOLLOW_UPS,
    HOW_WE_MET,
    INTERACTION_NOTES,
    LAST_NAMES,
    NOTES,
    OUTCOME_WEIGHTS,
    PERSONAL_DOMAINS,
    TAGS,
    TITLES,
    US_AREA_CODES,
)
from netui.domain.types import (
    Channel,
    ContactDraft,
    DatePrecision,
    InteractionDraft,
    LooseDate,
    Outcome,
    TriageStatus,
)

__all__ = ["TOP20_DEMO_SIZE", "InventedContact", "generate_contacts", "invent_people"]

TOP20_DEMO_SIZE = 16  # leaves room, so the demo can show adding to the Top 20
# Since joining the Top 20, odd ranks were reached (so about half are) and even ranks were
# tried without reaching them, or not yet: between them every outcome comes up.
CAMPAIGN_REACHED = (
    Outcome.MEETING_SET,
    Outcome.REFERRAL,
    Outcome.TALKED,
    Outcome.REPLIED,
    Outcome.MEETING_SET,
    Outcome.DECLINED,
    Outcome.REFERRAL,
    Outcome.TALKED,
)
CAMPAIGN_TRIED = (Outcome.NO_ANSWER, Outcome.LEFT_MESSAGE)
CAMPAIGN_CHANNEL = {
    Outcome.NO_ANSWER: Channel.CALL,
    Outcome.LEFT_MESSAGE: Channel.CALL,
    Outcome.REPLIED: Channel.EMAIL,
    Outcome.TALKED: Channel.CALL,
    Outcome.MEETING_SET: Channel.MESSAGE,
    Outcome.REFERRAL: Channel.MEETING,
    Outcome.DECLINED: Channel.EMAIL,
}
DUE_TODAY_RANKS = frozenset({2, 4})
OVERDUE_RANKS = frozenset({6, 8})
NOT_YET_TRIED_RANKS = frozenset({12, 16})

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class InventedContact:
    """One invented person, where they stand in the triage, and what was logged with them."""

    draft: ContactDraft
    status: TriageStatus
    top20_rank: int | None
    top20_since: datetime | None
    next_follow_up: date | None
    history: tuple[InteractionDraft, ...]  # oldest first; every one has its moment


_ASCII_FOLD = str.maketrans({"ł": "l", "ø": "o", "ß": "ss", "ı": "i", "đ": "d", "æ": "ae"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(text: str) -> str:
    """ASCII letters and digits only, for invented email addresses and profile URLs."""
    folded = unicodedata.normalize("NFKD", text.lower().translate(_ASCII_FOLD))
    return _NOT_SLUG.sub("", folded.encode("ascii", "ignore").decode("ascii"))


def _company(rng: random.Random) -> str:
    return f"{rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_KINDS)}"


def _fill(template: str, rng: random.Random, today: date) -> str:
    return template.format(company=_company(rng), year=today.year - rng.randint(1, 8))


def _last_contacted(rng: random.Random, today: date) -> LooseDate | None:
    """Somewhere in the past ten years, as precisely as someone would remember it."""
    if rng.random() < 0.12:
        return None
    day = today - timedelta(days=rng.randint(0, 3652))
    roll = rng.random()
    if roll < 0.35:
        return LooseDate(day, DatePrecision.DAY)
    if roll < 0.70:
        return LooseDate(day.replace(day=1), DatePrecision.MONTH)
    return LooseDate(date(day.year, 1, 1), DatePrecision.YEAR)


def _strength(rng: random.Random) -> int | None:
    roll = rng.random()
    if roll < 0.55:
        return None
    if roll < 0.90:
        return rng.randint(1, 3)
    return rng.randint(4, 5)


def _emails(rng: random.Random, first: str, last: str, company: str) -> tuple[str, ...]:
    if rng.random() >= 0.30:
        return ()
    f, l = _slug(first) or "someone", _slug(last) or "somewhere"  # noqa: E741
    local = rng.choice((f"{f}.{l}", f"{f}{l[:1]}", f"{f[:1]}.{l}", f"{f}_{l}"))
    personal = f"{local}@{rng.choice(PERSONAL_DOMAINS)}"
    if not company:
        return (personal,)
    work = f"{f}.{l}@{_slug(company)}.example"
    if rng.random() < 0.15:
        return (work, personal)
    return (work,) if rng.random() < 0.5 else (personal,)


def _phones(rng: random.Random) -> tuple[str, ...]:
    if rng.random() >= 0.20:
        return ()
    if rng.random() < 0.7:
        return (f"+1 {rng.choice(US_AREA_CODES)} 555-01{rng.randint(0, 99):02d}",)
    return (f"+44 20 7946 0{rng.randint(0, 999):03d}",)


def generate_contacts(count: int, seed: int, today: date) -> Iterator[ContactDraft]:
    """``count`` invented people, the same ones for the same seed and day."""
    rng = random.Random(seed)
    for _ in range(count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        middle = f" {rng.choice('ABCDEFGHJKLMNPRSTW')}." if rng.random() < 0.1 else ""
        company = _company(rng) if rng.random() < 0.85 else ""
        title = rng.choice(TITLES) if rng.random() < 0.80 else ""
        linkedin = (
            f"https://www.linkedin.com/in/{_slug(first)}-{_slug(last)}-{rng.getrandbits(32):08x}"
            if rng.random() < 0.60
            else ""
        )
        notes = ""
        if rng.random() < 0.40:
            picked = rng.sample(NOTES, rng.choice((1, 1, 1, 2)))
            notes = "\n".join(_fill(n, rng, today) for n in picked)
        yield ContactDraft(
            full_name=f"{first}{middle} {last}",
            first_name=first,
            last_name=last,
            company=company,
            title=title,
            emails=_emails(rng, first, last, company),
            phones=_phones(rng),
            linkedin_url=linkedin,
            how_we_met=_fill(rng.choice(HOW_WE_MET), rng, today) if rng.random() < 0.5 else "",
            notes=notes,
            tags=tuple(rng.sample(TAGS, rng.randint(1, 3))) if rng.random() < 0.45 else (),
            strength=_strength(rng),
            last_contacted=_last_contacted(rng, today),
            cadence=rng.choice(CADENCES) if rng.random() < 0.08 else None,
        )


def _weighted(rng: random.Random, pairs: Sequence[tuple[T, int]]) -> T:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _local_moment(day: date, rng: random.Random) -> datetime:
    """A working-hours moment on ``day`` in the user's time zone, as aware UTC."""
    moment = datetime.combine(day, clock_time(rng.randint(8, 18), rng.choice((0, 15, 30, 45))))
    return moment.astimezone().astimezone(UTC)


def _interaction(
    rng: random.Random,
    when: datetime,
    outcome: Outcome | None = None,
    channel: Channel | None = None,
) -> InteractionDraft:
    if channel is None:
        channel = _weighted(rng, CHANNEL_WEIGHTS)
    if outcome is None:
        outcome = _weighted(rng, OUTCOME_WEIGHTS[channel])
    chance, low, high = FOLLOW_UPS[outcome]
    local_day = when.astimezone().date()
    follow_up = (
        local_day + timedelta(days=rng.randint(low, high)) if rng.random() < chance else None
    )
    note = rng.choice(INTERACTION_NOTES[outcome])
    return InteractionDraft(channel, outcome, note, occurred_at=when, follow_up=follow_up)


def _history(rng: random.Random, now: datetime, before: datetime) -> list[InteractionDraft]:
    """One to four interactions over the last eighteen months, oldest first, all before
    ``before`` (now, or the moment a Top 20 member joined)."""
    today = now.astimezone().date()
    count = _weighted(rng, ((1, 45), (2, 30), (3, 17), (4, 8)))
    day = today - timedelta(days=rng.randint(20, 540))
    moments: list[datetime] = []
    for _ in range(count):
        moment = _local_moment(day, rng)
        if moment < before - timedelta(hours=1):
            moments.append(moment)
        day += timedelta(days=rng.randint(2, 40))
    return [_interaction(rng, m) for m in sorted(moments)]


def _campaign(
    rng: random.Random, now: datetime, since: datetime, rank: int
) -> list[InteractionDraft]:
    """What was logged with a Top 20 member since they joined: reached (odd ranks), tried
    with a follow-up due today or overdue, or not tried yet."""
    if rank in NOT_YET_TRIED_RANKS:
        return []
    if rank % 2:
        outcome = CAMPAIGN_REACHED[(rank // 2) % len(CAMPAIGN_REACHED)]
    else:
        outcome = CAMPAIGN_TRIED[(rank // 2) % len(CAMPAIGN_TRIED)]
    today = now.astimezone().date()
    latest = now - timedelta(hours=1)
    overdue = 0
    if rank in OVERDUE_RANKS:
        overdue = rng.randint(1, max(1, min(6, (now - since).days - 1)))
        latest = now - timedelta(days=overdue, hours=1)
    span = max(int((latest - since).total_seconds()), 120)
    when = since + timedelta(seconds=rng.randint(60, span))
    logged = _interaction(rng, when, outcome, CAMPAIGN_CHANNEL[outcome])
    if rank in DUE_TODAY_RANKS or rank in OVERDUE_RANKS:
        due = max(today - timedelta(days=overdue), when.astimezone().date())
        logged = replace(logged, follow_up=due)
    return [logged]


def _status(rng: random.Random) -> TriageStatus:
    roll = rng.random()
    if roll < 0.08:
        return TriageStatus.LATER
    if roll < 0.13:
        return TriageStatus.SKIP
    if roll < 0.14:
        return TriageStatus.ARCHIVED
    return TriageStatus.NEW


def invent_people(count: int, seed: int, now: datetime) -> Iterator[InventedContact]:
    """``count`` invented people with their triage and history, the same for a seed and moment.

    A few (at most :data:`TOP20_DEMO_SIZE`) are in the Top 20, about half of them reached
    since they joined and some with a follow-up due today or overdue; some are saved for
    later, skipped or archived. Top 20 members and a few others have a history, whose
    latest entry sets their last contact and next follow-up.
    """
    rng = random.Random(seed * 1_000_003 + 17)
    top_indexes = rng.sample(range(count), min(TOP20_DEMO_SIZE, count // 8))
    ranks = {index: rank for rank, index in enumerate(top_indexes, start=1)}
    today = now.astimezone().date()
    for index, draft in enumerate(generate_contacts(count, seed, today)):
        rank = ranks.get(index)
        status = TriageStatus.TOP20 if rank else _status(rng)
        since = now - timedelta(days=rng.randint(3, 25)) if rank else None
        history: list[InteractionDraft] = []
        if since is not None or rng.random() < 0.05:
            history = _history(rng, now, since or now)
        if rank and since is not None:
            history += _campaign(rng, now, since, rank)
        follow_up = None
        if history:
            # The log explains the date: the latest call sets last contact and follow-up.
            latest = history[-1]
            assert latest.occurred_at is not None
            day = latest.occurred_at.astimezone().date()
            draft = replace(draft, last_contacted=LooseDate(day, DatePrecision.DAY))
            follow_up = latest.follow_up
        yield InventedContact(draft, status, rank, since, follow_up, tuple(history))
