"""Initial schema: contacts, interactions, scripts, timer sessions, settings, triage history.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-26 13:13:49.214428
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "import_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_path", sa.Text(), nullable=False),
        sa.Column("format", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("added", sa.Integer(), server_default="0", nullable=False),
        sa.Column("updated", sa.Integer(), server_default="0", nullable=False),
        sa.Column("unchanged", sa.Integer(), server_default="0", nullable=False),
        sa.Column("problems", sa.Integer(), server_default="0", nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batch")),
    )
    op.create_table(
        "script",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("body", sa.Text(), server_default="", nullable=False),
        sa.Column("is_default", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_script")),
        sa.UniqueConstraint("name", name=op.f("uq_script_name")),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "timer_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("planned_minutes", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("active_seconds", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timer_session")),
    )
    op.create_table(
        "contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("full_name", sa.Text(), nullable=False),
        sa.Column("first_name", sa.Text(), server_default="", nullable=False),
        sa.Column("last_name", sa.Text(), server_default="", nullable=False),
        sa.Column("company", sa.Text(), server_default="", nullable=False),
        sa.Column("title", sa.Text(), server_default="", nullable=False),
        sa.Column("emails", sa.Text(), server_default="", nullable=False),
        sa.Column("phones", sa.Text(), server_default="", nullable=False),
        sa.Column("linkedin_url", sa.Text(), server_default="", nullable=False),
        sa.Column("how_we_met", sa.Text(), server_default="", nullable=False),
        sa.Column("notes", sa.Text(), server_default="", nullable=False),
        sa.Column("tags", sa.Text(), server_default="", nullable=False),
        sa.Column("strength", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=10), server_default="new", nullable=False),
        sa.Column("top20_rank", sa.Integer(), nullable=True),
        sa.Column("top20_since", sa.DateTime(), nullable=True),
        sa.Column("last_contacted", sa.Date(), nullable=True),
        sa.Column("last_contacted_precision", sa.String(length=5), nullable=True),
        sa.Column("cadence", sa.String(length=8), nullable=True),
        sa.Column("next_follow_up", sa.Date(), nullable=True),
        sa.Column("connected_on", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=20), server_default="manual", nullable=False),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "last_contacted_precision IS NULL OR "
            "last_contacted_precision IN ('day', 'month', 'year')",
            name=op.f("ck_contact_precision_known"),
        ),
        sa.CheckConstraint(
            "status IN ('new', 'top20', 'later', 'skip', 'archived')",
            name=op.f("ck_contact_status_known"),
        ),
        sa.CheckConstraint(
            "strength IS NULL OR strength BETWEEN 1 AND 5", name=op.f("ck_contact_strength_range")
        ),
        sa.ForeignKeyConstraint(
            ["import_batch_id"],
            ["import_batch.id"],
            name=op.f("fk_contact_import_batch_id_import_batch"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index("ix_contact_status_rank", ["status", "top20_rank"], unique=False)

    op.create_table(
        "script_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("script_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["script_id"],
            ["script.id"],
            name=op.f("fk_script_revision_script_id_script"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_script_revision")),
    )
    with op.batch_alter_table("script_revision", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_script_revision_script_id"), ["script_id"], unique=False
        )

    op.create_table(
        "timer_pause",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["timer_session.id"],
            name=op.f("fk_timer_pause_session_id_timer_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timer_pause")),
    )
    with op.batch_alter_table("timer_pause", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_timer_pause_session_id"), ["session_id"], unique=False)

    op.create_table(
        "interaction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("outcome", sa.String(length=15), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("follow_up", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_interaction_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interaction")),
    )
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.create_index(
            "ix_interaction_contact_when", ["contact_id", "occurred_at"], unique=False
        )

    op.create_table(
        "triage_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.Text(), server_default="", nullable=False),
        sa.Column("before_status", sa.String(length=10), nullable=False),
        sa.Column("before_rank", sa.Integer(), nullable=True),
        sa.Column("before_strength", sa.Integer(), nullable=True),
        sa.Column("before_top20_since", sa.DateTime(), nullable=True),
        sa.Column("after_status", sa.String(length=10), nullable=False),
        sa.Column("after_rank", sa.Integer(), nullable=True),
        sa.Column("after_strength", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("undone", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_triage_event_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_triage_event")),
    )
    with op.batch_alter_table("triage_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_triage_event_group_id"), ["group_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("triage_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_triage_event_group_id"))

    op.drop_table("triage_event")
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.drop_index("ix_interaction_contact_when")

    op.drop_table("interaction")
    with op.batch_alter_table("timer_pause", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_timer_pause_session_id"))

    op.drop_table("timer_pause")
    with op.batch_alter_table("script_revision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_script_revision_script_id"))

    op.drop_table("script_revision")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index("ix_contact_status_rank")

    op.drop_table("contact")
    op.drop_table("timer_session")
    op.drop_table("setting")
    op.drop_table("script")
    op.drop_table("import_batch")
