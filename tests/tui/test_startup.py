"""Start-up hygiene: the first frame must not wait for the database stack, nor for what
the app builds only once that frame is out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = ("sqlalchemy", "alembic", "netui.db", "vobject")
AFTER_THE_FIRST_FRAME = (
    "netui.tui.panes.today",
    "netui.tui.panes.script",
    "netui.tui.widgets.script_editor",
    "netui.tui.settings_check",
)
"""What the app builds or checks only once its first frame is out."""


def loaded_by(imports: str, modules: tuple[str, ...]) -> list[str]:
    """Which of ``modules`` a fresh interpreter has loaded after ``import {imports}``."""
    code = f"import sys, {imports}; print(','.join(m for m in {modules!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return [name for name in result.stdout.strip().split(",") if name]


def test_importing_the_app_and_cli_leaves_the_database_stack_unloaded() -> None:
    assert loaded_by("netui.cli, netui.tui.app", HEAVY) == []


def test_importing_the_app_leaves_what_comes_after_the_first_frame_unloaded() -> None:
    assert loaded_by("netui.tui.app", AFTER_THE_FIRST_FRAME) == []


def test_the_check_can_see_a_loaded_module() -> None:
    """The two tests above would pass with a check that never finds anything."""
    assert loaded_by("netui.tui.panes.today", AFTER_THE_FIRST_FRAME) == ["netui.tui.panes.today"]


OPENING_FIRST = """
import sys
import textual.app
import netui.tui.loading as loading

started = []
start = loading.Opening.__init__

def noted(self, *args, **kwargs):
    started.append("netui.tui.app" in sys.modules)
    start(self, *args, **kwargs)

def instead_of_the_screen(app, *args, **kwargs):
    opened = app.opening.result()
    print(started, opened.total, flush=True)
    app.opening.close()

loading.Opening.__init__ = noted
textual.app.App.run = instead_of_the_screen
sys.argv = ["netui", "--db", sys.argv[1]]
from netui.cli import main
main()
"""


def test_netui_starts_reading_the_file_before_it_loads_the_app(tmp_path: Path) -> None:
    """The command hands the app an opening it started first: the file's first rows are
    read while the app's modules load (and the app does not open the file again)."""
    result = subprocess.run(
        [sys.executable, "-c", OPENING_FIRST, str(tmp_path / "netui.db")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "[False] 0"
