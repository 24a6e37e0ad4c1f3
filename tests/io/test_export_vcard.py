"""The vCard writer: read back by vobject and by netui's own reader with every field intact."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import vobject
from export_helpers import make_contact
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netui.domain.types import Contact
from netui.io import ImportedContact, read_contacts
from netui.io.content_lines import escape_text, fold
from netui.io.export_vcard import vcard, write_vcards
from netui.io.names import clean_name_part
from netui.io.text import clean_line, clean_multiline
from netui.io.vcard_extras import note_with_how_we_met

HOSTILE = 'Robert"); DROP TABLE contact;-- \\ back, comma; semi: colon\nnew line'


def write_file(path: Path, contacts: list[Contact]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        assert write_vcards(contacts, out) == len(contacts)
    return path


def with_vobject(text: str) -> list[Any]:
    return list(vobject.readComponents(io.StringIO(text, newline="")))


def with_netui(path: Path) -> list[ImportedContact]:
    items = list(read_contacts(path, format="vcard"))
    assert all(isinstance(item, ImportedContact) for item in items), items
    return [item for item in items if isinstance(item, ImportedContact)]


def physical_lines(text: str) -> list[str]:
    assert text.endswith("\r\n")
    lines = text[:-2].split("\r\n")
    assert not any("\n" in line or "\r" in line for line in lines)
    return lines


def longest_blank_run(text: str) -> int:
    longest = current = 0
    for char in text:
        current = current + 1 if char.isspace() else 0
        longest = max(longest, current)
    return longest


# --- content lines --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "escaped"),
    [
        ("plain", "plain"),
        ("a,b;c\\d", "a\\,b\\;c\\\\d"),
        ("one\ntwo\r\nthree\rfour", "one\\ntwo\\nthree\\nfour"),
        ("line\u2028sep\x85nel\x0bvt", "line\\nsep\\nnel\\nvt"),
        ("bell\x07 esc\x1b[31m tab\tkept", "bell esc[31m tab\tkept"),
        ("colon: kept", "colon: kept"),
    ],
)
def test_text_escaping(value: str, escaped: str) -> None:
    assert escape_text(value) == escaped


def test_short_lines_are_not_folded() -> None:
    assert fold("FN:Dana") == "FN:Dana"
    assert fold("X" * 75) == "X" * 75


@given(st.text(min_size=1, max_size=400).map(escape_text))
def test_folded_lines_fit_75_octets_and_unfold_to_the_original(value: str) -> None:
    line = "NOTE:" + value
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert "".join([pieces[0], *(piece[1:] for piece in pieces[1:])]) == line
    for piece in pieces:
        # Only a long run of white space may overflow (folding it would blank a line).
        assert len(piece.encode("utf-8")) <= 75 or longest_blank_run(piece) > 70
    for piece in pieces[1:]:
        assert not piece[1:2].isspace(), "a continuation line must not look blank"


def test_folding_never_splits_a_multi_byte_character() -> None:
    line = "NOTE:" + "é" * 100 + "🎉" * 40 + "天" * 60
    for piece in fold(line).split("\r\n"):
        piece.encode("utf-8")  # a split sequence would be a lone surrogate or wrong text
        assert len(piece.encode("utf-8")) <= 75
    assert fold(line).replace("\r\n ", "") == line


# --- cards ----------------------------------------------------------------------------------


def test_a_card_has_every_field() -> None:
    text = vcard(make_contact())
    assert physical_lines(text) == [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "PRODID:-//netui//netui contacts export//EN",
        "UID:0b7d3c2e-5f1a-4c8e-9d6b-000000000001",
        "N:Whitfield;Dana;;;",
        "FN:Dana Whitfield",
        "ORG:Tidewell Systems",
        "TITLE:Director of Operations",
        "EMAIL;TYPE=INTERNET:dana.whitfield@tidewell.example",
        "TEL:+1 206 555 0142",
        "item1.URL:https://www.linkedin.com/in/dana-whitfield-4821",
        "item1.X-ABLABEL:LinkedIn",
        "X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/dana-whitfield-48",
        " 21",
        "NOTE:Knows everyone in logistics.\\n\\nHow we met: Same team at Tidewell",
        "X-NETUI-HOW-WE-MET:Same team at Tidewell",
        "CATEGORIES:former colleague,mentor",
        "END:VCARD",
    ]


def test_the_uid_is_the_contacts_own_and_read_back(tmp_path: Path) -> None:
    contacts = [make_contact(1), make_contact(2, uid="urn:uuid:Apple, Card; 1")]
    text = "".join(map(vcard, contacts))
    assert [card.uid.value for card in with_vobject(text)] == [c.uid for c in contacts]
    path = tmp_path / "cards.vcf"
    path.write_text(text, encoding="utf-8", newline="")
    assert [read.uid for read in with_netui(path)] == [c.uid for c in contacts]
    assert "UID" not in with_vobject(vcard(make_contact(uid="")))[0].contents


def test_an_unusable_uid_is_read_as_none(tmp_path: Path) -> None:
    """A card's UID that cannot name a contact (blank, or absurdly long) is not kept."""
    contacts = [make_contact(1, uid="\x07 "), make_contact(2, uid="x" * 256)]
    path = write_file(tmp_path / "cards.vcf", contacts)
    assert [read.uid for read in with_netui(path)] == ["", ""]


