"""Unusable files raise ImportFileError naming the file and the problem, and nothing else."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from netui.io import ImportedContact, ImportFileError, RowProblem, read_contacts, sniff

Write = Callable[..., Path]
MakeLinkedin = Callable[..., str]

LINKEDIN_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def png_bytes() -> bytes:
    """A real (1x1) PNG image, built here rather than stored."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = (1).to_bytes(4, "big") * 2 + bytes((8, 2, 0, 0, 0))
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def problem_of(path: Path) -> str:
    with pytest.raises(ImportFileError) as caught:
        list(read_contacts(path))
    message = str(caught.value)
    assert str(path) in message
    return message


@pytest.mark.parametrize("name", ["photo.csv", "photo.vcf"])
def test_png_image(write: Write, name: str) -> None:
    assert "PNG image" in problem_of(write(name, png_bytes()))


def test_zip_archive_says_what_to_do(write: Write) -> None:
    message = problem_of(write("Basic_LinkedInDataExport.csv", b"PK\x03\x04" + bytes(200)))
    assert "unzip" in message


def test_random_binary_without_magic(write: Write) -> None:
    data = bytes(range(1, 32)) * 40  # control bytes, no NULs
    assert "not a text file" in problem_of(write("noise.csv", data))


@pytest.mark.parametrize(
    "data", [b"", b"   \r\n\r\n\t", b"\xef\xbb\xbf", b"\xff\xfe", b"\xef\xbb\xbf\r\n"]
)
def test_empty_file(write: Write, data: bytes) -> None:
    assert "is empty" in problem_of(write("empty.csv", data))


def test_header_only(write: Write, make_linkedin: MakeLinkedin) -> None:
    path = write("Connections.csv", make_linkedin(rows=[]))

    with pytest.raises(ImportFileError, match="no contacts found"):
        sniff(path)
    assert "no data rows" in problem_of(path)


def test_only_blank_and_date_only_rows(write: Write) -> None:
    path = write("Connections.csv", LINKEDIN_HEADER + ",,,,,,07 Feb 2025\n,,,,,,\n\n")

    message = problem_of(path)

    assert "no contacts found" in message
    assert "3 rows" in message


def test_no_usable_name_column(write: Write) -> None:
    path = write("companies.csv", "Company,Industry,Size\nCorvid Logistics,Freight,200\n")

    message = problem_of(path)

    assert "no usable name column" in message
    assert '"Company", "Industry", "Size"' in message


def test_nothing_that_looks_like_a_header(write: Write) -> None:
    message = problem_of(write("list.csv", "alpha,beta\ngamma,delta\n"))
    assert "no usable name column" in message


def test_json_is_named(write: Write) -> None:
    assert "JSON" in problem_of(write("backup.csv", '{"contacts": [{"name": "Mei Lin"}]}'))


def test_unterminated_quote_reports_where_it_began(write: Write) -> None:
    text = (
        LINKEDIN_HEADER
        + "Aiko,Tanabe,,,Saltmarsh Foods,Brand Lead,07 Feb 2025\n"
        + 'Oren,"Adler,,,Copperline Media,Research Fellow,03 Mar 2022\n'
        + "Mei,Lin,,,Greenmark,Controller,05 May 2021\n"
    )
    path = write("Connections.csv", text)
    seen: list[object] = []

    with pytest.raises(ImportFileError) as caught:
        seen.extend(read_contacts(path))

    message = str(caught.value)
    assert "row 3 (line 3)" in message
    assert "never closed" in message


def test_unterminated_quote_in_a_big_file(write: Write) -> None:
    row = "Aiko,Tanabe,,,Saltmarsh Foods,Brand Lead,07 Feb 2025\n"
    text = LINKEDIN_HEADER + row * 10 + 'Oren,"Adler,,,,\n' + row * 5_000
    path = write("Connections.csv", text)

    message = problem_of(path)

    assert "row 12 (line 12)" in message


def test_stray_quote_closed_much_later_is_a_row_problem(write: Write) -> None:
    row = "Aiko,Tanabe,,,Saltmarsh Foods,Brand Lead,07 Feb 2025\n"
    text = (
        LINKEDIN_HEADER
        + 'Oren,"Adler,,,Copperline Media,Research Fellow,03 Mar 2022\n'
        + row * 4
        + 'Mei,Lin",,,Greenmark,Controller,05 May 2021\n'
        + row
    )
    path = write("Connections.csv", text)

    first, last = read_contacts(path)

    assert isinstance(first, RowProblem)
    assert first.row_number == 2
    assert "several rows run together" in first.reason
    assert isinstance(last, ImportedContact)
    assert last.row_number == 3


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert "does not exist" in problem_of(tmp_path / "nope.csv")
    assert "folder" in problem_of(tmp_path)


def test_unknown_format(write: Write) -> None:
    path = write("Connections.csv", LINKEDIN_HEADER + "Aiko,Tanabe,,,,,\n")

    with pytest.raises(ImportFileError, match='unknown import format "excel"'):
        sniff(path, format="excel")


def test_format_names_are_forgiving(write: Write) -> None:
    path = write("Connections.csv", LINKEDIN_HEADER + "Aiko,Tanabe,,,,,\n")

    assert sniff(path, format=" LinkedIn ").format == "linkedin"


def test_errors_are_raised_when_called_not_when_iterated(write: Write) -> None:
    path = write("empty.csv", b"")

    with pytest.raises(ImportFileError):
        read_contacts(path)  # no iteration needed


def test_endless_line_is_refused_without_reading_it_whole(write: Write) -> None:
    path = write("Connections.csv", LINKEDIN_HEADER + "Aiko,Tanabe," + "x," * 1_500_000 + "\n")

    assert "line 2 is longer than 1,024 KB" in problem_of(path)
