"""Comparing two revisions: every line in reading order, typed so no markup is needed."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from netui.domain.script_diff import DiffKind, DiffLine, diff_lines, diff_revisions
from netui.domain.script_types import Revision

SAME, ADDED, REMOVED = DiffKind.SAME, DiffKind.ADDED, DiffKind.REMOVED
AT = datetime(2026, 11, 26, tzinfo=UTC)


def revision(subject: str, body: str, number: int = 1) -> Revision:
    return Revision(
        id=number, script_id=1, number=number, subject=subject, body=body, saved_at=AT, used=0
    )


def test_a_changed_line_is_removed_then_added_among_the_same_ones() -> None:
    old = "Hi {first_name},\nIt's been a while.\n\nThanks,\n{my_name}"
    new = "Hi {first_name|there},\nIt's been a while.\n\nThanks,\n{my_name}\nPS: [b]no markup[/b]"
    assert diff_lines(old, new) == [
        DiffLine(REMOVED, "Hi {first_name},"),
        DiffLine(ADDED, "Hi {first_name|there},"),
        DiffLine(SAME, "It's been a while."),
        DiffLine(SAME, ""),
        DiffLine(SAME, "Thanks,"),
        DiffLine(SAME, "{my_name}"),
        DiffLine(ADDED, "PS: [b]no markup[/b]"),
    ]


def test_identical_and_empty_texts() -> None:
    assert diff_lines("a\nb", "a\nb") == [DiffLine(SAME, "a"), DiffLine(SAME, "b")]
    assert diff_lines("", "") == []
    assert diff_lines("", "new") == [DiffLine(ADDED, "new")]
    assert diff_lines("old", "") == [DiffLine(REMOVED, "old")]


def test_many_blank_lines_are_matched_as_lines_not_junk() -> None:
    old = "\n".join(["start", *[""] * 300, "end"])
    new = "\n".join(["start", *[""] * 300, "changed end"])
    kinds = [line.kind for line in diff_lines(old, new)]
    assert kinds == [SAME] * 301 + [REMOVED, ADDED]


def test_revisions_compare_their_subject_first_when_either_has_one() -> None:
    lines = diff_revisions(revision("Catching up", "Body"), revision("Long time!", "Body", 2))
    assert lines == [
        DiffLine(REMOVED, "Subject: Catching up"),
        DiffLine(ADDED, "Subject: Long time!"),
        DiffLine(SAME, "Body"),
    ]
    assert diff_revisions(revision("", "One"), revision("", "Two")) == [
        DiffLine(REMOVED, "One"),
        DiffLine(ADDED, "Two"),
    ]


@given(st.text(), st.text())
def test_the_old_and_new_texts_can_be_read_back_from_any_diff(old: str, new: str) -> None:
    lines = diff_lines(old, new)
    assert [line.text for line in lines if line.kind is not ADDED] == old.splitlines()
    assert [line.text for line in lines if line.kind is not REMOVED] == new.splitlines()
