"""A large database shows its list's first rows before everyone is read, and loses nothing.

Here "large" is made small: past WHOLE_AT_ONCE contacts the app reads FIRST_ROWS rows
first, and reading everyone is held back until the test lets it go.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from builders import AppFactory, WaitReady, let_go
from textual.pilot import Pilot
from textual.widgets import Static

import netui.tui.loading
from netui.domain.listing import ContactListing, SortKey, StatusFilter
from netui.domain.types import ContactRow, TriageStatus
from netui.services.context import Services
from netui.services.demo import fill_demo
from netui.tui.app import NetuiApp
from netui.tui.panes.contacts import ContactsPane

FIRST = 6


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Reading everyone waits for the event: until then only the first rows are there."""
    release = threading.Event()
    load = netui.tui.loading.load_listing

    def held_load(services: Services) -> ContactListing:
        listing = load(services)  # read now, handed over once released
        release.wait(10)
        return listing

    monkeypatch.setattr(netui.tui.loading, "WHOLE_AT_ONCE", 10)
    monkeypatch.setattr(netui.tui.loading, "FIRST_ROWS", FIRST)
    monkeypatch.setattr(netui.tui.loading, "load_listing", held_load)
    yield release
    release.set()


def pane(app: NetuiApp) -> ContactsPane:
    return app.main_screen.contacts


def status_line(app: NetuiApp) -> str:
    return str(pane(app).query_one("#list-status", Static).render())


async def settled(pilot: Pilot[None], done: Callable[[], bool]) -> None:
    for _ in range(100):
        if done():
            return
        await pilot.pause(0.05)
    raise AssertionError("the app never got there")


def status_of(contacts: ContactsPane, contact_id: int) -> TriageStatus | None:
    row = contacts.listing.get(contact_id)
    return None if row is None else row.status


def view(services: Services, sort: SortKey = SortKey.PRIORITY) -> list[ContactRow]:
    return ContactListing(services.contacts.list_rows(), sort).view(StatusFilter.ACTIVE)


async def test_the_first_rows_come_first_then_everyone_with_what_was_done_meanwhile(
    services: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    held: threading.Event,
    db_path: Path,
) -> None:
    fill_demo(services, 40, seed=5)
    whole = view(services)
    let_go(services)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        contacts = pane(app)
        assert not contacts.complete
        assert list(contacts.table.rows) == whole[:FIRST]
        assert "loading 40 contacts" in status_line(app)
        first = contacts.table.current_row
        assert first is not None
        assert first.id == whole[0].id
        await pilot.press("l")  # a decision on a first row, while everyone is being read
        await settled(pilot, lambda: status_of(contacts, first.id) is TriageStatus.LATER)
        await pilot.press("s")  # another order: nothing to show until everyone is there
        await pilot.pause()
        assert contacts.table.row_count == 0
        assert contacts.table.empty_message == "Loading 40 contacts…"
        held.set()
        await settled(pilot, lambda: contacts.complete)
        await pilot.pause()
        by_staleness = view(services, SortKey.STALENESS)
        assert [r.id for r in contacts.table.rows] == [r.id for r in by_staleness]
        assert status_of(contacts, first.id) is TriageStatus.LATER
        assert "shown" in status_line(app)
    assert app.return_code in (None, 0)
