"""Imported records in the shapes the import writes and compares: rows, stored fields, hashes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from netui.db.import_records import ExistingContact
from netui.domain.contact_uid import new_uids
from netui.io import ImportedContact


def as_stored(contact: ImportedContact, contact_id: int) -> ExistingContact:
    """A pending new contact in the shape merge_plan compares against."""
    return ExistingContact(
        contact_id,
        contact.full_name,
        contact.first_name,
        contact.last_name,
        contact.company,
        contact.title,
        contact.emails,
        contact.phones,
        contact.linkedin_url,
        contact.notes,
        contact.tags,
        contact.how_we_met,
        contact.connected_on,
        "",
        "",
        None,
        "",
    )


def new_contact_rows(pending: Mapping[int, ImportedContact]) -> list[tuple[Any, ...]]:
    """Pending records as the columns of new contacts (NEW_CONTACT_COLUMNS); a record
    without a UID of its own is given a new one.

    One comprehension unpacking each tuple, not a function call per row: this runs for
    every contact an import adds.
    """
    fresh = iter(new_uids(len(pending)))  # at once: quicker than one at a time
    return [
        (
            contact_id,
            full_name,
            first_name,
            last_name,
            company,
            title,
            "\n".join(emails),
            "\n".join(phones),
            url,
            notes,
            "\n".join(tags),
            met,
            connected.isoformat() if connected else None,
            uid or next(fresh),
        )
        for contact_id, (
            _,
            full_name,
            first_name,
            last_name,
            company,
            title,
            emails,
            phones,
            url,
            notes,
            tags,
            met,
            connected,
            uid,
        ) in pending.items()
    ]


def fingerprint(record: ImportedContact) -> int:
    """A hash of what a record would store, equal to a stored contact's fingerprint (see
    :meth:`~netui.services.import_index.ContactIndex.load`) when it holds exactly that.

    Built by unpacking the record's tuple (one step) rather than reading eleven fields by
    name: a re-import computes one per row.
    """
    _, _, first, last, company, title, emails, phones, url, notes, tags, met, connected, _ = record
    return hash(
        (
            first,
            last,
            company,
            title,
            "\n".join(emails),
            "\n".join(phones),
            url,
            notes,
            "\n".join(tags),
            met,
            connected.isoformat() if connected else None,
        )
    )
