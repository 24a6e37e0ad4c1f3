"""One import is one transaction: a failure or a killed process leaves the database as before."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from builders import CONNECTIONS, table_dump, write_csv, write_linkedin

from netui.domain.clock import FakeClock
from netui.io import ContactReader, ImportedContact, RowProblem
from netui.services import importer
from netui.services.context import Services, open_services

ROWS_BEFORE_FAILING = 4500  # past two chunks of inserts, so rows were written before it


class FailingReader(ContactReader):
    """A reader whose file "goes bad" after some rows."""

    def __iter__(self) -> Iterator[ImportedContact | RowProblem]:
        for number, item in enumerate(super().__iter__()):
            if number == ROWS_BEFORE_FAILING:
                raise RuntimeError("disk went away")
            yield item


def test_an_error_half_way_rolls_the_whole_import_back(
    services: Services, add: Callable[..., int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add("Lena Voss", company="Pinecrest Health")
    services.imports.run(write_linkedin(tmp_path / "first.csv", *CONNECTIONS))
    rows = [(f"Person {i:05d}", f"p{i}@example.com", "Tidewell") for i in range(6000)]
    rows[10] = ("Lena Voss", "lena@pinecrest.example", "Pinecrest Health")  # an update too
    path = write_csv(tmp_path / "big.csv", ("Name", "Email", "Company"), rows)
    before = table_dump(services.path)
    monkeypatch.setattr(importer, "ContactReader", FailingReader)

    with pytest.raises(RuntimeError, match="disk went away"):
        services.imports.run(path)

    assert table_dump(services.path) == before
    monkeypatch.undo()
    assert services.imports.run(path).added == 5999  # and the database is fine to use


KILLED_IMPORT = """
import sys
from pathlib import Path
from netui.domain.clock import system_clock
from netui.services.context import open_services

services = open_services(Path(sys.argv[2]), system_clock)
services.imports.run(Path(sys.argv[1]), progress=lambda done, total: print(done, flush=True))
print("finished", flush=True)
"""


def test_a_killed_import_leaves_nothing_behind(tmp_path: Path, clock: FakeClock) -> None:
    db_path = tmp_path / "netui.db"
    services = open_services(db_path, clock)
    services.imports.run(write_linkedin(tmp_path / "first.csv", *CONNECTIONS))
    services.close()
    before = table_dump(db_path)
    rows = [
        (f"Person{i:06d}", "Example", f"person-{i:06d}", "", "Tidewell Systems", "Engineer", "")
        for i in range(80_000)
    ]
    big = write_linkedin(tmp_path / "big.csv", *rows)

    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_IMPORT, str(big), str(db_path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
    )
    assert child.stdout is not None
    seen = 0
    for line in child.stdout:
        assert line.strip() != "finished", "the import ended before it could be killed"
        seen = int(line)
        if seen >= 12_000:  # several chunks of contacts are inserted by now
            os.kill(child.pid, signal.SIGKILL)
            break
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert seen >= 12_000

    connection = sqlite3.connect(db_path)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()
    assert table_dump(db_path) == before
    services = open_services(db_path, clock)
    try:
        assert services.contacts.counts().total == len(CONNECTIONS)
        assert len(services.imports.batches()) == 1
    finally:
        services.close()
