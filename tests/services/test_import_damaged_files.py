"""A damaged row is reported and skipped while the rest goes in; binary files go nowhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from builders import CONNECTIONS, table_dump, write_linkedin

from netui.services.context import Services
from netui.services.importer import ImportFileUnusableError

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8


def linkedin_with_a_nul(path: Path) -> Path:
    """CONNECTIONS as a LinkedIn export (with its preamble) whose LENA row has a NUL byte."""
    write_linkedin(path, *CONNECTIONS)
    path.write_bytes(path.read_bytes().replace(b"Voss", b"Vo\x00ss"))
    return path


def test_a_nul_in_one_linkedin_row_costs_only_that_row(services: Services, tmp_path: Path) -> None:
    summary = services.imports.run(linkedin_with_a_nul(tmp_path / "Connections.csv"))

    assert summary.added == 3
    [problem] = summary.problems
    assert problem.row_number == 7  # three preamble rows, the header, Dana, Marcus, Lena
    assert problem.reason.startswith('is damaged: its "Last Name" value holds a NUL byte')
    names = sorted(row.full_name for row in services.contacts.list_rows())
    assert names == ["Dana Whitfield, PMP", "Marcus Oyelaran", "Priya Raman, MBA"]


def test_a_nul_in_one_generic_csv_row_costs_only_that_row(
    services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    path.write_bytes(
        b"Name,Company,Email\n"
        b"Dana Whitfield,Tidewell,dana@example.com\n"
        b"Lena Voss,Pinecrest\x00,lena@example.com\n"
        b"Marcus Oyelaran,Bluefen Labs,\n"
    )

    summary = services.imports.run(path)

    assert summary.added == 2
    [problem] = summary.problems
    assert problem.row_number == 3
    assert problem.reason.startswith('is damaged: its "Company" value holds a NUL byte')
    assert services.imports.batches()[0].problems == 1


@pytest.mark.parametrize(
    "content",
    [PNG_BYTES, bytes(range(256)) * 300],
    ids=["a PNG image renamed .csv", "binary data with no signature"],
)
def test_a_binary_file_is_refused_and_nothing_is_written(
    services: Services, add: Callable[..., int], tmp_path: Path, content: bytes
) -> None:
    add("Dana Whitfield")
    before = table_dump(services.path)
    path = tmp_path / "contacts.csv"
    path.write_bytes(content)

    with pytest.raises(ImportFileUnusableError) as raised:
        services.imports.run(path)

    message = str(raised.value)
    assert message.startswith(f"{path}: is ")
    assert "PNG image" in message or "is not a text file" in message
    assert "\n" not in message
    assert table_dump(services.path) == before
