"""Keys that arrive together: each acts once, on the screen and pane the user is in."""

from __future__ import annotations

import pytest
from builders import AppFactory, WaitReady
from textual import events
from textual.widgets import Input

from netui.domain.listing import StatusFilter
from netui.domain.types import TriageStatus
from netui.services.context import Services
from netui.tui.app import NetuiApp
from netui.tui.screens.main import MainScreen
from netui.tui.widgets.contact_table import ContactTable

CHARACTERS = {"space": " ", "slash": "/"}


def burst(app: NetuiApp, *keys: str) -> None:
    """Post keys the way a fast typist's terminal delivers them: all before any is handled."""
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else CHARACTERS.get(key))
        event.set_sender(app)
        app.post_message(event)


def statuses(services: Services) -> set[TriageStatus]:
    return {contact.status for contact in services.contacts.find(StatusFilter.ALL)}


@pytest.mark.parametrize(
    "opening",
    [("n",), ("e",), ("c",), ("f1",), ("ctrl+p",), ("i",), ("T",)],
    ids=["new", "edit", "log", "help", "palette", "import", "triage mode"],
)
async def test_two_escapes_close_one_screen_and_never_the_main_one(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, opening: tuple[str, ...]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press(*opening)
        await pilot.pause()
        assert not isinstance(app.screen, MainScreen)
        burst(app, "escape", "escape", "escape")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert len(app.screen_stack) == 1
    assert app.return_code in (None, 0)


async def test_a_double_save_saves_one_contact(
    services: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#name", Input).value = "Once Only"
        burst(app, "ctrl+s", "ctrl+s", "ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert [c.full_name for c in services.contacts.find(StatusFilter.ALL)] == ["Once Only"]


async def test_keys_right_behind_the_one_opening_a_form_do_not_crash_or_save(
    services: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        burst(app, "n", "ctrl+s", "enter", "pagedown", "escape", "n", "enter", "ctrl+s")
        for _ in range(5):
            await pilot.pause()
    assert services.contacts.is_empty()  # a nameless contact is refused, never saved
    assert app.return_code in (None, 0)


async def test_letters_typed_right_after_slash_go_into_the_search(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        burst(app, "slash", "t", "x")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one("#search", Input).value == "tx"
    assert statuses(seeded) == {TriageStatus.NEW}  # t and x decided nothing


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["narrow", "wide"])
async def test_contact_keys_do_nothing_from_another_pane(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, size: tuple[int, int]
) -> None:
    before = {c.id: (c.status, c.strength) for c in seeded.contacts.find(StatusFilter.ALL)}
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await wait_ready(app, pilot)
        highlighted = app.screen.query_one(ContactTable).current_row
        assert highlighted is not None
        await pilot.press("tab")  # to Today (hidden Contacts when narrow)
        assert app.screen.query_one("#today-pane").has_focus_within
        await pilot.press("x", "t", "l", "3", "u", "N", "a")  # a: Today's own time audit
        await pilot.pause()
        await pilot.press("escape")  # back from the audit, nothing changed there
        await pilot.pause()
        assert app.screen.query_one("#today-pane").has_focus_within
        await pilot.press("tab")  # to Script
        await pilot.press("x", "t", "5")
        await pilot.pause()
        await pilot.press("tab")  # back to Contacts: now they act
        assert isinstance(app.focused, ContactTable)
        await pilot.press("x")
        await pilot.pause()
    after = {c.id: (c.status, c.strength) for c in seeded.contacts.find(StatusFilter.ALL)}
    assert after == {**before, highlighted.id: (TriageStatus.SKIP, before[highlighted.id][1])}
