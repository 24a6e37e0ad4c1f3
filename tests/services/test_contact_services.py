"""Contacts and interactions through the services, as the app and CLI use them."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest

from netui.domain.clock import FakeClock
from netui.domain.listing import SortKey, StatusFilter
from netui.domain.types import (
    Channel,
    ContactDraft,
    DatePrecision,
    InteractionDraft,
    LooseDate,
    Outcome,
    TriageStatus,
)
from netui.errors import NotFoundError, ValidationError
from netui.services.context import Services


def test_contact_round_trips_every_field(services: Services) -> None:
    draft = ContactDraft(
        full_name="  Mireille   Dufresne ",
        first_name="Mireille",
        last_name="Dufresne",
        company="Quillfeather",
        title="Head of Data",
        emails=("m@quill.example",),
        phones=("+33 6 00 00 00 00",),
        linkedin_url="https://www.linkedin.com/in/mdufresne",
        how_we_met="Hackathon 2015",
        notes="Line one\nLine two",
        tags=("data", "paris"),
        strength=4,
        last_contacted=LooseDate(date(2019, 1, 1), DatePrecision.YEAR),
        cadence="3m",
    )
    saved = services.contacts.add(draft)
    loaded = services.contacts.get(saved.id)
    assert loaded.full_name == "Mireille Dufresne"
    assert loaded.emails == ("m@quill.example",)
    assert loaded.tags == ("data", "paris")
    assert loaded.notes == "Line one\nLine two"
    assert (loaded.last_contacted, loaded.last_contacted_precision) == (
        date(2019, 1, 1),
        DatePrecision.YEAR,
    )
    assert loaded.status is TriageStatus.NEW
    assert loaded.created_at.tzinfo is not None


@pytest.mark.parametrize(
    ("draft", "field"),
    [
        (ContactDraft(full_name="   "), "name"),
        (ContactDraft(full_name="X", emails=("nope",)), "email"),
        (ContactDraft(full_name="X", strength=6), "strength"),
        (ContactDraft(full_name="X", cadence="sometimes"), "cadence"),
        (ContactDraft(full_name="X", notes="n" * 10_001), "notes"),
    ],
)
def test_invalid_drafts_are_refused_and_nothing_is_written(
    services: Services, draft: ContactDraft, field: str
) -> None:
    with pytest.raises(ValidationError) as error:
        services.contacts.add(draft)
    assert error.value.field == field
    assert services.contacts.is_empty()


def test_list_rows_are_searchable_and_scored(services: Services) -> None:
    services.contacts.add(
        ContactDraft(full_name="Ana Lima", company="Copperline", emails=("ana@copper.example",))
    )
    services.contacts.add(ContactDraft(full_name="Bo Park", tags=("Fintech",), strength=5))
    rows = services.contacts.list_rows()
    assert {r.full_name for r in rows} == {"Ana Lima", "Bo Park"}
    assert all(0 <= r.priority <= 100 for r in rows)
    found = services.contacts.find(StatusFilter.ALL, "copper.example")
    assert [c.full_name for c in found] == ["Ana Lima"]
    assert [c.full_name for c in services.contacts.find(StatusFilter.ALL, "fintech")] == ["Bo Park"]
    by_priority = services.contacts.find(StatusFilter.ALL, "", SortKey.PRIORITY)
    assert by_priority[0].full_name == "Bo Park"


def test_target_keywords_raise_priority(services: Services) -> None:
    a = services.contacts.add(ContactDraft(full_name="A", title="Product Manager")).id
    b = services.contacts.add(ContactDraft(full_name="B", title="Accountant")).id

    def scores() -> dict[int, float]:
        return {r.id: r.priority for r in services.contacts.list_rows()}

    assert scores()[a] == scores()[b]
    services.settings.set_target_keywords("product, fintech")
    assert services.settings.target_keywords() == ("product", "fintech")
    assert scores()[a] > scores()[b]


def test_logging_moves_last_contacted_forward_only(services: Services) -> None:
    contact = services.contacts.add(
        ContactDraft(full_name="Cy", last_contacted=LooseDate(date(2026, 1, 10), DatePrecision.DAY))
    ).id
    older = datetime(2025, 5, 5, 12, tzinfo=UTC)
    services.interactions.log(
        contact, InteractionDraft(Channel.EMAIL, Outcome.REPLIED, occurred_at=older)
    )
    assert services.contacts.get(contact).last_contacted == date(2026, 1, 10)
    services.interactions.log(
        contact,
        InteractionDraft(Channel.CALL, Outcome.TALKED, "caught up", follow_up=date(2026, 12, 3)),
    )
    updated = services.contacts.get(contact)
    assert updated.last_contacted == date(2026, 11, 26)
    assert updated.last_contacted_precision is DatePrecision.DAY
    assert updated.next_follow_up == date(2026, 12, 3)
    history = services.interactions.history(contact)
    assert [i.outcome for i in history] == [Outcome.TALKED, Outcome.REPLIED]


def test_logging_refuses_the_future_and_unknown_contacts(services: Services) -> None:
    contact = services.contacts.add(ContactDraft(full_name="Di")).id
    tomorrow = datetime(2026, 11, 27, 15, tzinfo=UTC)
    with pytest.raises(ValidationError, match="future"):
        services.interactions.log(
            contact, InteractionDraft(Channel.CALL, Outcome.TALKED, occurred_at=tomorrow)
        )
    with pytest.raises(ValidationError, match="follow-up"):
        services.interactions.log(
            contact,
            InteractionDraft(Channel.CALL, Outcome.TALKED, follow_up=date(2026, 1, 1)),
        )
    with pytest.raises(NotFoundError):
        services.interactions.log(999, InteractionDraft(Channel.CALL, Outcome.TALKED))
    assert services.interactions.history(contact) == []
    assert services.contacts.get(contact).last_contacted is None


def test_counts_by_status(services: Services, add: Callable[..., int]) -> None:
    ids = [add(n) for n in "ABCD"]
    services.triage.set_status(ids[:1], TriageStatus.TOP20)
    services.triage.set_status(ids[1:2], TriageStatus.SKIP)
    counts = services.contacts.counts()
    assert (counts.total, counts.untriaged, counts.triaged) == (4, 2, 2)
    assert counts.by_status[TriageStatus.SKIP] == 1


def test_delete_removes_contact_and_history(services: Services) -> None:
    contact = services.contacts.add(ContactDraft(full_name="Gone")).id
    services.interactions.log(contact, InteractionDraft(Channel.CALL, Outcome.TALKED))
    services.contacts.delete(contact)
    with pytest.raises(NotFoundError):
        services.contacts.get(contact)


def stored_stamps(services: Services) -> set[str]:
    """Every created_at/updated_at value in the file, as SQLite holds it."""
    connection = sqlite3.connect(services.path)
    try:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master")]
        stamps: set[str] = set()
        for table in tables:
            columns = {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')}
            for column in columns & {"created_at", "updated_at"}:
                stamps.update(v for (v,) in connection.execute(f'SELECT {column} FROM "{table}"'))
        return stamps
    finally:
        connection.close()


def test_fixed_clock_never_reads_the_real_time(services: Services, clock: FakeClock) -> None:
    """Every timestamp netui stores comes from the injected clock, on every kind of write."""
    added = services.contacts.add(ContactDraft(full_name="Stamped Sam"))
    assert added.created_at == added.updated_at == clock()
    later = clock.advance(days=3, hours=2)
    edited = services.contacts.update(added.id, ContactDraft(full_name="Stamped Sam", title="CTO"))
    assert (edited.created_at, edited.updated_at) == (added.created_at, later)
    latest = clock.advance(minutes=7)
    services.triage.set_status([added.id], TriageStatus.TOP20)  # a Core UPDATE, not the ORM
    services.interactions.log(added.id, InteractionDraft(Channel.CALL, Outcome.TALKED))
    assert services.contacts.get(added.id).updated_at == latest
    # Contact, triage event and interaction: created at the first moment or the last.
    expected = {f"{moment:%Y-%m-%d %H:%M:%S}.000000" for moment in (added.created_at, latest)}
    assert stored_stamps(services) == expected
