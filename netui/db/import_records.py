"""The shapes of import data as stored: column lists, row records, and value encodings.

Values are in exactly the forms the models store (dates as ISO text, timestamps as naive
UTC ``YYYY-MM-DD HH:MM:SS.ffffff``, lists newline-joined); the change log that lets undo
revert an import holds field values as JSON.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

from netui.domain.record_merge import FieldValue

#: The contact columns an import may write when it matches a contact, in ExistingContact
#: order (after id and full_name).
MERGED_FIELDS = (
    "first_name",
    "last_name",
    "company",
    "title",
    "emails",
    "phones",
    "linkedin_url",
    "notes",
    "tags",
    "how_we_met",
    "connected_on",
    "previous_company",
    "previous_title",
    "job_changed_on",
)
LIST_FIELDS = frozenset(("emails", "phones", "tags"))
DATE_FIELDS = frozenset(("connected_on", "job_changed_on"))

#: The columns a row of a file can set: a hash of them, as stored, lets an incoming row be
#: compared with a stored contact without loading it. They are the merged fields a file can
#: set (the job-change ones only arise when a contact is updated).
FINGERPRINT_COLUMNS = MERGED_FIELDS[: MERGED_FIELDS.index("connected_on") + 1]

#: The columns of a new contact, in the order of the tuples given to insert_contacts; the
#: UID is written once, when the contact is created, and never merged.
NEW_CONTACT_COLUMNS = ("id", "full_name", *FINGERPRINT_COLUMNS, "uid")


class ExistingContact(NamedTuple):
    """A stored contact's fields an import compares and may change (fits StoredFields)."""

    id: int
    full_name: str
    first_name: str
    last_name: str
    company: str
    title: str
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    linkedin_url: str
    notes: str
    tags: tuple[str, ...]
    how_we_met: str
    connected_on: date | None
    previous_company: str
    previous_title: str
    job_changed_on: date | None
    updated_at: str  # as stored: an import's write is recognised by its exact timestamp


class MatchRecord(NamedTuple):
    """A stored contact's importable columns (FINGERPRINT_COLUMNS), raw as stored."""

    id: int
    first_name: str
    last_name: str
    company: str
    title: str
    emails: str
    phones: str
    linkedin_url: str
    notes: str
    tags: str
    how_we_met: str
    connected_on: str | None


class ChangeRecord(NamedTuple):
    id: int
    contact_id: int
    field: str
    old_value: FieldValue
    new_value: FieldValue


class CreatedContact(NamedTuple):
    """A contact an import created, with what has happened to it since."""

    id: int
    created_at: str
    updated_at: str
    status: str
    strength: int | None
    interactions: int
    triage_events: int


def db_timestamp(value: datetime) -> str:
    """An aware datetime as the models store it: naive UTC text with microseconds."""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def parse_db_timestamp(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def encode_value(value: FieldValue) -> str:
    """A field value as JSON for the change log."""
    if isinstance(value, date):
        return json.dumps(value.isoformat())
    if isinstance(value, tuple):
        return json.dumps(list(value), ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


def decode_value(field: str, text: str | None) -> FieldValue:
    value = json.loads(text) if text is not None else None
    if field in LIST_FIELDS:
        return tuple(value or ())
    if field in DATE_FIELDS:
        return date.fromisoformat(value) if value else None
    assert value is None or isinstance(value, str)
    return value


def existing_contact(row: Sequence[Any]) -> ExistingContact:
    """An ExistingContact from a row of ``SELECT id, full_name, MERGED_FIELDS, updated_at``."""
    (
        contact_id,
        full_name,
        first_name,
        last_name,
        company,
        title,
        emails,
        phones,
        linkedin_url,
        notes,
        tags,
        how_we_met,
        connected_on,
        previous_company,
        previous_title,
        job_changed_on,
        updated_at,
    ) = row
    return ExistingContact(
        contact_id,
        full_name,
        first_name,
        last_name,
        company,
        title,
        tuple(emails.split("\n")) if emails else (),
        tuple(phones.split("\n")) if phones else (),
        linkedin_url,
        notes,
        tuple(tags.split("\n")) if tags else (),
        how_we_met,
        date.fromisoformat(connected_on) if connected_on else None,
        previous_company,
        previous_title,
        date.fromisoformat(job_changed_on) if job_changed_on else None,
        updated_at,
    )
