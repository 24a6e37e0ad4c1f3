"""Record what each import changed, so a whole import can be undone.

Adds ``import_change`` (one row per column an import changed on a contact it matched),
blank-row and job-change counts on ``import_batch``, and an index on
``triage_event.contact_id`` (undo and merges look events up by contact, and deleting a
contact checks it).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("import_batch", schema=None) as batch_op:
        batch_op.add_column(sa.Column("skipped", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(
            sa.Column("job_changes", sa.Integer(), server_default="0", nullable=False)
        )

    op.create_table(
        "import_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batch.id"],
            name=op.f("fk_import_change_batch_id_import_batch"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_import_change_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_change")),
    )
    with op.batch_alter_table("import_change", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_import_change_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_import_change_contact_id"), ["contact_id"], unique=False
        )

    with op.batch_alter_table("triage_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_triage_event_contact_id"), ["contact_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("triage_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_triage_event_contact_id"))

    with op.batch_alter_table("import_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_change_contact_id"))
        batch_op.drop_index(batch_op.f("ix_import_change_batch_id"))

    op.drop_table("import_change")
    # Not batch mode: rebuilding import_batch would drop the old table, and with foreign keys
    # on that sets every contact.import_batch_id to NULL. SQLite 3.35+ drops columns itself.
    op.drop_column("import_batch", "job_changes")
    op.drop_column("import_batch", "skipped")
