"""Logging calls and messages, and reading a contact's history."""

from __future__ import annotations

from netui.db.contacts import ContactRepository
from netui.db.engine import Database
from netui.db.interactions import InteractionRepository
from netui.db.scripts import ScriptRepository
from netui.db.write_lock import hold_write_lock
from netui.domain.clock import Clock
from netui.domain.inputs import FUTURE_TOLERANCE
from netui.domain.types import Interaction, InteractionDraft
from netui.errors import ValidationError

MAX_NOTE_LENGTH = 10_000


class InteractionService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def log(self, contact_id: int, draft: InteractionDraft) -> Interaction:
        """Record what happened; it moves the contact's last-contacted date forward."""
        now = self.clock()
        when = draft.occurred_at or now
        if when.tzinfo is None:
            raise ValidationError("when", "needs a time zone")
        if when > now + FUTURE_TOLERANCE:
            raise ValidationError("when", "is in the future; log things once they happened")
        if len(draft.note) > MAX_NOTE_LENGTH:
            raise ValidationError("note", f"is longer than {MAX_NOTE_LENGTH} characters")
        local_day = when.astimezone().date()
        if draft.follow_up is not None and draft.follow_up < local_day:
            raise ValidationError("follow-up", "is before the interaction itself")
        with self.db.session() as session:
            hold_write_lock(session)  # last contacted moves forward from what is stored now
            contacts = ContactRepository(session)
            contacts.get(contact_id)
            revision = draft.script_revision_id
            if revision is not None and not ScriptRepository(session).revision_exists(revision):
                raise ValidationError("script", f"no script revision with id {revision}")
            logged = InteractionRepository(session).add(
                Interaction(
                    id=0,
                    contact_id=contact_id,
                    occurred_at=when,
                    channel=draft.channel,
                    outcome=draft.outcome,
                    note=draft.note.strip(),
                    follow_up=draft.follow_up,
                    script_revision_id=revision,
                )
            )
            contacts.note_contacted(contact_id, local_day, draft.follow_up)
            return logged

    def history(self, contact_id: int) -> list[Interaction]:
        with self.db.session() as session:
            ContactRepository(session).get(contact_id)
            return InteractionRepository(session).for_contact(contact_id)
