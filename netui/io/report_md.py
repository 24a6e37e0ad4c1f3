"""The weekly review as Markdown, for reading as it is or pasting into a message.

Someone's text (a name, a company) is cleaned of control characters and has every
Markdown punctuation mark backslash-escaped, so a name like ``*[x](javascript:1)*`` shows
as typed: never a link, emphasis, a heading, raw HTML or a table break. netui's own words
are written as they are.
"""

from __future__ import annotations

import re

from netui.domain.clean_text import clean_line
from netui.domain.report import Cell, Section, Table, UserText, WeekReport

__all__ = ["markdown_text", "render_markdown"]

# ASCII punctuation that means something to CommonMark or to GitHub's extensions anywhere
# in a line: links, emphasis, code, raw HTML, entities, tables, strikethrough, highlights,
# autolinks (``www.``, ``http:``, ``a@b``), emoji codes and math. A backslash before any
# ASCII punctuation is always literal.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#!|~&:@$=^.])")
# Only at a line's start: a list item (``- ``, ``+ ``; ``1.`` is covered by the dot).
_LIST_START = re.compile(r"^([-+])")


def markdown_text(text: str) -> str:
    """Someone's text, safe anywhere in a Markdown line (a table cell, the line's start)."""
    return _LIST_START.sub(r"\\\1", _SPECIAL.sub(r"\\\1", clean_line(text)))


def _cell(cell: Cell) -> str:
    if isinstance(cell, UserText):
        return markdown_text(cell.text)
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
    return lines


def render_markdown(report: WeekReport) -> str:
    """The whole review, ending with one line break."""
    lines = [f"# {report.title}", "", report.subtitle, ""]
    for section in report.sections:
        lines += _section(section)
    return "\n".join(lines).rstrip("\n") + "\n"
