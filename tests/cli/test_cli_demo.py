"""The demo: invented people, deterministic for a seed, only ever in an empty database."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from cli_runner import Netui

from netui.domain.demo_people import generate_contacts
from netui.domain.types import ContactDraft, DatePrecision, TriageStatus
from netui.domain.validation import validate_draft
from netui.services.context import Services
from netui.services.demo import DemoRefusedError, fill_demo

TODAY = date(2026, 11, 26)


def test_demo_fills_a_new_database(cmd: Netui, db: Path, services: Services) -> None:
    out = cmd.ok("demo", "--contacts", "400", "--seed", "3")
    assert out.startswith(f"Filled {db} with 400 invented contacts in ")
    assert out.endswith(f"Try: netui --db {db}\n")
    counts = services.contacts.counts()
    assert counts.total == 400
    assert 0 < counts.by_status[TriageStatus.TOP20] <= 20
    assert counts.by_status[TriageStatus.LATER] > 0
    assert counts.by_status[TriageStatus.SKIP] > 0
    assert counts.untriaged > 300
    top = cmd.json("top20")
    assert [c["top20_rank"] for c in top["contacts"]] == list(range(1, top["size"] + 1))


def without_uids(text: str) -> object:
    """Parsed JSON with every contact's UID left out: a UID is random for each contact
    created (two demo files must not share one), while the people are the seed's."""

    def drop(value: object) -> object:
        if isinstance(value, dict):
            return {key: drop(item) for key, item in value.items() if key != "uid"}
        if isinstance(value, list):
            return [drop(item) for item in value]
        return value

    return drop(json.loads(text))


def test_demo_is_deterministic_for_a_seed(cmd: Netui, tmp_path: Path) -> None:
    def contents(name: str, seed: str) -> tuple[object, object, object]:
        path = tmp_path / name
        cmd.ok("demo", "--contacts", "150", "--seed", seed, db=path)
        listed = cmd.ok("contacts", "--status", "all", "--sort", "name", "--json", db=path)
        shown = [cmd.ok("show", str(i), "--json", db=path) for i in range(1, 151)]
        top20 = cmd.ok("top20", "--json", db=path)
        return without_uids(listed), [without_uids(text) for text in shown], without_uids(top20)

    first = contents("a.db", "11")
    assert contents("b.db", "11") == first
    assert contents("c.db", "12") != first


def test_demo_refuses_a_database_with_contacts(
    cmd: Netui, db: Path, add: Callable[..., int]
) -> None:
    add("Ann Lee")
    err = cmd.fail("demo", "--contacts", "10")
    assert err == (
        f"netui: error: {db} already has 1 contacts; the demo only fills an empty database "
        "(pass --db with a new file)\n"
    )
    assert [c["full_name"] for c in cmd.json("contacts")] == ["Ann Lee"]


def test_demo_refuses_twice(cmd: Netui, db: Path) -> None:
    cmd.ok("demo", "--contacts", "20", db=db)
    assert "already has 20 contacts" in cmd.fail("demo", "--contacts", "20", db=db)


def test_demo_needs_an_explicit_database(cmd: Netui, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NETUI_DB")
    assert "give --db PATH" in cmd.fail("demo", db=False, code=2)


def test_fill_demo_refusal_is_a_netui_error(services: Services) -> None:
    fill_demo(services, 5)
    with pytest.raises(DemoRefusedError):
        fill_demo(services, 5)
    assert services.contacts.counts().total == 5


def test_demo_history_explains_last_contact(services: Services) -> None:
    summary = fill_demo(services, 600, seed=5)
    assert summary.contacts == 600
    assert summary.interactions > 0
    logged = 0
    for row in services.contacts.list_rows():
        history = services.interactions.history(row.id)
        if not history:
            continue
        logged += 1
        latest = history[0]
        contact = services.contacts.get(row.id)
        assert contact.last_contacted == latest.occurred_at.astimezone().date()
        assert contact.last_contacted_precision is DatePrecision.DAY
        assert contact.next_follow_up == latest.follow_up
        for item in history:
            assert item.occurred_at <= services.clock()
            assert item.follow_up is None or item.follow_up >= item.occurred_at.astimezone().date()
    assert 15 <= logged <= 80  # about 5% of contacts, plus Top 20 members
    progress = services.triage.top20_progress()
    assert progress.size == summary.top20
    assert progress.reached <= progress.size


# --- the generator --------------------------------------------------------------------------


def test_generator_is_deterministic() -> None:
    assert list(generate_contacts(300, 1, TODAY)) == list(generate_contacts(300, 1, TODAY))
    assert list(generate_contacts(300, 1, TODAY)) != list(generate_contacts(300, 2, TODAY))
    assert list(generate_contacts(0, 1, TODAY)) == []
    # A prefix of a longer run is the shorter run.
    assert list(generate_contacts(50, 9, TODAY)) == list(generate_contacts(80, 9, TODAY))[:50]


def test_generated_people_are_valid_and_varied() -> None:
    people = list(generate_contacts(3000, 7, TODAY))
    assert all(validate_draft(p) == p for p in people)

    def share(test: Callable[[ContactDraft], object]) -> float:
        return sum(1 for p in people if test(p)) / len(people)

    assert 0.25 < share(lambda p: p.emails) < 0.35
    assert 0.15 < share(lambda p: p.phones) < 0.25
    assert 0.55 < share(lambda p: p.linkedin_url) < 0.65
    assert 0.50 < share(lambda p: p.strength is None) < 0.60
    assert 0.05 < share(lambda p: p.strength in (4, 5)) < 0.15
    assert len({p.full_name for p in people}) > 2500
    assert len({p.company for p in people}) > 800
    precisions = Counter(p.last_contacted.precision for p in people if p.last_contacted)
    assert set(precisions) == set(DatePrecision)
    dates = [p.last_contacted.value for p in people if p.last_contacted]
    assert max(dates) <= TODAY
    assert min(dates) >= date(TODAY.year - 10, 1, 1)
    assert max(dates) - min(dates) > timedelta(days=9 * 365)
    assert any(not p.isascii() for p in (q.full_name for q in people))


def test_generated_contact_details_are_fictional() -> None:
    for person in generate_contacts(2000, 4, TODAY):
        for email in person.emails:
            assert email.endswith(".example"), email
        for phone in person.phones:
            assert re.fullmatch(r"\+1 \d{3} 555-01\d\d|\+44 20 7946 0\d{3}", phone), phone
        if person.linkedin_url:
            assert re.fullmatch(r"https://www\.linkedin\.com/in/[a-z0-9-]+", person.linkedin_url)


def test_fill_demo_rejects_silly_sizes(services: Services) -> None:
    with pytest.raises(Exception, match="contacts: must be 1 to"):
        fill_demo(services, 0)
