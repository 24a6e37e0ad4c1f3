"""Content lines for vCard 3.0 (RFC 2426/2425) and iCalendar (RFC 5545) files.

Both formats share the rules implemented here:

- TEXT values escape backslash, comma and semicolon with a backslash, and a line break
  as ``\\n`` (every kind of line break: CRLF, CR, LF and the Unicode ones that some
  readers split lines on).
- Other control characters are not allowed in a value and are dropped (a tab is kept).
- Lines longer than 75 octets are folded: CRLF and one space, the space counting towards
  the next line's 75. A fold never splits a UTF-8 sequence (it falls between characters),
  and never comes just before white space, so no continuation line looks blank to a reader
  that trims it (vobject's line reader ends a property at a blank line).
- Lines end with CRLF.
"""

from __future__ import annotations

import re

__all__ = ["CRLF", "MAX_OCTETS", "escape_text", "fold", "property_line"]

CRLF = "\r\n"
MAX_OCTETS = 75

# Line breaks of every kind, as one \n each ("\r\n" first so it counts once).
_LINE_BREAKS = re.compile("\r\n|[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Controls a TEXT value may not hold (RFC 5545 CONTROL; tab is allowed): dropped.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f]")
_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,"})


def escape_text(value: str) -> str:
    """A TEXT value with ``\\ ; ,`` and line breaks escaped and other controls dropped."""
    if value.isprintable():  # the common case: no controls and no line breaks
        if "\\" in value or ";" in value or "," in value:
            return value.translate(_ESCAPES)
        return value
    value = _CONTROLS.sub("", value.translate(_ESCAPES))
    return _LINE_BREAKS.sub("\\\\n", value)


def fold(line: str) -> str:
    """``line`` folded to lines of at most 75 octets (as UTF-8), joined by CRLF + space.

    The only line that can come out longer is one holding a run of more than 73 white-space
    characters, which cannot be folded without making a continuation line look blank.
    """
    if line.isascii():
        if len(line) <= MAX_OCTETS:
            return line
        folded = _fold_ascii(line)
        if folded is not None:
            return folded
    elif len(line.encode("utf-8")) <= MAX_OCTETS:
        return line
    pieces: list[str] = []
    start = 0
    used = 0
    limit = MAX_OCTETS
    index = 0
    break_at = -1  # the last index a fold may come before (the char there is not blank)
    while index < len(line):
        char = line[index]
        size = 1 if char < "\x80" else len(char.encode("utf-8"))
        if index > start and not char.isspace():
            break_at = index
        if used + size > limit and break_at > start:
            pieces.append(line[start:break_at])
            start = break_at
            limit = MAX_OCTETS - 1  # the leading space of a continuation line counts
            used = len(line[start:index].encode("utf-8"))
            break_at = -1
            continue
        used += size
        index += 1
    pieces.append(line[start:])
    return (CRLF + " ").join(pieces)


def _fold_ascii(line: str) -> str | None:
    """:func:`fold` for ASCII text (one octet a character) by slicing; None when a run of
    white space is too long to fold around (the general loop handles that)."""
    pieces = []
    start = 0
    limit = MAX_OCTETS
    while len(line) - start > limit:
        cut = start + limit
        while line[cut].isspace():  # the next line must not start with white space
            cut -= 1
            if cut == start:
                return None
        pieces.append(line[start:cut])
        start = cut
        limit = MAX_OCTETS - 1
    pieces.append(line[start:])
    return (CRLF + " ").join(pieces)


def property_line(name: str, value: str, params: str = "") -> str:
    """``NAME;params:value`` folded, with its CRLF; ``value`` must already be escaped."""
    return fold(f"{name}{params}:{value}") + CRLF
