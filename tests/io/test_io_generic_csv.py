"""Any other CSV: header synonyms, and a user's column mapping."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from netui.io import (
    ImportedContact,
    ImportFileError,
    RowProblem,
    read_contacts,
    sniff,
)

Write = Callable[..., Path]
Fixture = Callable[[str], Path]


def test_header_synonyms(fixture_path: Fixture) -> None:
    path = fixture_path("generic_synonyms.csv")

    info = sniff(path)
    bram, chidi, rosalind, problem = read_contacts(path)

    assert info.format == "csv"
    assert info.encoding == "utf-8-sig"
    assert info.columns[0] == "Display Name"  # BOM and spaces trimmed
    assert info.mapping == {
        "Display Name": "full_name",
        "Given": "first_name",
        "Surname": "last_name",
        "Organisation": "company",
        "Role": "title",
        "E-Mail": "emails",
        "Tel": "phones",
        "Profile URL": "linkedin_url",
        "Comments": "notes",
        "Groups": "tags",
        "How we met": "how_we_met",
    }
    assert bram == ImportedContact(
        row_number=2,
        full_name="Bram Vink",
        first_name="Bram",
        last_name="Vink",
        company="Vink & Daughters Ltd",
        title="Owner",
        emails=("bram@example.com", "bram.vink@example.org"),
        phones=("+31 20 555 0199",),
        linkedin_url="https://nl.linkedin.com/in/bramvink",
        notes="Hired me for a summer job in 2009",
        tags=("Old bosses", "Amsterdam"),
        how_we_met="summer job",
    )
    assert isinstance(chidi, ImportedContact)
    assert chidi.full_name == "Okafor, Chidi"  # as given ...
    assert (chidi.first_name, chidi.last_name) == ("Chidi", "Okafor")  # ... but understood
    assert isinstance(rosalind, ImportedContact)
    assert (rosalind.first_name, rosalind.last_name) == ("Rosalind", "Achterberg")
    assert isinstance(problem, RowProblem)
    # Not an address book: a row with only a company is a row missing its name.
    assert problem.reason == (
        'no name (columns "Display Name"/"Given"/"Surname" are empty; the row has only a company)'
    )


def test_mapping_for_headers_no_synonym_knows(fixture_path: Fixture) -> None:
    path = fixture_path("generic_semicolon_mapped.csv")
    mapping = {
        "Nom": "last_name",
        "prénom": "first_name",  # matched ignoring case
        "Entreprise": "company",
        "Poste": "title",
        "Courriel": "email",  # "email" is accepted for "emails"
        "Remarques": "notes",
    }

    info = sniff(path, mapping=mapping)
    renee, jurgen = read_contacts(path, mapping=mapping)

    assert info.delimiter == ";"
    assert info.mapping["Courriel"] == "emails"
    assert isinstance(renee, ImportedContact)
    assert renee.full_name == "Renée Lefèvre"
    assert renee.emails == ("renee.lefevre@example.fr",)
    assert renee.notes == "Rencontrée au salon"
    assert isinstance(jurgen, ImportedContact)
    assert jurgen.company == "Bäckerei Sonnenschein"


def test_without_a_mapping_those_headers_are_unusable(fixture_path: Fixture) -> None:
    path = fixture_path("generic_semicolon_mapped.csv")

    with pytest.raises(ImportFileError, match="no usable name column") as caught:
        sniff(path)

    assert str(path) in str(caught.value)
    assert '"Nom"' in str(caught.value)


def test_mapping_overrides_and_ignores(write: Write) -> None:
    path = write(
        "people.csv",
        "Name,Company,Title,Notes,Context\n"
        "Amara Eze,Corvid Logistics,Operations Analyst,Private note,Met on a train\n",
    )

    [contact] = read_contacts(path, mapping={"Notes": "ignore", "Context": "notes"})

    assert isinstance(contact, ImportedContact)
    assert contact.notes == "Met on a train"
    assert contact.how_we_met == ""


def test_unknown_field_names_are_named_in_the_error(write: Write) -> None:
    path = write("people.csv", "Name,Company\nAmara Eze,Corvid Logistics\n")

    with pytest.raises(ImportFileError) as caught:
        sniff(path, mapping={"Name": "fullname", "Company": "employer_name", "X": "birthday"})

    message = str(caught.value)
    assert '"employer_name"' in message
    assert '"birthday"' in message
    assert '"fullname"' not in message  # an accepted alias
    assert "people.csv" in message


def test_mapping_naming_a_missing_column(write: Write) -> None:
    path = write("people.csv", "Name,Company\nAmara Eze,Corvid Logistics\n")

    with pytest.raises(ImportFileError, match='"Employer"'):
        sniff(path, mapping={"Employer": "company"})


def test_single_name_column_with_commas_in_values(write: Write) -> None:
    path = write("names.csv", "Name\nDana Whitfield, PMP\nOkafor, Chidi\n\nRavi Iyer\n")

    items = list(read_contacts(path))

    assert [item.full_name for item in items if isinstance(item, ImportedContact)] == [
        "Dana Whitfield, PMP",
        "Okafor, Chidi",
        "Ravi Iyer",
    ]
    assert [item.row_number for item in items] == [2, 3, 5]


def test_tab_delimited_with_quoted_multiline_notes(write: Write) -> None:
    path = write(
        "export.tsv",
        "First Name\tLast Name\tEmail\tNotes\r\n"
        'Henrik\tSolberg\thenrik@example.no\t"Fleet planner.\r\nAsk about the Bergen office."\r\n'
        "Freya\tLindqvist\t\t\r\n",
    )

    henrik, freya = read_contacts(path)

    assert isinstance(henrik, ImportedContact)
    assert henrik.notes == "Fleet planner.\nAsk about the Bergen office."
    assert isinstance(freya, ImportedContact)
    assert freya.row_number == 3  # the two-line value is one spreadsheet row


def test_duplicate_columns_for_one_field(write: Write) -> None:
    path = write(
        "people.csv",
        "Name,Email,Email 2,Phone,Mobile,Company,Organization,Notes,Comments\n"
        "Mei Lin,mei@example.com,MEI@example.com,555-0101,555-0102,,Greenmark,One,Two\n",
    )

    [contact] = read_contacts(path)

    assert isinstance(contact, ImportedContact)
    assert contact.emails == ("mei@example.com",)  # the same address, differently cased
    assert contact.phones == ("555-0101", "555-0102")
    assert contact.company == "Greenmark"
    assert contact.notes == "One\n\nTwo"


def test_email_cells_are_cleaned(write: Write) -> None:
    path = write(
        "people.csv",
        'Name,Email\nDiego Salazar,"mailto:diego@example.com, <d.salazar@example.org>; n/a"\n',
    )

    [contact] = read_contacts(path)

    assert isinstance(contact, ImportedContact)
    assert contact.emails == ("diego@example.com", "d.salazar@example.org")
