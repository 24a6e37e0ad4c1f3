"""Rules a stored record keeps beyond its fields' types, however it arrives.

A backup restore writes records straight into the tables, past the forms and services
that normally keep them sound, so it checks every record against these rules first
(``netui.io.backup_check``). Two kinds of rule:

- a :data:`FieldRule` looks at one field's value (already of the field's kind);
- a :data:`SectionRule` looks at every record of one kind together (how many are in the
  Top 20, say) and names the records that break it.

Rules say what is wrong in words; the caller adds where (``contacts[12].status: ...``).
:data:`STORED_RECORD_RULES` are the rules netui applies: the limits the app's own forms
keep (:mod:`netui.domain.validation`), tie strength from 1 to 5, a Top 20 of at most
20 with one rank each from 1 to 20, and scripts held to the Script pane's limits
(:mod:`netui.domain.script_inputs`), with a name of their own among those not deleted.

Text is cleaned before it is checked, as on every other way in
(:mod:`netui.domain.clean_text`): a :data:`TextCleaner` per text field, ``clean_line`` for
one-line fields and each item of a list, ``clean_multiline`` for notes and bodies.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from netui.domain.cadence import Cadence
from netui.domain.clean_text import clean_line, clean_multiline
from netui.domain.contact_fields import BOOKKEEPING_FIELDS, FIELD_KINDS
from netui.domain.contact_uid import uid_problem
from netui.domain.record_shape import ValueKind
from netui.domain.referrals import referral_loops_rule
from netui.domain.script_inputs import name_key
from netui.domain.script_types import MAX_SCRIPT_BODY, MAX_SCRIPT_NAME, MAX_SCRIPT_SUBJECT
from netui.domain.scripts import ScriptChannel
from netui.domain.types import TOP20_SIZE, Channel, DatePrecision, Outcome, TriageStatus
from netui.domain.validation import MAX_FIELD_LENGTH, MAX_NAME_LENGTH

__all__ = [
    "STORED_RECORD_RULES",
    "FieldRule",
    "RecordRules",
    "SectionRule",
    "TextCleaner",
    "at_most",
    "cadence_rule",
    "name_rule",
    "one_of",
    "rank_rule",
    "script_name_rule",
    "script_names_rule",
    "shown",
    "strength_rule",
    "top20_rule",
]

FieldRule = Callable[[Any], str | None]
"""What is wrong with a field's value, or None when it keeps the rule."""

SectionRule = Callable[[Sequence[Mapping[str, Any]]], Iterable[tuple[int, str, str]]]
"""Given every record of a kind in order: (position of a record, its field, what is wrong)."""

TextCleaner = Callable[[str], str]
"""Text as it may be stored: what every way into netui makes of text it is given."""


@dataclass(frozen=True)
class RecordRules:
    """The rules for each kind of record (by its table name) and each of its fields, and
    how each text field is cleaned before its rule looks at it."""

    fields: Mapping[tuple[str, str], FieldRule] = field(default_factory=dict)
    sections: Mapping[str, tuple[SectionRule, ...]] = field(default_factory=dict)
    cleaners: Mapping[tuple[str, str], TextCleaner] = field(default_factory=dict)

    def field_rule(self, record: str, name: str) -> FieldRule | None:
        return self.fields.get((record, name))

    def cleaner(self, record: str, name: str) -> TextCleaner | None:
        return self.cleaners.get((record, name))

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


def name_rule(value: Any) -> str | None:
    """A contact's name: something, and no longer than the app's forms allow."""
    if not value:
        return "a contact needs a name"
    if len(value) > MAX_NAME_LENGTH:
        return f"is {len(value):,} characters long (a name is at most {MAX_NAME_LENGTH})"
    return None


def at_most(limit: int) -> FieldRule:
    """A rule that a text is at most ``limit`` characters long."""

    def check(value: Any) -> str | None:
        if len(value) <= limit:
            return None
        return f"is {len(value):,} characters long (the limit is {limit:,})"

    return check


def rank_rule(value: Any) -> str | None:
    """A Top 20 rank runs from 1 to 20."""
    return None if 1 <= value <= TOP20_SIZE else f"{value} is not a Top 20 rank (1 to {TOP20_SIZE})"


def cadence_rule(value: Any) -> str | None:
    """A keep-in-touch cadence is stored as its code (``2w``, ``3m``)."""
    try:
        Cadence.from_code(value)
    except ValueError:
        return f"{shown(value)} is not a cadence (such as 2w or 3m)"
    return None


