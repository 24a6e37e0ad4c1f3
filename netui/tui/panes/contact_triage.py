"""The Contacts pane's triage keys: what they decide on, and what happens when they cannot.

Plain functions over the pane, like :mod:`netui.tui.panes.contact_dialogs`. A decision that
cannot be written changes nothing and says why: another netui is writing (the same key
works once it is done), or another netui merged or deleted the contact (the list is read
again). Nothing a key does raises past the pane.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from netui.domain.listing import next_after
from netui.errors import NetuiError, NotFoundError, Top20FullError
from netui.tui.db_errors import gone_message, report
from netui.tui.panes import contact_dialogs as dialogs

if TYPE_CHECKING:
    from netui.services.triage import TriageResult
    from netui.tui.panes.contacts import ContactsPane

Decision = Callable[[list[int]], "TriageResult"]


def targets(pane: ContactsPane) -> list[int]:
    """The selected contacts in list order, else the highlighted one."""
    selected = pane.table.selected_ids
    if selected:
        rows = pane.listing.view(pane.status_filter, pane.query_text)
        return [row.id for row in rows if row.id in selected]
    row = pane.table.current_row
    return [row.id] if row else []


def _next_id_after(pane: ContactsPane, ids: Sequence[int]) -> int | None:
    current = pane.table.current_row
    if current is None:
        return None
    rows = pane.listing.view(pane.status_filter, pane.query_text)
    return next_after(rows, current.id, frozenset(ids))


def decide(pane: ContactsPane, decision: Decision, advance: bool = True) -> None:
    """Make ``decision`` on the targets; the cursor moves on (``advance``) or stays."""
    ids = targets(pane)
    if not ids:
        return
    land_on = _next_id_after(pane, ids) if advance else ids[0]
    try:
        result = decision(ids)
    except Top20FullError as error:
        dialogs.offer_swap(pane, ids, str(error), land_on)
        return
    except NotFoundError:
        contacts_gone(pane, ids)
        return
    except NetuiError as error:
        report(pane, error)  # nothing changed: the same key tries again
        return
    pane.apply_result(result, land_on)


def undo(pane: ContactsPane) -> None:
    try:
        result = pane.services.triage.undo()
    except NetuiError as error:
        report(pane, error)
        return
    if result is None:
        pane.notify("Nothing to undo.", timeout=3)
        return
    pane.apply_result(result, result.changed_ids[0] if result.changed_ids else None)


def contacts_gone(pane: ContactsPane, ids: Sequence[int]) -> None:
    """Another netui merged or deleted (one of) these: say so and read the list again."""
    row = pane.listing.get(ids[0]) if len(ids) == 1 else None
    message = (
        gone_message(row.full_name)
        if row is not None
        else "One of the chosen contacts was merged or deleted by another netui."
    )
    pane.notify(f"{message} The list is read again.", severity="warning", timeout=6)
    pane.reload_contacts()
