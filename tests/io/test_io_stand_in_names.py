"""Rows with no person's name: a display name, a nickname or (in address books) a company."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from netui.io import ImportedContact, RowProblem, read_contacts, sniff
from netui.io.names import display_name

Write = Callable[..., Path]

OUTLOOK_HEADER = (
    "First Name",
    "Last Name",
    "Nickname",
    "Company",
    "Job Title",
    "E-mail Address",
    "E-mail Display Name",
    "Mobile Phone",
)
GOOGLE_HEADER = (
    "First Name",
    "Last Name",
    "Nickname",
    "File As",
    "Organization Name",
    "Labels",
    "E-mail 1 - Value",
)


def csv_text(header: Sequence[str], *rows: Sequence[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def read(path: Path) -> list[ImportedContact | RowProblem]:
    return list(read_contacts(path))


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("Ann Lee (ann@example.com)", "Ann Lee"),
        ("Ann Lee <ann@example.com>", "Ann Lee"),
        ('"Ann Lee" <ann@example.com>', "Ann Lee"),
        ("Lee, Ann", "Lee, Ann"),
        ("Acme (Sales)", "Acme (Sales)"),  # brackets without an address stay
        ("ann@example.com", ""),  # an address is never a name
        ("<ann@example.com>", ""),
        ("mailto:ann@example.com", ""),
        ("ann@example.com (ann@example.com)", ""),
        ("", ""),
    ],
)
def test_display_name(value: str, name: str) -> None:
    assert display_name(value) == name


def test_outlook_rows_named_by_display_name_or_company(write: Write) -> None:
    path = write(
        "outlook.csv",
        csv_text(
            OUTLOOK_HEADER,
            ("", "", "", "", "", "ann@example.com", "Ann Lee (ann@example.com)", ""),
            ("", "", "Bo", "", "", "bo@example.com", "Bo Chen (bo@example.com)", ""),
            ("", "", "", "Corvid Logistics", "", "info@corvid.example", "info@corvid.example", ""),
            ("", "", "", "", "Buyer", "cy@example.com", "cy@example.com", "555 0101"),
        ),
    )

    assert sniff(path).mapping["E-mail Display Name"] == "display_name"
    ann, bo, corvid, nameless = read(path)

    assert isinstance(ann, ImportedContact)
    assert (ann.full_name, ann.first_name, ann.last_name) == ("Ann Lee", "Ann", "Lee")
    assert isinstance(bo, ImportedContact)
    assert bo.full_name == "Bo Chen"  # the display name comes before a nickname
    assert isinstance(corvid, ImportedContact)
    assert (corvid.full_name, corvid.first_name, corvid.last_name) == ("Corvid Logistics", "", "")
    assert corvid.company == "Corvid Logistics"
    assert nameless == RowProblem(
        5,
        'no name or company (columns "First Name"/"Last Name"/"Nickname"/"Company"/'
        '"E-mail Display Name" are empty; the row has only a job title, an email address '
        "and a phone number)",
    )


def test_google_rows_named_by_file_as_or_company(write: Write) -> None:
    path = write(
        "google.csv",
        csv_text(
            GOOGLE_HEADER,
            ("", "", "", "Lee, Ann", "", "* myContacts", "ann@example.com"),
            ("", "", "", "bo@example.com", "Harbor & Finch", "* myContacts", "bo@example.com"),
            ("", "", "", "", "", "* myContacts", "cy@example.com ::: cy@work.example"),
        ),
    )

    assert sniff(path).format == "google"
    ann, harbor, nameless = read(path)

    assert isinstance(ann, ImportedContact)
    assert (ann.full_name, ann.first_name, ann.last_name) == ("Lee, Ann", "Ann", "Lee")
    assert isinstance(harbor, ImportedContact)
    assert (harbor.full_name, harbor.first_name, harbor.company) == (
        "Harbor & Finch",
        "",
        "Harbor & Finch",
    )
    assert isinstance(nameless, RowProblem)
    assert nameless.row_number == 4
    assert nameless.reason.endswith("are empty; the row has only 2 email addresses)")


def test_a_legacy_google_row_with_only_a_company(write: Write) -> None:
    header = ("Name", "Given Name", "Family Name", "Group Membership", "Organization 1 - Name")
    path = write("google.csv", csv_text(header, ("", "", "", "* myContacts", "Oakhaven Credit")))

    [oakhaven] = read(path)

    assert isinstance(oakhaven, ImportedContact)
    assert (oakhaven.full_name, oakhaven.last_name) == ("Oakhaven Credit", "")


def test_a_mapped_display_name_column_in_any_csv(write: Write) -> None:
    path = write("people.csv", csv_text(("Shown As", "Email"), ("Ann Lee (ann@example.com)", "")))

    [ann] = read_contacts(path, mapping={"Shown As": "display_name"})

    assert isinstance(ann, ImportedContact)
    assert (ann.full_name, ann.first_name, ann.last_name) == ("Ann Lee", "Ann", "Lee")


def test_a_company_is_no_name_outside_address_books(write: Write) -> None:
    path = write("people.csv", csv_text(("Name", "Company"), ("", "Corvid Logistics")))

    [problem] = read(path)

    assert problem == RowProblem(2, 'no name (column "Name" is empty; the row has only a company)')
