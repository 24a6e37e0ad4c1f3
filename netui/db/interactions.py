"""Interaction storage: the log of calls and messages."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from netui.db.models import InteractionModel
from netui.domain.types import Channel, Interaction, Outcome


def to_interaction(model: InteractionModel) -> Interaction:
    return Interaction(
        id=model.id,
        contact_id=model.contact_id,
        occurred_at=model.occurred_at,
        channel=Channel(model.channel),
        outcome=Outcome(model.outcome),
        note=model.note,
        follow_up=model.follow_up,
        script_revision_id=model.script_revision_id,
    )


class InteractionRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, interaction: Interaction) -> Interaction:
        model = InteractionModel(
            contact_id=interaction.contact_id,
            occurred_at=interaction.occurred_at,
            channel=interaction.channel.value,
            outcome=interaction.outcome.value,
            note=interaction.note,
            follow_up=interaction.follow_up,
            script_revision_id=interaction.script_revision_id,
        )
        self.session.add(model)
        self.session.flush()
        return to_interaction(model)

    def for_contact(self, contact_id: int) -> list[Interaction]:
        stmt = (
            select(InteractionModel)
            .where(InteractionModel.contact_id == contact_id)
            .order_by(InteractionModel.occurred_at.desc(), InteractionModel.id.desc())
        )
        return [to_interaction(m) for m in self.session.scalars(stmt)]

    def last_note(self, contact_id: int) -> str:
        """The note of the contact's latest interaction ("" if none, or it has no note)."""
        stmt = (
            select(InteractionModel.note)
            .where(InteractionModel.contact_id == contact_id)
            .order_by(InteractionModel.occurred_at.desc(), InteractionModel.id.desc())
            .limit(1)
        )
        return self.session.scalar(stmt) or ""
