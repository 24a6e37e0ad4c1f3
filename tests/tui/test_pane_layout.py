"""The panes at the sizes people use: which are shown, the tab bar, and whose keys act."""

from __future__ import annotations

import pytest
from builders import AppFactory, WaitReady, came_true
from textual.pilot import Pilot

from netui.domain.listing import StatusFilter
from netui.domain.types import TriageStatus
from netui.services.context import Services
from netui.tui.app import NetuiApp
from netui.tui.screens.main import PANE_ORDER
from netui.tui.screens.time_audit import TimeAuditScreen
from netui.tui.widgets.pane_tabs import PaneTab, PaneTabs

SIZES = [(80, 24), (120, 36), (160, 48), (200, 50)]


def shown(app: NetuiApp) -> list[str]:
    """The panes on screen, in order."""
    screen = app.main_screen
    return [pane_id for pane_id in PANE_ORDER if screen.pane(pane_id).display]


def in_use(app: NetuiApp) -> str:
    """The pane the cursor is in (and the main screen agrees)."""
    screen = app.main_screen
    holding = [pane_id for pane_id in PANE_ORDER if screen.pane(pane_id).has_focus_within]
    assert holding == [screen.active_pane]
    return holding[0]


def archived(services: Services) -> int:
    everyone = services.contacts.find(StatusFilter.ALL)
    return sum(contact.status is TriageStatus.ARCHIVED for contact in everyone)


def tab_bar(app: NetuiApp) -> PaneTabs:
    return app.main_screen.query_one(PaneTabs)


def highlighted_tab(app: NetuiApp) -> list[str]:
    return [tab.pane_id for tab in tab_bar(app).tabs if tab.has_class("-active")]


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_which_panes_are_shown_and_where(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await wait_ready(app, pilot)
        screen = app.main_screen
        contacts, today, script = (screen.pane(pane_id).region for pane_id in PANE_ORDER)
        width = size[0]
        if width < 100:
            assert shown(app) == ["contacts-pane"]
            assert tab_bar(app).display
            assert tab_bar(app).region.height == 1
        elif width < 160:
            assert shown(app) == list(PANE_ORDER)
            assert not tab_bar(app).display
            assert contacts.right <= today.x
            assert today.x == script.x
            assert today.bottom <= script.y
            assert screen.script.has_class("-glance")
        else:
            assert shown(app) == list(PANE_ORDER)
            assert not tab_bar(app).display
            assert contacts.right <= today.x
            assert today.right <= script.x
            assert contacts.y == today.y == script.y
            assert contacts.height == today.height == script.height
            assert contacts.width > today.width  # the pane in use has the larger share
            assert screen.script.has_class("-glance")
        assert in_use(app) == "contacts-pane"


async def test_the_today_pane_in_use_has_room_for_its_queue_over_the_script_glance(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    """At 120x36 the side column is shared; Today, once in use, has room for queue rows."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        screen = app.main_screen
        shared = (screen.today.region.height, screen.script.region.height)
        assert abs(shared[0] - shared[1]) <= 1  # halves while the list is in use
        await pilot.press("f6")
        await pilot.pause()
        today, script = screen.today.region, screen.script.region
        assert today.height >= 3 * script.height - 2
        assert script.height >= 5  # the glance stays
        assert screen.today.queue_list.region.height >= 8


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_the_function_keys_go_straight_to_a_pane(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await wait_ready(app, pilot)
        for key, pane_id in (("f7", "script-pane"), ("f6", "today-pane"), ("f5", "contacts-pane")):
            await pilot.press(key)
            await pilot.pause()
            assert in_use(app) == pane_id
            assert highlighted_tab(app) == [pane_id]
            if size[0] < 100:
                assert shown(app) == [pane_id]
            else:
                assert shown(app) == list(PANE_ORDER)
            # The Script pane is whole only while it is in use (or alone on the screen).
            assert app.main_screen.script.has_class("-glance") == (
                pane_id != "script-pane" and size[0] >= 100
            )


async def test_a_click_on_a_tab_brings_its_pane_and_the_keys_follow(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        assert highlighted_tab(app) == ["contacts-pane"]
        for pane_id in ("today-pane", "script-pane", "contacts-pane"):
            assert await pilot.click(f"#{pane_id}-tab")
            await pilot.pause()
            assert shown(app) == [pane_id]
            assert in_use(app) == pane_id
            assert highlighted_tab(app) == [pane_id]
        # tab steps along and the bar follows; the bar itself never takes the cursor.
        await pilot.press("tab")
        await pilot.pause()
        assert highlighted_tab(app) == ["today-pane"]
        assert in_use(app) == "today-pane"
        assert not any(tab.can_focus for tab in app.main_screen.query(PaneTab))


async def in_today(app: NetuiApp, pilot: Pilot[None], size: tuple[int, int]) -> None:
    if size[0] < 100:
        await pilot.click("#today-pane-tab")
    else:
        await pilot.press("f6")
    await pilot.pause()
    assert in_use(app) == "today-pane"


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_a_key_acts_only_on_the_pane_in_use(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, size: tuple[int, int]
) -> None:
    """a archives in Contacts and finds the time in Today: from Today, it archives nobody."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await wait_ready(app, pilot)
        await in_today(app, pilot, size)
        await pilot.press("a")
        assert await came_true(pilot, lambda: isinstance(app.screen, TimeAuditScreen), 5)
        assert archived(seeded) == 0
        await pilot.press("escape")
        assert await came_true(pilot, lambda: app.screen is app.main_screen, 5)
        await pilot.pause()
        assert in_use(app) == "today-pane"
        # Back in Contacts the same key archives the highlighted contact.
        await pilot.press("f5", "a")
        assert await came_true(pilot, lambda: archived(seeded) == 1, 5)
