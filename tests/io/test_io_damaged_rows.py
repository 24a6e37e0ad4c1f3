"""A NUL byte in one row costs that row, not the file; mostly binary files are refused."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import pytest

from netui.io import ImportedContact, ImportFileError, RowProblem, read_contacts

Write = Callable[..., Path]

LINKEDIN_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
AIKO = "Aiko,Tanabe,,,Saltmarsh Foods,Brand Lead,07 Feb 2025\n"
MEI = "Mei,Lin,,,Greenmark,Controller,05 May 2021\n"


def split(path: Path) -> tuple[list[ImportedContact], list[RowProblem]]:
    items = list(read_contacts(path))
    contacts = [item for item in items if isinstance(item, ImportedContact)]
    problems = [item for item in items if isinstance(item, RowProblem)]
    return contacts, problems


@pytest.mark.parametrize("rows_before", [3, 2_000])  # 2,000 rows put it past the first 64 KB
def test_a_nul_in_one_linkedin_row_costs_only_that_row(write: Write, rows_before: int) -> None:
    text = LINKEDIN_HEADER + AIKO * rows_before + "Oren,Ad\x00ler,,,,,\n" + MEI
    path = write("Connections.csv", text)

    contacts, problems = split(path)

    assert len(contacts) == rows_before + 1
    assert contacts[-1].full_name == "Mei Lin"
    [problem] = problems
    assert problem.row_number == rows_before + 2  # the header is row 1
    assert problem.reason.startswith('is damaged: its "Last Name" value holds a NUL byte')


def test_a_nul_in_one_generic_csv_row_costs_only_that_row(write: Write) -> None:
    text = (
        "Name,Email,Company\n"
        "Ann Lee,ann@example.com,Acme\n"
        "Bo Chen,bo@exa\x00mple.com,\n"
        "Cy Park,cy@example.com,\n"
    )
    contacts, problems = split(write("people.csv", text))

    assert [c.full_name for c in contacts] == ["Ann Lee", "Cy Park"]
    assert problems == [
        RowProblem(
            3,
            'is damaged: its "Email" value holds a NUL byte, which no text export contains '
            "(check this row in the file and add the person by hand)",
        )
    ]


def test_a_run_of_nuls_from_a_crash_is_one_damaged_row(write: Write) -> None:
    # A file cut off by a crash often ends in a block of zeros: far more NUL bytes than
    # text, but on one line, so it is still a text file with one damaged row.
    path = write("Connections.csv", (LINKEDIN_HEADER + AIKO + MEI).encode() + bytes(4096))

    contacts, problems = split(path)

    assert [c.full_name for c in contacts] == ["Aiko Tanabe", "Mei Lin"]
    assert [p.row_number for p in problems] == [4]


def test_utf16_exports_are_nul_heavy_and_still_read(write: Write) -> None:
    text = (
        "Name,Given Name,Family Name,Group Membership,E-mail 1 - Value\r\n"
        "Talia Soriano,Talia,Soriano,* myContacts,talia@example.com\r\n"
        "Ravi Iyer,Ravi,Iy\x00er,* myContacts,ravi@example.org\r\n"
        "Mei Lin,Mei,Lin,* myContacts,mei@example.net\r\n"
    )
    path = write("google.csv", codecs.BOM_UTF16_LE + text.encode("utf-16-le"))

    contacts, problems = split(path)

    assert [c.full_name for c in contacts] == ["Talia Soriano", "Mei Lin"]
    assert [(p.row_number, p.reason[:39]) for p in problems] == [
        (3, 'is damaged: its "Family Name" value hol')
    ]


def test_a_nul_in_one_vcard_costs_only_that_card(write: Write) -> None:
    text = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Ch\x00en\r\nEND:VCARD\r\n"
    )
    items = list(read_contacts(write("people.vcf", text)))

    assert isinstance(items[0], ImportedContact)
    assert items[1] == RowProblem(
        2,
        "is damaged: line 7 holds a NUL byte, which no text export contains "
        "(the card starting on line 5)",
    )


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (bytes(range(256)) * 64, "lines at its start hold NUL or other control bytes"),
        (b"\x00\x01\x02\x03" * 1000, "its start holds NUL or other control bytes and no line"),
    ],
    ids=["random bytes", "no line breaks"],
)
def test_mostly_binary_files_are_refused_whole(write: Write, data: bytes, said: str) -> None:
    path = write("export.csv", data)

    with pytest.raises(ImportFileError) as caught:
        list(read_contacts(path))

    message = str(caught.value)
    assert message.startswith(f"{path}: is not a text file (it looks like binary data: ")
    assert said in message


def test_a_file_with_most_rows_damaged_is_refused(write: Write) -> None:
    bad = "Oren,Ad\x00ler,,,,,\n"
    path = write("Connections.csv", LINKEDIN_HEADER + bad * 3 + AIKO)

    with pytest.raises(ImportFileError, match="3 of the 5 lines"):
        list(read_contacts(path))
