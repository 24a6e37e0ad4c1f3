"""The README's screenshots, drawn by the app itself from the demo data.

Run ``python tests/make_screenshots.py assets/``: it fills a throwaway demo database (the
same filler as ``netui --demo``) at a fixed moment on a FakeClock, in UTC, starts the app
headless at 120x36 for each picture and saves an SVG per picture into the folder given.
The same code and moment give the same pictures, so a change in them is a change in netui.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import timedelta
from pathlib import Path

from builders import NOW
from screen_scenes import Opener, in_pane, in_session, pressing, settle, stay, still
from timezones import local_zone_as
from today_support import live_for

from netui.cli.demo import DEMO_APP_CONTACTS, DEMO_APP_SEED, DEMO_SUB_TITLE, DEMO_TITLE, demo_home
from netui.domain.clock import FakeClock
from netui.services.context import open_services
from netui.services.demo import fill_demo
from netui.tui.app import NetuiApp

SIZE = (120, 36)
SHOTS: dict[str, Opener] = {
    "contacts": in_pane("contacts-pane"),
    "today": in_pane("today-pane"),
    "session": in_session(),
    "script": in_pane("script-pane", script=None),
    "stats": in_pane("today-pane", "p"),
    "triage": pressing("T"),
}
"""Picture name (assets/NAME.svg) -> how to reach it on the demo database."""
WELCOME = "welcome"
"""The one picture of an empty database: the first run."""
RUNNING_FOR = timedelta(minutes=17, seconds=8)
"""Today's session, running when the pictures are taken."""


def demo_database(path: Path, clock: FakeClock) -> None:
    """The demo's people and weeks of history, and today's session under way."""
    services = open_services(path, clock)
    try:
        fill_demo(services, DEMO_APP_CONTACTS, DEMO_APP_SEED)
        clock.now = NOW - RUNNING_FOR
        services.timer.start(watched=True)
        live_for(clock, services, int(RUNNING_FOR.total_seconds()))
    finally:
        services.close()


async def shoot(path: Path, clock: FakeClock, opener: Opener, demo: bool) -> str:
    """The SVG of the app on ``path`` once ``opener`` has brought up its screen."""
    app = NetuiApp(path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await opener(pilot)
        still(app)
        if demo:
            app.title, app.sub_title = DEMO_TITLE, DEMO_SUB_TITLE
        await pilot.pause(0.3)
        return app.export_screenshot(title="netui")


async def make_all(folder: Path) -> list[Path]:
    written: list[Path] = []
    with demo_home() as home:
        clock = FakeClock(NOW)
        demo = home / "demo.db"
        demo_database(demo, clock)
        shots = [(name, demo, opener, True) for name, opener in SHOTS.items()]
        shots.append((WELCOME, home / "empty.db", stay, False))
        for name, path, opener, is_demo in shots:
            target = folder / f"{name}.svg"
            target.write_text(await shoot(path, clock, opener, is_demo), encoding="utf-8")
            written.append(target)
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python tests/make_screenshots.py FOLDER", file=sys.stderr)
        return 2
    folder = Path(argv[0])
    folder.mkdir(parents=True, exist_ok=True)
    with local_zone_as("UTC"):
        for written in asyncio.run(make_all(folder)):
            print(written)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
