"""Undoing a whole import: remove the contacts it added, put back the fields it changed.

Contacts it added that saw activity since (a call or message logged, a triage decision,
an edit) are kept and counted; fields it changed that the user (or a later import)
changed again since are left as they are.
"""

from __future__ import annotations

from datetime import datetime

from netui.db.import_records import ExistingContact
from netui.db.imports import ImportRepository
from netui.domain.types import TriageStatus
from netui.errors import NetuiError
from netui.services.import_results import UndoSummary


def undo_import(repo: ImportRepository, batch_id: int, now: datetime) -> UndoSummary:
    """Undo batch ``batch_id`` through ``repo`` (the caller's one transaction)."""
    batch = repo.batch(batch_id)
    if batch.undone_at is not None:
        when = batch.undone_at.astimezone().strftime("%Y-%m-%d %H:%M")
        raise NetuiError(f"import {batch_id} was already undone ({when})")
    repo.mark_undone(batch_id, now)
    reverted_contacts, reverted_fields, edited_since = _revert_changes(repo, batch_id)
    created = repo.created_contacts(batch_id)
    stamps = repo.import_stamps([c.id for c in created], batch_id)
    removed: list[int] = []
    interactions = triaged = edited = 0
    for contact in created:
        if contact.interactions:
            interactions += 1
        elif (
            contact.triage_events
            or contact.status != TriageStatus.NEW.value
            or contact.strength is not None
        ):
            triaged += 1
        elif (
            contact.updated_at != contact.created_at
            and (contact.id, contact.updated_at) not in stamps
        ):
            edited += 1
        else:
            removed.append(contact.id)
    repo.delete_contacts(removed)
    repo.delete_changes(batch_id)  # an undone import cannot be undone again
    return UndoSummary(
        batch_id=batch_id,
        removed=len(removed),
        kept_with_interactions=interactions,
        kept_triaged=triaged,
        kept_edited=edited,
        reverted_contacts=reverted_contacts,
        reverted_fields=reverted_fields,
        fields_edited_since=edited_since,
    )


def _revert_changes(repo: ImportRepository, batch_id: int) -> tuple[int, int, int]:
    """Put back the batch's field changes, newest first; returns (contacts, fields put
    back, fields left as the user changed them since)."""
    changes = repo.changes(batch_id)
    if not changes:
        return 0, 0, 0
    current = repo.load_existing({c.contact_id for c in changes})
    reverted: dict[int, ExistingContact] = {}
    fields = edited_since = 0
    for change in changes:  # newest first
        contact = reverted.get(change.contact_id) or current.get(change.contact_id)
        if contact is None:
            continue
        if getattr(contact, change.field) != change.new_value:
            if change.field != "updated_at":
                edited_since += 1
            continue
        reverted[change.contact_id] = contact._replace(**{change.field: change.old_value})  # type: ignore[arg-type]
        if change.field != "updated_at":
            fields += 1
    repo.update_contacts(reverted.values())
    return len(reverted), fields, edited_since
