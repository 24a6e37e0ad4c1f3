"""Space-aligned text tables that fit the terminal (wide characters counted as two)."""

from __future__ import annotations

import shutil
import sys
import unicodedata
from collections.abc import Sequence

_ASCII = dict.fromkeys(range(128))
_CHAR_WIDTHS: dict[str, int] = {}


def _char_width(char: str) -> int:
    width = _CHAR_WIDTHS.get(char)
    if width is None:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            width = 0
        elif unicodedata.east_asian_width(char) in ("W", "F"):
            width = 2
        else:
            width = 1
        _CHAR_WIDTHS[char] = width
    return width


def cell_width(text: str) -> int:
    """Terminal columns a one-line string takes (wide East Asian characters take two)."""
    if text.isascii():
        return len(text)
    others = text.translate(_ASCII)
    return len(text) - len(others) + sum(map(_char_width, others))


def _truncate(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` columns, ending in an ellipsis."""
    kept: list[str] = []
    used = 0
    for char in text:
        char_width = _char_width(char)
        if used + char_width > width - 1:
            break
        kept.append(char)
        used += char_width
    return "".join(kept) + "…"


def format_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    width: int | None = None,
    flexible: Sequence[int] = (),
    right: Sequence[int] = (),
    max_column: int | None = None,
) -> list[str]:
    """Space-aligned columns (never tabs), one string per line, header first.

    With ``width``, the ``flexible`` columns are shortened (with an ellipsis) until every
    line fits in ``width`` columns. With ``max_column``, no column is wider than that: a
    longer cell is cut, so one 10,000-character company cannot pad every line to its
    width. Without either, every cell is shown whole.
    """
    gap = "  "
    table = [list(headers), *rows]
    cell_widths = [[cell_width(cell) for cell in cells] for cells in table]
    natural = [max(column) for column in zip(*cell_widths, strict=True)]
    if max_column is not None:
        natural = [min(column, max(max_column, 1)) for column in natural]
    widths = list(natural)
    if width is not None and sum(natural) + len(gap) * (len(headers) - 1) > width:
        fixed = sum(w for i, w in enumerate(natural) if i not in flexible)
        room = max(width - fixed - len(gap) * (len(headers) - 1), 4 * len(flexible))
        # Fair shares: narrow columns keep their natural width, wide ones split the rest.
        pending = sorted(flexible, key=lambda i: natural[i])
        while pending:
            share = room // len(pending)
            column = pending.pop(0)
            widths[column] = max(min(natural[column], share), 4)
            room -= widths[column]
    aligned_right = set(right)
    lines = []
    for cells, sizes in zip(table, cell_widths, strict=True):
        parts = []
        for i, (cell, size) in enumerate(zip(cells, sizes, strict=True)):
            if size > widths[i]:
                cell = _truncate(cell, widths[i])
                size = cell_width(cell)
            padding = " " * (widths[i] - size)
            parts.append(padding + cell if i in aligned_right else cell + padding)
        lines.append(gap.join(parts).rstrip())
    return lines


def terminal_columns() -> int:
    """How wide the terminal is (``$COLUMNS``, else 80 when there is none)."""
    return max(shutil.get_terminal_size((80, 24)).columns, 40)


def terminal_width() -> int | None:
    """The terminal's width when stdout is one; None (lines not fitted) when piped."""
    return terminal_columns() if sys.stdout.isatty() else None


def terminal_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    flexible: Sequence[int] = (),
    right: Sequence[int] = (),
) -> list[str]:
    """:func:`format_table` for the terminal: lines fit it when stdout is one, and no
    column is ever wider than it, piped or not."""
    return format_table(
        headers,
        rows,
        width=terminal_width(),
        flexible=flexible,
        right=right,
        max_column=terminal_columns(),
    )
