"""``netui export`` names the real problem with PATH before guessing a format from it."""

from __future__ import annotations

from pathlib import Path

from cli_runner import Netui


def test_a_folder_is_said_to_be_a_folder(cmd: Netui, tmp_path: Path) -> None:
    cmd.ok("add", "Ann Lee")
    folder = tmp_path / "exports"
    folder.mkdir()
    for args in ([], ["--format", "csv"], ["--force"]):
        err = cmd.fail("export", str(folder), *args)
        assert (
            err == f"netui: error: {folder}: is a folder; give a file name, such as contacts.csv\n"
        )
    assert list(folder.iterdir()) == []
