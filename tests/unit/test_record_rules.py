"""The rules a stored record keeps beyond its types, as a restore applies them."""

from __future__ import annotations

from netui.domain.record_rules import (
    STORED_RECORD_RULES,
    RecordRules,
    one_of,
    shown,
    strength_rule,
)
from netui.domain.types import Channel, TriageStatus


def test_a_choice_must_be_one_of_its_values() -> None:
    rule = one_of(Channel)
    assert rule("call") is None
    assert rule("carrier pigeon") == (
        '"carrier pigeon" is not one of call, email, message, meeting, other'
    )


def test_strength_runs_from_one_to_five() -> None:
    assert [strength_rule(value) for value in (1, 5)] == [None, None]
    assert strength_rule(0) == "0 is not a strength from 1 to 5"


def test_values_are_quoted_as_json_and_cut_short() -> None:
    assert shown("Zoë") == '"Zoë"'
    assert shown(None) == "null"
    long = shown("x" * 100)
    assert (len(long), long[-3:]) == (60, "...")


def test_the_stored_rules_cover_every_status_field() -> None:
    for record, field in (
        ("contact", "status"),
        ("triage_event", "before_status"),
        ("triage_event", "after_status"),
    ):
        rule = STORED_RECORD_RULES.field_rule(record, field)
        assert rule is not None
        assert rule(TriageStatus.TOP20.value) is None
        assert rule("vip") is not None
    assert STORED_RECORD_RULES.field_rule("contact", "notes") is None


def test_no_rules_by_default() -> None:
    assert RecordRules().field_rule("contact", "status") is None
    assert RecordRules().section_rules("contact") == ()
