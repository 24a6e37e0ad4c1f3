"""Remember a contact's previous company and title when an import finds a job change.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("previous_company", sa.Text(), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("previous_title", sa.Text(), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("job_changed_on", sa.Date(), nullable=True))


def downgrade() -> None:
    # Not batch mode: rebuilding `contact` drops the old table, and with foreign keys on
    # that cascades to every interaction. SQLite 3.35+ drops columns in place.
    op.drop_column("contact", "job_changed_on")
    op.drop_column("contact", "previous_title")
    op.drop_column("contact", "previous_company")
