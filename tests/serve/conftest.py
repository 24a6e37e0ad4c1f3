"""The ``cmd`` runner for netui serve's in-process tests, and a port nobody listens on."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from cli_runner import Netui

from netui.domain.clock import FakeClock


@pytest.fixture
def cmd(db_path: Path, clock: FakeClock) -> Netui:
    """Runs ``netui --db DB_PATH ...`` in-process (as the CLI tests do)."""
    return Netui(db_path, clock)


@pytest.fixture
def free_port() -> int:
    """A port free a moment ago (the system's pick), for a server of the test's own."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
