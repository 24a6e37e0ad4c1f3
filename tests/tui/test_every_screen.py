"""Every screen of netui at 80x24 and 160x48, as pictures to review.

One table: a scene's name, the world in its database, how to open it, and the sizes it
still needs. A size another snapshot file already draws is left out here (see COVERED);
the welcome, the goal and keywords dialogs and the stats screen have both sizes elsewhere
(test_first_run_snapshots.py, test_stats_snapshots.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from builders import AppFactory
from screen_scenes import (
    Opener,
    World,
    a_full_top20,
    a_week_in,
    an_interrupted_session,
    duplicates,
    edit_conflict,
    export_dialog,
    help_searched,
    import_preview,
    in_pane,
    in_session,
    nothing,
    pressing,
    referral_offer,
    settle,
    stay,
    still,
    swap_top20,
)
from textual.pilot import Pilot
from timezones import local_zone_as

from netui.domain.clock import FakeClock
from netui.services.context import Services
from netui.tui.app import NetuiApp

SnapCompare = Callable[..., bool]
NARROW, WIDE = "80x24", "160x48"
SIZES = {NARROW: (80, 24), WIDE: (160, 48)}


@dataclass(frozen=True, slots=True)
class Scene:
    opener: Opener
    world: World = a_week_in
    covered: str = ""
    """A size drawn by another snapshot test (named in COVERED), so not drawn again here."""


SCENES: dict[str, Scene] = {
    "contacts": Scene(in_pane("contacts-pane"), covered=NARROW),
    "today": Scene(in_pane("today-pane"), covered=NARROW),
    "script": Scene(in_pane("script-pane"), covered=NARROW),
    "help": Scene(pressing("f1")),
    "help_search": Scene(help_searched),
    "palette": Scene(pressing("ctrl+p")),
    "new_contact": Scene(pressing("n")),
    "edit_contact": Scene(pressing("e")),
    "log_call": Scene(pressing("c")),
    "referral_offer": Scene(referral_offer),
    "triage": Scene(pressing("T")),
    "import_wizard": Scene(pressing("i"), world=nothing),
    "import_preview": Scene(import_preview, world=nothing, covered=NARROW),
    "export": Scene(export_dialog),
    "duplicates": Scene(duplicates),
    "swap_top20": Scene(swap_top20, world=a_full_top20),
    "edit_conflict": Scene(edit_conflict),
    "time_audit": Scene(in_pane("today-pane", "a")),
    "timer_recovery": Scene(stay, world=an_interrupted_session),
    "session_mode": Scene(in_session(), covered=NARROW),
    "session_summary": Scene(in_session("escape")),
    "follow_up": Scene(in_session("f")),
    "script_new": Scene(in_pane("script-pane", "n")),
    "script_rename": Scene(in_pane("script-pane", "r")),
    "revisions": Scene(in_pane("script-pane", "h")),
    "text_view": Scene(in_pane("script-pane", "v")),
    "confirm": Scene(in_pane("script-pane", "delete")),
}
COVERED = {
    ("contacts", NARROW): "test_snapshots.py::test_main_screen_narrow",
    ("today", NARROW): "test_today_snapshots.py::test_today_mid_session_narrow",
    ("script", NARROW): "test_script_snapshots.py::test_script_pane_narrow",
    ("import_preview", NARROW): "test_snapshots.py::test_import_preview_narrow",
    ("session_mode", NARROW): "test_today_snapshots.py::test_session_mode_narrow",
}
CASES = [
    pytest.param(name, size, id=f"{name}-{size}")
    for name, scene in SCENES.items()
    for size in SIZES
    if size != scene.covered
]


@pytest.fixture(autouse=True)
def in_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Times in UTC, and the repository root as the working folder (the sample file)."""
    monkeypatch.chdir(Path(__file__).parents[2])
    with local_zone_as("UTC"):
        yield


def test_a_size_left_out_is_drawn_by_the_snapshot_named() -> None:
    left_out = {(name, scene.covered) for name, scene in SCENES.items() if scene.covered}
    assert left_out == set(COVERED)
    pictures = Path(__file__).parent / "__snapshots__"
    for where in COVERED.values():
        module, test = where.split(".py::")
        assert (pictures / module / f"{test}.svg").is_file(), where


@pytest.mark.parametrize(("scene", "size"), CASES)
def test_screen(
    services: Services,
    clock: FakeClock,
    make_app: AppFactory,
    snap_compare: SnapCompare,
    scene: str,
    size: str,
) -> None:
    chosen = SCENES[scene]
    chosen.world(services, clock)

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await chosen.opener(pilot)
        app = pilot.app
        assert isinstance(app, NetuiApp)
        still(app)
        await pilot.pause(0.2)

    assert snap_compare(make_app(), terminal_size=SIZES[size], run_before=run_before)
