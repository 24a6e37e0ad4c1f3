"""Reading streams: big files in bounded memory, stats, early stops."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from netui.io import ContactReader, ImportedContact, ReadStats, read_contacts

Write = Callable[..., Path]

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def write_linkedin(path: Path, rows: int, encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as out:
        out.write('Notes:\n"A note."\n\n' + HEADER)
        for i in range(rows):
            if i % 1000 == 999:
                out.write(",,,,,,07 Feb 2025\n")
            else:
                out.write(
                    f"Person{i},Tester{i % 97},https://www.linkedin.com/in/p{i},,"
                    f"Company {i % 500},Role {i % 40},{1 + i % 28:02d} Mar 20{10 + i % 15}\n"
                )
    return path


@pytest.fixture(scope="module")
def big_linkedin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_linkedin(tmp_path_factory.mktemp("big") / "Connections.csv", 100_000)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])  # utf-16 needs transcoding
def test_rows_stream_in_bounded_memory(tmp_path: Path, encoding: str) -> None:
    # 20,000 rows keep the suite quick under tracemalloc; holding their contacts would
    # take about 10 MB, and the peak while streaming does not grow with the row count.
    path = write_linkedin(tmp_path / "Connections.csv", 20_000, encoding)
    stats = ReadStats()
    last = None
    count = 0

    tracemalloc.start()
    try:
        for item in read_contacts(path, stats=stats):
            count += 1
            last = item
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert count == 19_980
    assert (stats.contacts, stats.problems, stats.skipped_blank) == (19_980, 0, 20)
    assert isinstance(last, ImportedContact)
    assert last.row_number == 4 + 20_000 - 1  # the very last row is a date-only one
    assert peak < 5 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


def test_stopping_early_closes_the_file(big_linkedin: Path) -> None:
    items = read_contacts(big_linkedin)

    first = next(items)
    items.close()  # type: ignore[attr-defined]

    assert isinstance(first, ImportedContact)
    assert first.row_number == 5


def test_100k_rows_with_contact_reader_info_and_stats(big_linkedin: Path) -> None:
    reader = ContactReader(big_linkedin)

    assert reader.info.format == "linkedin"
    assert reader.stats.rows == 0
    for _ in reader:
        pass
    assert reader.stats.rows == 100_000
    assert reader.stats.skipped_blank == 100
