"""Start-up hygiene: the first frame must not wait for the database stack, nor for what
the app builds only once that frame is out."""

from __future__ import annotations

import subprocess
import sys

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
