"""Rendering reconnect scripts: placeholders, fallbacks, literal braces, and never raising."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hypothesis import given
from hypothesis import strategies as st

from netui.domain.script_render import (
    PLACEHOLDERS,
    SegmentKind,
    find_placeholders,
    render,
)
from netui.domain.script_values import Profile, script_values, spoken_gap
from netui.domain.types import Contact, DatePrecision, TriageStatus

TODAY = date(2026, 11, 26)
VALUES = {
    "first_name": "Ann",
    "last_name": "Lee",
    "full_name": "Ann Lee",
    "company": "Acme",
    "title": "CTO",
    "how_we_met": "",
    "time_since": "about four years",
    "last_note": "",
    "my_name": "Sam",
    "my_situation": "moving from finance into data work",
    "my_ask": "",
}


def test_known_placeholders_are_filled() -> None:
    rendered = render("Hi {first_name}, it's been {time_since}. {my_name}", VALUES)
    assert rendered.text == "Hi Ann, it's been about four years. Sam"
    assert rendered.warnings == ()
    kinds = [s.kind for s in rendered.segments]
    assert kinds == [
        SegmentKind.TEXT,
        SegmentKind.VALUE,
        SegmentKind.TEXT,
        SegmentKind.VALUE,
        SegmentKind.TEXT,
        SegmentKind.VALUE,
    ]


def test_a_missing_value_uses_the_fallback_and_says_so() -> None:
    rendered = render("We met {how_we_met|a while back}.", VALUES)
    assert rendered.text == "We met a while back."
    assert rendered.segments[1].kind is SegmentKind.FALLBACK
    (warning,) = rendered.warnings
    assert "{how_we_met}" in warning
    assert "no how we met for this person" in warning
    assert "used “a while back”" in warning


def test_a_missing_value_without_fallback_is_left_out_and_named() -> None:
    rendered = render("Last time: {last_note}.", VALUES)
    assert rendered.text == "Last time: ."
    assert rendered.segments[1].kind is SegmentKind.MISSING
    assert rendered.warnings == ("{last_note} (" + PLACEHOLDERS["last_note"] + "): "
                                 "no last note for this person; it is left out",)  # fmt: skip


def test_an_empty_profile_field_is_a_warning_not_a_blank_that_goes_unnoticed() -> None:
    rendered = render("I am hoping for {my_ask}.", VALUES)
    assert rendered.warnings == (
        "{my_ask} (what you are asking for (your profile)): your profile has no ask yet; "
        "it is left out",
    )


def test_double_braces_are_literal() -> None:
    assert render("{{first_name}} is {first_name}; }} and {{", VALUES).text == (
        "{first_name} is Ann; } and {"
    )


def test_unknown_names_and_python_format_tricks_stay_as_written() -> None:
    template = "{frist_name} {c.__init__.__globals__} {x:>99999999} {0} {} { }"
    rendered = render(template, VALUES)
    assert rendered.text == template
    assert all(s.kind in (SegmentKind.TEXT, SegmentKind.UNKNOWN) for s in rendered.segments)
    assert "did you mean {first_name}?" in rendered.warnings[0]
    assert len(rendered.warnings) == 5  # "{}" and "{ }" read the same


def test_each_gap_is_warned_about_once() -> None:
    assert len(render("{last_note} {last_note} {nope} {nope}", VALUES).warnings) == 2


def test_find_placeholders_gives_names_and_spans_for_highlighting() -> None:
    text = "Hi {first_name|there}, {{x}} {bogus}"
    found = find_placeholders(text)
    assert [(p.name, p.fallback, p.known) for p in found] == [
        ("first_name", "there", True),
        ("bogus", None, False),
    ]
    assert [text[p.start : p.end] for p in found] == ["{first_name|there}", "{bogus}"]


@given(st.text())
def test_rendering_never_raises_on_any_text(template: str) -> None:
    rendered = render(template, VALUES)
    assert isinstance(rendered.text, str)


@given(st.text(alphabet="{}|_ abcfirstname\n", max_size=60))
def test_brace_soup_renders_and_keeps_every_non_placeholder_character(template: str) -> None:
    rendered = render(template, {})
    # With no values, placeholders render as fallbacks or nothing; all else is kept.
    known = sum(p.end - p.start for p in find_placeholders(template) if p.known)
    assert len(rendered.text) <= len(template)
    assert len(rendered.text) >= len(template) - known - template.count("{{") - template.count("}}")


def test_rendering_5000_characters_is_plain_work() -> None:
    template = "Hi {first_name|there}, it's been {time_since}. " * 120
    rendered = render(template, VALUES)
    assert len(template) > 5000
    assert rendered.warnings == ()


def contact(**changes: object) -> Contact:
    fields: dict[str, object] = {
        "id": 1,
        "full_name": "Ann Marie Lee",
        "first_name": "",
        "last_name": "",
        "company": "Acme",
        "title": "CTO",
        "emails": (),
        "phones": (),
        "linkedin_url": "",
        "how_we_met": "worked together at Larkspur",
        "notes": "",
        "tags": (),
        "strength": 4,
        "status": TriageStatus.TOP20,
        "top20_rank": 1,
        "last_contacted": date(2022, 5, 1),
        "last_contacted_precision": DatePrecision.MONTH,
        "cadence": None,
        "next_follow_up": None,
        "source": "manual",
        "created_at": datetime(2026, 1, 1, tzinfo=UTC),
        "updated_at": datetime(2026, 1, 1, tzinfo=UTC),
    }
    fields.update(changes)
    return Contact(**fields)  # type: ignore[arg-type]


def test_values_come_from_the_contact_its_history_and_the_profile() -> None:
    values = script_values(contact(), "asked about the data team", Profile("Sam"), TODAY)
    assert values["first_name"] == "Ann"
    assert values["last_name"] == "Lee"
    assert values["time_since"] == "about four years"
    assert values["last_note"] == "asked about the data team"
    assert (values["my_name"], values["my_situation"]) == ("Sam", "")


def test_time_since_falls_back_to_the_connection_date_then_a_long_time() -> None:
    connected = contact(last_contacted=None, connected_on=date(2024, 11, 1))
    assert script_values(connected, "", Profile(), TODAY)["time_since"] == "about two years"
    never = contact(last_contacted=None)
    assert script_values(never, "", Profile(), TODAY)["time_since"] == "a long time"


def test_spoken_gap_words() -> None:
    assert spoken_gap(date(2026, 11, 5), DatePrecision.DAY, TODAY) == "three weeks"
    assert spoken_gap(date(2026, 11, 20), DatePrecision.DAY, TODAY) == "six days"
    assert spoken_gap(date(2019, 1, 1), DatePrecision.YEAR, TODAY) == "about seven years"
    assert spoken_gap(date(2026, 11, 26), DatePrecision.DAY, TODAY) == "a little while"
    assert spoken_gap(date(1990, 1, 1), DatePrecision.YEAR, TODAY) == "about 36 years"
