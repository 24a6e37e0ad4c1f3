"""Whatever bytes a file holds, reading it raises ImportFileError or nothing at all."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netui.io import ImportedContact, ImportFileError, RowProblem, read_contacts

FORMATS = ["csv", "vcard", "auto"]

# Pieces of real files, so generated input also reaches the deeper parsing code.
TOKENS = [
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
    "Name,Email,Notes\n",
    "Notes:,,,,,\n",
    "BEGIN:VCARD\r\n",
    "END:VCARD\r\n",
    "VERSION:2.1\r\n",
    "VERSION:3.0\r\n",
    "FN:Dana Whitfield\r\n",
    "N:Whitfield;Dana;;;\r\n",
    "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:caf=C3=A9=\r\n",
    "item1.EMAIL;type=pref:dana@example.com\r\n",
    "X-SOCIALPROFILE;type=linkedin;x-user=dana:",
    " folded\r\n",
    "PHOTO;ENCODING=b:",
    "AGENT:\r\n",
    "Dana,Whitfield,,,Tidewell,Lead,07 Feb 2025\n",
    '"unterminated,',
    '""',
    ",",
    ";",
    "\t",
    "\r\n",
    "\n",
    "\r",
    ":::",
    "\\,",
    "\\n",
    "\x1b[31m",
    "\ufeff",
]

_counter = itertools.count()


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def read_all(directory: Path, data: bytes, format: str) -> None:
    path = directory / f"f{next(_counter)}.{'vcf' if format == 'vcard' else 'csv'}"
    path.write_bytes(data)
    message = ""
    try:
        for item in read_contacts(path, format=format):
            assert isinstance(item, ImportedContact | RowProblem)
            if isinstance(item, ImportedContact):
                assert item.full_name
                assert item.row_number >= 1
    except ImportFileError as error:  # the only exception allowed out
        message = str(error)
    finally:
        path.unlink()
    assert not message or str(path) in message


FUZZ = settings(
    max_examples=int(os.environ.get("NETUI_FUZZ_EXAMPLES", "200")),  # more for a deep run
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.parametrize("format", FORMATS)
@FUZZ
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes(fuzz_dir: Path, format: str, data: bytes) -> None:
    read_all(fuzz_dir, data, format)


@pytest.mark.parametrize("format", FORMATS)
@FUZZ
@given(text=st.text(max_size=800), encoding=st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_arbitrary_text(fuzz_dir: Path, format: str, text: str, encoding: str) -> None:
    read_all(fuzz_dir, text.encode(encoding, "surrogatepass"), format)


@pytest.mark.parametrize("format", FORMATS)
@FUZZ
@given(parts=st.lists(st.sampled_from(TOKENS) | st.text(max_size=12), max_size=60))
def test_arbitrary_pieces_of_real_files(fuzz_dir: Path, format: str, parts: list[str]) -> None:
    read_all(fuzz_dir, "".join(parts).encode("utf-8", "surrogatepass"), format)
