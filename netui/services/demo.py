"""The demo mode: a new database filled with invented people (``netui demo``).

Who they are, where they stand and what was logged with them is
:mod:`netui.domain.demo_people`'s (seeded, so the same seed gives the same people); this
refuses a database that holds anyone and writes everyone in one transaction.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from netui.db import bulk
from netui.domain.demo_people import InventedContact, invent_people
from netui.domain.types import TriageStatus
from netui.errors import NetuiError, ValidationError
from netui.services.context import Services

__all__ = ["DEMO_SOURCE", "MAX_DEMO_CONTACTS", "DemoRefusedError", "DemoSummary", "fill_demo"]

MAX_DEMO_CONTACTS = 1_000_000
DEMO_SOURCE = "demo"


class DemoRefusedError(NetuiError):
    """The demo only fills a database with no contacts in it."""


@dataclass(frozen=True, slots=True)
class DemoSummary:
    contacts: int
    interactions: int
    top20: int
    later: int
    skip: int
    archived: int
    seconds: float


def fill_demo(services: Services, count: int, seed: int = 7) -> DemoSummary:
    """Fill an empty database with ``count`` invented contacts and some history.

    Refuses (DemoRefusedError) when the database already has contacts: the demo never mixes
    invented people into real ones. Everything is written in one transaction.
    """
    if not 1 <= count <= MAX_DEMO_CONTACTS:
        raise ValidationError("contacts", f"must be 1 to {MAX_DEMO_CONTACTS:,}, not {count}")
    started = time.perf_counter()
    now = services.clock()
    statuses: Counter[TriageStatus] = Counter()

    def counted() -> Iterator[InventedContact]:
        for person in invent_people(count, seed, now):
            statuses[person.status] += 1
            yield person

    with services.db.session() as session:
        existing = bulk.contact_count(session)
        if existing:
            raise DemoRefusedError(
                f"{services.path} already has {existing:,} contacts; the demo only fills an "
                "empty database (pass --db with a new file)"
            )
        contacts, interactions = bulk.insert_invented(
            session, counted(), source=DEMO_SOURCE, now=now
        )
    return DemoSummary(
        contacts=contacts,
        interactions=interactions,
        top20=statuses[TriageStatus.TOP20],
        later=statuses[TriageStatus.LATER],
        skip=statuses[TriageStatus.SKIP],
        archived=statuses[TriageStatus.ARCHIVED],
        seconds=time.perf_counter() - started,
    )
