"""The week's line in Today: time against the week's goal, reached, doors, the Top 20."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from builders import AppFactory, WaitReady, came_true
from timezones import local_zone_as
from today_support import into_today, screen_text

from netui.domain.clock import FakeClock
from netui.domain.types import Channel, InteractionDraft, Outcome, TriageStatus
from netui.services.context import Services
from netui.tui.screens.stats import StatsScreen
from netui.tui.widgets.today_summary import TodaySummary


@pytest.fixture(autouse=True)
def in_utc() -> Iterator[None]:
    with local_zone_as("UTC"):
        yield


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_the_week_shows_in_today_and_follows_what_is_logged(
    seeded: Services,
    clock: FakeClock,
    make_app: AppFactory,
    wait_ready: WaitReady,
    size: tuple[int, int],
) -> None:
    ids = [row.id for row in seeded.contacts.list_rows()]
    seeded.triage.set_status(ids[:2], TriageStatus.TOP20)
    clock.advance(minutes=1)
    seeded.timer.start(40)
    clock.advance(minutes=40)
    seeded.timer.stop()
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await wait_ready(app, pilot)
        pane = await into_today(app, pilot)
        summary = pane.query_one(TodaySummary)
        assert await came_true(pilot, lambda: summary.week is not None, 5)
        await pilot.pause()
        assert str(summary.render()) == (
            "This week 40 min of 2h30 since Monday\n0 reached · 0 doors opened"
        )
        assert "This week 40 min of 2h30 since Monday" in screen_text(app)

        draft = InteractionDraft(Channel.CALL, Outcome.MEETING_SET)
        seeded.interactions.log(ids[0], draft)  # as another netui would
        await pilot.press("p")  # the stats screen; closing it reads the day again
        assert await came_true(pilot, lambda: isinstance(app.screen, StatsScreen), 5)
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        assert await came_true(pilot, lambda: screen.loads > 0, 10)
        await pilot.press("escape")
        assert await came_true(
            pilot, lambda: "1 reached · 1 door opened" in str(summary.render()), 5
        )
