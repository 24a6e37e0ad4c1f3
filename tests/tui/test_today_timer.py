"""The daily timer in the Today pane: its keys, its digits on a fake clock, and its alerts.

No test waits for real seconds: the clock is the test's FakeClock, and the display is asked
to recount (what its once-a-second interval does) after the clock moved.
"""

from __future__ import annotations

import pytest
from builders import AppFactory, WaitReady, WriteLock, came_true, toasts
from textual.widgets import Digits
from today_support import digits, into_today, live_for, settle, timer_state, today

from netui.domain.clock import FakeClock
from netui.domain.timer_status import TimerStatus
from netui.services.context import Services
from netui.tui.app import NetuiApp


def services_of(app: NetuiApp) -> Services:
    assert app.services is not None
    return app.services


async def test_start_pause_resume_stop_show_the_time_from_the_stored_moments(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        pane = await into_today(app, pilot)
        assert digits(app) == "00:00"
        assert "Not running" in timer_state(app)
        await pilot.press("space")  # start
        assert pane.status is not None
        assert pane.status.running
        live_for(clock, services_of(app), 90)
        assert digits(app) == "01:30"
        await pilot.press("space")  # pause
        assert "Paused" in timer_state(app)
        live_for(clock, services_of(app), 600)
        assert digits(app) == "01:30"  # a pause does not count
        await pilot.press("space")  # resume
        live_for(clock, services_of(app), 30)
        assert digits(app) == "02:00"
        live_for(clock, services_of(app), 3600)
        assert digits(app) == "1:02:00"
        await pilot.press("x")  # stop
        await pilot.pause()
        assert "Not running" in timer_state(app)
        assert digits(app) == "00:00"
        stored = seeded.timer.status()
        assert not stored.running
        assert stored.today_minutes == 62
        assert any("Session stopped after 1 h 2 min" in t for t in toasts(app))
    assert app.return_code in (None, 0)


async def test_the_digits_follow_the_clock_without_a_database_read_per_second(
    seeded: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await into_today(app, pilot)
        await pilot.press("space")
        reads: list[str] = []
        timer = services_of(app).timer
        status = timer.status

        def counted() -> TimerStatus:
            reads.append("status")
            return status()

        monkeypatch.setattr(timer, "status", counted)
        for second in range(1, 6):
            clock.advance(seconds=1)
            assert digits(app) == f"00:0{second}"
        assert reads == []
    assert app.return_code in (None, 0)


async def test_extend_adds_five_minutes_to_the_plan(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        pane = await into_today(app, pilot)
        await pilot.press("e")  # nothing runs: e is not even offered
        assert seeded.timer.status().session is None
        await pilot.press("space", "e", "e")
        assert pane.status is not None
        assert pane.status.planned_minutes == 40
        assert "40 min planned" in timer_state(app)
        assert seeded.timer.status().planned_minutes == 40
    assert app.return_code in (None, 0)


async def test_timer_keys_act_only_in_the_today_pane(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("space", "x", "e")  # in the Contacts pane: select, skip, edit...
        await pilot.pause()
        while app.screen is not app.main_screen:
            await pilot.press("escape")
        assert seeded.timer.status().session is None
        await into_today(app, pilot)
        statuses = {c.id: c.status for c in seeded.contacts.find()}
        await pilot.press("t", "l", "u", "3")  # Contacts keys: nothing happens to anyone
        await pilot.pause()
        assert {c.id: c.status for c in seeded.contacts.find()} == statuses
        await pilot.press("space")
        assert seeded.timer.status().running
        await pilot.press("tab")  # on to the Script pane: x does not stop the timer there
        await pilot.press("x")
        assert seeded.timer.status().running
    assert app.return_code in (None, 0)


async def test_the_display_does_not_tick_while_the_pane_is_hidden(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:  # narrow: one pane at a time
        await wait_ready(app, pilot)
        pane = await into_today(app, pilot)
        display = pane.timer_display
        assert not display.ticking  # nothing to count
        await pilot.press("space")
        await pilot.pause()
        assert display.ticking
        await pilot.press("space")  # paused: nothing changes, nothing ticks
        await pilot.pause()
        assert not display.ticking
        await pilot.press("space")
        await pilot.pause()
        assert display.ticking
        await pilot.press("tab", "tab")  # Script, then Contacts: Today is off screen
        await pilot.pause()
        assert not pane.display
        assert not display.ticking
        live_for(clock, services_of(app), 120)
        await pilot.press("tab")  # back in Today: it catches up at once
        await pilot.pause()
        assert display.ticking
        assert display.query_one(Digits).value == "02:00"
        await pilot.press("f1")  # a dialog: the timer is still in view behind it
        await pilot.pause()
        assert display.ticking
        await pilot.press("escape", "a")  # the time audit covers the whole screen
        await pilot.pause()
        assert app.screen is not app.main_screen
        assert not display.ticking
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main_screen
        assert display.ticking
    assert app.return_code in (None, 0)


async def test_goal_reached_and_plan_over_say_so_once_with_the_bell(
    seeded: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    clock: FakeClock,
) -> None:
    seeded.settings.set_daily_goal(20)
    app = make_app()
    bells: list[str] = []
    async with app.run_test(size=(120, 36)) as pilot:
        app.bell = lambda: bells.append("ding")  # type: ignore[method-assign]
        await wait_ready(app, pilot)
        await into_today(app, pilot)
        await pilot.press("space", "e")  # 25 minutes planned, the goal is 20
        live_for(clock, services_of(app), 19 * 60)
        digits(app)
        await pilot.pause()
        assert bells == []
        live_for(clock, services_of(app), 60)
        digits(app)
        await pilot.pause()
        assert bells == ["ding"]
        assert any("Daily goal reached: 20 minutes today" in t for t in toasts(app))
        digits(app)  # the next second says nothing new
        await pilot.pause()
        assert bells == ["ding"]
        live_for(clock, services_of(app), 5 * 60)
        digits(app)
        await pilot.pause()
        assert bells == ["ding", "ding"]
        assert any("The 25 minutes you planned are up" in t for t in toasts(app))
        assert seeded.timer.status().running  # it runs until stopped
        assert "Past the plan" in timer_state(app)
    assert app.return_code in (None, 0)


async def test_with_the_bell_off_the_goal_is_a_toast_only(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, clock: FakeClock
) -> None:
    seeded.settings.set_daily_goal(1)
    app = make_app()
    bells: list[str] = []
    async with app.run_test(size=(120, 36)) as pilot:
        app.bell = lambda: bells.append("ding")  # type: ignore[method-assign]
        await wait_ready(app, pilot)
        pane = await into_today(app, pilot)
        await pane.run_action("toggle_bell")
        assert seeded.settings.bell() is False
        await pilot.press("space")
        live_for(clock, services_of(app), 61)
        digits(app)
        await pilot.pause()
        assert any("Daily goal reached" in t for t in toasts(app))
        assert bells == []
    assert app.return_code in (None, 0)


async def test_a_goal_met_before_the_app_opened_is_not_news(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, clock: FakeClock
) -> None:
    seeded.timer.start(watched=True)
    live_for(clock, seeded, 31 * 60)
    app = make_app()
    bells: list[str] = []
    async with app.run_test(size=(120, 36)) as pilot:
        app.bell = lambda: bells.append("ding")  # type: ignore[method-assign]
        await wait_ready(app, pilot)
        await into_today(app, pilot)
        await settle(app, pilot)
        digits(app)
        await pilot.pause()
        assert bells == []
        assert "Running" in timer_state(app) or "Past the plan" in timer_state(app)
    assert app.return_code in (None, 0)


async def test_an_alert_comes_while_the_user_is_in_another_pane(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, clock: FakeClock
) -> None:
    """Hidden, the display does not tick: a timer set for the moment itself says it."""
    seeded.settings.set_daily_goal(1)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        pane = await into_today(app, pilot)
        await pilot.press("space")
        await pilot.press("tab")  # on to the Script pane; Today is hidden
        await pilot.pause()
        assert not pane.timer_display.ticking
        clock.advance(seconds=61)
        pane.alerts._look()  # what the timer set for that moment runs
        await pilot.pause()
        assert any("Daily goal reached" in t for t in toasts(app))
    assert app.return_code in (None, 0)


async def test_the_pane_stays_up_when_the_database_is_busy(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, write_lock: WriteLock
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await into_today(app, pilot)
        write_lock.take()
        await pilot.press("space")
        await pilot.pause()
        assert any("Another netui is writing" in t for t in toasts(app))
        write_lock.release()
        await pilot.press("space")
        assert today(app).status is not None
        assert seeded.timer.status().running
        shown = len(toasts(app))
        write_lock.take()  # a heartbeat that cannot write is no news: the next one will
        today(app)._beat()
        assert await came_true(pilot, lambda: all(w.is_finished for w in app.workers), 5)
        await pilot.pause()
        write_lock.release()
        assert len(toasts(app)) == shown
        assert app.is_running
    assert app.return_code in (None, 0)
