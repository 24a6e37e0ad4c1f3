"""The Today pane: today's session. Top 20 progress now; the daily timer comes with its issue."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from netui.domain.types import Top20Progress, TriageCounts
from netui.errors import NetuiError
from netui.tui.actions import Scope, bindings
from netui.tui.panes.base import Pane


def progress_text(progress: Top20Progress, counts: TriageCounts | None) -> Content:
    parts: list[Content] = [
        Content.assemble(("Top 20  ", "bold"), f"{progress.size} of {progress.capacity} chosen"),
        Content.assemble(
            ("Reached ", "bold"),
            f"{progress.reached} of {progress.capacity} (goal {progress.goal})",
            ("  ✓ goal met" if progress.reached >= progress.goal else "", "$success"),
        ),
    ]
    if counts is not None and counts.total:
        parts.append(
            Content.assemble(("Triage  ", "bold"), f"{counts.triaged} of {counts.total} triaged")
        )
    return Content("\n").join(parts)


class TodayPane(Pane):
    """Today's networking session: progress toward the Top 20 goal."""

    TITLE = "Today"
    BINDINGS = bindings(Scope.TODAY)
    DEFAULT_CSS = """
    TodayPane > #today-progress { height: 3; }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="today-progress")
        yield Static(
            Content.styled(
                "\nThe daily timer will live here: start a 30-minute session, work through "
                "today's queue of Top 20 calls and due follow-ups, and see the week add up.",
                "$text-muted",
            ),
            id="today-coming",
        )

    def refresh_progress(self) -> None:
        """Contacts changed somewhere: show where the Top 20 and the triage stand now."""
        if not self.ready:
            return
        try:
            progress = self.services.triage.top20_progress()
            counts = self.services.contacts.counts()
        except NetuiError:
            return  # what is shown stays; the next change reads it again
        self.query_one("#today-progress", Static).update(progress_text(progress, counts))
