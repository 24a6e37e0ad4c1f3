"""A contact another netui merged away while this one shows it: every key says it is gone
and the list catches up; nothing crashes and nothing typed is lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import AppFactory, WaitReady, let_go, netui_process, open_triage_mode, toasts
from textual.pilot import Pilot
from textual.widgets import Input

from netui.domain.types import ContactDraft, ContactRow
from netui.services.changes import ChangeService
from netui.services.context import Services
from netui.tui.app import NetuiApp
from netui.tui.screens.contact_form import ContactFormScreen
from netui.tui.screens.duplicates import DuplicatesScreen
from netui.tui.screens.log_interaction import LogInteractionScreen
from netui.tui.screens.main import MainScreen
from netui.tui.widgets.contact_table import ContactTable

GONE = "was merged or deleted by another netui"


def current_row(app: NetuiApp) -> ContactRow:
    row = app.main_screen.query_one(ContactTable).current_row
    assert row is not None
    return row


def merge_away(db_path: Path, services: Services, row: ContactRow) -> None:
    """Another netui merges the contact of ``row`` into someone else."""
    keep = next(c for c in services.contacts.find() if c.id != row.id)
    netui_process(db_path, "merge", str(keep.id), str(row.id), "--yes")


def shown_ids(app: NetuiApp) -> set[int]:
    return {row.id for row in app.main_screen.query_one(ContactTable).rows}


async def settle(app: NetuiApp, pilot: Pilot[None]) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


@pytest.fixture
def unnoticed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app does not look for other netuis' writes: a key lands before the next look."""
    monkeypatch.setattr(ChangeService, "others_wrote", lambda _self: False)


@pytest.mark.parametrize("key", ["e", "c", "enter", "t", "3"])
@pytest.mark.usefixtures("unnoticed")
async def test_a_key_on_a_contact_merged_away_says_so_and_drops_it(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, db_path: Path, key: str
) -> None:
    let_go(seeded)
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_ready(app, pilot)
        row = current_row(app)
        merge_away(db_path, seeded, row)
        await pilot.press(key)
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)  # no dialog on someone who is gone
        assert any(f"{row.full_name} {GONE}" in toast for toast in toasts(app)), toasts(app)
        assert row.id not in shown_ids(app)
    assert app.return_code in (None, 0)


@pytest.mark.parametrize(
    ("key", "form_type", "field_id"),
    [("e", ContactFormScreen, "title"), ("c", LogInteractionScreen, "note")],
    ids=["edit", "log a call"],
)
async def test_a_dialog_whose_contact_is_merged_away_keeps_what_was_typed(
    seeded: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    db_path: Path,
    key: str,
    form_type: type,
    field_id: str,
) -> None:
    let_go(seeded)
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_ready(app, pilot)
        row = current_row(app)
        await pilot.press(key)
        await pilot.pause()
        form = app.screen
        assert isinstance(form, form_type)
        form.query_one(f"#{field_id}", Input).value = "Typed before it went"
        merge_away(db_path, seeded, row)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is form
        assert form.query_one(f"#{field_id}", Input).value == "Typed before it went"
        assert any(f"{row.full_name} {GONE}" in toast for toast in toasts(app)), toasts(app)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        assert row.id not in shown_ids(app)
    assert app.return_code in (None, 0)


async def test_triage_mode_drops_a_card_merged_away_and_goes_on(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, db_path: Path
) -> None:
    let_go(seeded)
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_ready(app, pilot)
        screen = await open_triage_mode(app, pilot)
        first, second, third = screen.queue[:3]
        merge_away(db_path, seeded, first)  # the card on screen
        await pilot.press("l")
        await settle(app, pilot)
        assert any(f"{first.full_name} {GONE}" in toast for toast in toasts(app))
        assert screen.current == second
        merge_away(db_path, seeded, third)  # one further along the queue
        await pilot.press("right")
        await settle(app, pilot)
        assert any(f"{third.full_name} {GONE}" in toast for toast in toasts(app))
        assert first not in screen.queue
        assert third not in screen.queue
        await pilot.press("escape")
        await settle(app, pilot)
        assert {first.id, third.id}.isdisjoint(shown_ids(app))
    assert app.return_code in (None, 0)


@pytest.mark.usefixtures("unnoticed")
async def test_triage_mode_opened_on_a_stale_list_skips_who_is_gone(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, db_path: Path
) -> None:
    let_go(seeded)
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_ready(app, pilot)
        top = current_row(app)
        merge_away(db_path, seeded, top)  # the list still shows them
        screen = await open_triage_mode(app, pilot)
        assert screen.current is not None
        assert screen.current.id != top.id
        assert any(f"{top.full_name} {GONE}" in toast for toast in toasts(app))
    assert app.return_code in (None, 0)


async def test_a_merge_of_a_pair_another_netui_merged_says_so_and_looks_again(
    services: Services, make_app: AppFactory, wait_ready: WaitReady, db_path: Path
) -> None:
    first, second = (services.contacts.add(ContactDraft(full_name="Ann Lee")) for _ in "ab")
    let_go(services)
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_ready(app, pilot)
        app.main_screen.contacts.action_find_duplicates()
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, DuplicatesScreen)
        assert len(dialog.pairs) == 1
        netui_process(db_path, "merge", str(first.id), str(second.id), "--yes")
        await pilot.press("2")  # keep the second, which is gone
        await settle(app, pilot)
        assert dialog.pairs == []  # looked again: no pair left
        assert app.screen is dialog
        assert any(f"these two {GONE}" in toast for toast in toasts(app)), toasts(app)
    assert services.contacts.counts().total == 1
