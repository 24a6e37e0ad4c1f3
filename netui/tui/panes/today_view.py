"""What the Today pane reads in one go, and how it words it.

:func:`load_today` runs in a thread worker: the timer, today's queue and progress, the Top
20 and the triage counts. Each read that fails (another netui is writing, a damaged file)
comes back as None, so the pane keeps what it showed for that part and shows the rest; the
next change reads it again. The functions below turn what was read into literal Content:
names come from people and files, so they are never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from textual.content import Content

from netui.domain.queue import Queue, Reason, TodayProgress
from netui.domain.timer_status import TimerStatus
from netui.domain.types import Top20Progress
from netui.errors import NetuiError

if TYPE_CHECKING:
    from netui.services.context import Services

__all__ = [
    "QUEUE_LIMIT",
    "TodayData",
    "load_today",
    "progress_text",
    "queue_heading",
]

QUEUE_LIMIT = 50
"""The most people the pane lists (the heading counts everyone due)."""

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class TodayData:
    """One look at the day; None for a part that could not be read just now."""

    timer: TimerStatus | None
    queue: Queue | None
    progress: TodayProgress | None
    top20: Top20Progress | None


def _read(read: Callable[[], T]) -> T | None:
    try:
        return read()
    except NetuiError:
        return None


def load_today(services: Services) -> TodayData:
    """Read the day (off the UI thread: the queue looks at every contact)."""
    overview = _read(lambda: services.today.overview(limit=QUEUE_LIMIT))
    return TodayData(
        timer=_read(services.timer.status),
        queue=overview[0] if overview else None,
        progress=overview[1] if overview else None,
        top20=_read(services.triage.top20_progress),
    )


def progress_text(top20: Top20Progress | None, today: TodayProgress | None) -> Content:
    """The Top 20 and today's people, a line each (what could be read)."""
    parts: list[Content] = []
    if top20 is not None:
        met = top20.reached >= top20.goal
        parts.append(
            Content.assemble(("Top 20  ", "bold"), f"{top20.size} of {top20.capacity} chosen")
        )
        parts.append(
            Content.assemble(
                ("Reached ", "bold"),
                f"{top20.reached} of {top20.capacity} (goal {top20.goal})",
                ("  ✓" if met else "", "$text-success"),
            )
        )
    if today is not None:
        parts.append(
            Content.assemble(
                ("Today   ", "bold"),
                f"{today.reached_today} reached · {today.contacted_today} contacted",
            )
        )
    return Content("\n").join(parts)


def queue_heading(queue: Queue, top20: Top20Progress | None) -> Content:
    if not queue.due:
        if top20 is not None and not top20.size:
            return Content.styled("Nobody due. Choose a Top 20: T in Contacts", "$text-muted")
        return Content.styled("Nobody is due today", "$text-muted")
    asks = sum(1 for item in queue.items if item.reason is Reason.TOP20)
    shown = f" (first {len(queue.items)})" if queue.due > len(queue.items) else ""
    from_top20 = f", {asks} Top 20" if asks else ""
    return Content.assemble(("Queue ", "bold"), f"{queue.due} due{shown}{from_top20}")
