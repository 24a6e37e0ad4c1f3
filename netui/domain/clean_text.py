"""Cleaning text that enters netui: control characters out, everything else as given.

One rule for every way text comes in (typed in the app or on the command line, read from
a contact file, restored from a backup): terminal escape sequences are removed whole, other
control characters and bidirectional overrides are dropped, and line breaks are made
plain. Shown text is made safe again on the way out (``netui.display``), for data stored
before this rule.
"""

from __future__ import annotations

import re

# Terminal escape sequences are removed whole, so no "[31m" debris is left behind:
# CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC strings (to BEL or ST), two-byte escapes,
# and the 8-bit CSI.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[ -/]*[0-~]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
# Other C0 and C1 controls, DEL, a stray BOM, bidi embeddings/overrides/isolates (they
# reorder what a terminal shows) and interlinear annotation marks.
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]"
)
# Vertical tab and form feed too: FileMaker and some spreadsheets break lines in a cell
# with them.
_LINE_BREAK = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_SPACES_BEFORE_NEWLINE = re.compile(r"[ \t]+\n")
# A lone surrogate is a byte that was not UTF-8 (Python decodes such command-line bytes
# with surrogateescape): it cannot be stored or printed, so it becomes U+FFFD.
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_line(value: str) -> str:
    """One-line text: controls removed, runs of whitespace made one space, ends trimmed."""
    if value.isprintable():  # the common case: nothing to remove
        value = value.strip()
        return " ".join(value.split()) if "  " in value else value
    value = _ESCAPE_SEQUENCE.sub("", _SURROGATE.sub("\ufffd", value))
    value = _LINE_BREAK.sub(" ", value)
    value = _CONTROL.sub("", value)
    return " ".join(value.split())


def clean_multiline(value: str) -> str:
    """Text that may span lines (notes): like :func:`clean_line` but keeps ``\\n``.

    Line breaks of any kind become ``\\n``, tabs become spaces, trailing spaces on each
    line and blank lines at either end are dropped.
    """
    if value.isprintable():
        return value.strip()
    value = _ESCAPE_SEQUENCE.sub("", _SURROGATE.sub("\ufffd", value))
    value = _LINE_BREAK.sub("\n", value)
    value = _CONTROL.sub("", value.replace("\t", " "))
    value = _SPACES_BEFORE_NEWLINE.sub("\n", value)
    return value.strip()
