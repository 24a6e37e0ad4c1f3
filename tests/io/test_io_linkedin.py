"""LinkedIn Connections.csv in every shape it arrives in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from netui.io import ContactReader, ImportedContact, ReadStats, RowProblem, read_contacts, sniff

Write = Callable[..., Path]
MakeLinkedin = Callable[..., str]


def contacts(path: Path, stats: ReadStats | None = None) -> list[ImportedContact]:
    items = list(read_contacts(path, stats=stats))
    assert all(isinstance(item, ImportedContact) for item in items), items
    return [item for item in items if isinstance(item, ImportedContact)]


def test_seven_columns_with_preamble(fixture_path: Callable[[str], Path]) -> None:
    reader = ContactReader(fixture_path("linkedin_7col_preamble.csv"))
    items = list(reader)

    assert reader.info.format == "linkedin"
    assert reader.info.delimiter == ","
    assert reader.info.encoding == "utf-8"
    assert reader.info.columns[2] == "URL"
    assert reader.info.mapping["Position"] == "title"
    assert reader.info.mapping["Connected On"] == "connected_on"
    dana = items[0]
    assert dana == ImportedContact(
        row_number=5,  # Notes:, the note, a blank line, the header, then Dana
        full_name="Dana Whitfield, PMP",
        first_name="Dana",
        last_name="Whitfield",
        company="Tidewell Systems",
        title="Director of Operations",
        linkedin_url="https://www.linkedin.com/in/dana-whitfield-4821",
        connected_on=date(2025, 2, 7),
    )
    assert [item.row_number for item in items] == [5, 6, 7, 9, 10]
    assert reader.stats.skipped_blank == 1  # row 8 is empty except for its date
    assert reader.stats.contacts == 5
    assert reader.stats.problems == 0


def test_names_keep_credentials_emoji_and_pronouns_but_first_last_are_clean(
    fixture_path: Callable[[str], Path],
) -> None:
    by_first = {c.first_name: c for c in contacts(fixture_path("linkedin_7col_preamble.csv"))}

    assert by_first["Marcus"].full_name == "Marcus Oyelaran 🚀"
    assert by_first["Marcus"].last_name == "Oyelaran"
    assert by_first["Marcus"].emails == ("marcus.oyelaran@example.com",)
    assert by_first["Marcus"].title == "Founder, CTO"
    assert by_first["Lena"].full_name == "Lena Voss (she/her)"
    assert by_first["Lena"].last_name == "Voss"
    assert by_first["Priya"].full_name == "Priya Raman, MBA, CSM"
    assert by_first["Priya"].last_name == "Raman"
    assert by_first["Priya"].company == "Quarry & Vine, Inc."
    assert by_first["José"].full_name == "José Müller"


def test_six_columns_without_url_and_with_timestamps(fixture_path: Callable[[str], Path]) -> None:
    info = sniff(fixture_path("linkedin_6col.csv"))
    found = contacts(fixture_path("linkedin_6col.csv"))

    assert info.format == "linkedin"
    assert "URL" not in info.columns
    assert [c.connected_on for c in found] == [
        date(2018, 1, 8),
        date(2017, 12, 24),
        date(2016, 3, 2),
    ]
    assert found[0].row_number == 2
    assert found[0].linkedin_url == ""
    assert found[2].full_name == "Oren Adler, Ph.D."
    assert (found[2].first_name, found[2].last_name) == ("Oren", "Adler")


@pytest.mark.parametrize("columns", [6, 7])
@pytest.mark.parametrize("preamble", [True, False])
@pytest.mark.parametrize("padded", [True, False])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_every_shape_reads_the_same(
    write: Write,
    make_linkedin: MakeLinkedin,
    columns: int,
    preamble: bool,
    padded: bool,
    delimiter: str,
    newline: str,
) -> None:
    text = make_linkedin(
        columns=columns, preamble=preamble, padded=padded, delimiter=delimiter, newline=newline
    )
    path = write("Connections.csv", text)
    stats = ReadStats()

    found = contacts(path, stats=stats)

    assert sniff(path).delimiter == delimiter
    assert [c.full_name for c in found] == [
        "Dana Whitfield, PMP",
        "José Müller",
        "Lena Voss",
    ]
    assert found[2].title == "Senior Recruiter, EMEA"
    assert found[1].emails == ("jose.mueller@example.de",)
    assert found[1].connected_on == date(2019, 1, 16)
    assert stats.skipped_blank == 1
    first_data_row = 5 if preamble else 2
    assert found[0].row_number == first_data_row
    if columns == 7:
        assert found[1].linkedin_url == "https://www.linkedin.com/in/jose-muller-77"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_spreadsheet_resave_in_a_legacy_encoding(
    write: Write, make_linkedin: MakeLinkedin, encoding: str
) -> None:
    text = make_linkedin(padded=True, delimiter=";", newline="\r\n")
    path = write("Connections.csv", text, encoding=encoding)

    info = sniff(path)
    found = contacts(path)

    assert info.encoding in ("cp1252", "latin-1", "iso8859-1")
    assert found[1].full_name == "José Müller"
    assert found[1].company == "Café Noël GmbH"


def test_cp1252_smart_quotes_are_decoded(write: Write, make_linkedin: MakeLinkedin) -> None:
    rows = [("Siobhán", "O’Rourke", "", "", "Brightwater – Dublin", "“Chief” Storyteller", "")]
    path = write("Connections.csv", make_linkedin(rows=rows), encoding="cp1252")

    [contact] = contacts(path)

    assert sniff(path).encoding == "cp1252"
    assert contact.full_name == "Siobhán O’Rourke"
    assert contact.company == "Brightwater – Dublin"
    assert contact.title == "“Chief” Storyteller"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("07 Feb 2025", date(2025, 2, 7)),
        ("7 February 2025", date(2025, 2, 7)),
        ("1/8/18, 6:14 PM", date(2018, 1, 8)),
        ("12/24/17, 9:02 AM", date(2017, 12, 24)),
        ("23-Nov-21", date(2021, 11, 23)),
        ("16.09.2021", date(2021, 9, 16)),
        ("2021-09-16", date(2021, 9, 16)),
        ("16/09/2021", date(2021, 9, 16)),
        ("Feb 7, 2025", date(2025, 2, 7)),
    ],
)
def test_connection_date_formats(
    write: Write, make_linkedin: MakeLinkedin, text: str, expected: date
) -> None:
    row = ("Aiko", "Tanabe", "", "", "Saltmarsh Foods", "Brand Lead", text)
    path = write("Connections.csv", make_linkedin(rows=[row]))

    [contact] = contacts(path)

    assert contact.connected_on == expected


def test_unreadable_date_imports_the_contact_and_warns(
    write: Write, make_linkedin: MakeLinkedin
) -> None:
    row = ("Aiko", "Tanabe", "", "", "Saltmarsh Foods", "Brand Lead", "sometime in spring")
    path = write("Connections.csv", make_linkedin(rows=[row]))
    stats = ReadStats()

    [contact] = contacts(path, stats=stats)

    assert contact.connected_on is None
    assert stats.warning_count == 1
    assert stats.warnings[0].row_number == 5
    assert "sometime in spring" in stats.warnings[0].reason


def test_repeated_dates_and_names_read_the_same_every_time(
    write: Write, make_linkedin: MakeLinkedin
) -> None:
    # The reader remembers dates it has parsed and skips cleaning one-word names: a date
    # or name seen before must come out exactly as the first time, and a date it cannot
    # read must warn on every row that has it.
    rows = [
        ("Aiko", "Tanabe", "", "", "Saltmarsh Foods", "Brand Lead", "07 Feb 2025"),
        ("Aiko", "Tanabe, PhD", "", "", "Saltmarsh Foods", "Brand Lead", "07 Feb 2025"),
        ("Dana", "Whitlock", "", "", "Oakline", "COO", "sometime in spring"),
        ("Dana", "Whitlock (she/her)", "", "", "Oakline", "COO", "sometime in spring"),
        ("Eli", "Ward", "", "", "Oakline", "CTO", "07 Feb 2025"),
    ]
    path = write("Connections.csv", make_linkedin(rows=rows))
    stats = ReadStats()

    read = contacts(path, stats=stats)

    assert [c.connected_on for c in read] == [date(2025, 2, 7)] * 2 + [None] * 2 + [
        date(2025, 2, 7)
    ]
    assert [(c.first_name, c.last_name) for c in read] == [
        ("Aiko", "Tanabe"),
        ("Aiko", "Tanabe"),
        ("Dana", "Whitlock"),
        ("Dana", "Whitlock"),
        ("Eli", "Ward"),
    ]
    assert stats.warning_count == 2
    assert [w.row_number for w in stats.warnings] == [7, 8]


def test_row_with_data_but_no_name_is_a_problem(write: Write, make_linkedin: MakeLinkedin) -> None:
    rows = [
        ("", "", "https://www.linkedin.com/in/ghost-4410", "", "Corvid Logistics", "", "23-Nov-21"),
        ("Oren", "Adler", "", "", "", "", ""),
    ]
    path = write("Connections.csv", make_linkedin(rows=rows))
    stats = ReadStats()

    items = list(read_contacts(path, stats=stats))

    assert items[0] == RowProblem(
        5,
        'no name (columns "First Name"/"Last Name" are empty; '
        "the row has only a company and a LinkedIn profile)",
    )
    assert isinstance(items[1], ImportedContact)
    assert (stats.contacts, stats.problems, stats.skipped_blank) == (1, 1, 0)


def test_short_rows_are_padded_and_rows_with_extra_values_are_problems(write: Write) -> None:
    text = (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Maren,Lund,,,Saltmarsh Foods\n"  # a spreadsheet trimmed the empty tail
        "Jonah,Pell,,,Pinecrest Health, Inc.,Chief Medical Officer,02 Jan 2020\n"
        "Talia,Soriano,,,Greenmark Capital,Associate,05 May 2021,,,\n"  # padded: fine
    )
    path = write("Connections.csv", text)

    items = list(read_contacts(path))

    assert isinstance(items[0], ImportedContact)
    assert items[0].company == "Saltmarsh Foods"
    assert isinstance(items[1], RowProblem)
    assert items[1].row_number == 3
    assert "8 values" in items[1].reason
    assert isinstance(items[2], ImportedContact)
    assert items[2].connected_on == date(2021, 5, 5)


def test_overlong_field_is_a_problem_and_the_rest_import(
    write: Write, make_linkedin: MakeLinkedin
) -> None:
    rows = [
        ("Aiko", "Tanabe", "", "", "Saltmarsh Foods", "x" * 25_000, ""),
        ("Oren", "Adler", "", "", "", "", ""),
    ]
    path = write("Connections.csv", make_linkedin(rows=rows))

    items = list(read_contacts(path))

    assert isinstance(items[0], RowProblem)
    assert items[0].row_number == 5
    assert '"Position"' in items[0].reason
    assert "25,000" in items[0].reason
    assert isinstance(items[1], ImportedContact)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_control_characters_are_stripped(
    write: Write, make_linkedin: MakeLinkedin, encoding: str
) -> None:
    # A NUL is not among them: it marks a damaged row (see test_io_damaged_rows).
    rows = [("Ai\x1b[31mko\x07", "Tana\x01be", "", "", "Salt\u202emarsh", "Lead\x85er", "")]
    path = write("Connections.csv", make_linkedin(rows=rows), encoding=encoding)

    [contact] = contacts(path)

    assert contact.full_name == "Aiko Tanabe"
    assert contact.company == "Saltmarsh"
    assert contact.title == "Lead er"


def test_header_with_stray_bom_and_spaces(write: Write) -> None:
    text = (
        "\ufeff First Name , Last Name ,Company,Position,Connected On\r\n"
        "Bram,Vink,Vink & Daughters Ltd,Owner,09 Sep 2015\r\n"
    )
    path = write("Connections.csv", text, encoding="utf-8-sig")

    info = sniff(path)
    [contact] = contacts(path)

    assert info.format == "linkedin"
    assert info.encoding == "utf-8-sig"
    assert info.columns[:2] == ("First Name", "Last Name")
    assert contact.full_name == "Bram Vink"


def test_sample_asset_reads_cleanly() -> None:
    path = Path(__file__).parents[2] / "assets" / "sample-linkedin-connections.csv"
    reader = ContactReader(path)

    items = list(reader)

    assert reader.info.format == "linkedin"
    assert all(isinstance(item, ImportedContact) for item in items)
    assert 35 <= len(items) <= 45
    assert reader.stats.skipped_blank == 1
    assert (
        sum(1 for item in items if isinstance(item, ImportedContact) and item.emails)
        < len(items) / 2
    )
    assert all(
        isinstance(item, ImportedContact) and item.connected_on is not None for item in items
    )
