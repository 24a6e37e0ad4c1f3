"""One session for the app and the shell: `netui timer` shows in an open app within a couple
of seconds, and what the app does shows in `netui timer status`."""

from __future__ import annotations

import json
from pathlib import Path

from builders import AppFactory, WaitReady, came_true, let_go, netui_process, toasts
from cli_runner import Netui
from today_support import into_today, timer_state

from netui.domain.clock import FakeClock
from netui.services.context import Services
from netui.tui.panes.listing_sync import CHECK_EVERY

WITHIN = 4 * CHECK_EVERY
"""How long the app may take to show another netui's change."""


async def test_a_session_run_from_the_shell_shows_in_the_open_app(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, db_path: Path
) -> None:
    let_go(seeded)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await into_today(app, pilot)
        assert "Not running" in timer_state(app)
        netui_process(db_path, "timer", "start", "--minutes", "45")
        assert await came_true(pilot, lambda: "45 min planned" in timer_state(app), WITHIN)
        assert "Running" in timer_state(app)
        netui_process(db_path, "timer", "pause")
        assert await came_true(pilot, lambda: "Paused" in timer_state(app), WITHIN)
        netui_process(db_path, "timer", "stop")
        assert await came_true(pilot, lambda: "Not running" in timer_state(app), WITHIN)
    assert app.return_code in (None, 0)


async def test_what_the_app_does_shows_in_the_shell(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, db_path: Path
) -> None:
    let_go(seeded)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await into_today(app, pilot)
        await pilot.press("space")
        status = json.loads(netui_process(db_path, "timer", "status", "--json"))
        assert (status["running"], status["paused"]) == (True, False)
        await pilot.press("space")
        status = json.loads(netui_process(db_path, "timer", "status", "--json"))
        assert (status["running"], status["paused"]) == (True, True)
        await pilot.press("x")
        status = json.loads(netui_process(db_path, "timer", "status", "--json"))
        assert status["running"] is False
    assert app.return_code in (None, 0)


async def test_a_stop_from_the_shell_refuses_the_apps_next_key_kindly(
    seeded: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    db_path: Path,
    clock: FakeClock,
) -> None:
    """The shell stopped the session a moment before the app noticed: pausing it now says
    so, changes nothing, and the pane shows the session as it is."""
    shell = Netui(db_path, clock)  # on the test's clock, so the session is not stale to it
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        pane = await into_today(app, pilot)
        await pilot.press("space")
        shell.ok("timer", "stop")
        await pane.run_action("pause")  # before the watcher's next look
        await pilot.pause()
        assert any("No session is running." in t for t in toasts(app))
        assert await came_true(pilot, lambda: "Not running" in timer_state(app), WITHIN)
        assert seeded.timer.status().session is None
        assert app.is_running
    assert app.return_code in (None, 0)
