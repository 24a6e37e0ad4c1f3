"""Import, export and duplicate review, driven through the app as a person would."""

from __future__ import annotations

import json
from pathlib import Path

from builders import AppFactory, WaitReady
from textual.pilot import Pilot
from textual.widgets import Button, DataTable, Input, Select, Static

from netui.domain.listing import StatusFilter
from netui.domain.types import ContactDraft
from netui.services.context import Services
from netui.tui.app import NetuiApp
from netui.tui.screens.duplicates import DuplicatesScreen
from netui.tui.screens.export_dialog import ExportScreen
from netui.tui.screens.import_wizard import ImportScreen
from netui.tui.screens.main import MainScreen
from netui.tui.widgets.contact_table import ContactTable

SAMPLE = Path(__file__).parents[2] / "assets" / "sample-linkedin-connections.csv"


async def settle(app: NetuiApp, pilot: Pilot[None]) -> None:
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


def static_text(screen: object, selector: str) -> str:
    from textual.screen import Screen

    assert isinstance(screen, Screen)
    return str(screen.query_one(selector, Static).render())


async def test_import_previews_runs_and_reloads_the_list(
    services: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("i")
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        screen.query_one("#import-path", Input).value = str(SAMPLE)
        await pilot.press("enter")
        await settle(app, pilot)
        assert "linkedin" in static_text(screen, "#import-info")
        sample = screen.query_one("#import-sample", DataTable)
        assert sample.row_count > 0
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        summary = static_text(screen, "#import-summary")
        assert "Imported. 40 added" in summary
        assert "1 blank row skipped" in summary
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(ContactTable).row_count == 40
    assert len(services.contacts.find(StatusFilter.ALL)) == 40


async def test_import_dry_run_writes_nothing_and_undo_reverts(
    services: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("i")
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        screen.query_one("#import-path", Input).value = str(SAMPLE)
        await pilot.press("ctrl+d")
        await settle(app, pilot)
        assert "Dry run: nothing was written. 40 added" in static_text(screen, "#import-summary")
        assert services.contacts.is_empty()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not services.contacts.is_empty()
        await pilot.click("#import-undo")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
    assert services.contacts.is_empty()


async def test_an_unusable_file_is_explained_and_nothing_changes(
    services: Services, make_app: AppFactory, wait_ready: WaitReady, tmp_path: Path
) -> None:
    picture = tmp_path / "photo.csv"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("i")
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        screen.query_one("#import-path", Input).value = str(picture)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        error = static_text(screen, "#import-error")
        assert "photo.csv" in error
        assert app.is_running
    assert services.contacts.is_empty()


async def test_export_writes_the_chosen_format(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, tmp_path: Path
) -> None:
    target = tmp_path / "backup.json"
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        app.main_screen.contacts.action_export_contacts()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        screen.query_one("#export-format", Select).value = "json"
        await pilot.pause()
        screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert "Wrote" in static_text(screen, "#export-message")
        await pilot.press("ctrl+s")  # a second time: the file exists and is not replaced
        await settle(app, pilot)
        assert "exists" in static_text(screen, "#export-message")
    document = json.loads(target.read_text(encoding="utf-8"))
    assert len(document["contacts"]) == 6


async def test_duplicates_are_reviewed_and_merged(
    services: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    keep = services.contacts.add(
        ContactDraft(full_name="Rosa Delgado", company="Larkspur", emails=("rosa@ex.example",))
    )
    other = services.contacts.add(
        ContactDraft(full_name="Rosa Delgado", company="Larkspur Analytics", notes="Met at a fair")
    )
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        app.main_screen.contacts.action_find_duplicates()
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, DuplicatesScreen)
        assert len(screen.pairs) == 1
        left = screen.pairs[0].first.id
        await pilot.press("1")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(ContactTable).row_count == 1
    (survivor,) = services.contacts.find(StatusFilter.ALL)
    assert survivor.id == left
    assert {keep.id, other.id} >= {survivor.id}
    assert "Met at a fair" in survivor.notes


async def test_an_earlier_import_can_be_undone_from_the_import_screen(
    services: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    services.imports.run(SAMPLE)
    assert len(services.contacts.find(StatusFilter.ALL)) == 40
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("i")
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        history = screen.query_one("#import-history", DataTable)
        assert history.row_count == 1
        screen.query_one("#import-undo-past", Button).press()
        await settle(app, pilot)
        assert history.row_count == 0
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen.query_one(ContactTable).row_count == 0
    assert services.contacts.is_empty()
