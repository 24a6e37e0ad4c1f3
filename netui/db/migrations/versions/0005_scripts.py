"""Scripts the Script pane can use: channels, subjects, drafts, numbered revisions, usage.

- ``script`` gains a subject, the built-in it started as (``builtin_key``, unique) and the
  version of netui's text it holds, an autosaved draft, and ``deleted_at`` (a script a
  logged interaction used is hidden, not removed). Its channel is one of the script
  channels (a CHECK); the first schema's default ``message`` becomes ``linkedin_message``.
  Names are unique among the scripts not hidden, ignoring case: the old table-wide unique
  constraint gives way to a partial unique index on a ``NOCASE`` column.
- ``script_revision`` gains a subject and a number (1, 2, 3... per script, unique). Every
  script ends with a revision holding its saved text, made here where it had none.
- ``interaction.script_revision_id`` names the revision a call or message used; ON DELETE
  RESTRICT, so such a revision is never deleted.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CHANNELS = "('phone', 'email', 'linkedin_message', 'linkedin_invite', 'text')"
# Channel words the first schema could hold, as script channels; anything else was its
# default ("message"), a LinkedIn message.
_OLD_CHANNELS = {"call": "phone", "phone": "phone", "email": "email", "text": "text"}
_ASCII_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _script_channels(connection: sa.Connection) -> None:
    for script_id, channel in connection.execute(sa.text("SELECT id, channel FROM script")):
        new = _OLD_CHANNELS.get(channel, "linkedin_message")
        if new != channel:
            connection.execute(
                sa.text("UPDATE script SET channel = :channel WHERE id = :id"),
                {"channel": new, "id": script_id},
            )


def _distinct_names(connection: sa.Connection) -> None:
    """Rename scripts whose names differ only in (ASCII) case, as NOCASE would refuse them."""
    rows = connection.execute(sa.text("SELECT id, name FROM script ORDER BY id")).all()
    taken = {name.translate(_ASCII_FOLD) for _, name in rows}
    seen: set[str] = set()
    for script_id, name in rows:
        key = name.translate(_ASCII_FOLD)
        if key not in seen:
            seen.add(key)
            continue
        n = 2
        while f"{name} ({n})".translate(_ASCII_FOLD) in taken:
            n += 1
        renamed = f"{name} ({n})"
        taken.add(renamed.translate(_ASCII_FOLD))
        seen.add(renamed.translate(_ASCII_FOLD))
        connection.execute(
            sa.text("UPDATE script SET name = :name WHERE id = :id"),
            {"name": renamed, "id": script_id},
        )


def _revisions_hold_the_saved_text(connection: sa.Connection) -> None:
    """Give every script a latest revision with its saved text, then number them all."""
    scripts = connection.execute(sa.text("SELECT id, body, updated_at FROM script")).all()
    for script_id, body, updated_at in scripts:
        latest = connection.execute(
            sa.text(
                "SELECT body FROM script_revision WHERE script_id = :id ORDER BY id DESC LIMIT 1"
            ),
            {"id": script_id},
        ).first()
        if latest is None or latest[0] != body:
            connection.execute(
                sa.text(
                    "INSERT INTO script_revision (script_id, body, created_at)"
                    " VALUES (:id, :body, :at)"
                ),
                {"id": script_id, "body": body, "at": updated_at},
            )
    connection.execute(
        sa.text(
            "UPDATE script_revision SET number = (SELECT count(*) FROM script_revision AS earlier"
            " WHERE earlier.script_id = script_revision.script_id"
            " AND earlier.id <= script_revision.id)"
        )
    )


def upgrade() -> None:
    connection = op.get_bind()
    _script_channels(connection)
    _distinct_names(connection)
    # Batch mode rebuilds each table; migrations run with foreign keys off, so rebuilding
    # `script` does not cascade to its revisions.
    with op.batch_alter_table("script", schema=None, recreate="always") as batch_op:
        batch_op.drop_constraint(op.f("uq_script_name"), type_="unique")
        batch_op.alter_column(
            "name",
            existing_type=sa.Text(),
            type_=sa.Text(collation="NOCASE"),
            existing_nullable=False,
        )
        batch_op.alter_column(
            "channel",
            existing_type=sa.String(length=10),
            type_=sa.String(length=20),
            existing_nullable=False,
        )
        batch_op.add_column(sa.Column("subject", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("builtin_key", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("builtin_version", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("draft_subject", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("draft_body", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("draft_saved_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("deleted_at", sa.DateTime(), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_script_channel_known"), sa.text(f"channel IN {_CHANNELS}")
        )
        batch_op.create_unique_constraint(op.f("uq_script_builtin_key"), ["builtin_key"])
        batch_op.create_index(
            "ix_script_live_name",
            ["name"],
            unique=True,
            sqlite_where=sa.text("deleted_at IS NULL"),
        )

    with op.batch_alter_table("script_revision", schema=None) as batch_op:
        batch_op.add_column(sa.Column("number", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("subject", sa.Text(), server_default="", nullable=False))
    _revisions_hold_the_saved_text(connection)
    with op.batch_alter_table("script_revision", schema=None) as batch_op:
        batch_op.alter_column("number", existing_type=sa.Integer(), nullable=False)
        batch_op.create_unique_constraint("uq_script_revision_number", ["script_id", "number"])

    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.add_column(sa.Column("script_revision_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_interaction_script_revision_id_script_revision"),
            "script_revision",
            ["script_revision_id"],
            ["id"],
            ondelete="RESTRICT",
        )
        batch_op.create_index(
            batch_op.f("ix_interaction_script_revision_id"), ["script_revision_id"], unique=False
        )


def downgrade() -> None:
    connection = op.get_bind()
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interaction_script_revision_id"))
        batch_op.drop_constraint(
            op.f("fk_interaction_script_revision_id_script_revision"), type_="foreignkey"
        )
        batch_op.drop_column("script_revision_id")

    with op.batch_alter_table("script_revision", schema=None) as batch_op:
        batch_op.drop_constraint("uq_script_revision_number", type_="unique")
        batch_op.drop_column("subject")
        batch_op.drop_column("number")

    # The first schema's names are unique across every script, hidden ones included: a
    # hidden script's name says so and carries its id, so it cannot clash.
    connection.execute(
        sa.text(
            "UPDATE script SET name = name || ' (deleted ' || id || ')'"
            " WHERE deleted_at IS NOT NULL"
        )
    )
    with op.batch_alter_table("script", schema=None, recreate="always") as batch_op:
        batch_op.drop_index("ix_script_live_name")
        batch_op.drop_constraint(op.f("uq_script_builtin_key"), type_="unique")
        batch_op.drop_constraint(op.f("ck_script_channel_known"), type_="check")
        batch_op.drop_column("deleted_at")
        batch_op.drop_column("draft_saved_at")
        batch_op.drop_column("draft_body")
        batch_op.drop_column("draft_subject")
        batch_op.drop_column("builtin_version")
        batch_op.drop_column("builtin_key")
        batch_op.drop_column("subject")
        batch_op.alter_column(
            "channel",
            existing_type=sa.String(length=20),
            type_=sa.String(length=10),
            existing_nullable=False,
        )
        batch_op.alter_column(
            "name",
            existing_type=sa.Text(collation="NOCASE"),
            type_=sa.Text(),
            existing_nullable=False,
        )
        batch_op.create_unique_constraint(op.f("uq_script_name"), ["name"])
    # After the rebuild: the channel CHECK is gone with it.
    connection.execute(
        sa.text("UPDATE script SET channel = 'message' WHERE channel = 'linkedin_message'")
    )
