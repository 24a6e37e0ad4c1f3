"""What typing a script's name, text or the profile stores, whichever front end it is."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netui.domain.inputs import InputError
from netui.domain.script_inputs import (
    MAX_PROFILE_NAME,
    name_key,
    read_profile,
    read_script_body,
    read_script_name,
    read_script_subject,
    read_script_text,
    unused_name,
)
from netui.domain.script_types import MAX_SCRIPT_BODY, MAX_SCRIPT_NAME, MAX_SCRIPT_SUBJECT
from netui.domain.script_values import Profile


def test_a_name_is_one_clean_line() -> None:
    assert read_script_name("  Warm \t hello\n again ") == "Warm hello again"
    assert read_script_name("\x1b[1mBold\x1b[0m [b]kept[/b]") == "Bold [b]kept[/b]"


@pytest.mark.parametrize(
    ("typed", "taken", "message"),
    [
        ("", (), "a script needs a name"),
        (" \x07 ", (), "a script needs a name"),
        ("n" * (MAX_SCRIPT_NAME + 1), (), f"(at most {MAX_SCRIPT_NAME})"),
        ("STRASSE", ("straße",), '"STRASSE" is taken'),
    ],
)
def test_names_refused(typed: str, taken: tuple[str, ...], message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        read_script_name(typed, taken)


def test_names_compare_case_folded() -> None:
    assert name_key("Straße Call") == name_key("STRASSE CALL")
    assert name_key("Ünïcode") != name_key("Unicode")


def test_subject_and_body() -> None:
    assert read_script_subject(" Hi\r\nthere ") == "Hi there"
    assert read_script_body("\n  Hi,\r\n\tthere  \n\n") == "Hi,\n there"
    with pytest.raises(InputError, match="at most 300"):
        read_script_subject("s" * (MAX_SCRIPT_SUBJECT + 1))
    with pytest.raises(InputError, match="20,001 characters long"):
        read_script_body("b" * (MAX_SCRIPT_BODY + 1))
    assert read_script_text("S\n", "B \n") == ("S", "B")
    with pytest.raises(InputError, match=r"^text is"):
        read_script_text("", "b" * (MAX_SCRIPT_BODY + 1))
    with pytest.raises(InputError, match=r"^subject is"):
        read_script_text("s" * (MAX_SCRIPT_SUBJECT + 1), "")


def test_unused_names_are_marked_and_fit() -> None:
    assert unused_name("Intro", [], "copy") == "Intro"
    assert unused_name("Intro", ["intro"], "copy") == "Intro (copy)"
    assert unused_name("Intro", ["Intro", "INTRO (COPY)"], "copy") == "Intro (copy 2)"
    long = "x" * MAX_SCRIPT_NAME
    assert unused_name(long, [long], "netui") == "x" * (MAX_SCRIPT_NAME - 8) + " (netui)"


@given(st.text(max_size=MAX_SCRIPT_NAME + 20), st.lists(st.text(max_size=30), max_size=5))
def test_an_unused_name_is_always_free_and_short_enough(name: str, taken: list[str]) -> None:
    found = unused_name(name or "x", [*taken, name], "copy")
    assert name_key(found) not in {name_key(other) for other in [*taken, name]}
    assert len(found) <= max(MAX_SCRIPT_NAME, len(name or "x"))


def test_the_profile_is_one_line_per_field_and_bounded() -> None:
    read, errors = read_profile(Profile(" Sam\nOrtega ", "between\x1b[2J jobs", "an intro"))
    assert (read, errors) == (Profile("Sam Ortega", "between jobs", "an intro"), {})
    read, errors = read_profile(Profile("n" * (MAX_PROFILE_NAME + 1), "ok", ""))
    assert read == Profile("", "ok", "")
    assert list(errors) == ["name"]
    assert "at most 200" in errors["name"]
