"""Rules a stored record keeps beyond its fields' types, however it arrives.

A backup restore writes records straight into the tables, past the forms and services
that normally keep them sound, so it checks every record against these rules first
(``netui.io.backup_check``). Two kinds of rule:

- a :data:`FieldRule` looks at one field's value (already of the field's kind);
- a :data:`SectionRule` looks at every record of one kind together (how many are in the
  Top 20, say) and names the records that break it.

Rules say what is wrong in words; the caller adds where (``contacts[12].status: ...``).
:data:`STORED_RECORD_RULES` are the rules netui applies.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from netui.domain.types import Channel, DatePrecision, Outcome, TriageStatus

__all__ = [
    "STORED_RECORD_RULES",
    "FieldRule",
    "RecordRules",
    "SectionRule",
    "one_of",
    "shown",
    "strength_rule",
]

FieldRule = Callable[[Any], str | None]
"""What is wrong with a field's value, or None when it keeps the rule."""

SectionRule = Callable[[Sequence[Mapping[str, Any]]], Iterable[tuple[int, str, str]]]
"""Given every record of a kind in order: (position of a record, its field, what is wrong)."""


@dataclass(frozen=True)
class RecordRules:
    """The rules for each kind of record (by its table name) and each of its fields."""

    fields: Mapping[tuple[str, str], FieldRule] = field(default_factory=dict)
    sections: Mapping[str, tuple[SectionRule, ...]] = field(default_factory=dict)

    def field_rule(self, record: str, name: str) -> FieldRule | None:
        return self.fields.get((record, name))

    def section_rules(self, record: str) -> tuple[SectionRule, ...]:
        return self.sections.get(record, ())


def shown(value: Any) -> str:
    """A value as a problem message quotes it: as JSON, cut short when long."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def one_of(choices: type[StrEnum]) -> FieldRule:
    """A rule that the value is one of an enumeration's values."""
    allowed = tuple(choice.value for choice in choices)

    def check(value: Any) -> str | None:
        if value in allowed:
            return None
        return f"{shown(value)} is not one of {', '.join(allowed)}"

    return check


def strength_rule(value: Any) -> str | None:
    """Tie strength runs from 1 (acquaintance) to 5 (close)."""
    return None if 1 <= value <= 5 else f"{value} is not a strength from 1 to 5"


_STATUS = one_of(TriageStatus)

STORED_RECORD_RULES = RecordRules(
    fields={
        ("contact", "status"): _STATUS,
        ("contact", "strength"): strength_rule,
        ("contact", "last_contacted_precision"): one_of(DatePrecision),
        ("interaction", "channel"): one_of(Channel),
        ("interaction", "outcome"): one_of(Outcome),
        ("triage_event", "before_status"): _STATUS,
        ("triage_event", "after_status"): _STATUS,
        ("triage_event", "before_strength"): strength_rule,
        ("triage_event", "after_strength"): strength_rule,
    }
)
