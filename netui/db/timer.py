"""Timer storage: sessions and their pauses as rows, handed out as domain sessions.

Every change is a small write of one moment (a start, a pause, a heartbeat, an end), so
the app and the command line share one session through the database alone. The database
refuses a second running session and a second open pause itself (migration 0006); those
refusals come out as :class:`~netui.domain.timer_status.TimerError`, like the code's own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from netui.db.models import TimerPauseModel, TimerSessionModel
from netui.domain.timer import Pause, TimedSession
from netui.domain.timer_status import TimerError

__all__ = ["TimerRepository"]

_SESSION_COLUMNS = (
    TimerSessionModel.id,
    TimerSessionModel.started_at,
    TimerSessionModel.ended_at,
    TimerSessionModel.planned_minutes,
    TimerSessionModel.last_seen_at,
    TimerSessionModel.goal_minutes,
)


def _is_unique_failure(error: IntegrityError) -> bool:
    return "UNIQUE" in str(error.orig).upper()


class TimerRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # --- reading --------------------------------------------------------------------------

    def _pauses(self, session_ids: Sequence[int]) -> dict[int, tuple[Pause, ...]]:
        found: defaultdict[int, list[Pause]] = defaultdict(list)
        for start in range(0, len(session_ids), 900):
            chunk = session_ids[start : start + 900]
            rows = self.session.execute(
                select(
                    TimerPauseModel.session_id, TimerPauseModel.started_at, TimerPauseModel.ended_at
                )
                .where(TimerPauseModel.session_id.in_(chunk))
                .order_by(TimerPauseModel.started_at, TimerPauseModel.id)
            )
            for session_id, started_at, ended_at in rows:
                found[session_id].append(Pause(started_at, ended_at))
        return {key: tuple(value) for key, value in found.items()}

    def _sessions(self, rows: Sequence[Any]) -> list[TimedSession]:
        pauses = self._pauses([row[0] for row in rows])
        return [
            TimedSession(
                started_at=started_at,
                ended_at=ended_at,
                pauses=pauses.get(session_id, ()),
                planned_minutes=planned,
                last_seen_at=last_seen,
                id=session_id,
                goal_minutes=goal,
            )
            for session_id, started_at, ended_at, planned, last_seen, goal in rows
        ]

    def running(self) -> TimedSession | None:
        """The session with no end, with its pauses (the database allows one at most)."""
        rows = self.session.execute(
            select(*_SESSION_COLUMNS).where(TimerSessionModel.ended_at.is_(None))
        ).all()
        found = self._sessions(rows)
        return found[0] if found else None

    def ended(self, since: datetime | None = None) -> list[TimedSession]:
        """Sessions that ended (after ``since``, if given), oldest first."""
        stmt = select(*_SESSION_COLUMNS).where(TimerSessionModel.ended_at.is_not(None))
        if since is not None:
            stmt = stmt.where(TimerSessionModel.ended_at > since)
        return self._sessions(
            self.session.execute(stmt.order_by(TimerSessionModel.started_at)).all()
        )

    def first_start(self) -> datetime | None:
        """When the first session began, if any did."""
        return self.session.scalar(select(func.min(TimerSessionModel.started_at)))

    # --- writing --------------------------------------------------------------------------

    def start(
        self, at: datetime, planned_minutes: int, goal_minutes: int, last_seen_at: datetime | None
    ) -> int:
        """A new running session; TimerError if one is running already (the index says so)."""
        try:
            new_id = self.session.execute(
                insert(TimerSessionModel)
                .values(
                    started_at=at,
                    planned_minutes=planned_minutes,
                    goal_minutes=goal_minutes,
                    last_seen_at=last_seen_at,
                )
                .returning(TimerSessionModel.id)
            ).scalar_one()
        except IntegrityError as error:
            if _is_unique_failure(error):
                raise TimerError("a session is already running") from None
            raise
        return new_id

    def open_pause(self, session_id: int, at: datetime) -> None:
        try:
            self.session.execute(
                insert(TimerPauseModel).values(session_id=session_id, started_at=at)
            )
        except IntegrityError as error:
            if _is_unique_failure(error):
                raise TimerError("the session is already paused") from None
            raise

    def close_pause(self, session_id: int, at: datetime) -> None:
        """End the session's open pause at ``at`` (one begun later counts for nothing)."""
        self.session.execute(
            update(TimerPauseModel)
            .where(TimerPauseModel.session_id == session_id, TimerPauseModel.ended_at.is_(None))
            .values(ended_at=at)
        )

    def set_planned(self, session_id: int, minutes: int) -> None:
        self.session.execute(
            update(TimerSessionModel)
            .where(TimerSessionModel.id == session_id)
            .values(planned_minutes=minutes)
        )

    def touch(self, session_id: int, at: datetime) -> None:
        """Record that a running netui saw the session alive at ``at`` (if it still runs)."""
        self.session.execute(
            update(TimerSessionModel)
            .where(TimerSessionModel.id == session_id, TimerSessionModel.ended_at.is_(None))
            .values(last_seen_at=at)
        )

    def end(self, session_id: int, at: datetime, active_seconds: float) -> None:
        """End the session (and an open pause) at ``at``, noting the time it held."""
        self.close_pause(session_id, at)
        self.session.execute(
            update(TimerSessionModel)
            .where(TimerSessionModel.id == session_id)
            .values(ended_at=at, active_seconds=round(active_seconds))
        )

    def delete(self, session_id: int) -> None:
        """Remove the session and its pauses."""
        self.session.execute(
            delete(TimerPauseModel).where(TimerPauseModel.session_id == session_id)
        )
        self.session.execute(delete(TimerSessionModel).where(TimerSessionModel.id == session_id))
