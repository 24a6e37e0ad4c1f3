"""Give every contact a UID that address books and CardDAV servers can know it by.

Adds ``contact.uid`` (unique, never empty), filled here with a random UUID for each
contact already stored; netui gives every new contact one from then on.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("contact", sa.Column("uid", sa.Text(), nullable=True))
    connection = op.get_bind()
    ids = connection.execute(sa.text("SELECT id FROM contact")).scalars().all()
    if ids:
        # uuid4 here rather than netui's own helper: a migration must keep doing what it
        # did when it was written, whatever the code around it becomes.
        connection.execute(
            sa.text("UPDATE contact SET uid = :uid WHERE id = :id"),
            [{"uid": str(uuid.uuid4()), "id": contact_id} for contact_id in ids],
        )
    # Batch mode rebuilds the table to make the column NOT NULL (SQLite cannot alter one);
    # migrations run with foreign keys off, so no interaction is lost with the old table.
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.alter_column("uid", existing_type=sa.Text(), nullable=False)
        batch_op.create_index(batch_op.f("ix_contact_uid"), ["uid"], unique=True)


def downgrade() -> None:
    # Not batch mode (see 0002): SQLite 3.35+ drops a column in place, once its index is gone.
    op.drop_index(op.f("ix_contact_uid"), table_name="contact")
    op.drop_column("contact", "uid")
