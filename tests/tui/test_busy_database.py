"""Every write from the app while another netui holds the write lock: nothing crashes, nothing
changes, nothing typed is lost, and the same key (or ctrl+s) works once the other is done."""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from builders import AppFactory, WaitReady, WriteLock, open_triage_mode, table_dump, toasts
from textual.pilot import Pilot
from textual.widgets import Button, Input, Static
from textual.worker import WorkerFailed

import netui.tui.loading
from netui.domain.types import ContactDraft, TriageStatus
from netui.services.context import Services
from netui.tui.app import NetuiApp
from netui.tui.screens.contact_form import ContactFormScreen
from netui.tui.screens.duplicates import DuplicatesScreen
from netui.tui.screens.import_wizard import ImportScreen
from netui.tui.screens.log_interaction import LogInteractionScreen
from netui.tui.screens.main import MainScreen
from netui.tui.screens.swap_top20 import SwapTop20Screen
from netui.tui.widgets.contact_table import ContactTable

SAMPLE = Path(__file__).parents[2] / "assets" / "sample-linkedin-connections.csv"
BUSY = "Another netui is writing to this database right now, so nothing was changed."


@pytest.fixture(autouse=True)
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's writes give up after 0.1 s instead of 1.5 s, to keep the tests quick."""
    monkeypatch.setattr(netui.tui.loading, "WRITE_WAIT_MS", 100)


def said_busy(app: NetuiApp, retry: str) -> bool:
    return any(BUSY in toast and f"{retry} tries again" in toast for toast in toasts(app))


async def settle(app: NetuiApp, pilot: Pilot[None]) -> None:
    with contextlib.suppress(WorkerFailed):  # the screen says why; the tests check what
        await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def busy_then_free(
    app: NetuiApp,
    pilot: Pilot[None],
    lock: WriteLock,
    db_path: Path,
    keys: tuple[str, ...],
    retry: str = "The same key",
) -> None:
    """Press ``keys`` while locked (nothing may change), then again once the lock is gone."""
    before = table_dump(db_path)
    screen = app.screen
    lock.take()
    await pilot.press(*keys)
    await settle(app, pilot)
    assert app.is_running
    assert app.screen is screen
    assert said_busy(app, retry), toasts(app)
    assert table_dump(db_path) == before
    lock.release()
    app.clear_notifications()
    await pilot.press(*keys)
    await settle(app, pilot)
    assert table_dump(db_path) != before
    assert not said_busy(app, retry)


Setup = Callable[[Services], None]


def top20_pair(services: Services) -> None:
    """Ada and Bruno on the Top 20, so K and J have somewhere to move."""
    rows = {c.full_name: c.id for c in services.contacts.find()}
    services.triage.set_status([rows["Ada Okafor"], rows["Bruno Salas"]], TriageStatus.TOP20)


def nothing(_services: Services) -> None:
    pass


@pytest.mark.parametrize(
    ("keys", "setup", "before_keys"),
    [
        (("t",), nothing, ()),
        (("l",), nothing, ()),
        (("x",), nothing, ()),
        (("a",), nothing, ()),
        (("3",), nothing, ()),
        (("u",), nothing, ("l",)),
        (("J",), top20_pair, ("f", "f")),
        (("K",), top20_pair, ("f", "f", "j")),
        (("space", "j", "space", "x"), nothing, ()),
    ],
    ids=["top20", "later", "skip", "archive", "strength", "undo", "down", "up", "several"],
)
async def test_a_triage_key_while_busy_changes_nothing_and_works_again_after(
    seeded: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    write_lock: WriteLock,
    db_path: Path,
    keys: tuple[str, ...],
    setup: Setup,
    before_keys: tuple[str, ...],
) -> None:
    setup(seeded)
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_ready(app, pilot)
        await pilot.press(*before_keys)
        await settle(app, pilot)
        if keys[0] == "space":  # several selected: the selection must survive the refusal
            await pilot.press("space", "j", "space")
            keys = ("x",)
        selected = app.screen.query_one(ContactTable).selected_ids
        await busy_then_free(app, pilot, write_lock, db_path, keys)
        assert isinstance(app.screen, MainScreen)
    if selected:
        assert {c.status for c in seeded.contacts.get_many(sorted(selected))} == {TriageStatus.SKIP}
    assert app.return_code in (None, 0)


FormOpening = Callable[[NetuiApp, Pilot[None]], Awaitable[dict[str, str]]]


async def new_contact(app: NetuiApp, pilot: Pilot[None]) -> dict[str, str]:
    await pilot.press("n")
    await pilot.pause()
    return {"name": "Ines Moreau", "emails": "ines@example.org", "last_contact": "Mar 2021"}


