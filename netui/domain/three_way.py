"""Saving an edit over what another netui saved meanwhile: the three-way rule, per field.

An edit form opens on one version of a contact (the *original*). By the time it is saved,
another process may have stored a newer one (*theirs*). Writing the form's whole draft
(*mine*) would undo every change they made; instead each field is decided on its own:

- changed on one side only: that side's value;
- changed on both sides to the same value: that value;
- changed on both sides differently: a :class:`FieldConflict`, holding both, for the user
  to choose; until then the merged draft keeps mine.

A contact's name is one field here: ``full_name`` with the ``first_name`` and
``last_name`` split from it, which always travel together.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, fields, replace

from netui.domain.types import ContactDraft

__all__ = ["FIELD_GROUPS", "EditMerge", "FieldConflict", "merge_edit", "resolve"]

_NAME_PARTS = ("first_name", "last_name")

FIELD_GROUPS: dict[str, tuple[str, ...]] = {
    field.name: (field.name, *_NAME_PARTS) if field.name == "full_name" else (field.name,)
    for field in fields(ContactDraft)
    if field.name not in _NAME_PARTS
}
"""The draft fields decided together, under the name of the field a form shows."""


@dataclass(frozen=True, slots=True)
class FieldConflict:
    """One field both sides changed, each its own way."""

    field: str
    """The draft field (a key of :data:`FIELD_GROUPS`)."""
    original: object
    mine: object
    theirs: object


@dataclass(frozen=True, slots=True)
class EditMerge:
    """The draft to save, and the fields the user must decide first."""

    draft: ContactDraft
    conflicts: tuple[FieldConflict, ...]


def _values(draft: ContactDraft, group: tuple[str, ...]) -> tuple[object, ...]:
    return tuple(getattr(draft, name) for name in group)


def _take(draft: ContactDraft, source: ContactDraft, group: tuple[str, ...]) -> ContactDraft:
    return replace(draft, **{name: getattr(source, name) for name in group})


def merge_edit(original: ContactDraft, mine: ContactDraft, theirs: ContactDraft) -> EditMerge:
    """Mine over theirs, field by field, both relative to the version the form opened on."""
    draft = mine
    conflicts: list[FieldConflict] = []
    for field, group in FIELD_GROUPS.items():
        before, ours, other = (_values(d, group) for d in (original, mine, theirs))
        if ours in (before, other):
            draft = _take(draft, theirs, group)
        elif other != before:
            conflicts.append(
                FieldConflict(
                    field, getattr(original, field), getattr(mine, field), getattr(theirs, field)
                )
            )
    return EditMerge(draft, tuple(conflicts))


def resolve(merge: EditMerge, theirs: ContactDraft, take_theirs: Collection[str]) -> ContactDraft:
    """The merged draft with each conflicting field in ``take_theirs`` set to their value."""
    draft = merge.draft
    for conflict in merge.conflicts:
        if conflict.field in take_theirs:
            draft = _take(draft, theirs, FIELD_GROUPS[conflict.field])
    return draft
