"""vCard 2.1, 3.0 and 4.0 as Apple, Google and Android write them."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import pytest

from netui.io import (
    ContactReader,
    ImportedContact,
    ImportFileError,
    RowProblem,
    read_contacts,
    sniff,
)

Write = Callable[..., Path]
Fixture = Callable[[str], Path]


def only_contacts(path: Path) -> list[ImportedContact]:
    items = list(read_contacts(path))
    assert all(isinstance(item, ImportedContact) for item in items), items
    return [item for item in items if isinstance(item, ImportedContact)]


def card(*lines: str, newline: str = "\r\n") -> str:
    return newline.join(("BEGIN:VCARD", *lines, "END:VCARD")) + newline


def test_apple_vcard_3(fixture_path: Fixture) -> None:
    path = fixture_path("apple_3_0.vcf")

    info = sniff(path)
    dana, marcus, company = only_contacts(path)

    assert (info.format, info.encoding, info.delimiter) == ("vcard", "utf-8", None)
    assert info.columns == ()
    assert dana == ImportedContact(
        row_number=1,
        full_name="Dana Whitfield, PMP",
        first_name="Dana",
        last_name="Whitfield",
        company="Tidewell Systems, Inc.",
        title="Director of Operations",
        emails=("dana.whitfield@example.com",),
        phones=("+1 (555) 010-4477",),
        linkedin_url="http://www.linkedin.com/in/dana-whitfield-4821",
        notes=(
            "Met at the spring hiring fair, booth 12.\n"
            "Asked me to follow up about the operations analyst role; said to mention Priya."
        ),
        tags=("Hiring fair 2024", "Operations"),
    )
    # item1.URL labelled "LinkedIn" in its group
    assert marcus.linkedin_url == "https://www.linkedin.com/in/marcus-oyelaran"
    assert marcus.emails == ("marcus@bluefen.example",)
    # X-ABShowAs:COMPANY: named after the company, with no first or last name
    assert (company.full_name, company.first_name, company.last_name) == (
        "Saltmarsh Foods",
        "",
        "",
    )


def test_android_vcard_2_1_quoted_printable(fixture_path: Fixture) -> None:
    jose, aiko = only_contacts(fixture_path("android_2_1_qp.vcf"))

    assert jose.full_name == "José Müller"
    assert (jose.first_name, jose.last_name) == ("José", "Müller")
    assert jose.company == "Café Noël GmbH"
    assert jose.phones == ("+49 170 5550123", "+49 30 5550 9876")
    assert jose.emails == ("jose.mueller@example.de",)
    assert jose.notes == (
        "Kennt den Einkauf bei Saltmarsh.\n"
        "Meets people at the Berlin meetup, usually Thursdays; bring a CV."
    )
    assert aiko.full_name == "Aiko Tanabe"
    assert aiko.row_number == 2


def test_google_vcard_escaped_url_and_system_categories(fixture_path: Fixture) -> None:
    [ines] = only_contacts(fixture_path("google_3_0.vcf"))

    assert ines.linkedin_url == "https://www.linkedin.com/in/ines-quiroga"
    assert ines.tags == ("Mentors",)
    assert ines.notes == "Met at the Portland data meetup.\nOffered to review my resume."


def test_vcard_4(fixture_path: Fixture) -> None:
    [kwame] = only_contacts(fixture_path("v4_0.vcf"))

    assert kwame.full_name == "Kwame Mensah Jr."
    assert (kwame.first_name, kwame.last_name) == ("Kwame", "Mensah")
    assert kwame.phones == ("+44-7700-900123",)  # the tel: URI scheme is dropped
    assert kwame.linkedin_url == "https://www.linkedin.com/in/kwame-mensah"


def test_one_broken_card_does_not_sink_the_file(fixture_path: Fixture) -> None:
    reader = ContactReader(fixture_path("broken_middle.vcf"))
    talia, garbled, unfinished, maren = list(reader)

    assert isinstance(talia, ImportedContact)
    assert isinstance(garbled, RowProblem)
    assert garbled.row_number == 2
    assert "line 11" in garbled.reason
    assert "starting on line 7" in garbled.reason
    assert isinstance(unfinished, RowProblem)
    assert unfinished.row_number == 3
    assert "END:VCARD" in unfinished.reason
    assert isinstance(maren, ImportedContact)
    assert maren.full_name == "Maren Lund"
    assert (reader.stats.contacts, reader.stats.problems) == (2, 2)


def test_card_cut_off_at_the_end_of_the_file(write: Write) -> None:
    path = write(
        "cut.vcf",
        card("VERSION:3.0", "FN:Talia Soriano") + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ravi Iy",
    )

    talia, cut = read_contacts(path)

    assert isinstance(talia, ImportedContact)
    assert cut == RowProblem(
        2, "the card starting on line 5 has no END:VCARD (the file ends inside it)"
    )


@pytest.mark.parametrize("newline", ["\r\n", "\n"])
@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_line_endings_bom_folding_and_escapes(write: Write, newline: str, bom: bytes) -> None:
    text = card(
        "VERSION:3.0",
        "N:Bergstr\u00f6m;Hannah;;;",
        "FN:Hannah Bergstr\u00f6m",
        "NOTE:Line one\\nLine two with a comma\\, a semicolon\\; and a back\\\\slash. This",
        "  note is folded.",
        "ORG:Lumen Ridge\\, Software;Platform",
        "TITLE:Engineering",
        "\tManager",
        newline=newline,
    )
    path = write("contacts.txt", bom + text.encode("utf-8"))  # found by content, not name

    [hannah] = only_contacts(path)

    assert sniff(path).format == "vcard"
    assert hannah.full_name == "Hannah Bergström"
    assert hannah.notes == (
        "Line one\nLine two with a comma, a semicolon; and a back\\slash. This note is folded."
    )
    assert hannah.company == "Lumen Ridge, Software"
    assert hannah.title == "EngineeringManager"


def test_social_profile_variants(write: Write) -> None:
    text = "".join(
        (
            card(
                "VERSION:3.0",
                "FN:Luca Ferraro",
                "X-SOCIALPROFILE;type=linkedin;x-user=luca-ferraro-ux:x-apple:luca",
            ),
            card("VERSION:3.0", "FN:Mei Lin", "URL;type=WORK:https://de.linkedin.com/in/mei-lin"),
            card("VERSION:3.0", "FN:Samir Haddad", "URL:https://samir.example"),
            card("VERSION:3.0", "FN:Yuki Hoshino", "X-SOCIALPROFILE;TYPE=linkedin:x-apple:yukih"),
            card("VERSION:3.0", "FN:Patrick Doyle", "X-LINKEDIN:linkedin.com/in/pdoyle"),
        )
    )
    path = write("c.vcf", text)

    luca, mei, samir, yuki, patrick = only_contacts(path)

    assert luca.linkedin_url == "https://www.linkedin.com/in/luca-ferraro-ux"
    assert mei.linkedin_url == "https://de.linkedin.com/in/mei-lin"
    assert samir.linkedin_url == ""
    assert yuki.linkedin_url == "https://www.linkedin.com/in/yukih"
    assert patrick.linkedin_url == "https://linkedin.com/in/pdoyle"


def test_card_without_fn_uses_n_and_nameless_card_is_a_problem(write: Write) -> None:
    text = "".join(
        (
            card("VERSION:3.0", "N:Eze;Amara;Ngozi;Dr.;"),
            card("VERSION:3.0", "EMAIL:no-name@example.org"),
            card("VERSION:3.0", "N:;;;;"),  # nothing at all: skipped
            card("VERSION:2.1", "NICKNAME:Gus"),
        )
    )
    path = write("c.vcf", text)
    reader = ContactReader(path)

    amara, nameless, gus = list(reader)

    assert isinstance(amara, ImportedContact)
    assert amara.full_name == "Amara Ngozi Eze"
    assert nameless == RowProblem(2, "no name: FN and N are empty (the card starting on line 5)")
    assert isinstance(gus, ImportedContact)
    assert gus.row_number == 4
    assert reader.stats.skipped_blank == 1


def test_embedded_agent_card_and_2_1_base64_photo(write: Write) -> None:
    text = card(
        "VERSION:2.1",
        "FN:Patrick Doyle",
        "AGENT:",
        "BEGIN:VCARD",
        "VERSION:2.1",
        "FN:His Assistant",
        "END:VCARD",
        "PHOTO;ENCODING=BASE64;TYPE=GIF:",
        "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7",
        "",
        "TEL;WORK:+353 1 555 0100",
    )
    path = write("c.vcf", text)

    [patrick] = only_contacts(path)

    assert patrick.full_name == "Patrick Doyle"
    assert patrick.phones == ("+353 1 555 0100",)


def test_2_1_latin1_quoted_printable_and_escaped_semicolons(write: Write) -> None:
    text = card(
        "VERSION:2.1",
        "N;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:Fontaine;Cl=E9mence;;;",
        "FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Cl=E9mence Fontaine",
        "ORG:Copperline Media\\; Paris;Editorial",
        "NOTE:Ask her about 2019, the Lyon shoot",
    )
    path = write("c.vcf", text)

    [clemence] = only_contacts(path)

    assert clemence.full_name == "Clémence Fontaine"
    assert clemence.first_name == "Clémence"
    assert clemence.company == "Copperline Media; Paris"
    assert clemence.notes == "Ask her about 2019, the Lyon shoot"


def test_overlong_value_in_a_card_is_a_problem(write: Write) -> None:
    text = card("VERSION:3.0", "FN:Naomi Achterberg", "NOTE:" + "x" * 20_000) + card(
        "VERSION:3.0", "FN:Connor McBride"
    )
    path = write("c.vcf", text)

    naomi, connor = read_contacts(path)

    assert isinstance(naomi, RowProblem)
    assert "NOTE" in naomi.reason
    assert isinstance(connor, ImportedContact)


def test_card_that_vobject_rejects_is_a_problem(write: Write) -> None:
    text = card("VERSION:3.0", 'FN;X-Q="unterminated:Olumide Bankole') + card(
        "VERSION:3.0", "FN:Elif Yıldız"
    )
    path = write("c.vcf", text)

    bad, elif_ = read_contacts(path)

    assert isinstance(bad, RowProblem)
    assert bad.row_number == 1
    assert isinstance(elif_, ImportedContact)
    assert elif_.full_name == "Elif Yıldız"


def test_files_without_cards(write: Write) -> None:
    with pytest.raises(ImportFileError, match="no vCards found"):
        sniff(write("c.vcf", "FN:Not in a card\r\n"))
    with pytest.raises(ImportFileError, match="no contacts found"):
        list(read_contacts(write("d.vcf", card("VERSION:3.0") * 2)))
    with pytest.raises(ImportFileError, match="not vCards"):
        sniff(write("e.vcf", card("VERSION:3.0", "FN:X")), mapping={"A": "notes"})


def test_csv_forced_as_vcard_is_refused(fixture_path: Fixture) -> None:
    with pytest.raises(ImportFileError, match="no vCards found"):
        sniff(fixture_path("linkedin_6col.csv"), format="vcard")


def test_huge_unfolded_picture_is_skipped(write: Write) -> None:
    picture = "QUJD" * 600_000  # 2.4 MB of base64 on one line, as some phones write it
    text = card("VERSION:2.1", "FN:Freya Lindqvist", f"PHOTO;ENCODING=BASE64;JPEG:{picture}", "")
    path = write("c.vcf", text + card("VERSION:3.0", "FN:Henrik Solberg"))

    freya, henrik = only_contacts(path)

    assert freya.full_name == "Freya Lindqvist"
    assert henrik.full_name == "Henrik Solberg"


def test_oversized_card_is_a_problem(write: Write) -> None:
    notes = [f"NOTE:{'y' * 9_000}" for _ in range(130)]  # each fine, together > 1 MB
    path = write("c.vcf", card("VERSION:3.0", "FN:Big", *notes) + card("VERSION:3.0", "FN:Small"))

    big, small = read_contacts(path)

    assert isinstance(big, RowProblem)
    assert "larger than 1,024 KB" in big.reason
    assert isinstance(small, ImportedContact)
