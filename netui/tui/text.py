"""Turning user text into display content that is always literal.

Names and notes come from people and imported files; they are never parsed as
markup, and control characters (an ESC starting a terminal sequence) never reach
the terminal.
"""

from __future__ import annotations

from textual.content import Content

from netui.domain.types import ContactRow, TriageStatus

_REPLACEMENT = "\N{REPLACEMENT CHARACTER}"
_ONE_LINE: dict[int, str | None] = {
    **dict.fromkeys(range(0x00, 0x20), _REPLACEMENT),  # C0, including ESC
    0x7F: _REPLACEMENT,  # DEL
    **dict.fromkeys(range(0x80, 0xA0), _REPLACEMENT),  # C1, including CSI
    **dict.fromkeys(map(ord, "\t\n\r\v\f\u2028\u2029"), " "),
    # Bidirectional embeddings, overrides and isolates could reorder the rest of the line.
    **dict.fromkeys(range(0x202A, 0x202F)),
    **dict.fromkeys(range(0x2066, 0x206A)),
}
_MULTI_LINE = {**_ONE_LINE, ord("\n"): "\n", ord("\t"): "\t"}


def one_line(text: str) -> str:
    """``text`` safe on one terminal line: no control characters, no line breaks."""
    return text.translate(_ONE_LINE)


def printable(text: str) -> str:
    """``text`` safe for the terminal; keeps line breaks and tabs."""
    return text.translate(_MULTI_LINE)


def literal(text: str, style: str = "") -> Content:
    """Content showing ``text`` exactly as typed, optionally in one style."""
    return Content.styled(printable(text), style) if style else Content(printable(text))


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
