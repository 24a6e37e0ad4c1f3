"""Service tests use the root fixtures, plus a second database for restores."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from netui.domain.clock import FakeClock
from netui.services.context import Services, open_services


@pytest.fixture
def empty(tmp_path: Path, clock: FakeClock) -> Iterator[Services]:
    """Another database, new and empty, on the test's clock: where a backup is restored."""
    opened = open_services(tmp_path / "empty.db", clock)
    yield opened
    opened.close()