def test_empty_fields_are_left_out_and_n_is_guessed_from_the_full_name() -> None:
    contact = make_contact(
        full_name="Dr. Priya N. Raman, PhD",
        first_name="",
        last_name="",
        company="",
        title="",
        emails=(),
        phones=(),
        linkedin_url="",
        notes="",
        how_we_met="",
        tags=(),
    )
    lines = physical_lines(vcard(contact))
    assert "N:Raman;Priya;;;" in lines
    assert "FN:Dr. Priya N. Raman\\, PhD" in lines
    assert not [line for line in lines if line.startswith(("ORG", "TITLE", "EMAIL", "NOTE"))]


def test_vobject_reads_every_field_back(tmp_path: Path) -> None:
    contact = make_contact(
        full_name=HOSTILE,
        first_name="Ana; María",
        last_name="O'Brien, Jr.",
        company="Café Noël, GmbH; Paris",
        title="Head of \\ Sales",
        emails=("ana.maria@cafe.example", "am@home.example"),
        phones=("+33 1 23 45 67 89", "+1 206 555 0100 ext. 12"),
        notes="First line\nSecond line, with; everything \\ 🎉\n\nAfter a blank line",
        how_we_met="Meetup; \\ the one, with pizza",
        tags=("former colleague", "tag, with comma", "semi;colon"),
    )
    card = with_vobject(vcard(contact))[0]
    assert card.fn.value == HOSTILE
    assert card.n.value.given == "Ana; María"
    assert card.n.value.family == "O'Brien, Jr."
    assert card.org.value == ["Café Noël, GmbH; Paris"]
    assert card.title.value == "Head of \\ Sales"
    assert [e.value for e in card.email_list] == list(contact.emails)
    assert [e.params["TYPE"] for e in card.email_list] == [["INTERNET"], ["INTERNET"]]
    assert [t.value for t in card.tel_list] == list(contact.phones)
    assert card.url.value == contact.linkedin_url
    assert card.x_socialprofile.value == contact.linkedin_url
    assert card.x_socialprofile.params["TYPE"] == ["linkedin"]
    assert card.note.value == f"{contact.notes}\n\nHow we met: {contact.how_we_met}"
    assert card.contents["x-netui-how-we-met"][0].value == contact.how_we_met
    assert card.categories.value == list(contact.tags)


def test_netui_reads_every_field_back(tmp_path: Path) -> None:
    contact = make_contact(
        full_name="José Müller-Łukasiewicz",
        first_name="José",
        last_name="Müller-Łukasiewicz",
        company="Café Noël, GmbH; Paris",
        title="Head of Sales, EMEA",
        emails=("jose@cafe.example", "jm@home.example"),
        phones=("+33 1 23 45 67 89", "+1 206 555 0100"),
        notes="First line\nSecond line, with; everything \\ 🎉\n\nAfter a blank line",
        tags=("former colleague", "mentor"),
    )
    read = with_netui(write_file(tmp_path / "one.vcf", [contact]))[0]
    assert (read.full_name, read.first_name, read.last_name) == (
        "José Müller-Łukasiewicz",
        "José",
        "Müller-Łukasiewicz",
    )
    assert read.company == contact.company
    assert read.title == contact.title
    assert read.emails == contact.emails
    assert read.phones == contact.phones
    assert read.linkedin_url == contact.linkedin_url
    assert read.notes == contact.notes
    assert read.tags == contact.tags
    assert read.how_we_met == contact.how_we_met


@pytest.mark.parametrize(
    ("notes", "how_we_met", "note"),
    [
        ("Owes me a coffee.", "Data meetup", "Owes me a coffee.\n\nHow we met: Data meetup"),
        ("", "Data meetup", "How we met: Data meetup"),
        ("Owes me a coffee.", "", "Owes me a coffee."),
        ("", "", None),
    ],
)
def test_how_we_met_is_the_notes_last_paragraph_and_comes_back_apart(
    tmp_path: Path, notes: str, how_we_met: str, note: str | None
) -> None:
    contact = make_contact(notes=notes, how_we_met=how_we_met)
    card = with_vobject(vcard(contact))[0]
    assert _value(card, "note", None) == note  # what an address book shows
    assert _value(card, "x-netui-how-we-met", "") == how_we_met
    read = with_netui(write_file(tmp_path / "one.vcf", [contact]))[0]
    assert (read.notes, read.how_we_met) == (notes, how_we_met)


