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
SIZES = [(80, 24), (160, 48)]
Opening = Callable[..., Callable[[Pilot[None]], object]]


@pytest.fixture
def opening(wait_ready: WaitReady) -> Opening:
    """``opening("g")``: what to do before the picture: wait for the list, press the keys."""
    return lambda *keys: _opening(wait_ready, keys)


def _opening(wait_ready: WaitReady, keys: tuple[str, ...]) -> Callable[[Pilot[None]], object]:
    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, NetuiApp)
        await wait_ready(app, pilot)
        app.sub_title = "netui.db"  # not the test's temp path
        await pilot.pause(0.2)  # the footer catches up with the loaded list
        if keys:
            await pilot.press(*keys)
            await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False  # a blinking cursor makes the picture flaky
        await pilot.pause(0.2)

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_welcome(
    services: Services,
    make_app: AppFactory,
    snap_compare: SnapCompare,
    opening: Opening,
    size: tuple[int, int],
) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=opening())


@pytest.mark.parametrize("size", SIZES)
def test_goal_dialog(
    services: Services,
    make_app: AppFactory,
    snap_compare: SnapCompare,
    opening: Opening,
    size: tuple[int, int],
) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=opening("g"))


@pytest.mark.parametrize("size", SIZES)
def test_keywords_dialog_with_saved_keywords(
    services: Services,
    make_app: AppFactory,
    snap_compare: SnapCompare,
    opening: Opening,
    size: tuple[int, int],
) -> None:
    services.settings.set_target_keywords("fintech, [b]Acme[/b], data engineer")
    assert snap_compare(make_app(), terminal_size=size, run_before=opening("k"))
