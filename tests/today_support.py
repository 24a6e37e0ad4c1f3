"""Helpers for the Today pane's tests: getting into the pane, letting fake time pass as a
running app would live it, and reading what the pane shows."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot
from textual.widgets import Digits, Static

from netui.domain.clock import FakeClock
from netui.services.context import Services
from netui.tui.app import NetuiApp
from netui.tui.panes.today import TodayPane

BEAT_SECONDS = 40
"""How often these tests beat for the app (it beats every 45 s, at most 3 min apart)."""


def today(app: NetuiApp) -> TodayPane:
    return app.main_screen.today


async def into_today(app: NetuiApp, pilot: Pilot[None]) -> TodayPane:
    """Press tab from the Contacts pane into Today, and wait for its first look at the day."""
    await pilot.press("tab")
    pane = today(app)
    assert app.main_screen.active_pane == "today-pane"
    await until(pilot, lambda: pane.loads > 0, 5)
    return pane


def live_for(clock: FakeClock, services: Services, seconds: int) -> None:
    """Let ``seconds`` of fake time pass with the heartbeats a running app would write."""
    left = seconds
    while left > 0:
        step = min(BEAT_SECONDS, left)
        clock.advance(seconds=step)
        left -= step
        services.timer.heartbeat()


def digits(app: NetuiApp) -> str:
    """What the large digits show, after the display recounted at the clock's now."""
    display = today(app).timer_display
    display.tick()
    return display.query_one(Digits).value


def timer_state(app: NetuiApp) -> str:
    return str(today(app).timer_display.query_one("#timer-state", Static).render())


async def until(pilot: Pilot[None], condition: Callable[[], bool], seconds: float) -> bool:
    """Let the app run until ``condition`` holds, or ``seconds`` have gone by."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return True
        await pilot.pause(0.05)
    return condition()


async def settle(app: NetuiApp, pilot: Pilot[None]) -> None:
    """Until workers are done and what they posted is shown."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def screen_text(app: NetuiApp) -> str:
    """Every character the app would send to the terminal now, line by line."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def queue_names(app: NetuiApp) -> list[str]:
    """Who today's queue lists, in order (the names as the options show them)."""
    queue = today(app).queue_list
    names = []
    for index in range(queue.option_count):
        prompt = queue.get_option_at_index(index).prompt
        names.append(str(prompt).split("  ")[0])
    return names
