"""What the Today pane looks like mid-session, at the sizes people use. Review as pictures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from builders import NOW, AppFactory, came_true
from textual.pilot import Pilot
from timezones import local_zone_as
from today_support import live_for, settle

from netui.domain.clock import FakeClock
from netui.domain.types import Channel, InteractionDraft, Outcome, TriageStatus
from netui.services.context import Services
from netui.tui.app import NetuiApp

SnapCompare = Callable[..., bool]
WEEK = ((6, 35), (5, 20), (3, 45), (2, 30), (1, 32))
"""(days back, minutes): a week of sessions, with a missed day and one short of the goal."""


@pytest.fixture(autouse=True)
def in_utc() -> object:
    with local_zone_as("UTC"):
        yield


def a_day_in_progress(services: Services, clock: FakeClock) -> None:
    """A Top 20 planned over one week since Monday, a follow-up overdue, a week of
    sessions, and one running for 12 minutes 34 seconds."""
    ids = {c.full_name: c.id for c in services.contacts.find()}
    clock.now = NOW - timedelta(days=3)
    top20 = ["Ada Okafor", "Chen Wu", "Bruno Salas", "Dalia Mertens"]
    services.triage.set_status([ids[name] for name in top20], TriageStatus.TOP20)
    services.settings.set_top20_weeks(1)
    services.interactions.log(
        ids["Ada Okafor"],
        InteractionDraft(Channel.CALL, Outcome.MEETING_SET, "Coffee next week"),
    )
    services.interactions.log(
        ids["Farah Lindqvist"],
        InteractionDraft(Channel.EMAIL, Outcome.LEFT_MESSAGE, follow_up=clock.now.date()),
    )
    for back, minutes in WEEK:
        clock.now = NOW - timedelta(days=back)
        services.timer.start()
        clock.advance(minutes=minutes)
        services.timer.stop()
    clock.now = NOW - timedelta(minutes=12, seconds=34)
    services.timer.start(watched=True)
    live_for(clock, services, 12 * 60 + 34)


async def in_today(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, NetuiApp)
    for _ in range(100):
        await pilot.pause()
        if app.services is not None and app.main_screen.loaded:
            break
    await pilot.press("tab")
    await came_true(pilot, lambda: app.main_screen.today.loads > 0, 5)
    await settle(app, pilot)
    app.sub_title = "netui.db"
    await pilot.pause(0.2)


def test_today_mid_session_wide(
    seeded: Services, make_app: AppFactory, snap_compare: SnapCompare, clock: FakeClock
) -> None:
    a_day_in_progress(seeded, clock)
    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=in_today)


def test_today_mid_session_narrow(
    seeded: Services, make_app: AppFactory, snap_compare: SnapCompare, clock: FakeClock
) -> None:
    a_day_in_progress(seeded, clock)
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=in_today)


def test_today_on_a_wide_terminal(
    seeded: Services, make_app: AppFactory, snap_compare: SnapCompare, clock: FakeClock
) -> None:
    a_day_in_progress(seeded, clock)
    assert snap_compare(make_app(), terminal_size=(160, 40), run_before=in_today)


async def in_session(pilot: Pilot[None]) -> None:
    await in_today(pilot)
    await pilot.press("S")
    await came_true(pilot, lambda: type(pilot.app.screen).__name__ == "SessionModeScreen", 5)
    pilot.app.sub_title = "netui.db"
    await pilot.pause(0.2)


def test_session_mode_wide(
    seeded: Services, make_app: AppFactory, snap_compare: SnapCompare, clock: FakeClock
) -> None:
    a_day_in_progress(seeded, clock)
    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=in_session)


def test_session_mode_narrow(
    seeded: Services, make_app: AppFactory, snap_compare: SnapCompare, clock: FakeClock
) -> None:
    a_day_in_progress(seeded, clock)
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=in_session)
