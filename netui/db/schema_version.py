"""The migration chain as plain constants, so an up-to-date database never imports Alembic.

A test checks these against Alembic's own view of ``netui/db/migrations/versions``.
"""

REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006", "0007")
HEAD = REVISIONS[-1]
