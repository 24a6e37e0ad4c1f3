"""Triage history: each decision stored as before/after rows so undo survives a restart."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from netui.db.models import TriageEventModel
from netui.domain.types import TriageStatus


class TriageChange(NamedTuple):
    contact_id: int
    before_status: TriageStatus
    before_rank: int | None
    before_strength: int | None
    before_top20_since: datetime | None
    after_status: TriageStatus
    after_rank: int | None
    after_strength: int | None


class TriageEventRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def record(self, label: str, changes: Sequence[TriageChange]) -> int:
        """Store one undoable step; returns its group id."""
        group_id = (self.session.scalar(select(func.max(TriageEventModel.group_id))) or 0) + 1
        self.session.add_all(
            TriageEventModel(
                group_id=group_id,
                contact_id=c.contact_id,
                label=label,
                before_status=c.before_status.value,
                before_rank=c.before_rank,
                before_strength=c.before_strength,
                before_top20_since=c.before_top20_since,
                after_status=c.after_status.value,
                after_rank=c.after_rank,
                after_strength=c.after_strength,
            )
            for c in changes
        )
        self.session.flush()
        return group_id

    def pop_latest(self) -> tuple[str, list[TriageChange]] | None:
        """Mark the newest step undone and return its label and changes to revert."""
        group_id = self.session.scalar(
            select(func.max(TriageEventModel.group_id)).where(TriageEventModel.undone.is_(False))
        )
        if group_id is None:
            return None
        rows = list(
            self.session.scalars(
                select(TriageEventModel)
                .where(TriageEventModel.group_id == group_id)
                .order_by(TriageEventModel.id)
            )
        )
        self.session.execute(
            update(TriageEventModel)
            .where(TriageEventModel.group_id == group_id)
            .values(undone=True)
        )
        changes = [
            TriageChange(
                r.contact_id,
                TriageStatus(r.before_status),
                r.before_rank,
                r.before_strength,
                r.before_top20_since,
                TriageStatus(r.after_status),
                r.after_rank,
                r.after_strength,
            )
            for r in rows
        ]
        return rows[0].label, changes

    def undoable_count(self) -> int:
        return (
            self.session.scalar(
                select(func.count(func.distinct(TriageEventModel.group_id))).where(
                    TriageEventModel.undone.is_(False)
                )
            )
            or 0
        )
