"""Triage decisions (status, strength, Top 20 order) with undo that survives restarts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from netui.db.contacts import ContactRepository, TriageState
from netui.db.engine import Database
from netui.db.triage import TriageChange, TriageEventRepository
from netui.db.write_lock import hold_write_lock
from netui.domain import top20
from netui.domain.clock import Clock
from netui.domain.types import TOP20_SIZE, Top20Progress, TriageStatus
from netui.domain.validation import check_strength
from netui.errors import ValidationError

STATUS_VERBS = {
    TriageStatus.NEW: "back to new",
    TriageStatus.TOP20: "added to the Top 20",
    TriageStatus.LATER: "saved for later",
    TriageStatus.SKIP: "skipped",
    TriageStatus.ARCHIVED: "archived",
}


@dataclass(frozen=True, slots=True)
class TriageResult:
    """What a decision did, in words for the user, and which contacts it touched."""

    message: str
    changed_ids: tuple[int, ...]


def _who(states: Sequence[TriageState]) -> str:
    return states[0].full_name if len(states) == 1 else f"{len(states)} contacts"


class TriageService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def _apply(
        self,
        label: str,
        ids: Sequence[int],
        new_status: Callable[[TriageState], TriageStatus],
        new_strength: Callable[[TriageState], int | None],
        plan_order: Callable[[list[int]], list[int]],
    ) -> TriageResult:
        """Work out every contact's new status/rank/strength, write and record them.

        Under the write lock from the first read: another netui's decision cannot change
        the Top 20 between reading its order and writing the new one.
        """
        with self.db.session() as session:
            hold_write_lock(session)
            contacts = ContactRepository(session)
            old_order = contacts.top20_order()
            new_order = plan_order(old_order)
            new_ranks = top20.ranks(new_order)
            affected = dict.fromkeys([*ids, *old_order, *new_order])
            states = contacts.triage_states(affected)
            now = self.clock()
            changes: list[TriageChange] = []
            for contact_id, state in states.items():
                status = new_status(state) if contact_id in ids else state.status
                if contact_id in new_ranks:
                    status = TriageStatus.TOP20
                elif status is TriageStatus.TOP20:
                    status = TriageStatus.LATER
                rank = new_ranks.get(contact_id)
                strength = new_strength(state) if contact_id in ids else state.strength
                if (status, rank, strength) == (state.status, state.top20_rank, state.strength):
                    continue
                since = state.top20_since if state.status is TriageStatus.TOP20 else now
                contacts.set_triage(
                    contact_id,
                    status=status,
                    rank=rank,
                    strength=strength,
                    top20_since=since if status is TriageStatus.TOP20 else None,
                )
                changes.append(
                    TriageChange(
                        contact_id,
                        state.status,
                        state.top20_rank,
                        state.strength,
                        state.top20_since,
                        status,
                        rank,
                        strength,
                    )
                )
            if changes:
                TriageEventRepository(session).record(label, changes)
            chosen = [states[i] for i in ids]
            return TriageResult(f"{_who(chosen)}: {label}", tuple(c.contact_id for c in changes))

    def set_status(self, ids: Sequence[int], status: TriageStatus) -> TriageResult:
        """Put contacts in a status; raises Top20FullError when they will not fit."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            raise ValidationError("contacts", "choose at least one contact")

        def plan(order: list[int]) -> list[int]:
            if status is TriageStatus.TOP20:
                return top20.add(order, ids)
            return top20.remove(order, ids)

        return self._apply(STATUS_VERBS[status], ids, lambda _s: status, lambda s: s.strength, plan)

    def set_strength(self, ids: Sequence[int], strength: int) -> TriageResult:
        check_strength(strength)
        ids = list(dict.fromkeys(ids))
        return self._apply(
            f"strength {strength}",
            ids,
            lambda s: s.status,
            lambda _s: strength,
            lambda order: order,
        )

    def move(self, contact_id: int, delta: int) -> TriageResult:
        """Move one Top 20 member up (negative) or down the list."""
        return self._apply(
            "moved " + ("up" if delta < 0 else "down"),
            [contact_id],
            lambda s: s.status,
            lambda s: s.strength,
            lambda order: top20.move(order, contact_id, delta),
        )

    def set_rank(self, contact_id: int, rank: int) -> TriageResult:
        """Put a contact at a given Top 20 rank (adding it if there is room)."""
        if not 1 <= rank <= TOP20_SIZE:
            raise ValidationError("rank", f"must be 1 to {TOP20_SIZE}, not {rank}")

        def plan(order: list[int]) -> list[int]:
            placed = top20.add(order, [contact_id])
            return top20.move(placed, contact_id, rank - 1 - placed.index(contact_id))

        return self._apply(
            f"Top 20 #{rank}",
            [contact_id],
            lambda _s: TriageStatus.TOP20,
            lambda s: s.strength,
            plan,
        )

    def swap_into_top20(
        self, in_id: int, out_id: int, out_status: TriageStatus = TriageStatus.LATER
    ) -> TriageResult:
        """Replace a Top 20 member with someone new, who takes the same rank."""
        return self._apply(
            "swapped into the Top 20",
            [in_id, out_id],
            lambda s: TriageStatus.TOP20 if s.id == in_id else out_status,
            lambda s: s.strength,
            lambda order: top20.swap(order, out_id, in_id),
        )

    def undo(self) -> TriageResult | None:
        """Revert the newest decision not yet undone; None when there is nothing to undo."""
        with self.db.session() as session:
            hold_write_lock(session)  # the newest step is still the newest when undone
            popped = TriageEventRepository(session).pop_latest()
            if popped is None:
                return None
            label, changes = popped
            contacts = ContactRepository(session)
            for change in changes:
                contacts.set_triage(
                    change.contact_id,
                    status=change.before_status,
                    rank=change.before_rank,
                    strength=change.before_strength,
                    top20_since=change.before_top20_since,
                )
            return TriageResult(f"undid: {label}", tuple(c.contact_id for c in changes))

    def undo_depth(self) -> int:
        with self.db.session() as session:
            return TriageEventRepository(session).undoable_count()

    def top20_progress(self) -> Top20Progress:
        with self.db.session() as session:
            contacts = ContactRepository(session)
            return Top20Progress(
                size=len(contacts.top20_order()), reached=len(contacts.reached_since_top20())
            )
