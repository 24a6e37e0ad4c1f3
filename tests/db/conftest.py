"""A fresh database and services on a fixed clock for each test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from netui.domain.types import ContactDraft
from netui.services.clock import ManualClock
from netui.services.context import Services, open_services


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 11, 26, 15, 0, tzinfo=UTC))


@pytest.fixture
def services(tmp_path: Path, clock: ManualClock) -> Iterator[Services]:
    opened = open_services(tmp_path / "netui.db", clock)
    yield opened
    opened.close()


@pytest.fixture
def add(services: Services) -> Callable[..., int]:
    def add_contact(name: str, **fields: object) -> int:
        return services.contacts.add(ContactDraft(full_name=name, **fields)).id  # type: ignore[arg-type]

    return add_contact
