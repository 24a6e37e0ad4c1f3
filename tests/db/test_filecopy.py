"""A database copy is private from its first byte, and whole or not there at all."""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from damage import filled_database

from netui.db.filecopy import backup_file
from netui.services.context import Services


@contextmanager
def files_limited_to(size: int) -> Iterator[None]:
    """Writing past ``size`` bytes of any file fails (EFBIG), as a full disk would."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def test_the_copy_is_private_under_any_umask(services: Services, tmp_path: Path) -> None:
    services.contacts.counts()
    dest = tmp_path / "copies" / "copy.db"
    dest.parent.mkdir()
    previous = os.umask(0)
    try:
        backup_file(services.path, dest)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    assert os.listdir(dest.parent) == ["copy.db"]


def test_a_failed_copy_leaves_nothing_and_keeps_what_was_there(tmp_path: Path) -> None:
    source = tmp_path / "notes.db"
    source.write_text("not a database, so the copy fails")
    dest = tmp_path / "copies" / "copy.db"
    dest.parent.mkdir()
    dest.write_bytes(b"yesterday's copy")
    with pytest.raises(sqlite3.DatabaseError):
        backup_file(source, dest)
    assert dest.read_bytes() == b"yesterday's copy"
    assert os.listdir(dest.parent) == ["copy.db"]


def test_a_copy_cut_short_leaves_no_half_file(tmp_path: Path) -> None:
    source = filled_database(tmp_path / "netui.db", contacts=300)
    dest = tmp_path / "copies" / "copy.db"
    dest.parent.mkdir()
    with pytest.raises(sqlite3.Error), files_limited_to(source.stat().st_size // 2):
        backup_file(source, dest)
    assert os.listdir(dest.parent) == []
