"""Alembic, located from the package (no repo-root alembic.ini). Imported only when needed.

Every migration runs with foreign keys off, in one transaction that netui begins and ends
itself. Alembic's batch mode rebuilds a table by copying it and dropping the original; with
foreign keys on, dropping ``contact`` would cascade-delete every interaction. With them off
nothing cascades, so before committing ``PRAGMA foreign_key_check`` proves that the rebuild
left every reference whole, and a migration that broke one is rolled back.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from netui.errors import DatabaseFileError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def upgrade_to_head(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema to ``revision``, all or nothing."""
    _migrate(engine, "upgrade", lambda config: command.upgrade(config, revision))


def downgrade_to(engine: Engine, revision: str) -> None:
    """Downgrade the schema to ``revision``, all or nothing."""
    _migrate(engine, f"downgrade to {revision}", lambda config: command.downgrade(config, revision))


def revision_chain() -> list[str]:
    """Revisions from first to head, as Alembic sees the versions folder."""
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def _migrate(engine: Engine, what: str, run: Callable[[Config], None]) -> None:
    """Run Alembic inside netui's own transaction, committing only if no reference broke.

    Alembic sees a connection already in a transaction, so its ``begin_transaction()`` in
    ``env.py`` does nothing and only this function commits or rolls back.
    """
    config = alembic_config()
    where = engine.url.database or "the database"
    with (
        engine.connect() as connection,
        _without_foreign_keys(_sqlite(connection)) as raw,
        connection.begin(),
    ):
        raw.execute("BEGIN")
        config.attributes["connection"] = connection
        run(config)
        if not raw.in_transaction:
            raise DatabaseFileError(
                f"{where}: schema {what} stopped: a migration committed part-way, so the"
                " schema may be half changed; restore the copy saved beside the file"
            )
        broken = _broken_references(raw)
        if broken:
            raise DatabaseFileError(
                f"{where}: schema {what} refused: it would leave {broken};"
                " the file was left as it was"
            )


def _sqlite(connection: Connection) -> sqlite3.Connection:
    raw = connection.connection.driver_connection
    if not isinstance(raw, sqlite3.Connection):
        raise TypeError(f"netui migrates SQLite files only, not {type(raw).__name__}")
    return raw


@contextmanager
def _without_foreign_keys(raw: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Foreign keys off and no implicit transactions, then both as they were.

    SQLite ignores ``PRAGMA foreign_keys`` inside a transaction, so it is set (and checked)
    before ``BEGIN``. ``isolation_level = None`` stops the sqlite3 module from opening its own
    transactions, which would begin only at the first INSERT and leave the DDL before it
    committed on its own; the caller's explicit ``BEGIN`` covers every statement instead.
    """
    isolation = raw.isolation_level
    raw.isolation_level = None
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        if raw.execute("PRAGMA foreign_keys").fetchone() != (0,):
            raise RuntimeError("foreign keys stayed on: the connection was in a transaction")
        yield raw
    finally:
        raw.execute("PRAGMA foreign_keys=ON")
        raw.isolation_level = isolation


def _broken_references(raw: sqlite3.Connection) -> str:
    """Rows whose foreign key points at nothing, worded per table ("" when there are none)."""
    counts = Counter((row[0], row[2]) for row in raw.execute("PRAGMA foreign_key_check"))
    return " and ".join(
        f"{count} {'row' if count == 1 else 'rows'} in {table} pointing at missing {parent} rows"
        for (table, parent), count in sorted(counts.items())
    )
