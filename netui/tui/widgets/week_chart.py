"""Minutes of networking on each of the last seven days, as small bars against the goal.

Drawn from cells rather than with Textual's ``Sparkline``: seven days need labels under
them and a colour for the days that met the goal, and a few characters of text redraw in
nothing at all. The chart changes only when a status is shown (a minute more, a new day).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widget import Widget

from netui.domain.timer_status import DayMinutes

__all__ = ["WeekChart", "week_chart"]

BAR_ROWS = 1
EIGHTHS = " ▁▂▃▄▅▆▇█"
BAR_WIDTH = 3
DAY_LABELS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


def _level(minutes: int, top: int) -> int:
    """How many eighths of the bar's rows ``minutes`` fills (a minute shows at least one)."""
    if minutes <= 0 or top <= 0:
        return 0
    return max(1, round(min(minutes, top) / top * BAR_ROWS * 8))


def week_chart(days: Sequence[DayMinutes], goal_minutes: int) -> Content:
    """Bars (the goal is full height) over the days' names; days that met the goal in green."""
    top = max([goal_minutes, *(day.minutes for day in days)])
    rows: list[list[Content]] = [[] for _ in range(BAR_ROWS)]
    labels: list[Content] = []
    for index, day in enumerate(days):
        level = _level(day.minutes, top)
        style = "$text-success" if day.minutes >= goal_minutes > 0 else "$text-primary"
        for row in range(BAR_ROWS):
            fill = min(8, max(0, level - 8 * (BAR_ROWS - 1 - row)))
            cell = EIGHTHS[fill] * BAR_WIDTH
            if not level and row == BAR_ROWS - 1:
                rows[row].append(Content.styled(" · ", "$text-muted"))
            else:
                rows[row].append(Content.styled(cell, style))
        today = index == len(days) - 1
        label = DAY_LABELS[day.day.weekday()].center(BAR_WIDTH)
        labels.append(Content.styled(label, "bold" if today else "$text-muted"))
    lines = [Content(" ").join(row) for row in rows]
    lines.append(Content(" ").join(labels))
    return Content("\n").join(lines)


class WeekChart(Widget):
    """The last seven days, oldest first; today is the last bar."""

    DEFAULT_CSS = """
    WeekChart { height: 2; width: 27; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._content = Content("")

    def show(self, days: Sequence[DayMinutes], goal_minutes: int) -> None:
        content = week_chart(days, goal_minutes)
        if not content.is_same(self._content):
            self._content = content
            self.refresh()

    def render(self) -> Content:
        return self._content
