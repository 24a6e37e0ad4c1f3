"""Another netui writes to the database the app has open: the app shows it within seconds,
without a restart, and keeps the user's sort, filter, search, selection and cursor."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from builders import (
    CONNECTIONS,
    AppFactory,
    WaitReady,
    came_true,
    let_go,
    netui_process,
    write_linkedin,
)
from textual.widgets import Static

import netui.tui.loading
from netui.domain.listing import ContactListing, SortKey, StatusFilter
from netui.domain.types import TriageStatus
from netui.services.context import Services
from netui.tui.app import NetuiApp
from netui.tui.panes.contacts import ContactsPane
from netui.tui.panes.listing_sync import CHECK_EVERY
from netui.tui.widgets.contact_table import ContactTable

WITHIN = 4 * CHECK_EVERY
"""How long the app may take to show another netui's change."""


def pane(app: NetuiApp) -> ContactsPane:
    return app.main_screen.contacts


def table(app: NetuiApp) -> ContactTable:
    return app.main_screen.query_one(ContactTable)


def names(app: NetuiApp) -> list[str]:
    return [row.full_name for row in table(app).rows]


def ids_of(services: Services) -> dict[str, int]:
    return {c.full_name: c.id for c in services.contacts.find(StatusFilter.ALL)}


async def test_a_contact_added_by_another_netui_shows_up(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, db_path: Path
) -> None:
    let_go(seeded)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        netui_process(db_path, "add", "Bea Ruiz", "--company", "Tidewell")
        assert await came_true(pilot, lambda: "Bea Ruiz" in names(app), WITHIN), names(app)
        assert len(names(app)) == 7
    assert app.return_code in (None, 0)


async def test_an_import_by_another_netui_shows_up(
    seeded: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    db_path: Path,
    tmp_path: Path,
) -> None:
    connections = write_linkedin(tmp_path / "Connections.csv", *CONNECTIONS)
    let_go(seeded)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        netui_process(db_path, "import", str(connections))
        assert await came_true(pilot, lambda: len(names(app)) == 10, WITHIN), names(app)
        assert "Marcus Oyelaran" in names(app)
    assert app.return_code in (None, 0)


async def test_a_change_by_another_netui_keeps_sort_filter_search_selection_and_cursor(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, db_path: Path
) -> None:
    people = ids_of(seeded)
    let_go(seeded)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("s", "s")  # by name
        await pilot.press("f")  # new (untriaged) only
        await pilot.press("slash", *"a", "enter")  # names, companies... with an "a"
        await pilot.pause()
        before = names(app)
        await pilot.press("space", "j", "space", "j")  # two selected, the cursor on a third
        await pilot.pause()
        selected = table(app).selected_ids
        cursor = table(app).current_row
        assert cursor is not None
        assert len(selected) == 2
        chosen = next(n for n in before if people[n] not in selected and people[n] != cursor.id)
        netui_process(db_path, "set", str(people[chosen]), "--status", "later")
        assert await came_true(pilot, lambda: chosen not in names(app), WITHIN), names(app)
        assert names(app) == [n for n in before if n != chosen]  # still by name, filtered
        contacts = pane(app)
        assert contacts.listing.sort_key is SortKey.NAME
        assert contacts.status_filter is StatusFilter.NEW
        assert contacts.query_text == "a"
        assert table(app).selected_ids == selected
        assert table(app).current_row == cursor
    assert app.return_code in (None, 0)


async def test_the_detail_and_today_follow_another_netuis_change(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, db_path: Path
) -> None:
    let_go(seeded)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        row = table(app).current_row
        assert row is not None
        netui_process(db_path, "set", str(row.id), "--status", "top20")
        netui_process(db_path, "edit", str(row.id), "--title", "Chief Data Officer")
        progress = app.main_screen.query_one("#today-progress", Static)
        assert await came_true(pilot, lambda: "1 of 20 chosen" in str(progress.render()), WITHIN)
        detail = app.main_screen.query_one("#detail-body", Static)
        assert await came_true(pilot, lambda: "Chief Data Officer" in str(detail.render()), 1)
        shown = table(app).current_row
        assert shown is not None
        assert shown.status is TriageStatus.TOP20
    assert app.return_code in (None, 0)


async def test_the_apps_own_writes_do_not_reload_the_list(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    let_go(seeded)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        sync = pane(app).sync
        await pilot.press("l", "t", "3", "u")
        await pilot.pause(2.5 * CHECK_EVERY)
        assert sync.generation == 0
    assert app.return_code in (None, 0)


async def test_a_decision_made_during_a_reload_is_not_undone_by_it(
    seeded: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    let_go(seeded)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        row = table(app).current_row
        assert row is not None
        read, decided = threading.Event(), threading.Event()
        load = netui.tui.loading.load_listing

        def slow_load(services: Services) -> ContactListing:
            listing = load(services)  # read before the decision below...
            read.set()
            decided.wait(10)  # ...and handed over after it
            return listing

        monkeypatch.setattr(netui.tui.loading, "load_listing", slow_load)
        netui_process(db_path, "add", "Bea Ruiz")
        assert await came_true(pilot, read.is_set, WITHIN)
        await pilot.press("l")
        await pilot.pause()
        decided.set()
        assert await came_true(pilot, lambda: "Bea Ruiz" in names(app), WITHIN)
        shown = pane(app).listing.get(row.id)
        assert shown is not None
        assert shown.status is TriageStatus.LATER
    assert app.return_code in (None, 0)
