"""Helpers for the Today pane's tests: getting into the pane, letting fake time pass as a
running app would live it, and reading what the pane shows."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from builders import NOW, came_true, store_raw
from textual.pilot import Pilot
from textual.widgets import Digits, Static

from netui.domain.clock import FakeClock
from netui.domain.types import ContactDraft, TriageStatus
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
    await came_true(pilot, lambda: pane.loads > 0, 5)
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


PLANNED_TOP20 = ("Ada Okafor", "Chen Wu", "Bruno Salas", "Dalia Mertens", "Emeka Brandt")


def plan_top20(services: Services, clock: FakeClock) -> dict[str, int]:
    """Five of :data:`builders.PEOPLE` on the Top 20 since Monday, to be reached in one
    week: by Thursday (the tests' today) four are due. Returns everyone's id by name."""
    ids = {c.full_name: c.id for c in services.contacts.find()}
    clock.now = NOW - timedelta(days=3)
    for name in PLANNED_TOP20:
        services.triage.set_status([ids[name]], TriageStatus.TOP20)
    clock.now = NOW
    services.settings.set_top20_weeks(1)
    return ids


def progress(app: NetuiApp) -> str:
    """The Top 20 and today lines of the Today pane."""
    return str(today(app).query_one("#today-progress", Static).render())


def assert_contacts_show_reached(app: NetuiApp, contact_id: int, reached: int) -> None:
    """The Contacts pane agrees: contacted today, and the Top 20 count in its subtitle."""
    contacts = app.main_screen.contacts
    row = contacts.listing.get(contact_id)
    assert row is not None
    assert row.last_contacted == NOW.date()
    assert f"{reached} of 20 reached" in str(contacts.border_subtitle)
    assert f"Reached {reached} of 20" in progress(app)


MARKUP_NAME = "Ann [b]Acme[/b] [@click=app.quit]x"
CONTROL_NAME = "Fay \x1b]0;P\x07G"
SHOWN_CONTROL_NAME = "Fay \ufffd]0;P\ufffdG"
"""What is shown of :data:`CONTROL_NAME`: its control characters replaced."""


def hostile_top20(services: Services, db_path: Path, clock: FakeClock, **raw: str) -> None:
    """Two people named like markup and like terminal controls (stored as an older netui or
    a file could leave them, with any ``raw`` columns), both due on today's Top 20."""
    clock.now = NOW - timedelta(days=3)  # on the Top 20 since Monday, in a one-week plan
    for name in (MARKUP_NAME, CONTROL_NAME):
        contact = services.contacts.add(ContactDraft(full_name="Placeholder"))
        store_raw(db_path, contact.id, full_name=name, **raw)
        services.triage.set_status([contact.id], TriageStatus.TOP20)
    clock.now = NOW
    services.settings.set_top20_weeks(1)
