"""Referrals: who introduced a contact to the user.

Adds ``contact.referred_by_id``, a contact pointing at the contact who referred them
(indexed, for "who did this person refer"). Deleting the referrer only forgets the link
(ON DELETE SET NULL): the person referred stays. Rows already stored have no referrer.

SQLite cannot add a column with a foreign key in place and give it a name, so batch mode
rebuilds ``contact``; migrations run with foreign keys off, so nothing that points at a
contact is lost with the old table (the foreign_key_check at the end proves it).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FOREIGN_KEY = "fk_contact_referred_by_id_contact"
INDEX = "ix_contact_referred_by_id"


def upgrade() -> None:
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.add_column(sa.Column("referred_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            FOREIGN_KEY, "contact", ["referred_by_id"], ["id"], ondelete="SET NULL"
        )
        batch_op.create_index(INDEX, ["referred_by_id"], unique=False)


def downgrade() -> None:
    # Batch mode again: SQLite refuses to drop a column a foreign key is declared on.
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index(INDEX)
        batch_op.drop_constraint(FOREIGN_KEY, type_="foreignkey")
        batch_op.drop_column("referred_by_id")
