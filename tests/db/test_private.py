"""Every folder netui makes above its database is 0700, whatever the umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import NOW

from netui.db.engine import open_database
from netui.db.private import create_private_file, make_private_folders
from netui.domain.clock import FakeClock
from netui.services.maintenance import ensure_openable


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """Under umask 000 a folder made without a mode is 0777."""
    previous = os.umask(0)
    yield
    os.umask(previous)


@pytest.mark.usefixtures("open_umask")
def test_opening_makes_every_missing_level_private(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "c" / "netui.db"
    open_database(path, FakeClock(NOW)).close()
    assert [mode(p) for p in (tmp_path / "a", tmp_path / "a" / "b", path.parent)] == [0o700] * 3
    assert mode(path) == 0o600


@pytest.mark.usefixtures("open_umask")
def test_the_app_check_makes_every_missing_level_private(tmp_path: Path) -> None:
    ensure_openable(tmp_path / "x" / "y" / "netui.db")
    assert [mode(tmp_path / "x"), mode(tmp_path / "x" / "y")] == [0o700, 0o700]


@pytest.mark.usefixtures("open_umask")
def test_folders_that_exist_are_left_as_they_are(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    make_private_folders(shared / "mine")
    assert (mode(shared), mode(shared / "mine")) == (0o755, 0o700)


@pytest.mark.usefixtures("open_umask")
def test_a_private_file_is_0600_from_the_start(tmp_path: Path) -> None:
    path = tmp_path / "new" / "copy.db"
    create_private_file(path)
    assert (mode(path), mode(path.parent)) == (0o600, 0o700)
