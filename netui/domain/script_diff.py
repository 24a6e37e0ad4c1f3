"""A readable line-by-line comparison of two saved texts of a script.

The revisions screen shows what changed between two revisions; each line comes typed
(same, added, removed) so the screen styles it without markup, whatever the text holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from netui.domain.script_types import Revision

__all__ = ["DiffKind", "DiffLine", "diff_lines", "diff_revisions"]


class DiffKind(StrEnum):
    SAME = "same"  # in both texts
    ADDED = "added"  # only in the newer text
    REMOVED = "removed"  # only in the older text


@dataclass(frozen=True, slots=True)
class DiffLine:
    kind: DiffKind
    text: str  # the line, without its line break


def diff_lines(old: str, new: str) -> list[DiffLine]:
    """Every line of both texts in reading order; a changed line is removed, then added."""
    before, after = old.splitlines(), new.splitlines()
    # autojunk off: it would treat common lines of a long script (blank ones) as noise.
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    lines: list[DiffLine] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            lines += (DiffLine(DiffKind.SAME, line) for line in before[i1:i2])
            continue
        lines += (DiffLine(DiffKind.REMOVED, line) for line in before[i1:i2])
        lines += (DiffLine(DiffKind.ADDED, line) for line in after[j1:j2])
    return lines


def diff_revisions(old: Revision, new: Revision) -> list[DiffLine]:
    """What changed from ``old`` to ``new``: a ``Subject: ...`` line first when either has
    one, then the body's lines."""
    subject: list[DiffLine] = []
    if old.subject or new.subject:
        subject = diff_lines(f"Subject: {old.subject}", f"Subject: {new.subject}")
    return subject + diff_lines(old.body, new.body)
