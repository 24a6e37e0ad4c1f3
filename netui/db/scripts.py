"""Script storage: scripts, their numbered revisions, drafts, and how often each was used.

A script's saved text lives twice, on purpose: on the script row (so the list and the
pane read one row) and as its latest revision (the history). :meth:`ScriptRepository.save_text`
is the only writer of either and writes both in the same transaction.

Hidden scripts (``deleted_at`` set) are not found by :meth:`ScriptRepository.get` or
listed; their revisions still are, by id, for the interactions that name them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import case, delete, func, select, update
from sqlalchemy.orm import Session

from netui.db.models import InteractionModel, ScriptModel, ScriptRevisionModel
from netui.domain.script_types import Revision, Script, ScriptDraft, ScriptSummary, ScriptUsage
from netui.domain.scripts import REPLY_OR_BETTER, ScriptChannel
from netui.errors import NotFoundError

__all__ = ["BuiltinState", "ScriptRepository"]

_REPLIED = tuple(outcome.value for outcome in REPLY_OR_BETTER)
_LIVE = ScriptModel.deleted_at.is_(None)
_MAX_ID = 2**63 - 1  # SQLite's largest integer: a larger id names no row (and cannot be bound)


def _fits(row_id: int) -> bool:
    return 0 < row_id <= _MAX_ID


@dataclass(frozen=True, slots=True)
class BuiltinState:
    """Where a built-in stands in this database, for deciding whether to refresh it."""

    script_id: int
    version: int | None  # the version of netui's text it holds; None: the user's own words
    hidden: bool
    has_draft: bool  # unsaved edits: the user is changing it


def _draft(model: ScriptModel) -> ScriptDraft | None:
    if model.draft_saved_at is None:
        return None
    return ScriptDraft(model.draft_subject or "", model.draft_body or "", model.draft_saved_at)


def _edited(builtin_key: str | None, builtin_version: int | None) -> bool:
    return builtin_key is None or builtin_version is None


def _revision(model: ScriptRevisionModel, used: int) -> Revision:
    return Revision(
        id=model.id,
        script_id=model.script_id,
        number=model.number,
        subject=model.subject,
        body=model.body,
        saved_at=model.created_at,
        used=used,
    )


class ScriptRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # --- reading ------------------------------------------------------------------------------

    def _model(self, script_id: int) -> ScriptModel:
        model = self.session.get(ScriptModel, script_id) if _fits(script_id) else None
        if model is None or model.deleted_at is not None:
            raise NotFoundError(f"no script with id {script_id}")
        return model

    def _usage(self, script_id: int | None = None) -> dict[int, ScriptUsage]:
        """Per script: interactions naming any of its revisions, and those replied or better."""
        stmt = (
            select(
                ScriptRevisionModel.script_id,
                func.count(InteractionModel.id),
                func.sum(case((InteractionModel.outcome.in_(_REPLIED), 1), else_=0)),
            )
            .join(InteractionModel, InteractionModel.script_revision_id == ScriptRevisionModel.id)
            .group_by(ScriptRevisionModel.script_id)
        )
        if script_id is not None:
            stmt = stmt.where(ScriptRevisionModel.script_id == script_id)
        return {
            row[0]: ScriptUsage(int(row[1]), int(row[2] or 0)) for row in self.session.execute(stmt)
        }

    def summaries(self) -> list[ScriptSummary]:
        """Every script not hidden, in id order (the service decides the shown order)."""
        usage = self._usage()
        stmt = select(
            ScriptModel.id,
            ScriptModel.name,
            ScriptModel.channel,
            ScriptModel.builtin_key,
            ScriptModel.builtin_version,
            ScriptModel.draft_saved_at,
            ScriptModel.updated_at,
        ).where(_LIVE)
        return [
            ScriptSummary(
                id=row.id,
                name=row.name,
                channel=ScriptChannel(row.channel),
                builtin_key=row.builtin_key,
                edited=_edited(row.builtin_key, row.builtin_version),
                has_draft=row.draft_saved_at is not None,
                updated_at=row.updated_at,
                usage=usage.get(row.id, ScriptUsage()),
            )
            for row in self.session.execute(stmt.order_by(ScriptModel.id))
        ]

    def _latest(self, script_id: int) -> ScriptRevisionModel:
        stmt = (
            select(ScriptRevisionModel)
            .where(ScriptRevisionModel.script_id == script_id)
            .order_by(ScriptRevisionModel.number.desc())
            .limit(1)
        )
        latest = self.session.scalars(stmt).first()
        if latest is None:  # every script is made with a revision; a hand-made row may not be
            raise NotFoundError(f"script {script_id} has no saved revision")
        return latest

    def get(self, script_id: int) -> Script:
        """The script as last saved, with its draft and usage (NotFoundError if hidden)."""
        model = self._model(script_id)
        latest = self._latest(script_id)
        return Script(
            id=model.id,
            name=model.name,
            channel=ScriptChannel(model.channel),
            subject=model.subject,
            body=model.body,
            builtin_key=model.builtin_key,
            edited=_edited(model.builtin_key, model.builtin_version),
            revision_id=latest.id,
            revision_number=latest.number,
            updated_at=model.updated_at,
            draft=_draft(model),
            usage=self._usage(script_id).get(script_id, ScriptUsage()),
        )

    def live_names(self) -> list[tuple[int, str]]:
        """``(id, name)`` of every script not hidden."""
        stmt = select(ScriptModel.id, ScriptModel.name).where(_LIVE).order_by(ScriptModel.id)
        return [(row.id, row.name) for row in self.session.execute(stmt)]

    def builtin_states(self) -> dict[str, BuiltinState]:
        """Every script that started as a built-in, hidden ones too, by built-in key."""
        stmt = select(
            ScriptModel.id,
            ScriptModel.builtin_key,
            ScriptModel.builtin_version,
            ScriptModel.deleted_at,
            ScriptModel.draft_saved_at,
        ).where(ScriptModel.builtin_key.is_not(None))
        return {
            row.builtin_key: BuiltinState(
                script_id=row.id,
                version=row.builtin_version,
                hidden=row.deleted_at is not None,
                has_draft=row.draft_saved_at is not None,
            )
            for row in self.session.execute(stmt)
        }

    def _used(self, column: Any, value: int) -> dict[int, int]:
        stmt = (
            select(ScriptRevisionModel.id, func.count(InteractionModel.id))
            .join(InteractionModel, InteractionModel.script_revision_id == ScriptRevisionModel.id)
            .where(column == value)
            .group_by(ScriptRevisionModel.id)
        )
        return {row[0]: int(row[1]) for row in self.session.execute(stmt)}

    def revisions(self, script_id: int) -> list[Revision]:
        """The script's revisions, newest first (NotFoundError if the script is hidden)."""
        self._model(script_id)
        used = self._used(ScriptRevisionModel.script_id, script_id)
        stmt = (
            select(ScriptRevisionModel)
            .where(ScriptRevisionModel.script_id == script_id)
            .order_by(ScriptRevisionModel.number.desc())
        )
        return [_revision(model, used.get(model.id, 0)) for model in self.session.scalars(stmt)]

    def revision(self, revision_id: int) -> Revision:
        """Any revision by id, a hidden script's too."""
        model = self.session.get(ScriptRevisionModel, revision_id) if _fits(revision_id) else None
        if model is None:
            raise NotFoundError(f"no script revision with id {revision_id}")
        return _revision(model, self._used(ScriptRevisionModel.id, revision_id).get(model.id, 0))

    def revision_exists(self, revision_id: int) -> bool:
        return _fits(revision_id) and self.session.get(ScriptRevisionModel, revision_id) is not None

    def in_use(self, script_id: int) -> bool:
        """Whether a logged interaction names any of the script's revisions."""
        stmt = (
            select(InteractionModel.id)
            .join(
                ScriptRevisionModel, InteractionModel.script_revision_id == ScriptRevisionModel.id
            )
            .where(ScriptRevisionModel.script_id == script_id)
            .limit(1)
        )
        return self.session.execute(stmt).first() is not None

    # --- writing ------------------------------------------------------------------------------

    def add(
        self,
        name: str,
        channel: ScriptChannel,
        subject: str,
        body: str,
        *,
        builtin_key: str | None = None,
        builtin_version: int | None = None,
    ) -> int:
        """A new script with ``subject``/``body`` as its revision 1; returns its id."""
        model = ScriptModel(
            name=name,
            channel=channel.value,
            subject=subject,
            body=body,
            builtin_key=builtin_key,
            builtin_version=builtin_version,
        )
        self.session.add(model)
        self.session.flush()
        self.session.add(
            ScriptRevisionModel(script_id=model.id, number=1, subject=subject, body=body)
        )
        self.session.flush()
        return model.id

    def set_name(self, script_id: int, name: str) -> None:
        self._model(script_id).name = name
        self.session.flush()

    def set_channel(self, script_id: int, channel: ScriptChannel) -> None:
        self._model(script_id).channel = channel.value
        self.session.flush()

    def save_text(
        self, script_id: int, subject: str, body: str, builtin_version: int | None
    ) -> bool:
        """Make ``subject``/``body`` the saved text and drop the draft; a new revision only
        when the text differs from the latest. Returns whether one was made."""
        model = self._model(script_id)
        latest = self._latest(script_id)
        model.draft_subject = model.draft_body = None
        model.draft_saved_at = None
        model.builtin_version = builtin_version
        changed = (latest.subject, latest.body) != (subject, body)
        if changed:
            model.subject, model.body = subject, body
            self.session.add(
                ScriptRevisionModel(
                    script_id=script_id, number=latest.number + 1, subject=subject, body=body
                )
            )
        self.session.flush()
        return changed

    def _set_quietly(self, script_id: int, **values: Any) -> None:
        """Write columns without moving ``updated_at``: a draft is not a saved change."""
        self._model(script_id)
        self.session.execute(
            update(ScriptModel)
            .where(ScriptModel.id == script_id)
            .values(**values, updated_at=ScriptModel.updated_at)
            .execution_options(synchronize_session="fetch")
        )

    def set_draft(self, script_id: int, subject: str, body: str, at: datetime) -> ScriptDraft:
        self._set_quietly(script_id, draft_subject=subject, draft_body=body, draft_saved_at=at)
        return ScriptDraft(subject, body, at)

    def clear_draft(self, script_id: int) -> None:
        self._set_quietly(script_id, draft_subject=None, draft_body=None, draft_saved_at=None)

    def hide(self, script_id: int, at: datetime) -> None:
        """Keep the script for the history that names it, out of every list; its name is free."""
        self._set_quietly(
            script_id, deleted_at=at, draft_subject=None, draft_body=None, draft_saved_at=None
        )

    def remove(self, script_id: int) -> None:
        """Delete the script and its revisions (the database refuses if one is in use)."""
        self._model(script_id)
        self.session.execute(delete(ScriptModel).where(ScriptModel.id == script_id))
