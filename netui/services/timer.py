"""The daily timer: start, pause, resume, extend, stop, the heartbeat, and crash recovery.

All state is in the database, so the app and ``netui timer`` share one session: each action
reads the running session and writes one moment in a single locked step, and answers with
a fresh :class:`~netui.domain.timer_status.TimerStatus`. Time is always counted from the
stored moments by :mod:`netui.domain.timer`, never from ticks.

A running app calls :meth:`TimerService.heartbeat` every 30-60 s (``HEARTBEAT``), also while
the Today pane is hidden. When the heartbeat goes stale (netui was killed, or the machine
slept), the session is *interrupted*: the heartbeat stops writing so the gap stays visible,
actions are refused, and the user chooses :meth:`~TimerService.keep_time`,
:meth:`~TimerService.stop_at_last_seen` or :meth:`~TimerService.discard`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from netui.db.engine import Database
from netui.db.timer import TimerRepository
from netui.db.write_lock import hold_write_lock
from netui.domain.clock import Clock, local_zone
from netui.domain.timer import TimedSession, active_seconds, was_interrupted
from netui.domain.timer_status import (
    EXTEND_MINUTES,
    MAX_MINUTES,
    SessionInterruptedError,
    TimerError,
    TimerStatus,
    build_status,
    check_minutes,
    clock_time,
)
from netui.errors import ValidationError
from netui.services.settings import SettingsService

__all__ = ["SessionInterruptedError", "TimerError", "TimerService", "span_text"]

_Action = Callable[[TimerRepository, TimedSession | None, datetime], None]


def span_text(seconds: float) -> str:
    """``2 h 5 min``, ``40 min``, ``under a minute``: a gap or a length, said briefly."""
    minutes = int(seconds // 60)
    if minutes < 1:
        return "under a minute"
    hours, minutes = divmod(minutes, 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"


def _session_id(session: TimedSession) -> int:
    if session.id is None:
        raise RuntimeError("a stored session always has an id")
    return session.id


class TimerService:
    def __init__(self, db: Database, clock: Clock, settings: SettingsService) -> None:
        self.db = db
        self.clock = clock
        self.settings = settings

    # --- looking ------------------------------------------------------------------------

    def _status(self, timer: TimerRepository, now: datetime) -> TimerStatus:
        return build_status(
            timer.running(), timer.ended(), now, local_zone(), self.settings.daily_goal()
        )

    def status(self) -> TimerStatus:
        """The timer now: the running session, today, the week, the streak, any interruption."""
        with self.db.session() as session:
            return self._status(TimerRepository(session), self.clock())

    def heartbeat(self) -> TimerStatus:
        """Record that this netui is alive and watching the running session.

        Nothing is written while the session is interrupted: the gap must stay for the
        user to decide about, not be papered over by the first tick after a wake-up.
        """
        now = self.clock()
        with self.db.session() as session:
            timer = TimerRepository(session)
            running = timer.running()
            if running is not None and not was_interrupted(running, now):
                timer.touch(_session_id(running), now)
            return self._status(timer, now)

    # --- acting -------------------------------------------------------------------------

    def _act(self, action: _Action) -> TimerStatus:
        """Read the running session and change it as one step, under the write lock."""
        now = self.clock()
        with self.db.session() as session:
            hold_write_lock(session)
            timer = TimerRepository(session)
            action(timer, timer.running(), now)
            return self._status(timer, now)

    def _live(self, running: TimedSession | None, now: datetime) -> TimedSession:
        """The running session, if it runs and netui has not lost sight of it."""
        if running is None:
            raise TimerError("no session is running")
        if was_interrupted(running, now) and running.last_seen_at is not None:
            seen = running.last_seen_at
            raise SessionInterruptedError(
                f"the session was interrupted: netui last saw it at "
                f"{clock_time(seen, local_zone())}, {span_text((now - seen).total_seconds())}"
                " ago; keep its time, stop it there, or discard it first"
            )
        return running

    def start(self, minutes: int | None = None, *, watched: bool = False) -> TimerStatus:
        """Start a session of ``minutes`` (the daily goal by default).

        ``watched``: the caller (the app) will keep a heartbeat, so the session counts as
        seen from its first moment. A second running session is refused, by this check and
        by the database.
        """
        goal = self.settings.daily_goal()
        planned = goal if minutes is None else check_minutes(minutes)

        def action(timer: TimerRepository, running: TimedSession | None, now: datetime) -> None:
            if running is not None:
                since = clock_time(running.started_at, local_zone())
                raise TimerError(
                    f"a session is already running (since {since}); stop it before starting another"
                )
            timer.start(now, planned, goal, now if watched else None)

        return self._act(action)

    def pause(self) -> TimerStatus:
        def action(timer: TimerRepository, running: TimedSession | None, now: datetime) -> None:
            live = self._live(running, now)
            if live.paused:
                raise TimerError("the session is already paused")
            timer.open_pause(_session_id(live), now)

        return self._act(action)

    def resume(self) -> TimerStatus:
        def action(timer: TimerRepository, running: TimedSession | None, now: datetime) -> None:
            live = self._live(running, now)
            if not live.paused:
                raise TimerError("the session is not paused")
            timer.close_pause(_session_id(live), now)

        return self._act(action)

    def stop(self) -> TimerStatus:
        """End the running session now (a pause going on ends with it)."""

        def action(timer: TimerRepository, running: TimedSession | None, now: datetime) -> None:
            live = self._live(running, now)
            timer.end(_session_id(live), now, active_seconds(live, now))

        return self._act(action)

    def extend(self, minutes: int = EXTEND_MINUTES) -> TimerStatus:
        """Plan ``minutes`` more for the running session (5 by default)."""
        check_minutes(minutes)

        def action(timer: TimerRepository, running: TimedSession | None, now: datetime) -> None:
            live = self._live(running, now)
            total = live.planned_minutes + minutes
            if total > MAX_MINUTES:
                raise ValidationError(
                    "minutes",
                    f"would plan {total} minutes for the session; {MAX_MINUTES} is the most",
                )
            timer.set_planned(_session_id(live), total)

        return self._act(action)

    # --- after an interruption ----------------------------------------------------------

    def _interrupted(self, running: TimedSession | None, now: datetime) -> TimedSession:
        if running is None:
            raise TimerError("no session is running")
        if not was_interrupted(running, now):
            raise TimerError("the running session was not interrupted; there is nothing to resolve")
        return running

    def keep_time(self) -> TimerStatus:
        """Count the gap as time worked and go on watching the session."""

        def action(timer: TimerRepository, running: TimedSession | None, now: datetime) -> None:
            timer.touch(_session_id(self._interrupted(running, now)), now)

        return self._act(action)

    def stop_at_last_seen(self) -> TimerStatus:
        """End the session at the last moment netui saw it alive: the gap does not count."""

        def action(timer: TimerRepository, running: TimedSession | None, now: datetime) -> None:
            session = self._interrupted(running, now)
            end = max(session.last_seen_at or session.started_at, session.started_at)
            timer.end(_session_id(session), end, active_seconds(session, end))

        return self._act(action)

    def discard(self) -> TimerStatus:
        """Forget the interrupted session altogether, its pauses with it."""

        def action(timer: TimerRepository, running: TimedSession | None, now: datetime) -> None:
            timer.delete(_session_id(self._interrupted(running, now)))

        return self._act(action)
