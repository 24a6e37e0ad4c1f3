"""The priority bound as SQLite computes it equals the rule's own, for every stored shape."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from builders import NOW

from netui.db.first_rows import best_records, bound_sql, records_reaching
from netui.domain.priority_bound import score_bound
from netui.services.context import Services

TODAY = NOW.date()


Shape = tuple[int, int | None, date | None, str | None]
"""A contact's id, strength, last contact and cadence code."""


@pytest.fixture
def shapes(services: Services, add: Callable[..., int]) -> list[Shape]:
    """A contact for every strength, last-contact age and cadence (stored as they are)."""
    made: list[Shape] = []
    ages: tuple[int | None, ...] = (None, -3, 0, 1, 6, 8, 40, 400, 1500, 5000)
    for number, (strength, age, cadence) in enumerate(
        itertools.product((None, 1, 3, 5), ages, (None, "", "2w", "12m"))
    ):
        last = None if age is None else TODAY - timedelta(days=age)
        made.append((add(f"Person {number:03d}"), strength, last, cadence))
    connection = sqlite3.connect(services.path)
    with connection:
        connection.executemany(
            "UPDATE contact SET strength = ?, last_contacted = ?, cadence = ? WHERE id = ?",
            [(s, last and last.isoformat(), c, i) for i, s, last, c in made],
        )
    connection.close()
    return made


def test_sqlite_computes_the_same_bound(services: Services, shapes: list[Shape]) -> None:
    for targets in (False, True):
        bound = score_bound(TODAY, targets)
        expression, params = bound_sql(bound)
        with services.db.reading() as connection:
            got = dict(connection.execute(f"SELECT id, {expression} FROM contact", params))
        for contact_id, strength, last, cadence in shapes:
            expected = bound.of(strength, last, bool(cadence))
            assert got[contact_id] == pytest.approx(expected, abs=1e-9), (strength, last, cadence)


def test_best_records_come_highest_bound_first_and_reaching_keeps_the_rest(
    services: Services, shapes: list[Shape]
) -> None:
    bound = score_bound(TODAY, False)
    with services.db.reading() as connection:
        best = best_records(connection, bound, 25)
        assert len(best) == 25
        bounds = [b for _, b in best]
        assert bounds == sorted(bounds, reverse=True)
        everyone = [b for _, b in best_records(connection, bound, 10_000)]
        assert max(everyone[25:]) <= bounds[-1]
        reaching = records_reaching(connection, bound, bounds[-1])
    assert len(reaching) == sum(1 for b in everyone if b >= bounds[-1])
