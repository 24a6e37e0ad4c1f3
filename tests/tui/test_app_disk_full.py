"""A full disk in the app: each key that writes says so, and the app keeps running."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from builders import AppFactory, WaitReady
from full_disk import FULL, LONG, fill_the_disk, pack_full
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from netui.services.context import Services
from netui.tui.app import NetuiApp
from netui.tui.screens.contact_form import ContactFormScreen
from netui.tui.screens.log_interaction import LogInteractionScreen
from netui.tui.screens.main import MainScreen


@pytest.fixture
def packed(seeded: Services, db_path: Path) -> Path:
    """The test's people, none with a strength yet, on pages with no room left."""
    seeded.close()
    connection = sqlite3.connect(db_path)
    with connection:
        connection.execute("UPDATE contact SET strength = NULL")
    connection.close()
    pack_full(db_path)
    return db_path


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(3):
        await pilot.pause()
    await pilot.pause(0.1)


def toasts(app: NetuiApp) -> dict[str, str]:
    """The toasts up now, by identity: Textual forgets a toast once it expires, so a count
    of those seen would skip new ones on a slow run."""
    return {n.identity: n.message for n in app._notifications}


async def test_every_write_says_the_disk_is_full_and_the_app_goes_on(
    packed: Path,
    make_app: AppFactory,
    wait_ready: WaitReady,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fill_the_disk(monkeypatch)
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_ready(app, pilot)
        said: set[str] = set()

        async def expect_full(what: str) -> None:
            await settle(pilot)
            new = [text for identity, text in toasts(app).items() if identity not in said]
            assert any(FULL in t for t in new), (what, new)
            said.update(toasts(app))

        await pilot.press("t")
        await expect_full("t")
        await pilot.press("3")
        await expect_full("3")

        # In each form: a field too long for the room left, saved, then the form closed.
        forms = [
            ("c", LogInteractionScreen, {"#note": LONG}),
            ("n", ContactFormScreen, {"#name": "Ann Lee", "#notes": LONG}),
            ("e", ContactFormScreen, {"#notes": LONG}),
        ]
        for key, kind, fields in forms:
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, kind)
            for selector, text in fields.items():
                field = app.screen.query_one(selector)
                if isinstance(field, TextArea):
                    field.text = text
                else:
                    assert isinstance(field, Input)
                    field.value = text
            await pilot.press("ctrl+s")
            await expect_full(key)
            assert isinstance(app.screen, kind)  # still open, with what was typed
            await pilot.press("escape")
            await settle(pilot)

        assert isinstance(app.screen, MainScreen)
        await pilot.press("j", "k")  # still answering keys
        await settle(pilot)
        assert app.is_running
    assert app.return_code in (None, 0)
