"""The contact rules on their own: cleaning a draft.

What each front end does with them is checked in tests/test_text_cleaning_both_front_ends.py.
"""

from __future__ import annotations

import pytest

from netui.domain.types import ContactDraft
from netui.domain.validation import clean_draft, validate_draft
from netui.errors import ValidationError

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
