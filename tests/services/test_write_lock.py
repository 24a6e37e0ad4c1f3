"""Decisions read what they decide from under the write lock: no other netui writes between."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from netui.db.contacts import ContactRepository
from netui.db.merge import MergeRepository
from netui.db.triage import TriageEventRepository
from netui.domain.types import Channel, InteractionDraft, Outcome, TriageStatus
from netui.services.context import Services


@pytest.fixture
def attempts(
    db_path: Path, services: Services, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[type, str], list[str]]]:
    """Make a repository read also try a write from another connection; what became of it."""
    other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    tried: list[str] = []

    def during(repository: type, method: str) -> list[str]:
        real = getattr(repository, method)

        def read_while_another_writes(*args: Any, **kwargs: Any) -> Any:
            try:
                other.execute("UPDATE contact SET title = 'Changed meanwhile'")
                tried.append("written")
            except sqlite3.OperationalError:
                tried.append("locked out")
            return real(*args, **kwargs)

        monkeypatch.setattr(repository, method, read_while_another_writes)
        return tried

    yield during
    other.close()


def test_a_triage_decision(
    services: Services, add: Callable[..., int], attempts: Callable[[type, str], list[str]]
) -> None:
    contact_id = add("Ann Lee")
    tried = attempts(ContactRepository, "top20_order")
    services.triage.set_status([contact_id], TriageStatus.TOP20)
    assert tried == ["locked out"]


def test_an_undo(
    services: Services, add: Callable[..., int], attempts: Callable[[type, str], list[str]]
) -> None:
    contact_id = add("Ann Lee")
    services.triage.set_status([contact_id], TriageStatus.LATER)
    tried = attempts(TriageEventRepository, "pop_latest")
    services.triage.undo()
    assert tried == ["locked out"]


def test_a_merge(
    services: Services, add: Callable[..., int], attempts: Callable[[type, str], list[str]]
) -> None:
    keep, other = add("Ann Lee"), add("Ann Lee")
    tried = attempts(MergeRepository, "side")
    services.merge.merge(keep, other)
    assert tried[:1] == ["locked out"]


def test_a_logged_call(
    services: Services, add: Callable[..., int], attempts: Callable[[type, str], list[str]]
) -> None:
    contact_id = add("Ann Lee")
    tried = attempts(ContactRepository, "get")
    services.interactions.log(contact_id, InteractionDraft(Channel.CALL, Outcome.TALKED))
    assert tried == ["locked out"]
