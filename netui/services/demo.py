"""The demo mode: a new database filled with invented people and weeks of practice.

Who they are, where they stand and what was logged with them is
:mod:`netui.domain.demo_people`'s, the timer sessions :mod:`netui.domain.demo_sessions`'s
and the scripts and profile :mod:`netui.domain.demo_scripts`'s (all seeded, so the same
seed gives the same demo). This refuses a database that holds anyone, writes the scripts
first (the history names the revisions it used), then everyone and every session in one
transaction.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

from netui.db import bulk
from netui.db.timer import TimerRepository
from netui.domain.clock import local_zone
from netui.domain.demo_people import InventedContact, invent_people
from netui.domain.demo_scripts import (
    DEMO_PROFILE,
    DEMO_SCRIPT_BODIES,
    DEMO_SCRIPT_NAME,
    DEMO_SCRIPT_SUBJECT,
    with_scripts,
)
from netui.domain.demo_sessions import DEMO_WEEKS, invent_sessions
from netui.domain.scripts import ScriptChannel
from netui.domain.types import TriageStatus
from netui.errors import NetuiError, ValidationError
from netui.services.context import Services

__all__ = ["DEMO_SOURCE", "MAX_DEMO_CONTACTS", "DemoRefusedError", "DemoSummary", "fill_demo"]

MAX_DEMO_CONTACTS = 1_000_000
DEMO_SOURCE = "demo"


class DemoRefusedError(NetuiError):
    """The demo only fills a database with no contacts (and no timer sessions) in it."""


@dataclass(frozen=True, slots=True)
class DemoSummary:
    contacts: int
    interactions: int
    top20: int
    later: int
    skip: int
    archived: int
    sessions: int
    seconds: float


def _refuse_unless_empty(services: Services) -> None:
    with services.db.session() as session:
        contacts = bulk.contact_count(session)
        timed = TimerRepository(session).first_start() is not None
    if contacts:
        raise DemoRefusedError(
            f"{services.path} already has {contacts:,} contacts; the demo only fills an "
            "empty database (pass --db with a new file)"
        )
    if timed:
        raise DemoRefusedError(
            f"{services.path} already has timer sessions; the demo only fills an empty "
            "database (pass --db with a new file)"
        )


def _scripts(services: Services) -> dict[ScriptChannel, list[int]]:
    """netui's built-ins and the demo's own script; the revisions to name, by channel."""
    scripts = services.scripts
    scripts.ensure_builtins()
    first, *later = DEMO_SCRIPT_BODIES
    own = scripts.create(DEMO_SCRIPT_NAME, ScriptChannel.EMAIL, DEMO_SCRIPT_SUBJECT, first)
    revisions: dict[ScriptChannel, list[int]] = {own.channel: [own.revision_id]}
    for body in later:
        revisions[own.channel].append(scripts.save(own.id, DEMO_SCRIPT_SUBJECT, body).revision_id)
    for summary in scripts.list():
        if summary.builtin_key is not None:
            revisions.setdefault(summary.channel, []).insert(0, scripts.get(summary.id).revision_id)
    profile = scripts.profile()
    if not (profile.name or profile.situation or profile.ask):  # never over the user's own
        scripts.set_profile(DEMO_PROFILE)
    return revisions


def fill_demo(
    services: Services, count: int, seed: int = 7, *, practice: bool = True
) -> DemoSummary:
    """Fill an empty database with ``count`` invented contacts and weeks of history.

    With ``practice`` (the default) that history has scripts, a profile and timer
    sessions too; without, only the contacts and what was logged with them (for tests and
    benchmarks that count every row). Refuses (DemoRefusedError) when the database already
    has contacts or timer sessions: the demo never mixes invented people or time into
    real ones.
    """
    if not 1 <= count <= MAX_DEMO_CONTACTS:
        raise ValidationError("contacts", f"must be 1 to {MAX_DEMO_CONTACTS:,}, not {count}")
    started = time.perf_counter()
    now = services.clock()
    _refuse_unless_empty(services)  # before the scripts are written
    revisions = _scripts(services) if practice else {}
    goal = services.settings.daily_goal()
    timed = invent_sessions(seed, now, local_zone(), goal) if practice else []
    statuses: Counter[TriageStatus] = Counter()

    def counted() -> Iterator[InventedContact]:
        people = invent_people(count, seed, now)
        for person in with_scripts(people, revisions, now - timedelta(weeks=DEMO_WEEKS)):
            statuses[person.status] += 1
            yield person

    with services.db.session() as session:
        if bulk.contact_count(session):  # another netui filled it meanwhile
            raise DemoRefusedError(f"{services.path} filled up while the demo was writing")
        contacts, interactions = bulk.insert_invented(
            session, counted(), source=DEMO_SOURCE, now=now
        )
        sessions = bulk.insert_sessions(session, timed)
    return DemoSummary(
        contacts=contacts,
        interactions=interactions,
        top20=statuses[TriageStatus.TOP20],
        later=statuses[TriageStatus.LATER],
        skip=statuses[TriageStatus.SKIP],
        archived=statuses[TriageStatus.ARCHIVED],
        sessions=sessions,
        seconds=time.perf_counter() - started,
    )
