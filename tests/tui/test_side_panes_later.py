"""The Today and Script panes are built just after the first frame, and nothing is lost
meanwhile: a key, the database's news and the app closing all wait for them or let
them go.

The build is held back by the ``held`` fixture so the test decides when it happens.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from builders import AppFactory, WaitReady, until

from netui.services.context import Services
from netui.tui.app import NetuiApp
from netui.tui.screens.main import MainScreen

Build = Callable[[MainScreen], Awaitable[None]]


class HeldBuild:
    """Stands in for :meth:`MainScreen._build_side` until :meth:`let_build` runs it."""

    def __init__(self, build: Build) -> None:
        self.build = build
        self.screens: list[MainScreen] = []

    def hold(self, screen: MainScreen) -> None:
        self.screens.append(screen)

    def let_build(self) -> None:
        for screen in self.screens:
            screen.call_later(self.build, screen)  # on the screen's queue, as it would be


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> HeldBuild:
    holder = HeldBuild(MainScreen._build_side)

    def held_build(screen: MainScreen) -> None:  # a function, so it binds to the screen
        holder.hold(screen)

    monkeypatch.setattr(MainScreen, "_build_side", held_build)
    return holder


def side_panes(app: NetuiApp) -> list[str]:
    return [str(node.id) for node in app.main_screen.query("#side > *")]


async def test_the_first_frame_holds_the_contacts_pane_alone(
    seeded: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    frames: list[list[str]] = []
    display = NetuiApp._display

    def displayed(app: NetuiApp, screen: Any, renderable: Any) -> None:
        display(app, screen, renderable)
        if renderable is not None and isinstance(screen, MainScreen):
            frames.append(side_panes(app))

    monkeypatch.setattr(NetuiApp, "_display", displayed)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        assert frames[0] == []
        assert side_panes(app) == ["today-pane", "script-pane"]
        assert app.main_screen.today.ready
        assert app.main_screen.script.ready


async def test_a_key_for_a_side_pane_before_it_is_built_lands_once_it_is(
    seeded: Services, make_app: AppFactory, held: HeldBuild
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.main_screen
        await until(pilot, lambda: screen.contacts.ready, "the list has the database")
        assert side_panes(app) == []
        assert app.services is None
        assert not screen.loaded
        await pilot.press("f6")
        assert screen.active_pane == "contacts-pane"
        held.let_build()
        await until(pilot, lambda: screen.loaded, "the side panes built and attached")
        assert screen.active_pane == "today-pane"
        assert screen.focused is not None
        assert screen.today in screen.focused.ancestors_with_self
        assert screen.today.ready
        assert screen.script.ready
        assert app.services is not None  # the app heard once every pane had it


async def test_news_for_the_script_pane_waits_for_it(
    seeded: Services, make_app: AppFactory, held: HeldBuild
) -> None:
    """The contact highlighted before the Script pane exists is the one it renders for."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.main_screen
        await until(pilot, lambda: screen.contacts.ready, "the list has the database")
        await pilot.press("down")
        highlighted = screen.contacts.table.current_row
        assert highlighted is not None
        held.let_build()
        await until(pilot, lambda: screen.loaded, "the side panes built")
        await until(
            pilot, lambda: screen.script.contact_id == highlighted.id, "the Script pane's contact"
        )


async def test_closing_before_the_side_is_built_ends_quietly(
    seeded: Services, make_app: AppFactory, held: HeldBuild
) -> None:
    """The build asked for as the app closes (a quit key in the first frame) does nothing."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert held.screens, "the build was asked for"
        screen = held.screens[0]
        app.exit()
        await pilot.pause()
        await held.build(screen)
        assert not screen.side_built
    assert app.return_code in (None, 0)


async def test_the_side_panes_are_built_at_every_width(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    """Narrow, the side panes are built hidden; the tab bar still reaches them."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        screen = app.main_screen
        assert side_panes(app) == ["today-pane", "script-pane"]
        assert not screen.today.display
        assert not screen.script.display
        await pilot.press("f7")
        await pilot.pause()
        assert screen.script.display
        assert not screen.contacts.display
