"""The Top 20: an ordered list of at most 20 people to reach in the weeks ahead.

Pure list arithmetic on contact ids in rank order; the service turns the difference
between the old and new order into rank changes and records them for undo.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from netui.domain.types import TOP20_SIZE
from netui.errors import Top20FullError


def add(order: Sequence[int], ids: Iterable[int], capacity: int = TOP20_SIZE) -> list[int]:
    """Append ``ids`` not already present, refusing to go past ``capacity``."""
    new = list(order)
    incoming = [i for i in dict.fromkeys(ids) if i not in new]
    if len(new) + len(incoming) > capacity:
        free = max(capacity - len(new), 0)
        raise Top20FullError(
            f"the Top 20 is full ({len(new)} of {capacity}); "
            + (f"only {free} place(s) left" if free else "swap someone out to add another")
        )
    return new + incoming


def remove(order: Sequence[int], ids: Iterable[int]) -> list[int]:
    """Drop ``ids``; the others close ranks."""
    leaving = set(ids)
    return [i for i in order if i not in leaving]


def move(order: Sequence[int], contact_id: int, delta: int) -> list[int]:
    """Move one contact ``delta`` places (negative is up), clamped to the list's ends."""
    new = list(order)
    if contact_id not in new:
        return new
    index = new.index(contact_id)
    target = min(max(index + delta, 0), len(new) - 1)
    new.insert(target, new.pop(index))
    return new


def swap(order: Sequence[int], out_id: int, in_id: int) -> list[int]:
    """Put ``in_id`` in ``out_id``'s place (used when the list is full)."""
    if out_id not in order:
        raise ValueError(f"contact {out_id} is not in the Top 20")
    return [in_id if i == out_id else i for i in order if i != in_id]


def ranks(order: Sequence[int]) -> dict[int, int]:
    """Contact id to 1-based rank."""
    return {contact_id: rank for rank, contact_id in enumerate(order, start=1)}
