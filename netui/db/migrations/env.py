"""Alembic environment: always run on a connection handed in by netui.db.migrate.

That connection is already inside netui's own transaction (foreign keys off, explicit
BEGIN), so Alembic treats the transaction as external: ``begin_transaction()`` below, and
the one it opens per revision, do nothing. Only netui.db.migrate commits, once it has
checked every foreign key.
"""

from alembic import context

from netui.db.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
