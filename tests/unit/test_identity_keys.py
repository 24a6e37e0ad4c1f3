"""Identity keys: emails, LinkedIn profiles, phones, names and companies as comparison keys."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netui.domain import identity_keys
from netui.domain.identity_keys import (
    name_company_key,
    normalize_company,
    normalize_email,
    normalize_linkedin,
    normalize_name,
    normalize_phone,
    phone_key,
)


@pytest.mark.parametrize(
    ("value", "key"),
    [
        (" Dana.Whitfield@Example.COM ", "dana.whitfield@example.com"),
        ("mailto:Lena@Example.org", "lena@example.org"),
        ("<marcus@bluefen.example>", "marcus@bluefen.example"),
        ("not an address", ""),
    ],
)
def test_email_keys(value: str, key: str) -> None:
    assert normalize_email(value) == key


@pytest.mark.parametrize(
    "url",
    [
        "https://www.linkedin.com/in/dana-whitfield-4821",
        "http://linkedin.com/in/Dana-Whitfield-4821/",
        "linkedin.com/in/dana-whitfield-4821?trk=public_profile",
        "https://uk.linkedin.com/in/dana-whitfield-4821/en",
        "www.linkedin.com/in/dana-whitfield-4821#about",
        "HTTPS://MOBILE.LINKEDIN.COM/IN/DANA-WHITFIELD-4821",
    ],
)
def test_linkedin_urls_in_every_shape_share_one_key(url: str) -> None:
    assert normalize_linkedin(url) == "linkedin.com/in/dana-whitfield-4821"


def test_linkedin_keys_decode_percent_escapes_and_refuse_other_sites() -> None:
    assert normalize_linkedin("https://nl.linkedin.com/in/jos%C3%A9-m") == "linkedin.com/in/josé-m"
    assert normalize_linkedin("https://example.com/in/dana") == ""
    assert normalize_linkedin("https://www.linkedin.com/company/tidewell") == ""
    old = "https://www.linkedin.com/pub/dana-whitfield/12/345/678"
    assert normalize_linkedin(old) == "linkedin.com/pub/dana-whitfield/12/345/678"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("+1 (555) 010-4477", "555.010.4477"),
        ("+49 170 5550123", "0170 5550123"),
        ("0049 170 5550123", "+49-170-555-0123"),
        ("tel:+44-7700-900123", "07700 900123"),
        ("+1 555 010 4477 ext. 12", "5550104477"),
    ],
)
def test_phone_numbers_match_ignoring_formatting_and_country_code(a: str, b: str) -> None:
    assert phone_key(a) == phone_key(b) != ""


def test_phone_normalisation_keeps_the_plus_and_refuses_fragments() -> None:
    assert normalize_phone("+1 (555) 010-4477") == "+15550104477"
    assert normalize_phone("0049 30 5550 9876") == "+493055509876"
    assert phone_key("1234") == ""
    assert phone_key("+1 555 010 4477") != phone_key("+1 555 010 4478")


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Dana Whitfield", "dana whitfield"),
        ("Dana Whitfield, PMP", "dana whitfield"),
        ("Priya Raman, MBA, CSM", "priya raman"),
        ("Okafor, Chidi", "chidi okafor"),
        ("Lena Voss (she/her)", "lena voss"),
        ("Lena Voss she/her", "lena voss"),
        ("Marcus Oyelaran 🚀", "marcus oyelaran"),
        ("Dr. José Müller-Brandt, PhD", "jose muller brandt"),
        ("Oren Adler PhD", "oren adler"),
        ("Siobhán O'Brien", "siobhan obrien"),
        ("  Kwame   Mensah Jr. ", "kwame mensah"),
        ("Jürgen Groß", "jurgen gross"),
        ("Дмитрий Орлов", "дмитрии орлов"),
        ("Dr", "dr"),
    ],
)
def test_name_keys(name: str, key: str) -> None:
    assert normalize_name(name) == key


@pytest.mark.parametrize(
    ("company", "key"),
    [
        ("Quarry & Vine, Inc.", "quarry and vine"),
        ("Tidewell Systems Inc", "tidewell systems"),
        ("Café Noël GmbH", "cafe noel"),
        ("The Harbor Company", "harbor"),
        ("Smith & Co.", "smith"),
        ("Vink & Daughters Ltd", "vink and daughters"),
        ("AB", "ab"),
        ("", ""),
    ],
)
def test_company_keys(company: str, key: str) -> None:
    assert normalize_company(company) == key


def test_name_and_company_key_needs_a_name() -> None:
    assert name_company_key("Dana Whitfield, PMP", "Tidewell Systems, Inc.") == (
        "dana whitfield\x1ftidewell systems"
    )
    assert name_company_key("Rosalind Achterberg", "") == "rosalind achterberg\x1f"
    assert name_company_key("🚀", "Tidewell") == ""


NAME_TEXT = st.text(
    alphabet=st.sampled_from([*"abcdeéüßABCDÉÜ -.'’,()/|PhDMBAJr", "\u0301", "Ö", "ø"]),
    max_size=30,
)


@given(NAME_TEXT)
def test_the_fast_name_paths_agree_with_the_general_one(name: str) -> None:
    assert normalize_name(name) == " ".join(identity_keys._name_words(name))


@given(st.text(alphabet=st.characters(categories=("Lu", "Ll", "Zs")), max_size=25))
def test_name_keys_ignore_case_and_spacing(name: str) -> None:
    spaced = "  " + "   ".join(name.split()) + " "
    assert normalize_name(spaced) == normalize_name(name)
    assert normalize_name(name.casefold()) == normalize_name(name)


@given(st.text(max_size=40))
def test_keys_never_fail_and_linkedin_keys_are_stable(text: str) -> None:
    normalize_email(text)
    phone_key(text)
    name_company_key(text, text)
    key = normalize_linkedin(text)
    assert normalize_linkedin(key) == key


@given(st.from_regex(r"\+?[0-9]{9,12}", fullmatch=True), st.sampled_from(["-", " ", ".", ""]))
def test_phone_keys_ignore_separators(number: str, separator: str) -> None:
    spaced = separator.join(number[i : i + 3] for i in range(0, len(number), 3))
    assert phone_key(spaced) == phone_key(number)
