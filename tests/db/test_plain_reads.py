"""Reads on the standard library's sqlite3: the same contacts as the ORM, a real snapshot.

``Database.reading`` hands out plain connections that cannot write; ``netui.db.reads``
turns their columns into the frozen types the ORM paths give.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from datetime import date

import pytest
from builders import sql_rows, store_raw

from netui.db.contacts import ContactRepository
from netui.db.reads import ContactReads, ListRecord
from netui.domain.types import DatePrecision, LooseDate, TriageStatus
from netui.errors import DatabaseDamagedError
from netui.services.context import Services


def everyone(services: Services) -> list[int]:
    with services.db.reading() as connection:
        return [c.id for c in ContactReads(connection).contacts_in_order(lambda r: (r.id,), 1)]


def test_contacts_read_plainly_equal_the_orm_ones(
    services: Services, add: Callable[..., int]
) -> None:
    full = add(
        "Dana Whitfield",
        company="Quarry & Vine",
        emails=("dana@quarry.example", "d.w@mail.example"),
        phones=("+1 206 555 0100",),
        tags=("mentor",),
        strength=4,
        cadence="1m",
        last_contacted=LooseDate(date(2024, 3, 1), DatePrecision.MONTH),
    )
    bare = add("Oren Adler")
    services.triage.set_status([full], TriageStatus.TOP20)
    store_raw(services.path, bare, connected_on="2019-05-04", job_changed_on="2026-11-01")
    with services.db.session() as session:
        expected = ContactRepository(session).get_many([full, bare])
    with services.db.reading() as connection:
        read = list(ContactReads(connection).contacts_in_order(lambda r: (r.id,), 1))
    assert read == expected
    assert read[0].created_at.tzinfo is not None
    assert read[0].top20_rank == 1


def test_the_key_orders_and_the_test_filters(services: Services, add: Callable[..., int]) -> None:
    ids = [add(name) for name in ("b", "c", "a", "d")]

    def name_backwards(record: ListRecord) -> tuple[str, int]:
        return (record.full_name[::-1], -record.id)

    with services.db.reading() as connection:
        reads = ContactReads(connection)
        ordered = [c.full_name for c in reads.contacts_in_order(name_backwards, 2)]
        kept = reads.contacts_in_order(
            lambda r: (r.id,), 1, wanted=lambda r: r.full_name != "c", status="new"
        )
        assert [c.id for c in kept] == [ids[0], ids[2], ids[3]]
        assert list(reads.contacts_in_order(lambda r: (r.id,), 1, status="top20")) == []
    assert ordered == ["a", "b", "c", "d"]


def test_dates_in_a_key_sort_as_dates(services: Services, add: Callable[..., int]) -> None:
    days = {add("late"): date(2025, 1, 2), add("early"): date(1999, 12, 31)}
    with services.db.reading() as connection:
        found = ContactReads(connection).contacts_in_order(lambda r: (days[r.id],), 1)
        assert [c.full_name for c in found] == ["early", "late"]


def test_a_reading_is_one_snapshot(services: Services, add: Callable[..., int]) -> None:
    add("Ann Lee")
    with services.db.reading() as connection:
        before = ContactReads(connection).count()
        add("Ben Ode")  # committed meanwhile, by this process
        with services.db.reading() as nested:
            assert nested is connection  # a nested reading shares the snapshot
        assert ContactReads(connection).count() == before == 1
    with services.db.reading() as connection:
        assert ContactReads(connection).count() == 2


def test_a_reading_cannot_write(services: Services) -> None:
    with services.db.reading() as connection, pytest.raises(sqlite3.OperationalError):
        connection.execute("DELETE FROM contact")


def test_threads_read_on_connections_of_their_own(services: Services) -> None:
    seen: list[sqlite3.Connection] = []
    entered, release = threading.Event(), threading.Event()

    def read_slowly() -> None:
        with services.db.reading() as connection:
            seen.append(connection)
            entered.set()
            release.wait(5)

    thread = threading.Thread(target=read_slowly)
    thread.start()
    assert entered.wait(5)
    with services.db.reading() as mine:
        assert mine is not seen[0]
    release.set()
    thread.join()
    with services.db.reading() as again:
        assert again in (mine, seen[0])  # kept for the next reading, not opened anew


def test_a_stream_left_early_ends_its_snapshot(services: Services, add: Callable[..., int]) -> None:
    for name in ("a", "b", "c"):
        add(name)
    stream = services.contacts.stream()
    next(stream)
    stream.close()
    add("d")
    assert len(everyone(services)) == 4


def test_close_closes_every_reading_connection(services: Services) -> None:
    with services.db.reading() as connection:
        pass
    services.db.close()
    with pytest.raises(sqlite3.ProgrammingError):
        connection.execute("SELECT 1")


def test_damage_met_while_reading_is_said_as_netui_says_it(
    services: Services, add: Callable[..., int]
) -> None:
    add("Ann Lee")
    with pytest.raises(DatabaseDamagedError), services.db.reading():
        raise sqlite3.DatabaseError("database disk image is malformed")
    assert sql_rows(services.path, "SELECT count(*) FROM contact") == [(1,)]


def test_a_stream_outliving_its_database_ends_quietly(
    services: Services, add: Callable[..., int]
) -> None:
    """Output cut short (``contacts --json | head``) closes the database under a stream."""
    for name in ("a", "b"):
        add(name)
    stream = services.contacts.stream()
    next(stream)
    services.db.close()
    stream.close()  # no error: the snapshot went with its connection
    assert len(everyone(services)) == 2  # and reading again opens a new one


def test_close_leaves_a_reading_on_another_thread_to_end_first(
    services: Services, add: Callable[..., int]
) -> None:
    """The app closes its database as it quits, perhaps while a worker reads the list:
    closing a connection under a running query would crash the interpreter."""
    add("Ann Lee")
    inside, release = threading.Event(), threading.Event()
    seen: list[object] = []

    def read() -> None:
        with services.db.reading() as connection:
            inside.set()
            release.wait(5)
            seen.append(connection.execute("SELECT count(*) FROM contact").fetchone()[0])
        seen.append(connection)

    thread = threading.Thread(target=read)
    thread.start()
    assert inside.wait(5)
    services.db.close()
    release.set()
    thread.join(5)
    assert seen[0] == 1
    connection = seen[1]
    assert isinstance(connection, sqlite3.Connection)
    with pytest.raises(sqlite3.ProgrammingError):  # closed once its reading ended
        connection.execute("SELECT 1")
