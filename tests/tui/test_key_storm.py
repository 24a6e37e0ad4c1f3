"""Keys faster than a human, at random, on every screen: nothing may crash or corrupt.

A seeded storm of keys (letters, digits, arrows, tab, enter, escape, backspace, page keys,
ctrl+p, F1, ctrl+s, now and then q) is posted in bursts, without waiting between keys, to
the real app on a 300-contact demo database. Each phase starts on a different screen (the
main screen, the import screen with a real file, the forms, triage mode, the palette, the
duplicates and export dialogs, help, the Today pane, its time audit and the session mode),
so every screen is hit while it is opening, busy and closing. Any exception fails the test;
afterwards ``netui db check`` must find the file sound. A ``q`` that quits the app starts a
new one on the same database.
"""

from __future__ import annotations

import os
import random
import shutil
import string
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from cli_runner import Netui
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from netui.domain.clock import FakeClock
from netui.services.context import Services
from netui.services.demo import fill_demo
from netui.tui.app import NetuiApp

SAMPLE = Path(__file__).parents[2] / "assets" / "sample-linkedin-connections.csv"
SPECIAL_KEYS = (
    "up", "down", "left", "right", "tab", "shift+tab", "enter", "escape", "backspace",
    "pageup", "pagedown", "home", "end", "space", "slash", "question_mark", "ctrl+p", "f1",
    "ctrl+s", "ctrl+d",
)  # fmt: skip
CHARACTERS = {"space": " ", "slash": "/", "question_mark": "?"}
KEYS_PER_PHASE = 150
BURST = 12
SEED_VARIABLE = "NETUI_STORM_SEED"
"""Set it to explore other storms; unset, every run replays the same keys."""


def random_key(rng: random.Random) -> str:
    """Mostly letters and digits (the commands), often control keys, rarely q (quit)."""
    roll = rng.random()
    if roll < 0.004:
        return "q"
    if roll < 0.55:
        return rng.choice(string.ascii_letters.replace("q", "") + string.digits)
    return rng.choice(SPECIAL_KEYS)


def post_key(app: NetuiApp, key: str) -> None:
    """Deliver a key as the terminal driver would, without waiting for it to be handled."""
    char = key if len(key) == 1 else CHARACTERS.get(key)
    event = events.Key(key, char)
    event.set_sender(app)
    app.post_message(event)


async def choose_sample_file(app: NetuiApp, pilot: Pilot[None]) -> None:
    """On the import screen: a real LinkedIn file, previewed, ready to import."""
    app.screen.query_one("#import-path", Input).value = str(SAMPLE)
    await pilot.press("enter")


Opening = Callable[[NetuiApp, Pilot[None]], Awaitable[None]]
PHASES: dict[str, tuple[tuple[str, ...], Opening | None]] = {
    "main": ((), None),
    "import": (("i",), choose_sample_file),
    "new contact": (("n",), None),
    "edit": (("e",), None),
    "log a call": (("c",), None),
    "triage mode": (("T",), None),
    "palette": (("ctrl+p",), None),
    "duplicates": (("ctrl+p", *"duplicates", "enter"), None),
    "export": (("ctrl+p", *"export", "enter"), None),
    "help": (("f1",), None),
    "today": (("tab",), None),
    "time audit": (("tab", "a"), None),
    "session mode": (("tab", "S"), None),
}


async def storm(app: NetuiApp, pilot: Pilot[None], rng: random.Random, count: int) -> int:
    """Post ``count`` random keys in bursts; returns how many were sent before a quit."""
    sent = 0
    while sent < count:
        for _ in range(min(BURST, count - sent)):
            key = random_key(rng)
            post_key(app, key)
            sent += 1
            if key == "q":
                break
        await pilot.pause()
        if not app.is_running:
            break
    return sent


async def run_phase(db_path: Path, clock: FakeClock, size: tuple[int, int], phase: str) -> None:
    keys, then = PHASES[phase]
    rng = random.Random(f"{phase} {size} {os.environ.get(SEED_VARIABLE, '')}")
    left = KEYS_PER_PHASE
    while left > 0:
        app = NetuiApp(db_path, clock)
        async with app.run_test(size=size) as pilot:
            await app.workers.wait_for_complete()
            for _ in range(50):
                await pilot.pause()
                if app.services is not None and app.main_screen.loaded:
                    break
            if keys:
                await pilot.press(*keys)
                await pilot.pause()
            if then is not None:
                await then(app, pilot)
            left -= await storm(app, pilot, rng, left)
            if app.is_running:
                await app.workers.wait_for_complete()
                await pilot.pause()
        # Leaving run_test re-raises anything the app raised; a quit just starts a new app.


@pytest.fixture
def demo_db(tmp_path: Path, services: Services, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A 300-contact demo database, and a home and working folder of the test's own."""
    fill_demo(services, 300, seed=11)
    monkeypatch.setenv("HOME", str(tmp_path))  # exports default to ~/...
    monkeypatch.chdir(tmp_path)  # screenshots from the palette land here
    shutil.copy(SAMPLE, tmp_path / "a")  # a file a random path may name
    return services.path


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
@pytest.mark.parametrize("phase", list(PHASES), ids=list(PHASES))
async def test_a_storm_of_keys_crashes_nothing_and_leaves_the_file_sound(
    demo_db: Path, clock: FakeClock, phase: str, size: tuple[int, int]
) -> None:
    await run_phase(demo_db, clock, size, phase)
    checked = Netui(demo_db, clock).ok("db", "check")
    assert "Integrity: ok" in checked
