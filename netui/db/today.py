"""Today's queries: who might be in today's queue, and what today brought so far.

The queue is built on every look at the Today pane, at up to 100,000 contacts, so it is one
query over only the columns it needs, read as the driver's plain tuples, and only over the
rows that can be in it: Top 20 members, follow-ups due, and contacts with a cadence (whose
due date the service works out). Reached and contacted-today are answered per row by the
interaction index.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import NamedTuple, cast

from sqlalchemy import bindparam, func, select, text
from sqlalchemy.orm import Session

from netui.db.contacts import REACHED_OUTCOMES
from netui.db.models import ContactModel, InteractionModel, UTCDateTime
from netui.domain.types import TriageStatus

__all__ = ["DayCounts", "QueueRecord", "TodayRepository", "stored_moment"]

_REACHED = ", ".join(f"'{outcome}'" for outcome in REACHED_OUTCOMES)  # netui's own words

# Column order must match QueueRecord. Parameters: day_start, day_end (stored UTC text), today.
# A skipped person's cadence waits until they are triaged again; a follow-up they were
# given still comes due.
QUEUE_SQL = f"""
    SELECT c.id, c.full_name, c.company, c.title, c.status, c.top20_rank, c.strength,
           c.last_contacted, c.cadence, c.next_follow_up,
           CASE WHEN c.status = 'top20' THEN EXISTS (
               SELECT 1 FROM interaction AS i
               WHERE i.contact_id = c.id AND i.outcome IN ({_REACHED})
                 AND (c.top20_since IS NULL OR i.occurred_at >= c.top20_since)
           ) ELSE 0 END,
           EXISTS (
               SELECT 1 FROM interaction AS i
               WHERE i.contact_id = c.id AND i.occurred_at >= ? AND i.occurred_at < ?
           )
    FROM contact AS c
    WHERE c.status != 'archived'
      AND (c.status = 'top20' OR c.next_follow_up <= ?
           OR (c.cadence IS NOT NULL AND c.status != 'skip'))
"""


def stored_moment(moment: datetime) -> str:
    """A moment as SQLAlchemy stores a DateTime in SQLite (naive UTC text), to compare with."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


DAY_SQL = text(
    f"""
    SELECT count(DISTINCT contact_id),
           count(DISTINCT CASE WHEN outcome IN ({_REACHED}) THEN contact_id END)
    FROM interaction WHERE occurred_at >= :day_start AND occurred_at < :day_end
    """
).bindparams(
    bindparam("day_start", type_=UTCDateTime()),
    bindparam("day_end", type_=UTCDateTime()),
)


class QueueRecord(NamedTuple):
    """One contact who might be in today's queue, as stored (dates still ISO text)."""

    id: int
    full_name: str
    company: str
    title: str
    status: str
    top20_rank: int | None
    strength: int | None
    last_contacted: str | None
    cadence: str | None
    next_follow_up: str | None
    reached: int  # on the Top 20 and reached since joining it
    touched_today: int  # anything logged with them today


class DayCounts(NamedTuple):
    contacted: int
    reached: int


class TodayRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def queue_records(
        self, today: date, day_start: datetime, day_end: datetime
    ) -> list[QueueRecord]:
        """Everyone who might be in the queue of ``today`` (a local day, given in UTC too).

        Straight from the driver's cursor, as the contact list is: plain tuples in
        QueueRecord's column order, without SQLAlchemy's per-row work.
        """
        driver = self.session.connection().connection.driver_connection
        assert driver is not None
        values = (stored_moment(day_start), stored_moment(day_end), today.isoformat())
        return cast("list[QueueRecord]", driver.execute(QUEUE_SQL, values).fetchall())

    def day_counts(self, day_start: datetime, day_end: datetime) -> DayCounts:
        """People contacted, and people reached, between the two moments."""
        row = self.session.execute(DAY_SQL, {"day_start": day_start, "day_end": day_end}).one()
        return DayCounts(int(row[0]), int(row[1]))

    def top20_since(self) -> datetime | None:
        """When the longest-standing Top 20 member joined: the start of the plan."""
        return self.session.scalar(
            select(func.min(ContactModel.top20_since)).where(
                ContactModel.status == TriageStatus.TOP20.value
            )
        )

    def reached_since(self, moment: datetime) -> int:
        """Interactions that reached someone, logged at or after ``moment``."""
        stmt = select(func.count(InteractionModel.id)).where(
            InteractionModel.occurred_at >= moment,
            InteractionModel.outcome.in_(REACHED_OUTCOMES),
        )
        return self.session.scalar(stmt) or 0
