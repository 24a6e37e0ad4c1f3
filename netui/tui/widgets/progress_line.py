"""One line of progress toward a goal: words, then a bar that fills the rest of the width.

Used by the Today pane for today's minutes against the daily goal. The bar is drawn from
the widget's own width when it renders, so it fits any pane; it redraws only when the
numbers change (at most once a minute for the timer).
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

__all__ = ["ProgressLine", "progress_bar"]

BAR = "━"


def progress_bar(done: int, goal: int, width: int) -> Content:
    """A bar ``width`` cells wide, filled for ``done`` of ``goal`` (full, and green, once met)."""
    if width <= 0:
        return Content("")
    share = 1.0 if goal <= 0 else min(1.0, max(0, done) / goal)
    filled = round(share * width)
    style = "$text-success" if share >= 1.0 else "$text-primary"
    return Content.assemble((BAR * filled, style), (BAR * (width - filled), "$panel-lighten-2"))


class ProgressLine(Widget):
    """``label`` then a bar for ``done`` of ``goal``."""

    DEFAULT_CSS = """
    ProgressLine { height: 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.label = Content("")
        self.done = 0
        self.goal = 0

    def show(self, label: Content, done: int, goal: int) -> None:
        if (label.plain, done, goal) != (self.label.plain, self.done, self.goal):
            self.label, self.done, self.goal = label, done, goal
            self.refresh()

    def render(self) -> Content:
        label = self.label.truncate(max(0, self.size.width - 6), ellipsis=True)
        room = self.size.width - label.cell_length - 1
        if room < 5:
            return label
        return Content.assemble(label, " ", progress_bar(self.done, self.goal, room))
