"""When work in a thread fails, the screen says why and gives its controls back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from builders import AppFactory, WaitReady
from textual.widgets import Button, Input, Static

from netui.services.context import Services
from netui.tui.screens.export_dialog import ExportScreen
from netui.tui.screens.import_wizard import ImportScreen

SAMPLE = Path(__file__).parents[2] / "assets" / "sample-linkedin-connections.csv"


def broken(*_args: Any, **_kwargs: Any) -> Any:
    raise RuntimeError("the disk went away")


async def test_a_failed_export_says_why_and_can_be_tried_again(
    seeded: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        monkeypatch.setattr(app.services.export, "export", broken)  # type: ignore[union-attr]
        app.main_screen.contacts.action_export_contacts()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        screen.query_one("#export-path", Input).value = str(tmp_path / "out.csv")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        message = str(screen.query_one("#export-message", Static).render())
        assert "the disk went away" in message
        assert not screen.query_one("#export-run", Button).disabled
        monkeypatch.undo()
        await pilot.press("ctrl+s")  # the same dialog works once the cause is gone
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Wrote" in str(screen.query_one("#export-message", Static).render())
    assert (tmp_path / "out.csv").exists()
    assert app.return_code in (None, 0)


@pytest.mark.parametrize("step", ["preview", "run"])
async def test_a_failed_import_step_says_why_and_leaves_the_buttons_working(
    seeded: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    monkeypatch: pytest.MonkeyPatch,
    step: str,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        monkeypatch.setattr(app.services.imports, step, broken)  # type: ignore[union-attr]
        await pilot.press("i")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        screen.query_one("#import-path", Input).value = str(SAMPLE)
        await pilot.press("enter" if step == "preview" else "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        error = str(screen.query_one("#import-error", Static).render())
        assert "the disk went away" in error
        assert not any(button.disabled for button in screen.query("#import-buttons Button"))
        assert not screen.running
    assert seeded.contacts.counts().total == 6  # nothing was imported
