"""The rules a stored record keeps beyond its types, as a restore applies them."""

from __future__ import annotations

from typing import Any

from netui.domain.record_rules import (
    STORED_RECORD_RULES,
    RecordRules,
    at_most,
    cadence_rule,
    name_rule,
    one_of,
    rank_rule,
    shown,
    strength_rule,
    top20_rule,
)
from netui.domain.types import Channel, TriageStatus
from netui.domain.validation import MAX_NAME_LENGTH


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
    assert STORED_RECORD_RULES.field_rule("contact", "tags") is None


def test_no_rules_by_default() -> None:
    assert RecordRules().field_rule("contact", "status") is None
    assert RecordRules().section_rules("contact") == ()
    assert RecordRules().cleaner("contact", "full_name") is None


# --- the app's own rules for contacts, and cleaning -------------------------------------


def member(contact_id: int, rank: int | None, status: str = "top20") -> dict[str, Any]:
    return {"id": contact_id, "status": status, "top20_rank": rank}


def test_a_full_top20_with_one_rank_each_keeps_the_rules() -> None:
    records = [member(n, n) for n in range(1, 21)] + [member(21, None, "later")]
    assert list(top20_rule(records)) == []


def test_a_member_without_a_rank_is_allowed_but_not_a_21st_member() -> None:
    records = [member(n, None) for n in range(1, 23)]
    assert list(top20_rule(records)) == [
        (20, "status", "the Top 20 holds at most 20 contacts"),
        (21, "status", "the Top 20 holds at most 20 contacts"),
    ]


def test_each_rank_once_and_only_on_the_top20() -> None:
    records = [member(7, 1), member(8, 1), member(9, 2, "skip"), {"id": 10, "top20_rank": 3}]
    assert list(top20_rule(records)) == [
        (1, "top20_rank", "rank 1 is taken (by the contact with id 7)"),
        (2, "top20_rank", "a contact that is skip, not top20, has no rank"),
        (3, "top20_rank", "a contact that is new, not top20, has no rank"),  # status defaults
    ]


def test_field_rules() -> None:
    assert name_rule("Ana") is None
    assert name_rule("") == "a contact needs a name"
    assert name_rule("A" * MAX_NAME_LENGTH) is None
    assert (
        name_rule("A" * (MAX_NAME_LENGTH + 1)) == "is 201 characters long (a name is at most 200)"
    )
    assert [rank_rule(rank) for rank in (1, 20)] == [None, None]
    assert rank_rule(21) == "21 is not a Top 20 rank (1 to 20)"
    assert at_most(3)("abcd") == "is 4 characters long (the limit is 3)"
    assert cadence_rule("3m") is None
    assert cadence_rule("3 months") == '"3 months" is not a cadence (such as 2w or 3m)'


def test_text_is_cleaned_by_kind_of_field() -> None:
    name = STORED_RECORD_RULES.cleaner("contact", "full_name")
    notes = STORED_RECORD_RULES.cleaner("contact", "notes")
    assert name is not None
    assert notes is not None
    assert name("Ana\x1b[31m  Lima\n") == "Ana Lima"
    assert notes("one\r\ntwo\x07\n") == "one\ntwo"
    assert STORED_RECORD_RULES.cleaner("contact", "strength") is None
    assert STORED_RECORD_RULES.cleaner("import_batch", "source_path") is None  # a path as is
