"""The week so far under Today's timer: time against the week's goal, people reached and
doors opened since Monday (``p`` opens the whole picture). The Top 20 is left out: the
pane shows it just above.

The widget reads its figures itself, in a thread, whenever the pane has read the day
again; a read that fails keeps what was shown (the next look reads again).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from netui.domain.stats import WeekSummary
from netui.domain.stats_charts import week_parts
from netui.errors import NetuiError
from netui.tui.workers import ReportsWorkerErrors

if TYPE_CHECKING:
    from netui.services.context import Services

__all__ = ["TodaySummary"]


class TodaySummary(Static, ReportsWorkerErrors):
    """``This week 2h10 of 2h30 since Monday`` over ``6 reached · 2 doors opened``."""

    DEFAULT_CSS = """
    TodaySummary { height: auto; margin-top: 1; }
    """

    class Read(Message):
        def __init__(self, week: WeekSummary) -> None:
            super().__init__()
            self.week = week

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.week: WeekSummary | None = None

    def reload(self, services: Services) -> None:
        """Read the week again, off the UI thread."""
        stats = services.stats
        self.run_worker(
            lambda: self.post_message(self.Read(stats.week())),
            thread=True,
            exclusive=True,
            group="today-summary",
            exit_on_error=False,
        )

    def on_today_summary_read(self, message: Read) -> None:
        self.week = message.week
        time, reached, doors, _ = week_parts(message.week)
        self.update(
            Content.assemble(
                ("This week ", "bold"),
                time,
                (" since Monday", "$text-muted"),
                "\n",
                f"{reached} · {doors}",
            )
        )

    def worker_failed(self, group: str, error: BaseException) -> None:
        if isinstance(error, NetuiError):
            self.log.warning(f"{group}: {error}")  # what is shown stays
            return
        super().worker_failed(group, error)
