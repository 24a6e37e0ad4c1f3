"""A command that writes while another netui writes: it waits, then says so in one line."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_runner import Netui

import netui.cli.base
from netui.services.context import Services

SECRET = "Quincy Secretname"


@pytest.fixture
def lock(db_path: Path, services: Services) -> Iterator[sqlite3.Connection]:
    """Another program in the middle of a write: it holds SQLite's write lock."""
    other = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    yield other
    if other.in_transaction:
        other.execute("ROLLBACK")
    other.close()


def test_a_write_waits_for_a_short_lock_and_then_succeeds(
    db_path: Path, services: Services, lock: sqlite3.Connection
) -> None:
    release = threading.Timer(1.0, lock.execute, ("ROLLBACK",))
    started = time.perf_counter()
    release.start()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "netui", "--db", str(db_path), "add", SECRET],
            capture_output=True,
            text=True,
            timeout=30,
        )
    finally:
        release.join()
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Added #1 {SECRET}")
    assert time.perf_counter() - started >= 1.0  # it waited for the lock, not failed
    assert [c.full_name for c in services.contacts.find()] == [SECRET]


def test_a_write_that_waits_too_long_fails_in_one_line_with_no_data(
    cmd: Netui, services: Services, lock: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(netui.cli.base, "WRITE_WAIT_MS", 200)
    err = cmd.fail("add", SECRET, "--company", "Hidden Corp")
    assert err == (
        "netui: error: the database is busy: another netui is writing to it; "
        "nothing was changed, try again in a moment\n"
    )
    for leak in (SECRET, "Hidden Corp", "INSERT", "contact"):
        assert leak.lower() not in err.lower()
    lock.execute("ROLLBACK")
    assert services.contacts.is_empty()