def test_without_netuis_property_the_paragraph_stays_in_the_notes(tmp_path: Path) -> None:
    """An address book that dropped X-NETUI-HOW-WE-MET: nothing is lost or guessed."""
    text = vcard(make_contact(notes="Owes me a coffee.", how_we_met="Data meetup"))
    path = tmp_path / "resaved.vcf"
    path.write_bytes(text.replace("X-NETUI-HOW-WE-MET:Data meetup\r\n", "").encode())
    read = with_netui(path)[0]
    assert (read.notes, read.how_we_met) == ("Owes me a coffee.\n\nHow we met: Data meetup", "")


def test_a_hand_written_note_that_ends_like_ours_is_kept(tmp_path: Path) -> None:
    contact = make_contact(notes="Coffee.\n\nHow we met: at school", how_we_met="Data meetup")
    read = with_netui(write_file(tmp_path / "one.vcf", [contact]))[0]
    assert (read.notes, read.how_we_met) == ("Coffee.\n\nHow we met: at school", "Data meetup")


def test_a_linkedin_value_that_is_not_a_url_still_comes_back(tmp_path: Path) -> None:
    contact = make_contact(linkedin_url="dana-whitfield-4821")
    read = with_netui(write_file(tmp_path / "one.vcf", [contact]))[0]
    assert read.linkedin_url == "dana-whitfield-4821"


def test_many_cards_in_one_file(tmp_path: Path) -> None:
    contacts = [
        make_contact(i, full_name=f"Person {i}", first_name="", last_name="") for i in range(1, 51)
    ]
    path = write_file(tmp_path / "many.vcf", contacts)
    text = path.read_bytes().decode("utf-8")
    physical_lines(text)
    assert [c.fn.value for c in with_vobject(text)] == [c.full_name for c in contacts]
    assert [c.full_name for c in with_netui(path)] == [c.full_name for c in contacts]


# Text a person might type: anything printable, with line breaks, tabs, the characters
# vCard escapes and the ones that look like syntax. Control characters are dropped by the
# writer (a vCard cannot hold them) and tested above.
_TYPED = st.text(
    st.one_of(
        st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")),
        st.sampled_from(list('\n\t;,:\\"=')),
    ),
    max_size=120,
)
_ONE_LINE = _TYPED.map(lambda value: value.replace("\n", " "))
_NAME = st.text(st.characters(whitelist_categories=["L"]), min_size=1, max_size=20)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    full_name=_ONE_LINE.filter(lambda v: clean_line(v) != ""),
    first=_NAME,
    last=_NAME,
    company=_ONE_LINE,
    title=_ONE_LINE,
    notes=_TYPED,
    how_we_met=_ONE_LINE,
)
def test_hostile_text_comes_back_intact(
    tmp_path: Path,
    full_name: str,
    first: str,
    last: str,
    company: str,
    title: str,
    notes: str,
    how_we_met: str,
) -> None:
    contact = make_contact(
        full_name=full_name,
        first_name=first,
        last_name=last,
        company=company,
        title=title,
        notes=notes,
        how_we_met=how_we_met,
    )
    text = vcard(contact)
    for line in physical_lines(text):
        assert len(line.encode()) <= 75 or longest_blank_run(line) > 70

    card = with_vobject(text)[0]
    assert card.fn.value == full_name
    assert (card.n.value.given, card.n.value.family) == (first, last)
    assert _value(card, "org", [""])[0] == company
    assert _value(card, "title", "") == title
    assert _value(card, "note", "") == note_with_how_we_met(notes, how_we_met)
    assert _value(card, "x-netui-how-we-met", "") == how_we_met

    # netui's reader cleans what it reads (spaces collapsed, ends trimmed); nothing else.
    path = tmp_path / "hostile.vcf"
    path.write_text(text, encoding="utf-8", newline="")
    read = with_netui(path)[0]
    assert read.full_name == clean_line(full_name)
    assert (read.first_name, read.last_name) == (clean_name_part(first), clean_name_part(last))
    assert read.company == clean_line(company)
    assert read.title == clean_line(title)
    assert read.notes == clean_multiline(notes)
    assert read.how_we_met == clean_line(how_we_met)


def _value(card: Any, name: str, default: Any) -> Any:
    return card.contents[name][0].value if name in card.contents else default