async def edit_contact(app: NetuiApp, pilot: Pilot[None]) -> dict[str, str]:
    await pilot.press("e")
    await pilot.pause()
    return {"title": "VP Data", "tags": "mentor, data"}


async def log_call(app: NetuiApp, pilot: Pilot[None]) -> dict[str, str]:
    await pilot.press("c")
    await pilot.pause()
    return {"note": "Asked about the data team", "follow_up": "in 2 weeks"}


@pytest.mark.parametrize(
    ("opening", "form_type"),
    [
        (new_contact, ContactFormScreen),
        (edit_contact, ContactFormScreen),
        (log_call, LogInteractionScreen),
    ],
    ids=["new contact", "edit", "log a call"],
)
async def test_a_form_saved_while_busy_stays_open_with_what_was_typed(
    seeded: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    write_lock: WriteLock,
    db_path: Path,
    opening: FormOpening,
    form_type: type,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_ready(app, pilot)
        typed = await opening(app, pilot)
        form = app.screen
        assert isinstance(form, form_type)
        for field_id, text in typed.items():
            form.query_one(f"#{field_id}", Input).value = text
        before = table_dump(db_path)
        write_lock.take()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is form
        assert said_busy(app, "ctrl+s"), toasts(app)
        assert {f: form.query_one(f"#{f}", Input).value for f in typed} == typed
        assert table_dump(db_path) == before
        write_lock.release()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
    assert table_dump(db_path) != before


async def test_triage_mode_keys_while_busy_change_nothing_and_work_again_after(
    seeded: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    write_lock: WriteLock,
    db_path: Path,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_ready(app, pilot)
        screen = await open_triage_mode(app, pilot)
        first = screen.current
        await busy_then_free(app, pilot, write_lock, db_path, ("3",))
        assert screen.current == first  # a strength keeps the card
        await busy_then_free(app, pilot, write_lock, db_path, ("l",))
        assert screen.current != first
        await busy_then_free(app, pilot, write_lock, db_path, ("u",))
        assert screen.current == first  # undone: back to that card
    assert app.return_code in (None, 0)


async def test_a_merge_while_busy_changes_nothing_and_works_again_after(
    services: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    write_lock: WriteLock,
    db_path: Path,
) -> None:
    for _ in range(2):
        services.contacts.add(ContactDraft(full_name="Ann Lee", company="Acme"))
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_ready(app, pilot)
        app.main_screen.contacts.action_find_duplicates()
        await settle(app, pilot)
        assert isinstance(app.screen, DuplicatesScreen)
        await busy_then_free(app, pilot, write_lock, db_path, ("1",))
    assert services.contacts.counts().total == 1


async def test_an_import_while_busy_says_so_and_can_be_run_again(
    seeded: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    write_lock: WriteLock,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        screen.query_one("#import-path", Input).value = str(SAMPLE)
        write_lock.take()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        error = str(screen.query_one("#import-error", Static).render())
        assert BUSY in error
        assert "ctrl+s tries again" in error
        assert not any(button.disabled for button in screen.query("#import-buttons Button"))
        assert seeded.contacts.counts().total == 6
        write_lock.release()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert screen.query_one("#import-run", Button).disabled  # it ran this time
    assert seeded.contacts.counts().total > 6


async def test_a_theme_chosen_while_busy_is_remembered_all_the_same(
    seeded: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    write_lock: WriteLock,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_ready(app, pilot)
        write_lock.take()
        app.theme = "nord"
        await settle(app, pilot)
        assert app.is_running
        assert not said_busy(app, "Choosing the theme again")  # it goes to the settings file
        write_lock.release()
    assert seeded.settings.theme() == "nord"


async def test_a_swap_into_a_full_top20_while_busy_changes_nothing(
    services: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    write_lock: WriteLock,
) -> None:
    ids = [services.contacts.add(ContactDraft(full_name=f"Person {n:02}")).id for n in range(21)]
    services.triage.set_status(ids[:20], TriageStatus.TOP20)
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_ready(app, pilot)
        assert app.main_screen.query_one(ContactTable).move_cursor_to_id(ids[20])
        for locked in (True, False):
            await pilot.press("t")
            await pilot.pause()
            assert isinstance(app.screen, SwapTop20Screen)
            if locked:
                write_lock.take()
            await pilot.press("enter")  # the first member makes room
            await settle(app, pilot)
            assert isinstance(app.screen, MainScreen)
            assert said_busy(app, "The same key") is locked
            assert (services.contacts.get(ids[20]).status is TriageStatus.TOP20) is not locked
            write_lock.release()
            app.clear_notifications()
