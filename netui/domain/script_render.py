"""Reconnect scripts: finding ``{placeholders}`` and filling them in for one person.

A script is the user's own text with placeholders such as ``{first_name}`` or
``{first_name|there}`` (a fallback for when the value is missing); ``{{`` and ``}}`` are
literal braces. This is a small parser over a fixed set of names, never ``str.format``:
attribute walks (``{c.__init__.__globals__}``) and width specs (``{x:>99999999}``) are not
syntax here, only text kept as written and reported. :func:`render` never raises, whatever
the text, and returns segments (so a preview can style each part without markup) and
warnings (so the user hears about every gap before the message goes out).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from difflib import get_close_matches
from enum import StrEnum

__all__ = [
    "PLACEHOLDERS",
    "PROFILE_PLACEHOLDERS",
    "Placeholder",
    "Rendered",
    "Segment",
    "SegmentKind",
    "find_placeholders",
    "render",
]

PLACEHOLDERS: dict[str, str] = {
    "first_name": "their first name",
    "last_name": "their last name",
    "full_name": "their full name",
    "company": "where they work",
    "title": "their job title",
    "how_we_met": "how you know each other",
    "time_since": "how long since you last spoke (about four years)",
    "last_note": "the note of the last call or message you logged",
    "my_name": "your name (your profile)",
    "my_situation": "where you are in your work life (your profile)",
    "my_ask": "what you are asking for (your profile)",
}
"""Every name a script may use, with what it stands for (shown in help and the editor)."""

PROFILE_PLACEHOLDERS = frozenset({"my_name", "my_situation", "my_ask"})
"""Names filled from the user's profile rather than from the contact."""

# A brace group: "{" then anything but braces and line breaks, then "}". What is inside is
# a placeholder only when it is a known name, optionally followed by "|fallback".
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}")
_NAME = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|(.*))?", re.DOTALL)
_SHOWN_MAX = 40


class SegmentKind(StrEnum):
    """What a piece of rendered text is, so the preview can style it."""

    TEXT = "text"  # the script's own words (and literal braces)
    VALUE = "value"  # a placeholder filled with this person's value
    FALLBACK = "fallback"  # the value was missing; the script's fallback stands in
    MISSING = "missing"  # the value was missing and there is no fallback: nothing shown
    UNKNOWN = "unknown"  # not a placeholder netui knows: kept as written


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A brace group found in a script, with where it is (``start``/``end`` in the text)."""

    start: int
    end: int
    name: str  # as written (stripped); "" when the group holds no name at all
    fallback: str | None
    known: bool


@dataclass(frozen=True, slots=True)
class Segment:
    kind: SegmentKind
    text: str
    name: str | None = None  # the placeholder's name, for every kind but TEXT


@dataclass(frozen=True, slots=True)
class Rendered:
    """A script filled in for one person: its parts, the whole text, and what was missing."""

    segments: tuple[Segment, ...]
    warnings: tuple[str, ...]

    @property
    def text(self) -> str:
        return "".join(segment.text for segment in self.segments)


def _shown(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _SHOWN_MAX else flat[: _SHOWN_MAX - 1] + "…"


def _read_group(inside: str, start: int, end: int) -> Placeholder:
    match = _NAME.fullmatch(inside)
    if match is None:
        return Placeholder(start, end, inside.strip(), None, known=False)
    name, fallback = match[1], match[2]
    return Placeholder(start, end, name, fallback, known=name in PLACEHOLDERS)


def find_placeholders(template: str) -> list[Placeholder]:
    """Every brace group in ``template`` in order (``{{`` and ``}}`` are not groups)."""
    return [
        _read_group(match[1], match.start(), match.end())
        for match in _TOKEN.finditer(template)
        if match[0] not in ("{{", "}}")
    ]


def _unknown_warning(written: str, name: str) -> str:
    close = get_close_matches(name.lower(), PLACEHOLDERS, n=1, cutoff=0.75)
    hint = f" (did you mean {{{close[0]}}}?)" if close else ""
    return f"{{{_shown(written)}}} is not a placeholder netui knows; it is left as written{hint}"


def _missing_warning(name: str, fallback: str | None) -> str:
    what = PLACEHOLDERS[name]
    if name in PROFILE_PLACEHOLDERS:
        where = f"your profile has no {name.removeprefix('my_').replace('_', ' ')} yet"
    else:
        where = f"no {name.replace('_', ' ')} for this person"
    used = f"; used “{_shown(fallback)}”" if fallback else "; it is left out"
    return f"{{{name}}} ({what}): {where}{used}"


def render(template: str, values: Mapping[str, str]) -> Rendered:
    """Fill ``template`` in with ``values`` (placeholder name to value; blank means missing).

    Never raises: text that is not a placeholder stays text, unknown names stay as written,
    and each gap becomes a warning (once per name).
    """
    segments: list[Segment] = []
    warnings: dict[str, None] = {}  # ordered and without repeats
    position = 0
    for match in _TOKEN.finditer(template):
        if match.start() > position:
            segments.append(Segment(SegmentKind.TEXT, template[position : match.start()]))
        position = match.end()
        token = match[0]
        if token in ("{{", "}}"):
            segments.append(Segment(SegmentKind.TEXT, token[0]))
            continue
        group = _read_group(match[1], match.start(), match.end())
        if not group.known:
            segments.append(Segment(SegmentKind.UNKNOWN, token, group.name))
            warnings[_unknown_warning(match[1], group.name)] = None
            continue
        value = values.get(group.name, "").strip()
        if value:
            segments.append(Segment(SegmentKind.VALUE, value, group.name))
        elif group.fallback:
            segments.append(Segment(SegmentKind.FALLBACK, group.fallback, group.name))
            warnings[_missing_warning(group.name, group.fallback)] = None
        else:
            segments.append(Segment(SegmentKind.MISSING, "", group.name))
            warnings[_missing_warning(group.name, None)] = None
    if position < len(template):
        segments.append(Segment(SegmentKind.TEXT, template[position:]))
    return Rendered(tuple(segments), tuple(warnings))