def top20_rule(records: Sequence[Mapping[str, Any]]) -> Iterator[tuple[int, str, str]]:
    """The Top 20 holds at most 20 contacts, each rank once; only its members have one.

    A member without a rank is allowed (a database from before ranks may hold one).
    """
    members = 0
    ranked: dict[int, Any] = {}  # rank -> id of the contact that holds it
    top20 = TriageStatus.TOP20.value
    for position, record in enumerate(records):
        status = record.get("status", TriageStatus.NEW.value)
        rank = record.get("top20_rank")
        if status == top20:
            members += 1
            if members > TOP20_SIZE:
                yield position, "status", f"the Top 20 holds at most {TOP20_SIZE} contacts"
        if rank is None:
            continue
        if status != top20:
            yield position, "top20_rank", f"a contact that is {status}, not top20, has no rank"
        elif rank in ranked:
            other = ranked[rank]
            yield position, "top20_rank", f"rank {rank} is taken (by the contact with id {other})"
        else:
            ranked[rank] = record.get("id")


def script_name_rule(value: Any) -> str | None:
    """A script's name: something, and no longer than the Script pane allows."""
    if not value:
        return "a script needs a name"
    return at_most(MAX_SCRIPT_NAME)(value)


def script_names_rule(records: Sequence[Mapping[str, Any]]) -> Iterator[tuple[int, str, str]]:
    """Scripts not deleted have names of their own, ignoring case; a deleted one's is free."""
    holders: dict[str, Any] = {}  # name key -> id of the script that has it
    for position, record in enumerate(records):
        if record.get("deleted_at") is not None:
            continue
        name = record.get("name", "")
        key = name_key(name)
        if key in holders:
            yield position, "name", f"{shown(name)} is taken (by the script with id {holders[key]})"
        else:
            holders[key] = record.get("id")


def _positive(value: Any) -> str | None:
    return None if value >= 1 else f"{value} is not a number from 1 up"


_STATUS = one_of(TriageStatus)
_LONG_TEXT = at_most(MAX_FIELD_LENGTH)
# Text fields by how they are cleaned (a list's items as one-line text each). A contact's
# come from its field list, so a text field added to Contact is cleaned too; notes span lines.
_CONTACT_NOTES = "notes"
_ONE_LINE = {
    "contact": tuple(
        name
        for name, kind in FIELD_KINDS.items()
        if kind in (ValueKind.TEXT, ValueKind.LIST)
        and name != _CONTACT_NOTES
        and name not in BOOKKEEPING_FIELDS
    ),
    "script": ("name", "subject", "draft_subject"),
    "script_revision": ("subject",),
    "triage_event": ("label",),
}
_MULTI_LINE = {
    "contact": (_CONTACT_NOTES,),
    "interaction": ("note",),
    "script": ("body", "draft_body"),
    "script_revision": ("body",),
}
_SUBJECT, _BODY = at_most(MAX_SCRIPT_SUBJECT), at_most(MAX_SCRIPT_BODY)

STORED_RECORD_RULES = RecordRules(
    fields={
        ("contact", "full_name"): name_rule,
        **{
            ("contact", name): _LONG_TEXT
            for name in ("company", "title", "linkedin_url", "how_we_met", "notes")
        },
        ("contact", "status"): _STATUS,
        ("contact", "strength"): strength_rule,
        ("contact", "top20_rank"): rank_rule,
        ("contact", "cadence"): cadence_rule,
        ("contact", "uid"): uid_problem,
        ("contact", "last_contacted_precision"): one_of(DatePrecision),
        ("interaction", "channel"): one_of(Channel),
        ("interaction", "outcome"): one_of(Outcome),
        ("triage_event", "before_status"): _STATUS,
        ("triage_event", "after_status"): _STATUS,
        ("triage_event", "before_strength"): strength_rule,
        ("triage_event", "after_strength"): strength_rule,
        ("triage_event", "before_rank"): rank_rule,  # an undo puts it back
        ("triage_event", "after_rank"): rank_rule,
        ("script", "name"): script_name_rule,
        ("script", "channel"): one_of(ScriptChannel),
        ("script", "subject"): _SUBJECT,
        ("script", "body"): _BODY,
        ("script", "draft_subject"): _SUBJECT,
        ("script", "draft_body"): _BODY,
        ("script", "builtin_version"): _positive,
        ("script_revision", "number"): _positive,
        ("script_revision", "subject"): _SUBJECT,
        ("script_revision", "body"): _BODY,
    },
    sections={"contact": (top20_rule, referral_loops_rule), "script": (script_names_rule,)},
    cleaners={
        **{(record, name): clean_line for record, names in _ONE_LINE.items() for name in names},
        **{
            (record, name): clean_multiline
            for record, names in _MULTI_LINE.items()
            for name in names
        },
    },
)
