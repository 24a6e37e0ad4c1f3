"""Run the real ``netui`` command in-process on a temporary database, at a fixed time."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import Netui

from netui.domain.clock import FakeClock


@pytest.fixture
def db(db_path: Path) -> Path:
    return db_path


@pytest.fixture
def cmd(db: Path, clock: FakeClock) -> Netui:
    """Runs ``netui`` on the test's database, telling time by the test's clock."""
    return Netui(db, clock)
