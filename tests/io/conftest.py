"""Shared builders for the import-reader tests.

Hand-written sample files live in ``fixtures/`` (every person in them is invented).
Byte-exact variants (line endings, delimiters, encodings, preambles) are generated
here from one set of LinkedIn rows, which is clearer than a file per combination.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from builders import LINKEDIN_HEADER

FIXTURES = Path(__file__).parent / "fixtures"

LINKEDIN_COLUMNS_7 = LINKEDIN_HEADER
LINKEDIN_COLUMNS_6 = tuple(c for c in LINKEDIN_COLUMNS_7 if c != "URL")

# (first, last, url, email, company, position, connected on)
LINKEDIN_ROWS: tuple[tuple[str, ...], ...] = (
    (
        "Dana",
        "Whitfield, PMP",
        "https://www.linkedin.com/in/dana-whitfield-4821",
        "",
        "Tidewell Systems",
        "Director of Operations",
        "07 Feb 2025",
    ),
    (
        "José",
        "Müller",
        "https://www.linkedin.com/in/jose-muller-77",
        "jose.mueller@example.de",
        "Café Noël GmbH",
        "Head of Sales",
        "16 Jan 2019",
    ),
    ("", "", "", "", "", "", "14 Jun 2021"),
    (
        "Lena",
        "Voss",
        "https://www.linkedin.com/in/lenavoss",
        "",
        "Pinecrest Health",
        "Senior Recruiter, EMEA",
        "03 Mar 2022",
    ),
)
LINKEDIN_NOTE = (
    "Email addresses appear only for connections who let their contacts download them; "
    "for everyone else the column is left blank."
)


def linkedin_csv(
    *,
    columns: int = 7,
    preamble: bool = True,
    padded: bool = False,
    delimiter: str = ",",
    newline: str = "\n",
    rows: Sequence[Sequence[str]] = LINKEDIN_ROWS,
) -> str:
    """A LinkedIn Connections.csv as text, in any of the shapes seen in the wild.

    ``padded`` fills the preamble lines out with delimiters, as a spreadsheet does
    when it re-saves the file.
    """
    header = LINKEDIN_COLUMNS_7 if columns == 7 else LINKEDIN_COLUMNS_6
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline)
    if preamble:
        pad = [""] * (len(header) - 1) if padded else []
        writer.writerow(["Notes:", *pad])
        writer.writerow([LINKEDIN_NOTE, *pad])
        if padded:
            writer.writerow(["", *pad])
        else:
            out.write(newline)
    writer.writerow(header)
    for row in rows:
        writer.writerow(row if columns == 7 else [row[0], row[1], *row[3:]])
    return out.getvalue()


@pytest.fixture
def make_linkedin() -> Callable[..., str]:
    return linkedin_csv


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write ``data`` (bytes, or text in ``encoding``) to a file named ``name``."""

    def write_file(name: str, data: bytes | str, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
        return path

    return write_file


@pytest.fixture
def fixture_path() -> Callable[[str], Path]:
    def find(name: str) -> Path:
        path = FIXTURES / name
        assert path.is_file(), path
        return path

    return find
