"""Export files are written all or nothing, private, and never over a file by surprise."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from netui.errors import NetuiError
from netui.io.export_files import ExportFileError, atomic_text_file


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def write(path: Path, text: str, *, force: bool = False, then: object = None) -> None:
    """Write ``text`` through atomic_text_file; ``then`` is an exception to raise midway,
    or a callable to run midway."""
    with atomic_text_file(path, force=force) as out:
        out.write(text)
        if isinstance(then, BaseException):
            raise then
        if callable(then):
            then()


def test_the_file_appears_whole_and_private(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    old_umask = os.umask(0o022)
    try:
        with atomic_text_file(path) as out:
            out.write("a,b\r\n")
            assert not path.exists()  # nothing at the name until the end
    finally:
        os.umask(old_umask)
    assert path.read_bytes() == b"a,b\r\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert leftovers(tmp_path) == ["out.csv"]


def test_a_failure_leaves_nothing_behind(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    with pytest.raises(RuntimeError, match="disk on fire"):
        write(path, "half a file", then=RuntimeError("disk on fire"))
    assert leftovers(tmp_path) == []


def test_a_failure_keeps_the_old_file_even_with_force(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_text("precious")
    with pytest.raises(RuntimeError):
        write(path, "new", force=True, then=RuntimeError("stop"))
    assert path.read_text() == "precious"
    assert leftovers(tmp_path) == ["out.csv"]


def test_an_existing_file_is_refused_without_force(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_text("precious")
    with pytest.raises(ExportFileError, match=r"out\.csv: already exists.*--force"):
        write(path, "new")
    assert path.read_text() == "precious"
    with atomic_text_file(path, force=True) as out:
        out.write("replaced")
    assert path.read_text() == "replaced"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_file_that_appears_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    with pytest.raises(ExportFileError, match="already exists"):
        write(path, "mine", then=lambda: path.write_text("someone else's"))
    assert path.read_text() == "someone else's"
    assert leftovers(tmp_path) == ["out.csv"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing/out.csv", "the folder .* does not exist"),
        (".", "is a folder"),
    ],
)
def test_unusable_destinations(tmp_path: Path, name: str, message: str) -> None:
    with pytest.raises(ExportFileError, match=message) as caught:
        write(tmp_path / name, "x")
    assert isinstance(caught.value, NetuiError)
