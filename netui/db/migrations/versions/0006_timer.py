"""The daily timer: a heartbeat, the goal in force, and at most one running session.

Adds ``timer_session.last_seen_at`` (UTC: when a running netui last said it was alive, so
a crash or a sleep can be told apart from time worked) and ``timer_session.goal_minutes``
(the daily goal when the session started). Two partial unique indexes let the database
itself refuse what the code also refuses: a second session with no end, and a second open
pause in one session.

The running-session index is on an expression, ``(ended_at IS NULL)``, because every
running row must collide with every other: a plain unique index on ``ended_at`` would not,
NULLs being distinct in SQLite. SQLAlchemy cannot reflect expression indexes, so a later
batch rebuild of ``timer_session`` must create it again; a test at head fails otherwise.

Rows an older netui could have left that the indexes would refuse are settled first: of
several running sessions, each but the newest ends when the next one started; of several
open pauses in a session, each but the earliest ends where it began (the earliest already
covers them, so no session's time changes).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RUNNING_INDEX = "uq_timer_session_running"
OPEN_PAUSE_INDEX = "uq_timer_pause_open"


def _settle_running_sessions() -> None:
    op.execute(
        """
        UPDATE timer_session AS s SET ended_at = (
            SELECT min(later.started_at) FROM timer_session AS later
            WHERE later.ended_at IS NULL
              AND (later.started_at > s.started_at
                   OR (later.started_at = s.started_at AND later.id > s.id))
        )
        WHERE s.ended_at IS NULL AND EXISTS (
            SELECT 1 FROM timer_session AS later
            WHERE later.ended_at IS NULL
              AND (later.started_at > s.started_at
                   OR (later.started_at = s.started_at AND later.id > s.id))
        )
        """
    )


def _settle_open_pauses() -> None:
    op.execute(
        """
        UPDATE timer_pause AS p SET ended_at = p.started_at
        WHERE p.ended_at IS NULL AND EXISTS (
            SELECT 1 FROM timer_pause AS earlier
            WHERE earlier.session_id = p.session_id AND earlier.ended_at IS NULL
              AND (earlier.started_at < p.started_at
                   OR (earlier.started_at = p.started_at AND earlier.id < p.id))
        )
        """
    )


def upgrade() -> None:
    # Adding a column needs no table rebuild in SQLite, so nothing is copied or dropped.
    op.add_column("timer_session", sa.Column("last_seen_at", sa.DateTime(), nullable=True))
    op.add_column(
        "timer_session",
        sa.Column("goal_minutes", sa.Integer(), server_default="30", nullable=False),
    )
    _settle_running_sessions()
    _settle_open_pauses()
    op.execute(
        f"CREATE UNIQUE INDEX {RUNNING_INDEX} ON timer_session ((ended_at IS NULL))"
        " WHERE ended_at IS NULL"
    )
    op.execute(
        f"CREATE UNIQUE INDEX {OPEN_PAUSE_INDEX} ON timer_pause (session_id) WHERE ended_at IS NULL"
    )


def downgrade() -> None:
    op.execute(f"DROP INDEX {OPEN_PAUSE_INDEX}")
    op.execute(f"DROP INDEX {RUNNING_INDEX}")
    op.drop_column("timer_session", "goal_minutes")
    op.drop_column("timer_session", "last_seen_at")
