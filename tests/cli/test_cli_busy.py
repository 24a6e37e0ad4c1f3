"""A command that writes while another netui writes: it waits, then says so in one line."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from builders import WriteLock
from cli_runner import Netui

import netui.cli.base
from netui.services.context import Services

SECRET = "Quincy Secretname"


def test_a_write_waits_for_a_short_lock_and_then_succeeds(
    db_path: Path, services: Services, write_lock: WriteLock
) -> None:
    write_lock.take()
    release = threading.Timer(1.0, write_lock.release)
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
    cmd: Netui, services: Services, write_lock: WriteLock, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_lock.take()
    monkeypatch.setattr(netui.cli.base, "WRITE_WAIT_MS", 200)
    err = cmd.fail("add", SECRET, "--company", "Hidden Corp")
    assert err == (
        "netui: error: the database is busy: another netui is writing to it; "
        "nothing was changed, try again in a moment\n"
    )
    for leak in (SECRET, "Hidden Corp", "INSERT", "contact"):
        assert leak.lower() not in err.lower()
    write_lock.release()
    assert services.contacts.is_empty()
