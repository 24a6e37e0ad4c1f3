"""A contact's fields, written down once: every other list of them is derived from here.

The fields are :class:`~netui.domain.types.Contact`'s own, in its order, and the kind of
each comes from its type annotation. Storage (``netui.db.contacts``, ``netui.db.exporting``),
the CSV export (``netui.io.export_csv``) and the command line's JSON
(``netui.cli.output``) all take their columns from here, so a field added to Contact
reaches every one of them; ``tests/unit/test_contact_fields.py`` fails until it does.

The few exceptions are stated here rather than in each consumer:

- :data:`BOOKKEEPING_FIELDS` are netui's own records of where a contact came from and
  when it was written; files and output made for people leave them out.
- A draft's :data:`LOOSE_DATES` are one :class:`~netui.domain.types.LooseDate` each, which a
  Contact (and the database) holds as two fields: the date and its precision.
"""

from __future__ import annotations

import types
from dataclasses import fields
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Union, get_args, get_origin, get_type_hints

from netui.domain.record_shape import ValueKind
from netui.domain.types import Contact, ContactDraft

__all__ = [
    "BOOKKEEPING_FIELDS",
    "CHOICE_TYPES",
    "CONTACT_FIELDS",
    "DRAFT_FIELDS",
    "FIELD_KINDS",
    "LOOSE_DATES",
    "PEOPLE_FIELDS",
]

CONTACT_FIELDS: tuple[str, ...] = tuple(field.name for field in fields(Contact))
"""Every field of a Contact, in its order (the order positional rows use)."""

DRAFT_FIELDS: tuple[str, ...] = tuple(field.name for field in fields(ContactDraft))
"""The fields a person types in (a ContactDraft's)."""

BOOKKEEPING_FIELDS: tuple[str, ...] = ("source", "created_at", "updated_at")
"""Fields netui keeps for itself: left out of files and output made for people."""

PEOPLE_FIELDS: tuple[str, ...] = tuple(
    name for name in CONTACT_FIELDS if name not in BOOKKEEPING_FIELDS
)
"""The fields a person cares about: every field but the bookkeeping, in Contact's order."""

LOOSE_DATES: dict[str, str] = {"last_contacted": "last_contacted_precision"}
"""A draft's loose-date field, and the Contact field that holds its precision."""


def _kind(owner: str, hint: Any) -> tuple[ValueKind, type[StrEnum] | None]:
    """The kind of a field from its annotation (``X | None`` is the kind of ``X``)."""
    if get_origin(hint) in (Union, types.UnionType):
        present = [arg for arg in get_args(hint) if arg is not type(None)]
        if len(present) == 1:
            return _kind(owner, present[0])
    if get_origin(hint) is tuple and get_args(hint) == (str, ...):
        return ValueKind.LIST, None
    if isinstance(hint, type):
        if issubclass(hint, StrEnum):
            return ValueKind.CHOICE, hint
        for python_type, kind in (
            (bool, ValueKind.BOOL),
            (str, ValueKind.TEXT),
            (int, ValueKind.INT),
            (datetime, ValueKind.MOMENT),
            (date, ValueKind.DATE),
        ):
            if issubclass(hint, python_type):
                return kind, None
    raise TypeError(f"{owner} has a type no layer knows how to store or show: {hint!r}")


_KINDS = {name: _kind(f"Contact.{name}", hint) for name, hint in get_type_hints(Contact).items()}

FIELD_KINDS: dict[str, ValueKind] = {name: kind for name, (kind, _) in _KINDS.items()}
"""Each Contact field's kind of value."""

CHOICE_TYPES: dict[str, type[StrEnum]] = {
    name: enum for name, (_, enum) in _KINDS.items() if enum is not None
}
"""The enumeration each choice field's value belongs to (stored as the member's text)."""
