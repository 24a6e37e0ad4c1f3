"""What the stats screen looks like with five weeks of work, at 80x24 and 160x48.

Review as pictures: a sparkline of minutes a day, bars per week, the funnel narrowing, the
Top 20 against half, reply rates per script, doors per week and a referral chain.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from builders import NOW, AppFactory, came_true
from textual.pilot import Pilot
from timezones import local_zone_as
from today_support import settle

from netui.domain.clock import FakeClock
from netui.domain.scripts import ScriptChannel
from netui.domain.types import Channel, ContactDraft, InteractionDraft, Outcome, TriageStatus
from netui.services.context import Services
from netui.tui.app import NetuiApp
from netui.tui.screens.stats import StatsScreen

SnapCompare = Callable[..., bool]
OUTCOMES = (
    Outcome.NO_ANSWER,
    Outcome.REPLIED,
    Outcome.LEFT_MESSAGE,
    Outcome.TALKED,
    Outcome.REPLIED,
    Outcome.MEETING_SET,
    Outcome.DECLINED,
    Outcome.REFERRAL,
)


@pytest.fixture(autouse=True)
def in_utc() -> Iterator[None]:
    with local_zone_as("UTC"):
        yield


def five_weeks(services: Services, clock: FakeClock) -> None:
    """Weekday sessions of 15 to 45 minutes, two interactions a day, three scripts."""
    ids = [c.id for c in services.contacts.find()]
    clock.now = NOW - timedelta(days=36)
    services.triage.set_status(ids[:5], TriageStatus.TOP20)
    scripts = [
        services.scripts.create(name, ScriptChannel.EMAIL, body="Hi").revision_id
        for name in ("Warm hello", "Ask for [b]advice[/b]", "Catch-up call")
    ]
    for back in range(35, 0, -1):
        clock.now = NOW - timedelta(days=back, hours=6)
        if clock.now.weekday() >= 5:
            continue
        services.timer.start()
        clock.advance(minutes=15 + (back * 7) % 31)
        services.timer.stop()
        for turn in range(2):
            outcome = OUTCOMES[(back + turn * 3) % len(OUTCOMES)]
            draft = InteractionDraft(
                Channel.EMAIL, outcome, script_revision_id=scripts[(back + turn) % 3]
            )
            services.interactions.log(ids[(back + turn) % len(ids)], draft)
    bo = services.referrals.add_referred(ids[0], ContactDraft(full_name="Bo Park")).id
    services.referrals.add_referred(bo, ContactDraft(full_name="Cy Ode", company="Acme"))
    clock.now = NOW


async def in_stats(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, NetuiApp)
    for _ in range(100):
        await pilot.pause()
        if app.services is not None and app.main_screen.loaded:
            break
    await pilot.press("tab")
    await came_true(pilot, lambda: app.main_screen.today.loads > 0, 5)
    await pilot.press("p")
    await came_true(pilot, lambda: isinstance(app.screen, StatsScreen) and app.screen.loads > 0, 10)
    await settle(app, pilot)
    app.sub_title = "netui.db"
    await pilot.pause(0.2)


def test_stats_screen_narrow(
    seeded: Services, make_app: AppFactory, snap_compare: SnapCompare, clock: FakeClock
) -> None:
    five_weeks(seeded, clock)
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=in_stats)


def test_stats_screen_wide(
    seeded: Services, make_app: AppFactory, snap_compare: SnapCompare, clock: FakeClock
) -> None:
    five_weeks(seeded, clock)
    assert snap_compare(make_app(), terminal_size=(160, 48), run_before=in_stats)
