"""A chart from :mod:`netui.domain.charts`, drawn in cells at the widget's own width.

The renderer hands back ``(text, role)`` cells; here each role becomes a theme style and
the text goes in as plain text (``Content``, never markup), so a script called
``[b]hi[/b]`` shows its brackets. The chart is drawn again when the widget is resized.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from netui.domain.charts import CellLine, Chart, Role, cell_lines

__all__ = ["ChartView", "chart_content"]

ROLE_STYLES = {
    Role.TITLE: "bold",
    Role.LABEL: "",
    Role.BAR: "$text-primary",
    Role.GOOD: "$text-success",
    Role.EMPTY: "",
    Role.VALUE: "bold",
    Role.NOTE: "$text-muted",
}
COLUMN_ROWS = 4
"""Rows of a column chart (minutes per day)."""


def chart_content(lines: list[CellLine]) -> Content:
    """Cells as one piece of content, a line each, styled by role."""
    return Content("\n").join(
        Content.assemble(*((text, ROLE_STYLES[role]) for text, role in line)) for line in lines
    )


class ChartView(Widget):
    """One chart; ``show`` puts another in its place."""

    DEFAULT_CSS = """
    ChartView { height: auto; width: 1fr; }
    """

    def __init__(self, chart: Chart | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.chart = chart

    def show(self, chart: Chart) -> None:
        self.chart = chart
        self.refresh(layout=True)

    def _lines(self, width: int) -> list[CellLine]:
        if self.chart is None:
            return []
        return cell_lines(self.chart, width=width, height=COLUMN_ROWS)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self._lines(width)))

    def render(self) -> Content:
        return chart_content(self._lines(self.content_region.width))

    @property
    def text(self) -> str:
        """What the chart says, as plain text (for tests and for reading)."""
        return "\n".join(
            "".join(text for text, _ in line).rstrip()
            for line in self._lines(self.content_region.width or 60)
        )
