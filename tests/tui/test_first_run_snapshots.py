"""What the first run looks like at 80x24 and 160x48: the welcome and its two dialogs."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from builders import AppFactory, WaitReady
from textual.pilot import Pilot
from textual.widgets import Input

from netui.services.context import Services
from netui.tui.app import NetuiApp

SnapCompare = Callable[..., bool]
SCENES = {"welcome": (), "goal_dialog": ("g",), "keywords_dialog": ("k",)}
"""What is on screen, and the keys that bring it up from the welcome."""


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
@pytest.mark.parametrize("scene", list(SCENES))
def test_first_run(
    services: Services,
    make_app: AppFactory,
    snap_compare: SnapCompare,
    wait_ready: WaitReady,
    scene: str,
    size: tuple[int, int],
) -> None:
    services.settings.set_target_keywords("fintech, [b]Acme[/b], data engineer")

    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, NetuiApp)
        await wait_ready(app, pilot)
        app.sub_title = "netui.db"  # not the test's temp path
        await pilot.pause(0.2)  # the footer catches up with the loaded list
        if SCENES[scene]:
            await pilot.press(*SCENES[scene])
            await pilot.pause()
        for field in app.screen.query(Input):
            field.cursor_blink = False  # a blinking cursor makes the picture flaky
        await pilot.pause(0.2)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)
