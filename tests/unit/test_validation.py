"""The contact rules on their own: cleaning a draft, phone numbers, LinkedIn addresses.

What each front end does with them (the CLI's option names, the form's fields) is checked in
tests/test_input_rules_both_front_ends.py and tests/test_text_cleaning_both_front_ends.py.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from netui.domain.dates import shown_input
from netui.domain.types import ContactDraft
from netui.domain.validation import check_linkedin, check_phone, clean_draft, validate_draft
from netui.errors import ValidationError


@pytest.mark.parametrize(
    "phone",
    [
        "+1 (555) 010-4477",
        "555.010.4477",
        "030/1234-5",
        "+44 20 7946 0811 x12",
        "+44 20 7946 0811x12",
        "555 0100 ext. 12",
        "555 0100 ext 12",
        "555 0100 extension 12",
        "555 0100 EXT. 12",
        "7",
    ],
)
def test_phone_numbers_with_punctuation_and_an_extension_are_kept(phone: str) -> None:
    assert check_phone(phone) == phone
    assert check_phone(f"  {phone} ") == phone


@pytest.mark.parametrize(
    "phone",
    [
        "abc",
        "---",
        "( )",
        "call after 6",
        "555 0100 ask for Bo",
        "x12",
        "ext. 12",
        "555#12",
        "+1 555 0100 x",
    ],
)
def test_anything_else_is_not_a_phone_number(phone: str) -> None:
    with pytest.raises(ValidationError) as error:
        check_phone(phone)
    assert error.value.field == "phones"
    assert error.value.message.startswith(f'"{phone}" is not a phone number: use digits')


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("https://www.linkedin.com/in/dana-w", "https://www.linkedin.com/in/dana-w"),
        ("http://uk.linkedin.com/in/dana-w/?trk=x", "http://uk.linkedin.com/in/dana-w/?trk=x"),
        ("HTTPS://WWW.LINKEDIN.COM/in/Dana", "HTTPS://WWW.LINKEDIN.COM/in/Dana"),
        ("linkedin.com/in/dana-w", "https://linkedin.com/in/dana-w"),
        ("www.linkedin.com/pub/dana-w/1/23/456", "https://www.linkedin.com/pub/dana-w/1/23/456"),
        ("dana-w", "https://www.linkedin.com/in/dana-w"),
        ("dana_w42", "https://www.linkedin.com/in/dana_w42"),
        ("José-Müller", "https://www.linkedin.com/in/José-Müller"),
        ("jos%C3%A9", "https://www.linkedin.com/in/jos%C3%A9"),
        ("in/dana-w", "https://www.linkedin.com/in/dana-w"),
        ("/in/dana-w/", "https://www.linkedin.com/in/dana-w/"),
        ("pub/dana-w/1/23/456", "https://www.linkedin.com/pub/dana-w/1/23/456"),
        ("", ""),
    ],
)
def test_linkedin_addresses_and_handles_become_linkedin_urls(typed: str, stored: str) -> None:
    assert check_linkedin(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "javascript:alert(1)",
        "data:text/html,hi",
        "ftp://www.linkedin.com/in/dana-w",
        "mailto:dana@linkedin.com",
        "https://evil.example/in/dana-w",
        "https://www.linkedin.com.evil.example/in/dana-w",
        "https://evillinkedin.com/in/dana-w",
        "evil.example/linkedin.com/in/dana-w",
        "https://www.linkedin.com@evil.example/in/dana-w",
        "https://dana:secret@www.linkedin.com/in/dana-w",
        "https://www.linkedin.com:8443/in/dana-w",
        "https://[::1]/in/dana-w",
        "https://www.linkedin.com/in/dana w",
        "dana w",
        "dana.w",
        "-",
        "in/",
    ],
)
def test_other_sites_schemes_and_shapes_are_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as error:
        check_linkedin(typed)
    assert error.value.field == "linkedin_url"
    assert error.value.message.startswith(f'"{shown_input(typed)}" is not a LinkedIn address: give')


@pytest.mark.parametrize(
    ("check", "text"),
    [
        (check_phone, "1" * 100_000 + "a"),
        (check_phone, "-" * 100_000),
        (check_linkedin, "a" * 100_000 + "."),
        (check_linkedin, "_" * 100_000),
    ],
    ids=["digits then a letter", "dashes", "a handle then a dot", "underscores"],
)
def test_a_long_paste_is_refused_at_once(check: Callable[[str], str], text: str) -> None:
    """No pattern backtracks over a long value (a quadratic one took minutes on these)."""
    started = time.perf_counter()
    with pytest.raises(ValidationError):
        check(text)
    assert time.perf_counter() - started < 2


HOSTILE = ContactDraft(
    full_name="Fay \x1b]0;PWNED\x07Ray\x9b1m",
    first_name="Fay",
    last_name="Ray\x9b1m",
    company="Acme\x1b[31m Red\x1b[0m\u202e Co\n",
    title="Lead\r\nEngineer",
    emails=("fay\x07@example.org", "fay@example.org"),
    phones=("+1 555\x1b[2J 0100", "\x00"),
    linkedin_url="https://www.linkedin.com/in/fay\x1b[0m",
    how_we_met="at\tLarkspur\x00 2016",
    notes="  line one\x1b[2J\r\nline two\x9b31m\t!  \n\n",
    tags=("mentor\u202e", "\x1b[1mdata", "mentor"),
)


def test_a_draft_is_cleaned_field_by_field() -> None:
    assert clean_draft(HOSTILE) == ContactDraft(
        full_name="Fay Ray",
        first_name="Fay",
        last_name="Ray",
        company="Acme Red Co",
        title="Lead Engineer",
        emails=("fay@example.org",),
        phones=("+1 555 0100",),
        linkedin_url="https://www.linkedin.com/in/fay",
        how_we_met="at Larkspur 2016",
        notes="line one\nline two !",
        tags=("mentor", "data"),
    )
    assert validate_draft(HOSTILE) == clean_draft(HOSTILE)


def test_names_guessed_from_the_full_name_are_guessed_again_once_it_is_clean() -> None:
    typed = "\x1b[2J Fay Ray \x1b]0;x\x07"  # the first and last words are only controls
    guessed = validate_draft(
        ContactDraft(full_name=typed, first_name="\x1b[2J", last_name="\x1b]0;x\x07")
    )
    assert (guessed.full_name, guessed.first_name, guessed.last_name) == ("Fay Ray", "Fay", "Ray")
    given = validate_draft(ContactDraft(full_name=typed, first_name="F.", last_name="Ray\x07"))
    assert (given.first_name, given.last_name) == ("F.", "Ray")


def test_a_name_of_control_characters_only_is_no_name() -> None:
    with pytest.raises(ValidationError) as error:
        validate_draft(ContactDraft(full_name="\x1b[2J\x9b1m\u202e"))
    assert error.value.field == "name"


def test_the_name_length_counts_what_is_kept() -> None:
    padded = "A" * 200 + "\x1b[31m" * 50
    assert validate_draft(ContactDraft(full_name=padded)).full_name == "A" * 200


def test_phones_and_linkedin_are_checked_when_new_or_changed() -> None:
    with pytest.raises(ValidationError) as error:
        validate_draft(ContactDraft(full_name="Bo", phones=("555 0100", "ask reception")))
    assert error.value.field == "phones"
    with pytest.raises(ValidationError) as error:
        validate_draft(ContactDraft(full_name="Bo", linkedin_url="javascript:alert(1)"))
    assert error.value.field == "linkedin_url"
    assert validate_draft(ContactDraft(full_name="Bo", linkedin_url="bo-42")).linkedin_url == (
        "https://www.linkedin.com/in/bo-42"
    )


def test_what_a_contact_already_has_is_kept_when_editing_it() -> None:
    imported = ContactDraft(full_name="Bo", phones=("ask reception",), linkedin_url="bo.example/me")
    edited = validate_draft(
        ContactDraft(
            full_name="Bo", company="Acme", phones=imported.phones, linkedin_url="bo.example/me"
        ),
        stored=imported,
    )
    assert (edited.phones, edited.linkedin_url) == (("ask reception",), "bo.example/me")
    with pytest.raises(ValidationError):
        validate_draft(
            ContactDraft(full_name="Bo", phones=("ask reception", "abc")), stored=imported
        )
    with pytest.raises(ValidationError):
        validate_draft(ContactDraft(full_name="Bo", linkedin_url="bo.example/you"), stored=imported)
