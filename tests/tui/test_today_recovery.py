"""A session netui lost sight of (killed, or the machine slept): the app offers keep the
time, stop it where netui last saw it, or discard it, and does what was chosen."""

from __future__ import annotations

import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from builders import NOW, AppFactory, WaitReady, came_true, let_go, toasts
from textual.pilot import Pilot
from today_support import digits, into_today, live_for, settle, timer_state, today

from netui.domain.clock import FakeClock, local_zone
from netui.domain.timer_status import clock_time
from netui.services.context import Services
from netui.tui.app import NetuiApp
from netui.tui.screens.timer_recovery import TimerRecoveryScreen


def interrupted_session(services: Services, clock: FakeClock) -> None:
    """Ten minutes watched by a netui, then twenty with no sign of it."""
    services.timer.start(watched=True)
    live_for(clock, services, 10 * 60)
    clock.advance(minutes=20)


async def recovery_dialog(app: NetuiApp, pilot: Pilot[None]) -> TimerRecoveryScreen:
    assert await came_true(pilot, lambda: isinstance(app.screen, TimerRecoveryScreen), 5)
    screen = app.screen
    assert isinstance(screen, TimerRecoveryScreen)
    return screen


@pytest.mark.parametrize(
    ("key", "running", "today_minutes"),
    [("k", True, 30), ("s", False, 10), ("d", False, 0)],
    ids=["keep the time", "stop where last seen", "discard"],
)
async def test_an_interrupted_session_offers_three_choices_on_opening(
    seeded: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    clock: FakeClock,
    key: str,
    running: bool,
    today_minutes: int,
) -> None:
    interrupted_session(seeded, clock)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        dialog = await recovery_dialog(app, pilot)
        text = " ".join(str(s.render()) for s in dialog.query("Static"))
        seen = clock_time(NOW + timedelta(minutes=10), local_zone())
        assert f"last saw it at {seen}, 20 min ago" in text
        assert "Counts 30 min" in text  # kept
        assert "Counts 10 min" in text  # stopped where last seen
        await pilot.press(key)
        await settle(app, pilot)
        assert app.screen is app.main_screen
        status = seeded.timer.status()
        assert status.running is running
        assert status.interrupted is None
        assert status.today_minutes == today_minutes
        assert "Interrupted" not in timer_state(app)
    assert app.return_code in (None, 0)


async def test_deciding_later_leaves_the_session_and_r_asks_again(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, clock: FakeClock
) -> None:
    interrupted_session(seeded, clock)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await recovery_dialog(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is app.main_screen
        assert any("waits for your choice" in t for t in toasts(app))
        pane = await into_today(app, pilot)
        seen = clock_time(NOW + timedelta(minutes=10), local_zone())
        assert f"Interrupted: seen {seen}" in timer_state(app)
        await pilot.press("space", "x")  # refused while interrupted: not even offered
        assert seeded.timer.status().interrupted is not None
        pane._beat()  # a heartbeat does not ask again about a session put off
        await settle(app, pilot)
        assert app.screen is app.main_screen
        await pilot.press("r")
        dialog = await recovery_dialog(app, pilot)
        await pilot.press("k")
        await settle(app, pilot)
        assert dialog not in app.screen_stack
        assert seeded.timer.status().running
        assert seeded.timer.status().interrupted is None
    assert app.return_code in (None, 0)


async def test_a_sleep_while_the_app_is_open_is_caught_at_the_next_tick(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await into_today(app, pilot)
        await pilot.press("space")
        assert app.services is not None
        live_for(clock, app.services, 5 * 60)
        assert digits(app) == "05:00"
        assert app.screen is app.main_screen
        clock.advance(hours=2)  # the lid was closed: no tick, no heartbeat
        digits(app)
        dialog = await recovery_dialog(app, pilot)
        assert dialog.interrupted.gap_seconds == 2 * 3600
        await pilot.press("s")
        await settle(app, pilot)
        assert seeded.timer.status().today_minutes == 5
    assert app.return_code in (None, 0)


# An app in a process of its own: it starts the timer from the Today pane, says so, and
# waits to be killed, its session running in the database.
APP_THAT_STARTS_A_SESSION = """
import asyncio
import sys
from datetime import datetime
from pathlib import Path

from textual.pilot import Pilot

from netui.domain.clock import FakeClock, local_zone
from netui.domain.timer_status import clock_time
from netui.tui.app import NetuiApp


async def main() -> None:
    app = NetuiApp(Path(sys.argv[1]), FakeClock(datetime.fromisoformat(sys.argv[2])))
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        for _ in range(100):
            await pilot.pause(0.02)
            if app.services is not None and app.main_screen.loaded:
                break
        await pilot.press("tab", "space")
        await pilot.pause()
        assert app.services.timer.status().running
        print("started", flush=True)
        await asyncio.sleep(3600)


asyncio.run(main())
"""


async def test_an_app_killed_mid_session_offers_the_choices_when_reopened(
    seeded: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    clock: FakeClock,
    db_path: Path,
) -> None:
    let_go(seeded)
    child = subprocess.Popen(
        [sys.executable, "-c", APP_THAT_STARTS_A_SESSION, str(db_path), NOW.isoformat()],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
    )
    assert child.stdout is not None
    try:
        assert child.stdout.readline().strip() == "started"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    clock.advance(minutes=10)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        dialog = await recovery_dialog(app, pilot)
        assert dialog.interrupted.last_seen_at == NOW
        await pilot.press("d")
        await settle(app, pilot)
        assert seeded.timer.status().session is None
        shown = today(app).status
        assert shown is not None
        assert not shown.running
    assert app.return_code in (None, 0)
