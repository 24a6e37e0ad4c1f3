"""The three-way rule for an edit saved over another netui's: each field on its own."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from netui.domain.three_way import FIELD_GROUPS, FieldConflict, merge_edit, resolve
from netui.domain.types import ContactDraft, DatePrecision, LooseDate

ORIGINAL = ContactDraft(
    full_name="Ada Okafor",
    first_name="Ada",
    last_name="Okafor",
    company="Larkspur Analytics",
    title="Data Lead",
    emails=("ada@larkspur.example",),
    tags=("data",),
    strength=4,
    last_contacted=LooseDate(date(2019, 3, 1), DatePrecision.MONTH),
)


def test_nobody_changed_anything() -> None:
    merged = merge_edit(ORIGINAL, ORIGINAL, ORIGINAL)
    assert merged.draft == ORIGINAL
    assert merged.conflicts == ()


def test_my_one_change_keeps_everything_they_changed() -> None:
    """The bug this rule fixes: saving a title undid another netui's email, strength, tags."""
    mine = replace(ORIGINAL, title="VP Data")
    theirs = replace(
        ORIGINAL, company="Quillfeather", emails=(), strength=None, tags=("data", "mentor")
    )
    merged = merge_edit(ORIGINAL, mine, theirs)
    assert merged.conflicts == ()
    assert merged.draft == replace(theirs, title="VP Data")


def test_only_my_changes_are_kept_when_they_changed_nothing() -> None:
    mine = replace(ORIGINAL, company="Tallgrass", strength=5, emails=())
    merged = merge_edit(ORIGINAL, mine, ORIGINAL)
    assert merged.draft == mine
    assert merged.conflicts == ()


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    mine = replace(ORIGINAL, company="Tallgrass")
    merged = merge_edit(ORIGINAL, mine, replace(ORIGINAL, company="Tallgrass"))
    assert merged.draft == mine
    assert merged.conflicts == ()


def test_different_changes_to_one_field_are_a_conflict_holding_both() -> None:
    mine = replace(ORIGINAL, company="Tallgrass", title="VP Data")
    theirs = replace(ORIGINAL, company="Copperline", strength=2)
    merged = merge_edit(ORIGINAL, mine, theirs)
    assert merged.conflicts == (
        FieldConflict("company", "Larkspur Analytics", "Tallgrass", "Copperline"),
    )
    assert merged.draft == replace(ORIGINAL, company="Tallgrass", title="VP Data", strength=2)


def test_the_name_and_its_parts_travel_together() -> None:
    theirs = replace(ORIGINAL, full_name="Ada O. Brandt", first_name="Ada", last_name="Brandt")
    merged = merge_edit(ORIGINAL, replace(ORIGINAL, title="VP"), theirs)
    assert (merged.draft.full_name, merged.draft.last_name) == ("Ada O. Brandt", "Brandt")

    mine = replace(ORIGINAL, full_name="Adaeze Okafor", first_name="Adaeze")
    merged = merge_edit(ORIGINAL, mine, theirs)
    (conflict,) = merged.conflicts
    assert (conflict.field, conflict.mine, conflict.theirs) == (
        "full_name",
        "Adaeze Okafor",
        "Ada O. Brandt",
    )
    taken = resolve(merged, theirs, {"full_name"})
    assert (taken.full_name, taken.first_name, taken.last_name) == (
        "Ada O. Brandt",
        "Ada",
        "Brandt",
    )


def test_resolving_takes_theirs_only_where_asked() -> None:
    mine = replace(ORIGINAL, company="Tallgrass", strength=5)
    theirs = replace(ORIGINAL, company="Copperline", strength=1)
    merged = merge_edit(ORIGINAL, mine, theirs)
    assert {c.field for c in merged.conflicts} == {"company", "strength"}
    resolved = resolve(merged, theirs, {"strength"})
    assert (resolved.company, resolved.strength) == ("Tallgrass", 1)
    assert resolve(merged, theirs, ()) == mine


def test_every_draft_field_is_decided() -> None:
    decided = {name for group in FIELD_GROUPS.values() for name in group}
    assert decided == set(ContactDraft.__dataclass_fields__)


texts = st.sampled_from(["", "a", "b"])
drafts = st.builds(
    ContactDraft,
    full_name=texts,
    company=texts,
    notes=texts,
    tags=st.sampled_from([(), ("x",), ("x", "y")]),
    strength=st.sampled_from([None, 1, 5]),
)


@given(drafts, drafts, drafts)
def test_the_rule_never_loses_a_side(
    original: ContactDraft, mine: ContactDraft, theirs: ContactDraft
) -> None:
    merged = merge_edit(original, mine, theirs)
    conflicted = {c.field for c in merged.conflicts}
    for field, group in FIELD_GROUPS.items():
        got = [getattr(merged.draft, name) for name in group]
        ours = [getattr(mine, name) for name in group]
        other = [getattr(theirs, name) for name in group]
        before = [getattr(original, name) for name in group]
        if field in conflicted:
            assert ours != before != other != ours
            assert got == ours
        elif ours == before:
            assert got == other
        else:
            assert got == ours
    if mine == original:
        assert merged.draft == theirs
    if theirs == original:
        assert merged.draft == mine
    assert resolve(merged, theirs, conflicted) == replace(
        merged.draft, **{n: getattr(theirs, n) for f in conflicted for n in FIELD_GROUPS[f]}
    )
