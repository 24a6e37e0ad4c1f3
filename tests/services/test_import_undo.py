"""Undoing a whole import: what it added goes, what it changed comes back, activity stays."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from builders import CONNECTIONS, DANA, LENA, MARCUS, PRIYA, table_dump, write_linkedin

from netui.domain.clock import FakeClock
from netui.domain.types import Channel, InteractionDraft, Outcome, TriageStatus
from netui.errors import NetuiError, NotFoundError
from netui.services.context import Services


def ids_by_name(services: Services) -> dict[str, int]:
    return {row.full_name: row.id for row in services.contacts.list_rows()}


@pytest.fixture
def earlier(services: Services, add: Callable[..., int], tmp_path: Path) -> int:
    """Dana and Lena, already known before the import under test."""
    services.imports.run(write_linkedin(tmp_path / "2024.csv", DANA))
    return add("Lena Voss", company="Pinecrest Health", notes="met at the fair")


def test_undo_restores_the_database_exactly(
    services: Services, earlier: int, tmp_path: Path, clock: FakeClock
) -> None:
    before = table_dump(services.path)
    clock.now += timedelta(days=30)
    moved = (*DANA[:4], "Harbor & Finch", "VP Operations", DANA[6])
    summary = services.imports.run(write_linkedin(tmp_path / "2026.csv", moved, *CONNECTIONS[1:]))
    assert (summary.added, summary.updated, summary.job_changes) == (2, 2, 1)
    assert summary.batch_id is not None

    result = services.imports.undo(summary.batch_id)

    assert (result.removed, result.kept, result.reverted_contacts) == (2, 0, 2)
    after = table_dump(services.path)
    assert after["contact"] == before["contact"]
    assert after["import_change"] == []
    assert services.imports.batches()[0].undone_at == clock.now
    assert "removed 2 contacts it added; put back 2 contacts it updated" in str(result)


def test_a_contact_used_since_the_import_is_kept(
    services: Services, tmp_path: Path, clock: FakeClock
) -> None:
    summary = services.imports.run(write_linkedin(tmp_path / "c.csv", *CONNECTIONS))
    assert summary.batch_id is not None
    ids = ids_by_name(services)
    clock.now += timedelta(hours=1)
    services.interactions.log(
        ids["Marcus Oyelaran"], InteractionDraft(Channel.CALL, Outcome.TALKED, "caught up")
    )
    services.triage.set_status([ids["Lena Voss (she/her)"]], TriageStatus.LATER)
    priya = services.contacts.get(ids["Priya Raman, MBA"])
    services.contacts.update(priya.id, dataclasses.replace(priya.to_draft(), notes="ask re ops"))

    result = services.imports.undo(summary.batch_id)

    assert (result.removed, result.kept) == (1, 3)
    assert (result.kept_with_interactions, result.kept_triaged, result.kept_edited) == (1, 1, 1)
    assert sorted(ids_by_name(services)) == [
        "Lena Voss (she/her)",
        "Marcus Oyelaran",
        "Priya Raman, MBA",
    ]
    assert len(services.interactions.history(ids["Marcus Oyelaran"])) == 1
    assert "kept 3 contacts it added that you used since" in result.message


def test_fields_the_user_changed_since_are_left_alone(
    services: Services, earlier: int, tmp_path: Path
) -> None:
    dana_id = ids_by_name(services)["Dana Whitfield, PMP"]
    moved = (*DANA[:4], "Harbor & Finch", "VP Operations", DANA[6])
    summary = services.imports.run(write_linkedin(tmp_path / "2026.csv", moved))
    assert summary.batch_id is not None
    dana = services.contacts.get(dana_id)
    services.contacts.update(dana_id, dataclasses.replace(dana.to_draft(), title="COO"))

    result = services.imports.undo(summary.batch_id)

    after = services.contacts.get(dana_id)
    assert (after.company, after.title) == ("Tidewell Systems", "COO")
    assert (after.previous_company, after.job_changed_on) == ("", None)
    assert result.fields_edited_since == 1
    assert "left 1 field you changed since as you set them" in result.message


def test_an_import_cannot_be_undone_twice_or_if_unknown(services: Services, tmp_path: Path) -> None:
    summary = services.imports.run(write_linkedin(tmp_path / "c.csv", MARCUS))
    assert summary.batch_id is not None
    services.imports.undo(summary.batch_id)
    with pytest.raises(NetuiError, match=f"import {summary.batch_id} was already undone"):
        services.imports.undo(summary.batch_id)
    with pytest.raises(NotFoundError, match="no import with id 99"):
        services.imports.undo(99)


def test_undoing_imports_in_reverse_order_empties_the_database(
    services: Services, tmp_path: Path, clock: FakeClock
) -> None:
    first = services.imports.run(write_linkedin(tmp_path / "a.csv", DANA, LENA))
    clock.now += timedelta(days=1)
    moved = (*DANA[:4], "Harbor & Finch", "VP Operations", DANA[6])
    second = services.imports.run(write_linkedin(tmp_path / "b.csv", moved, PRIYA))
    assert first.batch_id is not None
    assert second.batch_id is not None
    assert second.updated == 1

    services.imports.undo(second.batch_id)
    dana = services.contacts.get(ids_by_name(services)["Dana Whitfield, PMP"])
    assert dana.company == "Tidewell Systems"
    result = services.imports.undo(first.batch_id)
    assert (result.removed, result.kept) == (2, 0)
    assert services.contacts.is_empty()


def test_an_earlier_import_undone_first_removes_what_only_imports_touched(
    services: Services, tmp_path: Path, clock: FakeClock
) -> None:
    """A later import's update is no activity of the user's: the contact still goes."""
    first = services.imports.run(write_linkedin(tmp_path / "a.csv", DANA))
    clock.now += timedelta(days=1)
    moved = (*DANA[:4], "Harbor & Finch", "VP Operations", DANA[6])
    second = services.imports.run(write_linkedin(tmp_path / "b.csv", moved))
    assert first.batch_id is not None
    assert second.batch_id is not None
    result = services.imports.undo(first.batch_id)
    assert (result.removed, result.kept) == (1, 0)
    assert services.contacts.is_empty()
    assert services.imports.undo(second.batch_id).reverted_contacts == 0
