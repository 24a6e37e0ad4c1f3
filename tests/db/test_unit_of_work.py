"""Database.unit_of_work(): work is kept only when it is committed."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from netui.db.engine import Database
from netui.services.context import Services

COUNT = text("SELECT count(*) FROM import_batch")
INSERT = text(
    "INSERT INTO import_batch (source_path, format, created_at)"
    " VALUES ('a.csv', 'csv', '2026-11-26 15:00:00.000000')"
)


def batches(db: Database) -> int:
    with db.session() as session:
        return int(session.execute(COUNT).scalar_one())


def test_work_that_is_not_committed_is_rolled_back(services: Services) -> None:
    db = services.imports.db
    with db.unit_of_work() as work:
        work.session.execute(INSERT)
        assert int(work.session.execute(COUNT).scalar_one()) == 1

    assert batches(db) == 0


def test_committed_work_is_kept_and_later_work_is_not(services: Services) -> None:
    db = services.imports.db
    with db.unit_of_work() as work:
        work.session.execute(INSERT)
        work.commit()
        work.session.execute(INSERT)  # after the commit: rolled back at the end

    assert batches(db) == 1


def half_done(db: Database) -> None:
    with db.unit_of_work() as work:
        work.session.execute(INSERT)
        raise RuntimeError("half way")


def test_an_error_rolls_the_work_back(services: Services) -> None:
    db = services.imports.db
    with pytest.raises(RuntimeError, match="half way"):
        half_done(db)

    assert batches(db) == 0


def test_the_session_is_only_there_inside_the_block(services: Services) -> None:
    work = services.imports.db.unit_of_work()
    with pytest.raises(RuntimeError, match="outside its with block"):
        _ = work.session
    with work:
        pass
    with pytest.raises(RuntimeError, match="outside its with block"):
        work.commit()
