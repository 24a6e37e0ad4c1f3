"""A netui killed with SIGKILL mid-session: the next look offers keep, stop or discard."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from builders import NOW
from cli_runner import Netui
from timezones import local_zone_as

from netui.domain.clock import FakeClock

# A netui that starts a session, beats for three minutes of its (fake) time, then sits
# between ticks until it is killed, its connection to the database still open.
WATCHING_NETUI = """
import sys
import time
from datetime import datetime
from pathlib import Path

from netui.domain.clock import FakeClock
from netui.services.context import open_services

clock = FakeClock(datetime.fromisoformat(sys.argv[2]))
services = open_services(Path(sys.argv[1]), clock)
services.timer.start(watched=True)
for _ in range(4):
    clock.advance(seconds=45)
    services.timer.heartbeat()
print("beating", flush=True)
while True:
    time.sleep(0.05)
"""


@pytest.fixture(autouse=True)
def in_lisbon() -> Iterator[None]:
    with local_zone_as("Europe/Lisbon"):
        yield


@pytest.fixture
def killed(db: Path) -> Path:
    child = subprocess.Popen(
        [sys.executable, "-c", WATCHING_NETUI, str(db), NOW.isoformat()],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
    )
    assert child.stdout is not None
    try:
        assert child.stdout.readline().strip() == "beating"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    return db


@pytest.mark.parametrize(
    ("choice", "running", "today_minutes"),
    [("keep", True, 33), ("stop", False, 3), ("discard", False, 0)],
)
def test_after_a_kill_the_timer_offers_three_choices(
    killed: Path, cmd: Netui, clock: FakeClock, choice: str, running: bool, today_minutes: int
) -> None:
    clock.now = NOW + timedelta(minutes=33)
    lines = cmd.ok("timer", "status").splitlines()
    assert lines[1].startswith("Interrupted: netui last saw this session at 15:03 (30:00 ago")
    assert lines[2].startswith("Choose: netui timer resolve keep (count 33:00), stop")

    cmd.ok("timer", "resolve", choice)
    status = cmd.json("timer", "status")
    assert (status["running"], status["today_minutes"]) == (running, today_minutes)
    assert status["interrupted"] is None
    connection = sqlite3.connect(killed)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        connection.close()
