"""Reads for the progress figures, on a plain ``sqlite3`` snapshot (:meth:`Database.reading`).

Small queries over one period: the timer sessions that overlap it (with their pauses),
the interactions logged in it (with the name of the script used, when one was), the people
added in it as referred by a contact, and the Top 20 with how many of its members were
reached since they joined. Rows come back
as the domain's types; the figures themselves are worked out by :mod:`netui.domain.stats`.

"Reached since joining the Top 20" is the rule the Contacts pane, Today and ``netui top20``
use (an outcome that reached the person, at or after ``top20_since``), written in SQL here
because this module does without SQLAlchemy.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import UTC, date, datetime, tzinfo
from typing import NamedTuple

from netui.domain.stats_outcomes import InteractionFact
from netui.domain.timer import Pause, TimedSession
from netui.domain.types import Outcome

__all__ = ["StatsReads", "Top20Count"]

_OUTCOMES = {outcome.value: outcome for outcome in Outcome}
_REACHED = ", ".join(f"'{o.value}'" for o in Outcome if o.reached)  # netui's own words

SESSIONS_SQL = """
    SELECT id, started_at, ended_at, planned_minutes, last_seen_at, goal_minutes
    FROM timer_session
    WHERE started_at < ? AND (ended_at IS NULL OR ended_at >= ?)
    ORDER BY started_at, id
"""
PAUSES_SQL = """
    SELECT session_id, started_at, ended_at FROM timer_pause
    WHERE session_id IN (SELECT value FROM json_each(?))
    ORDER BY started_at, id
"""
INTERACTIONS_SQL = """
    SELECT i.contact_id, i.occurred_at, i.outcome, s.name
    FROM interaction AS i
    LEFT JOIN script_revision AS r ON r.id = i.script_revision_id
    LEFT JOIN script AS s ON s.id = r.script_id
    WHERE i.occurred_at >= ? AND i.occurred_at < ?
    ORDER BY i.occurred_at, i.id
"""
INTRODUCTIONS_SQL = """
    SELECT created_at FROM contact
    WHERE referred_by_id IS NOT NULL AND created_at >= ? AND created_at < ?
"""
TOP20_SQL = f"""
    SELECT count(*), coalesce(sum(EXISTS (
        SELECT 1 FROM interaction AS i
        WHERE i.contact_id = c.id AND i.outcome IN ({_REACHED})
          AND (c.top20_since IS NULL OR i.occurred_at >= c.top20_since)
    )), 0)
    FROM contact AS c WHERE c.status = 'top20'
"""


def _stored(moment: datetime) -> str:
    """A moment as the ORM stores it (naive UTC text), to compare with stored columns."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _moment(value: str) -> datetime:
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def _maybe(value: str | None) -> datetime | None:
    return None if value is None else _moment(value)


class Top20Count(NamedTuple):
    members: int
    reached: int


class StatsReads:
    """The period's rows, inside the caller's snapshot."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def sessions(self, start: datetime, end: datetime) -> list[TimedSession]:
        """Sessions with any part between the two moments (a running one included)."""
        rows = self.connection.execute(SESSIONS_SQL, (_stored(end), _stored(start))).fetchall()
        pauses: defaultdict[int, list[Pause]] = defaultdict(list)
        if rows:
            ids = "[" + ",".join(str(int(row[0])) for row in rows) + "]"
            for session_id, started, ended in self.connection.execute(PAUSES_SQL, (ids,)):
                pauses[session_id].append(Pause(_moment(started), _maybe(ended)))
        return [
            TimedSession(
                started_at=_moment(started),
                ended_at=_maybe(ended),
                pauses=tuple(pauses.get(session_id, ())),
                planned_minutes=planned,
                last_seen_at=_maybe(seen),
                id=session_id,
                goal_minutes=goal,
            )
            for session_id, started, ended, planned, seen, goal in rows
        ]

    def interactions(self, start: datetime, end: datetime, zone: tzinfo) -> list[InteractionFact]:
        """Interactions logged between the two moments, each on its local day.

        A row whose outcome this netui does not know (a newer netui wrote it) is left out
        rather than guessed at.
        """
        facts = []
        rows = self.connection.execute(INTERACTIONS_SQL, (_stored(start), _stored(end)))
        for contact_id, occurred, outcome, script in rows:
            known = _OUTCOMES.get(outcome)
            if known is not None:
                day = _moment(occurred).astimezone(zone).date()
                facts.append(InteractionFact(contact_id, day, known, script))
        return facts

    def introductions(self, start: datetime, end: datetime, zone: tzinfo) -> list[date]:
        """The local days people were added as referred by a contact, between the moments.

        A person linked to their referrer later keeps the day they were added: netui does
        not record when a link was made.
        """
        rows = self.connection.execute(INTRODUCTIONS_SQL, (_stored(start), _stored(end)))
        return [_moment(added).astimezone(zone).date() for (added,) in rows]

    def top20(self) -> Top20Count:
        """Members of the Top 20, and how many were reached since they joined it."""
        members, reached = self.connection.execute(TOP20_SQL).fetchone()
        return Top20Count(int(members), int(reached))
