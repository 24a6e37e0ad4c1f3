"""A full disk: each command says so in one line, and leaves nothing half-written.

For the database, SQLite's ``max_page_count`` on every connection netui opens stops the
file from growing by a single page, as a full disk would; for an export file, the writes
fail with ENOSPC part-way through.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from builders import table_dump, write_csv
from cli_runner import Netui
from full_disk import FULL as DISK_FULL
from full_disk import LONG, fill_the_disk

import netui.io.export_csv
import netui.services.backup

FULL = f"netui: error: {DISK_FULL}\n"


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    fill_the_disk(monkeypatch)


EVERYONE = [str(n) for n in range(1, 301)]


@pytest.fixture
def people(cmd: Netui, db: Path) -> Path:
    cmd.ok("demo", "--contacts", str(len(EVERYONE)))
    return db


@pytest.mark.parametrize(
    "args",
    [
        ["add", "Ann Lee", "--notes", LONG],
        ["edit", "1", "--notes", LONG],
        ["set", *EVERYONE, "--status", "archived"],
        ["set", *EVERYONE, "--strength", "4"],
        ["log", "1", "--channel", "call", "--outcome", "talked", "--note", LONG],
    ],
    ids=lambda args: args[0],
)
def test_a_write_on_a_full_disk_says_so_and_changes_nothing(
    cmd: Netui, people: Path, full_disk: None, args: list[str]
) -> None:
    before = table_dump(people)
    assert cmd.fail(*args) == FULL
    assert table_dump(people) == before


def test_an_import_on_a_full_disk_leaves_none_of_its_rows(
    cmd: Netui, people: Path, full_disk: None, tmp_path: Path
) -> None:
    rows = [[f"New Person {n}", f"new{n}@example.com", LONG[:500]] for n in range(200)]
    source = write_csv(tmp_path / "people.csv", ["Name", "Email", "Notes"], rows)
    before = table_dump(people)
    assert cmd.fail("import", str(source)) == FULL
    assert table_dump(people) == before
    assert cmd.ok("import", "--list") == "No imports yet: netui import FILE brings contacts in.\n"


class FillsUp:
    """A text stream on a disk with ``room`` characters left."""

    def __init__(self, stream: Any, room: int) -> None:
        self.stream = stream
        self.room = room

    def write(self, text: str) -> int:
        if len(text) > self.room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.room -= len(text)
        return int(self.stream.write(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


@pytest.mark.parametrize(
    ("name", "module", "writer"),
    [
        ("contacts.csv", netui.io.export_csv, "write_csv"),
        ("backup.json", netui.services.backup, "write_backup"),
    ],
)
def test_an_export_to_a_full_disk_leaves_no_file(
    cmd: Netui,
    people: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    module: ModuleType,
    writer: str,
) -> None:
    real = getattr(module, writer)

    def writes_until_full(first: Any, out: Any, *rest: Any) -> Any:
        return real(first, FillsUp(out, 2000), *rest)

    def writes_until_full_json(out: Any, *rest: Any) -> Any:
        return real(FillsUp(out, 2000), *rest)

    patched = writes_until_full_json if writer == "write_backup" else writes_until_full
    monkeypatch.setattr(module, writer, patched)
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / name
    err = cmd.fail("export", str(target))
    assert err == f"netui: error: {target}: cannot be written (no space left on device)\n"
    assert os.listdir(folder) == []
