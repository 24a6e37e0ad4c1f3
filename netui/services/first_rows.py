"""The first rows of the contact list, found without scoring every contact.

At 100,000 contacts, reading and scoring everyone takes most of a second; the screen needs
a few dozen rows. SQLite ranks the shown contacts by an upper bound of their priority
(:mod:`netui.domain.priority_bound`, :mod:`netui.db.first_rows`); the best are scored
exactly, and once the last row wanted scores above the bound of every contact not read,
no contact left out can come before it. When many contacts tie (a fresh import: no
strength, never contacted), every contact whose bound reaches that score is read instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from netui.db.engine import Database
from netui.db.first_rows import best_records, records_reaching
from netui.domain.listing import SortKey, StatusFilter, row_order
from netui.domain.priority_bound import score_bound
from netui.domain.types import ContactRow

if TYPE_CHECKING:
    from netui.services.contacts import RowBuilder

__all__ = ["READ_AT_MOST", "first_rows"]

READ_AT_MOST = 25_000
"""Past this many tied contacts, finding the first rows costs about what reading all does."""


def first_rows(db: Database, builder: RowBuilder, count: int) -> list[ContactRow] | None:
    """The first ``count`` rows of the list's default view (the shown contacts by priority),
    the same rows in the same order as the whole listing gives; None when the contacts tie
    so widely that reading them all is as quick."""
    bound = score_bound(builder.today, bool(builder.targets))
    order = row_order(SortKey.PRIORITY, StatusFilter.ACTIVE)
    with db.reading() as connection:
        candidates = best_records(connection, bound, 2 * count)
        rows = sorted(builder.build_all(record for record, _ in candidates), key=order)
        if len(candidates) < 2 * count:
            return rows[:count]  # every shown contact was read
        last = rows[count - 1]
        if last.priority > candidates[-1][1]:
            return rows[:count]
        reaching = records_reaching(connection, bound, last.priority)
        if len(reaching) > READ_AT_MOST:
            return None
        return sorted(builder.build_all(reaching), key=order)[:count]
