"""Google Contacts and Outlook CSV exports."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from netui.io import ContactReader, ImportedContact, RowProblem, read_contacts, sniff

Write = Callable[..., Path]
Fixture = Callable[[str], Path]


def test_google_current_export(fixture_path: Fixture) -> None:
    reader = ContactReader(fixture_path("google_current.csv"))
    items = list(reader)

    assert reader.info.format == "google"
    assert reader.info.mapping["Organization Title"] == "title"
    assert reader.info.mapping["E-mail 2 - Value"] == "emails"
    assert "E-mail 1 - Label" not in reader.info.mapping
    ines, kwame, nameless, bram = items
    assert isinstance(kwame, ImportedContact)
    assert isinstance(bram, ImportedContact)
    assert ines == ImportedContact(
        row_number=2,
        full_name="Ines Quiroga",
        first_name="Ines",
        last_name="Quiroga",
        company="Lumen Ridge Software",
        title="Staff Engineer",
        emails=("ines.quiroga@example.com", "ines@lumenridge.example"),
        phones=("+1 503-555-0142",),
        linkedin_url="https://www.linkedin.com/in/ines-quiroga",
        notes="Met at the Portland data meetup.\nOffered to review my resume.",
        tags=("Mentors",),  # "* myContacts" and "* starred" are system labels
    )
    assert kwame.full_name == "Kwame Kofi Mensah Jr."
    assert (kwame.first_name, kwame.last_name) == ("Kwame", "Mensah")
    assert kwame.phones == ("+44 20 7946 0811", "+44 7700 900123")
    assert kwame.tags == ("Former colleagues",)
    assert nameless == RowProblem(
        4,
        'no name or company (columns "First Name"/"Last Name"/"Nickname"/"File As"/'
        '"Organization Name" are empty; the row has only an email address)',
    )
    assert bram.row_number == 6
    assert bram.full_name == "Bram"  # a nickname stands in for a missing name
    assert reader.stats.skipped_blank == 1  # a row with nothing but "* myContacts"


def _legacy_text(fixture_path: Fixture, delimiter: str) -> str:
    text = fixture_path("google_legacy.csv").read_text(encoding="utf-8")
    if delimiter == "\t":
        out = io.StringIO()
        writer = csv.writer(out, delimiter="\t", lineterminator="\r\n")
        writer.writerows(csv.reader(io.StringIO(text, newline="")))
        text = out.getvalue()
    return text


@pytest.mark.parametrize("delimiter", [",", "\t"])
@pytest.mark.parametrize(
    ("codec", "bom", "reported"),
    [
        ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16-le"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16-be"),
        ("utf-16-le", b"", "utf-16-le"),  # no BOM: found from the NUL-byte pattern
        ("utf-16-be", b"", "utf-16-be"),
        ("utf-8", b"", "utf-8"),
    ],
)
def test_google_legacy_export(
    fixture_path: Fixture, write: Write, delimiter: str, codec: str, bom: bytes, reported: str
) -> None:
    data = bom + _legacy_text(fixture_path, delimiter).encode(codec)
    path = write("google.csv", data)

    info = sniff(path)
    talia, ravi = read_contacts(path)

    assert (info.format, info.encoding, info.delimiter) == ("google", reported, delimiter)
    assert info.columns[0] == "Name"  # no BOM debris in the first column
    assert isinstance(talia, ImportedContact)
    assert isinstance(ravi, ImportedContact)
    assert talia.full_name == "Talia Soriano"
    assert talia.notes == "Sister of a college roommate.\nWorks in climate finance."
    assert talia.tags == ("Friends",)
    assert talia.company == "Greenmark Capital"
    assert talia.title == "Associate"
    assert talia.linkedin_url == "https://www.linkedin.com/in/taliasoriano"
    assert ravi.emails == ("ravi.iyer@example.org", "r.iyer@example.net")
    assert ravi.phones == ("+1 408-555-0119", "+1 408-555-0120")
    assert ravi.tags == ()  # "* myContacts ::: * Coworkers": all system groups


def test_outlook_desktop_export(fixture_path: Fixture) -> None:
    path = fixture_path("outlook_desktop.csv")
    reader = ContactReader(path)
    items = list(reader)

    assert len(reader.info.columns) == 92
    assert reader.info.format == "outlook"
    assert "Title" not in reader.info.mapping  # "Ms.", "Dr.": not a job title
    assert "Birthday" not in reader.info.mapping
    maren, jonah, corvid = items
    assert isinstance(jonah, ImportedContact)
    assert maren == ImportedContact(
        row_number=2,
        full_name="Maren Lund",
        first_name="Maren",
        last_name="Lund",
        company="Saltmarsh Foods",
        title="Brand Director",
        emails=("maren.lund@example.com", "mlund@example.org"),
        phones=("(206) 555-0133", "(206) 555-0188"),
        linkedin_url="https://www.linkedin.com/in/marenlund",
        notes="Knows the VP of product at Bluefen.\nPrefers email.",
        tags=("Business", "Hiring managers"),
    )
    assert jonah.full_name == "Jonah E. Pell III"
    assert jonah.title == "Chief Medical Officer"
    assert jonah.emails == ("jonah.pell@example.net",)  # the Exchange (EX) address is not one
    # An organisation's card: named by its company, with no person's name to split.
    assert corvid == ImportedContact(
        row_number=4,
        full_name="Corvid Logistics",
        company="Corvid Logistics",
        phones=("(800) 555-0150",),
    )
    assert reader.stats.skipped_blank == 1  # all "0/0/00", "Normal", "False"


def test_outlook_com_export(fixture_path: Fixture) -> None:
    reader = ContactReader(fixture_path("outlook_com.csv"))
    sofia, gus, lumen = list(reader)

    assert reader.info.format == "outlook"
    assert isinstance(sofia, ImportedContact)
    assert sofia.full_name == "Sofia Brandt"
    assert sofia.title == "Professor of Logistics"  # not "Prof."
    assert sofia.linkedin_url == "https://linkedin.com/in/sofia-brandt"
    assert sofia.phones == ("+49 151 5550 1234",)
    assert sofia.notes == "Thesis advisor, 2012."
    assert isinstance(gus, ImportedContact)
    assert (gus.full_name, gus.first_name, gus.emails) == ("Gus", "Gus", ("gus@example.org",))
    assert isinstance(lumen, ImportedContact)
    assert (lumen.full_name, lumen.first_name, lumen.last_name) == ("Lumen Ridge Software", "", "")


def test_forced_format_overrides_detection(fixture_path: Fixture) -> None:
    info = sniff(fixture_path("outlook_com.csv"), format="csv")

    # Read as a plain CSV, header synonyms apply ("Title" then means a job title).
    assert info.format == "csv"
    assert info.mapping["Title"] == "title"
