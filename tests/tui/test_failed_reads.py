"""Reads behind what a screen shows can fail too (a busy or damaged file): the screen keeps
what it showed and the app goes on."""

from __future__ import annotations

from typing import Any

import pytest
from builders import AppFactory, WaitReady
from textual.widgets import Static

from netui.errors import DatabaseBusyError
from netui.services.context import Services
from netui.tui.screens.import_wizard import ImportScreen
from netui.tui.screens.main import MainScreen
from netui.tui.screens.triage_mode import TriageModeScreen
from netui.tui.widgets.contact_table import ContactTable


def unreadable(*_args: Any, **_kwargs: Any) -> Any:
    raise DatabaseBusyError("the database is busy")


async def test_the_progress_lines_keep_what_they_showed(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        assert app.services is not None
        progress = app.main_screen.query_one("#today-progress", Static)
        shown = str(progress.render())
        monkeypatch.setattr(app.services.triage, "top20_progress", unreadable)
        await pilot.press("l")  # a decision: both progress lines read again
        await pilot.pause()
        assert app.is_running
        assert str(progress.render()) == shown
        assert app.main_screen.query_one(ContactTable).row_count == 6
    assert app.return_code in (None, 0)


@pytest.mark.parametrize(
    ("service", "read", "key", "screen_type"),
    [
        ("contacts", "counts", "T", TriageModeScreen),
        ("imports", "batches", "i", ImportScreen),
    ],
    ids=["triage mode without its counts", "import without its history"],
)
async def test_a_screen_opens_without_what_it_could_not_read(
    seeded: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    monkeypatch: pytest.MonkeyPatch,
    service: str,
    read: str,
    key: str,
    screen_type: type,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        monkeypatch.setattr(getattr(app.services, service), read, unreadable)
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, screen_type)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert app.return_code in (None, 0)
