"""The contact's field list, written once in the domain, and every layer that derives from it.

The last test is the guard: a field added to Contact must reach the database columns, the
CSV export and the command line's JSON, or this fails naming the layer that misses it. It
calls each layer's pure mapping functions; no database or file is opened.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from enum import StrEnum

import pytest

from netui.cli.output import CONTACT_KEYS, contact_json
from netui.db.contacts import contact_from_columns, draft_columns
from netui.db.models import ContactModel
from netui.domain.contact_fields import (
    BOOKKEEPING_FIELDS,
    CHOICE_TYPES,
    CONTACT_FIELDS,
    DRAFT_FIELDS,
    FIELD_KINDS,
    LOOSE_DATES,
    PEOPLE_FIELDS,
)
from netui.domain.record_shape import ValueKind
from netui.domain.types import Contact, DatePrecision, TriageStatus
from netui.io.export_csv import CSV_COLUMNS, CSV_FIELDS, CSV_HEADERS, contact_row

STAMP = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)

# Every field set to something other than its default (an invented person).
INES = Contact(
    id=7,
    full_name="Ines Okoro",
    first_name="Ines",
    last_name="Okoro",
    company="Larkspur Analytics",
    title="Data Lead",
    emails=("ines@larkspur.example",),
    phones=("+1 206 555 0142",),
    linkedin_url="https://www.linkedin.com/in/ines-okoro-demo",
    how_we_met="Data meetup",
    notes="Owes me a coffee.",
    tags=("mentor", "data"),
    strength=4,
    status=TriageStatus.TOP20,
    top20_rank=2,
    last_contacted=date(2021, 3, 1),
    last_contacted_precision=DatePrecision.MONTH,
    cadence="3m",
    next_follow_up=date(2026, 12, 1),
    source="linkedin",
    created_at=STAMP,
    updated_at=STAMP,
    connected_on=date(2019, 1, 16),
    previous_company="Quillfeather",
    previous_title="Analyst",
    job_changed_on=date(2026, 11, 2),
    uid="5c0f1e2a-7b3d-4e9f-8a61-2d4c6b8e0f13",
)


def test_the_fields_are_contacts_own_in_order() -> None:
    assert CONTACT_FIELDS[:3] == ("id", "full_name", "first_name")
    assert tuple(f for f in CONTACT_FIELDS if f not in BOOKKEEPING_FIELDS) == PEOPLE_FIELDS


def test_kinds_come_from_the_annotations() -> None:
    assert list(FIELD_KINDS) == list(CONTACT_FIELDS)
    assert FIELD_KINDS["emails"] is ValueKind.LIST
    assert FIELD_KINDS["full_name"] is ValueKind.TEXT
    assert FIELD_KINDS["cadence"] is ValueKind.TEXT  # str | None
    assert FIELD_KINDS["strength"] is ValueKind.INT
    assert FIELD_KINDS["next_follow_up"] is ValueKind.DATE
    assert FIELD_KINDS["created_at"] is ValueKind.MOMENT
    assert {"status": TriageStatus, "last_contacted_precision": DatePrecision} == CHOICE_TYPES


def test_the_exceptions_name_real_fields() -> None:
    assert set(BOOKKEEPING_FIELDS) <= set(CONTACT_FIELDS)
    assert set(DRAFT_FIELDS) <= set(CONTACT_FIELDS)
    for loose, precision in LOOSE_DATES.items():
        assert loose in DRAFT_FIELDS
        assert FIELD_KINDS[precision] is ValueKind.CHOICE


def as_stored(contact: Contact) -> list[object]:
    """A contact's column values as the database hands them back (choices as their text)."""
    values = (getattr(contact, name) for name in CONTACT_FIELDS)
    return [value.value if isinstance(value, StrEnum) else value for value in values]


def test_every_contact_field_reaches_every_layer() -> None:
    columns = set(ContactModel.__table__.columns.keys())
    missing = [name for name in CONTACT_FIELDS if name not in columns]
    assert missing == [], "Contact fields with no column in netui.db.models"
    assert contact_from_columns(as_stored(INES)) == INES
    assert set(draft_columns(INES.to_draft())) <= columns

    assert sorted(CSV_FIELDS) == sorted(PEOPLE_FIELDS)
    unheaded = [name for name in CSV_FIELDS if name not in CSV_HEADERS]
    assert unheaded == [], "CSV columns with no header in netui.io.export_csv.CSV_HEADERS"
    assert len(contact_row(INES)) == len(CSV_COLUMNS) == len(set(CSV_COLUMNS))

    shown = contact_json(INES)
    assert tuple(shown) == CONTACT_KEYS == PEOPLE_FIELDS
    assert json.loads(json.dumps(shown)) == shown  # plain JSON values only
    assert (shown["status"], shown["connected_on"]) == ("top20", "2019-01-16")


@pytest.mark.parametrize("name", LOOSE_DATES)
def test_a_loose_date_is_two_columns(name: str) -> None:
    columns = draft_columns(INES.to_draft())
    assert (columns[name], columns[LOOSE_DATES[name]]) == (date(2021, 3, 1), "month")
