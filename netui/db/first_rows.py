"""The contacts that may head the list, found by SQLite without scoring everyone in Python.

:mod:`netui.domain.priority_bound` gives an upper bound of each contact's priority made of
columns and constants; here it becomes an SQL expression, so SQLite ranks every contact by
it in C while the app is still drawing its first frame. Runs on a plain ``sqlite3``
connection (:meth:`netui.db.engine.Database.reading`), like :mod:`netui.db.reads`.
"""

from __future__ import annotations

import sqlite3
from typing import Any, cast

from netui.db.reads import LIST_COLUMNS, ListRecord
from netui.domain.priority_bound import ScoreBound
from netui.domain.types import TriageStatus

__all__ = ["best_records", "bound_sql", "records_reaching"]

_SHOWN = "status != ?"  # the list's default view leaves the archived out
_ARCHIVED = TriageStatus.ARCHIVED.value


def bound_sql(bound: ScoreBound) -> tuple[str, list[Any]]:
    """The bound as an SQL expression over one contact row, and its parameters in order."""
    params: list[Any] = [bound.unknown_strength]
    strength = ["CASE WHEN strength IS NULL THEN ?"]
    for level in (5, 4, 3, 2):
        strength.append(f"WHEN strength >= {level} THEN ?")
        params.append(bound.strength[level])
    strength.append("ELSE ? END")
    params.append(bound.strength[1])
    # Oldest first: most contacts are long unreached, and leave the CASE at once.
    staleness = ["CASE WHEN last_contacted IS NULL THEN ?"]
    params.append(bound.full_staleness)
    older_part = bound.full_staleness
    for since, part in reversed(bound.staleness):
        staleness.append("WHEN last_contacted < ? THEN ?")
        params += [since.isoformat(), older_part]
        older_part = part
    staleness.append("ELSE ? END")
    params.append(older_part)
    overdue = (
        "CASE WHEN cadence IS NOT NULL AND cadence != '' AND last_contacted < ? THEN ? ELSE 0 END"
    )
    params += [bound.overdue_before.isoformat(), bound.overdue, bound.fixed]
    return f"({' '.join(strength)} + {' '.join(staleness)} + {overdue} + ?)", params


def best_records(
    connection: sqlite3.Connection, bound: ScoreBound, limit: int
) -> list[tuple[ListRecord, float]]:
    """The ``limit`` shown contacts of highest bound, highest first, each with its bound."""
    expression, params = bound_sql(bound)
    sql = (
        f"SELECT {LIST_COLUMNS}, {expression} AS bound FROM contact"
        f" WHERE {_SHOWN} ORDER BY bound DESC LIMIT ?"
    )
    rows = connection.execute(sql, [*params, _ARCHIVED, limit]).fetchall()
    return [(cast("ListRecord", row[:-1]), float(row[-1])) for row in rows]


def records_reaching(
    connection: sqlite3.Connection, bound: ScoreBound, score: float
) -> list[ListRecord]:
    """Every shown contact whose bound is at least ``score`` (in no particular order)."""
    expression, params = bound_sql(bound)
    sql = f"SELECT {LIST_COLUMNS} FROM contact WHERE {_SHOWN} AND {expression} >= ?"
    return cast("list[ListRecord]", connection.execute(sql, [_ARCHIVED, *params, score]).fetchall())
