"""The weekly review as Markdown, for reading as it is or pasting into a message.

Someone's text (a name, a company) goes through the charts' own escaping
(:func:`netui.domain.charts.markdown_text`: control characters out, every Markdown
punctuation mark backslash-escaped), so a name like ``*[x](javascript:1)*`` shows as typed
in a table and in a chart alike: never a link, emphasis, a heading, raw HTML or a table
break. netui's own words are written as they are.
"""

from __future__ import annotations

from netui.domain.charts import chart_markdown, markdown_text
from netui.domain.report import Cell, Section, Table, UserText, WeekReport, shown_text

__all__ = ["markdown_text", "render_markdown"]


def _cell(cell: Cell) -> str:
    if isinstance(cell, UserText):
        return markdown_text(shown_text(cell.text))
    return cell.replace("|", r"\|")


def _table(table: Table) -> list[str]:
    lines = [
        "| " + " | ".join(table.headers) + " |",
        "| " + " | ".join("---" for _ in table.headers) + " |",
    ]
    for row in table.rows:
        cells = [_cell(c) for c in row.cells]
        if row.marked and cells[0]:
            cells[0] = f"**{cells[0]}**"
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _section(section: Section) -> list[str]:
    lines = [f"## {section.title}", ""]
    for sentence in section.lines:
        lines += [sentence, ""]
    if section.table is not None:
        lines += [*_table(section.table), ""]
    elif section.empty:
        lines += [section.empty, ""]
    if section.more:
        lines += [section.more, ""]
    for chart in section.charts:
        lines += [chart_markdown(chart).rstrip("\n"), ""]
    return lines


def render_markdown(report: WeekReport) -> str:
    """The whole review, ending with one line break."""
    lines = [f"# {report.title}", "", report.subtitle, ""]
    if report.glance:
        lines += [f"**{report.glance}**", ""]
    for section in report.sections:
        lines += _section(section)
    return "\n".join(lines).rstrip("\n") + "\n"
