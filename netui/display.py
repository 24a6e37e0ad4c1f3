"""User text made safe for a terminal: the one place that decides what may reach it.

Names and notes come from people and imported files. Control characters (C0, DEL, C1: an
ESC or CSI starting a terminal sequence) never get through, nor do bidirectional
embeddings, overrides and isolates, which could reorder the rest of a line. Everything
else, markup-looking brackets included, is kept as typed. Standard library only, so both
the app and the command line can use it.
"""

from __future__ import annotations

from functools import cache

__all__ = ["REPLACEMENT", "masked", "one_line", "printable"]

REPLACEMENT = "\N{REPLACEMENT CHARACTER}"
"""What stands in for a control character unless the caller asks for another."""

_CONTROLS = (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0))
_BIDI = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
_SPACES = tuple(map(ord, "\t\n\r\v\f\u2028\u2029"))  # line breaks and tabs


@cache
def _table(control: str, multi_line: bool, tab: str) -> dict[int, str]:
    table = dict.fromkeys(_CONTROLS, control)
    table.update(dict.fromkeys(_SPACES, " "))
    table.update(dict.fromkeys(_BIDI, ""))
    if multi_line:
        table[ord("\n")] = "\n"
        table[ord("\t")] = tab
    return table


_ONE_LINE = _table(REPLACEMENT, False, "")
_MULTI_LINE = _table(REPLACEMENT, True, "\t")
_MASKED = {**_ONE_LINE, **dict.fromkeys(_BIDI, REPLACEMENT)}


def one_line(text: str, *, control: str = REPLACEMENT) -> str:
    """``text`` safe on one terminal line: no control characters, no line breaks.

    Line breaks and tabs become spaces; other control characters become ``control``
    (``""`` drops them).
    """
    table = _ONE_LINE if control == REPLACEMENT else _table(control, False, "")
    return text.translate(table)


def masked(text: str) -> str:
    """:func:`one_line` one character for one: bidi controls become U+FFFD too, not nothing.

    For text still being edited, where a position in ``text`` (an input box's cursor) must be
    the same position in what is shown.
    """
    return text.translate(_MASKED)


def printable(text: str, *, control: str = REPLACEMENT, tab: str = "\t") -> str:
    """``text`` safe for the terminal, keeping its line breaks (``\\n``).

    Tabs become ``tab``; other breaks (``\\r``, ``\\v``, ``\\f``, U+2028, U+2029) become
    spaces; other control characters become ``control`` (``""`` drops them).
    """
    if control == REPLACEMENT and tab == "\t":
        return text.translate(_MULTI_LINE)
    return text.translate(_table(control, True, tab))
