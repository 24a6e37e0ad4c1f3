"""Turning user text into display content that is always literal.

Names and notes come from people and imported files; they are never parsed as
markup, and control characters (an ESC starting a terminal sequence) never reach
the terminal: ``one_line`` and ``printable`` come from :mod:`netui.display`, shared
with the command line.
"""

from __future__ import annotations

from textual.content import Content

from netui.display import one_line as one_line
from netui.display import printable as printable
from netui.domain.types import ContactRow, TriageStatus


def literal(text: str, style: str = "") -> Content:
    """Content showing ``text`` exactly as typed, optionally in one style."""
    return Content.styled(printable(text), style) if style else Content(printable(text))


def literal_line(text: str, style: str = "") -> Content:
    """:func:`literal` on one line (line breaks become spaces): for titles and labels."""
    return Content.styled(one_line(text), style) if style else Content(one_line(text))


def strength_dots(strength: int | None) -> str:
    if strength is None:
        return "–"
    return "●" * strength + "○" * (5 - strength)


def status_label(status: TriageStatus, rank: int | None) -> str:
    if status is TriageStatus.TOP20:
        return f"Top 20 #{rank}" if rank else "Top 20"
    return status.value


def row_status(row: ContactRow) -> str:
    return status_label(row.status, row.top20_rank)
