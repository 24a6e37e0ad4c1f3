"""Fixtures for driving the real app with Pilot on a temporary database."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from netui.domain.types import ContactDraft, DatePrecision, LooseDate
from netui.services.context import Services, open_services
from netui.tui.app import NetuiApp

FIXED_NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)


def fixed_clock() -> datetime:
    return FIXED_NOW


PEOPLE = [
    ("Ada Okafor", "Larkspur Analytics", "Data Lead", 5, date(2019, 3, 1)),
    ("Bruno Salas", "Quillfeather", "Product Manager", 3, date(2021, 6, 15)),
    ("Chen Wu", "Harbor & Finch", "Recruiter", 4, None),
    ("Dalia Mertens", "Northwind Cycles", "CTO", 2, date(2018, 1, 1)),
    ("Emeka Brandt", "Tallgrass Health", "Engineer", None, date(2024, 9, 9)),
    ("Farah Lindqvist", "Copperline", "Designer", 1, date(2016, 5, 5)),
]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "netui.db"


@pytest.fixture
def services(db_path: Path) -> Iterator[Services]:
    opened = open_services(db_path, fixed_clock)
    yield opened
    opened.close()


@pytest.fixture
def seeded(services: Services) -> Services:
    for name, company, title, strength, last in PEOPLE:
        services.contacts.add(
            ContactDraft(
                full_name=name,
                company=company,
                title=title,
                strength=strength,
                last_contacted=LooseDate(last, DatePrecision.MONTH) if last else None,
            )
        )
    return services


@pytest.fixture
def make_app(db_path: Path) -> Callable[[], NetuiApp]:
    def build() -> NetuiApp:
        app = NetuiApp(db_path, clock=fixed_clock)
        return app

    return build


async def _wait_ready(app: NetuiApp, pilot: Pilot[None]) -> None:
    await app.workers.wait_for_complete()
    for _ in range(200):
        await pilot.pause()
        if app.services is not None and app.main_screen.loaded:
            break
    assert app.main_screen.loaded, "the contact list never loaded"
    await pilot.pause()


@pytest.fixture
def wait_ready() -> Callable[[NetuiApp, Pilot[None]], Awaitable[None]]:
    """Wait for the database worker and the first render of the list."""
    return _wait_ready
