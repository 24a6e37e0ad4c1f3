"""The stats screen: opened with p in Today or from the palette, read in a worker, 30 or 90
days, every chart, hostile script names shown as typed, usable at 80x24 and 160x48."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from builders import AppFactory, WaitReady, came_true, sql_rows, store_raw
from textual.pilot import Pilot
from textual.widgets import Sparkline, Static
from timezones import local_zone_as
from today_support import into_today, screen_text

from netui.domain.clock import FakeClock
from netui.domain.scripts import ScriptChannel
from netui.domain.types import Channel, ContactDraft, InteractionDraft, Outcome, TriageStatus
from netui.services.context import Services
from netui.tui.app import NetuiApp
from netui.tui.screens.stats import StatsScreen
from netui.tui.widgets.chart import ChartView

HOSTILE = "[bold red]Zoë[/] [@click=app.quit]x[/]"


@pytest.fixture(autouse=True)
def in_utc() -> Iterator[None]:
    with local_zone_as("UTC"):
        yield


@pytest.fixture
def history(seeded: Services, clock: FakeClock) -> Services:
    """A Top 20, a hostile script used twice, a meeting 40 days ago and 25 minutes today."""
    services = seeded
    ids = [row.id for row in services.contacts.list_rows()]
    services.triage.set_status(ids[:3], TriageStatus.TOP20)
    clock.advance(minutes=1)
    script = services.scripts.create(HOSTILE, ScriptChannel.EMAIL, body="Hi")
    for person, outcome in ((ids[0], Outcome.REPLIED), (ids[1], Outcome.NO_ANSWER)):
        draft = InteractionDraft(Channel.EMAIL, outcome, script_revision_id=script.revision_id)
        services.interactions.log(person, draft)
    long_ago = clock() - timedelta(days=40)
    services.interactions.log(
        ids[4], InteractionDraft(Channel.CALL, Outcome.MEETING_SET, occurred_at=long_ago)
    )
    services.timer.start(25)
    clock.advance(minutes=25)
    services.timer.stop()
    referred = ContactDraft(full_name=HOSTILE, company="Acme")
    services.referrals.add_referred(ids[0], referred)
    return services


async def open_stats(app: NetuiApp, pilot: Pilot[None]) -> StatsScreen:
    await into_today(app, pilot)
    await pilot.press("p")
    assert await came_true(pilot, lambda: isinstance(app.screen, StatsScreen), 5)
    screen = app.screen
    assert isinstance(screen, StatsScreen)
    assert await came_true(pilot, lambda: screen.loads > 0, 10)
    await pilot.pause()
    return screen


def chart_text(screen: StatsScreen, name: str) -> str:
    return screen.query_one(f"#stats-{name}", ChartView).text


def static_text(screen: StatsScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_p_in_today_opens_the_figures_and_d_switches_to_90_days(
    history: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        screen = await open_stats(app, pilot)
        assert static_text(screen, "#stats-period").startswith("The last 30 days")
        assert static_text(screen, "#stats-week").startswith("This week 25 min of 2h30")
        assert list(screen.query_one(Sparkline).data or [])[-1] == 25.0
        assert len(screen.query_one(Sparkline).data or []) == 30
        assert "met on 0 of 30 days" in static_text(screen, "#stats-minutes-note")
        funnel = chart_text(screen, "funnel")
        assert "contacted" in funnel
        assert funnel.splitlines()[2].endswith(" 1")  # reached: one person
        assert "1/20" in chart_text(screen, "top20")
        assert "0 meetings, 0 referrals, 1 introduction" in chart_text(screen, "doors")

        await pilot.press("d")
        assert await came_true(pilot, lambda: screen.loads > 1, 10)
        await pilot.pause()
        assert static_text(screen, "#stats-period").startswith("The last 90 days")
        assert len(screen.query_one(Sparkline).data or []) == 90
        assert "1 meeting, 0 referrals, 1 introduction" in chart_text(screen, "doors")

        await pilot.press("escape")
        assert await came_true(pilot, lambda: app.screen is app.main_screen, 5)


async def test_the_palette_opens_it_from_another_pane(
    history: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        commands = {c.title: c for c in app.get_system_commands(app.main_screen)}
        await commands["Progress"].callback()
        assert await came_true(pilot, lambda: isinstance(app.screen, StatsScreen), 5)
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        assert await came_true(pilot, lambda: screen.loads > 0, 10)
        await pilot.pause()


async def test_a_hostile_script_name_is_shown_as_typed(
    history: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_ready(app, pilot)
        screen = await open_stats(app, pilot)
        assert "[bold red]Zoë[/] [@click=" in chart_text(screen, "scripts")  # cut to fit
        assert "[bold red]Zoë[/] [@click=" in screen_text(app)  # drawn, not parsed
        chains = static_text(screen, "#stats-chains")
        assert chains == "Ada Okafor → [bold red]Zoë[/] [@click=app.quit]x[/]"
        assert app.is_running  # nothing ran the quit in the name


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_it_fits_both_sizes_and_scrolls_when_small(
    history: Services, make_app: AppFactory, wait_ready: WaitReady, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await wait_ready(app, pilot)
        screen = await open_stats(app, pilot)
        body = screen.query_one("#stats-body")
        assert screen.has_class("-wide") == (size[0] >= 140)
        for chart in screen.query(ChartView):
            assert chart.region.right <= size[0]
        if size == (80, 24):
            assert body.max_scroll_y > 0
            await pilot.press("end")
            assert await came_true(pilot, lambda: body.scroll_y > 0, 5)  # the keys scroll it
        else:
            left, right = screen.query_one("#stats-left"), screen.query_one("#stats-right")
            assert left.region.y == right.region.y
            assert left.region.right <= right.region.x


async def test_a_failed_read_says_so_on_the_screen(
    history: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from netui.errors import DatabaseBusyError
    from netui.services.stats import StatsService

    def busy(self: StatsService, days: int = 30) -> None:
        raise DatabaseBusyError("the database is busy")

    monkeypatch.setattr(StatsService, "overview", busy)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        screen = await open_stats(app, pilot)
        assert "Could not read the figures" in static_text(screen, "#stats-week")
        assert screen.query_one("#stats-week").has_class("-error")


async def test_names_of_100_000_characters_are_cut_to_fit(
    history: Services, make_app: AppFactory, wait_ready: WaitReady, db_path: Path
) -> None:
    huge = "[b]" + "y" * 100_000
    (person,) = sql_rows(db_path, "SELECT id FROM contact WHERE referred_by_id IS NOT NULL")[0]
    store_raw(db_path, person, full_name=huge)
    (script,) = sql_rows(db_path, "SELECT id FROM script WHERE name LIKE '[bold red]%'")[0]
    store_raw(db_path, script, table="script", name=huge)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        screen = await open_stats(app, pilot)
        assert len(static_text(screen, "#stats-chains")) <= 300
        assert chart_text(screen, "scripts").splitlines()[1].startswith("[b]yyy")
        assert all(len(line) <= 80 for line in chart_text(screen, "scripts").splitlines())
