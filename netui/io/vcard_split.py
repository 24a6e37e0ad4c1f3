"""Split a vCard file into cards and logical lines, without trusting any one card.

Handles line folding (3.0/4.0 drop the space after the break, 2.1 keeps it),
quoted-printable soft line breaks, blank lines and embedded (AGENT) cards; drops
PHOTO-like properties as they stream by so a large picture costs no memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

#: A card holding more text than this (pictures aside) is refused, keeping memory bounded.
MAX_CARD_SIZE = 1024 * 1024

_BASE64 = re.compile(r"[A-Za-z0-9+/=]+\s*$")
_DROPPED = frozenset(("PHOTO", "LOGO", "SOUND", "KEY", "X-ABCROPRECTANGLE"))


@dataclass(slots=True)
class RawCard:
    number: int  # 1-based position of the card in the file
    line: int  # line of its BEGIN:VCARD
    version: str = ""
    lines: list[tuple[int, str]] = field(default_factory=list)  # (line, logical line)
    problem: str = ""
    size: int = 0


def property_name(line: str) -> str:
    """``item1.EMAIL;type=pref:x`` -> ``EMAIL``."""
    end = len(line)
    for stop in (";", ":"):
        found = line.find(stop)
        if 0 <= found < end:
            end = found
    return line[:end].rsplit(".", 1)[-1].strip().upper()


def is_quoted_printable(line: str) -> bool:
    colon = line.find(":")
    params = line[:colon] if colon >= 0 else line
    return "QUOTED-PRINTABLE" in params.upper()


def split_cards(lines: Iterable[str]) -> Iterator[RawCard]:
    """Yield each card (``problem`` set if it is cut short or too large)."""
    card: RawCard | None = None
    current = ""  # the logical line being put together
    current_line = 0
    quoted_printable = False
    skipping = False  # inside a dropped property
    nested = 0  # depth inside an embedded AGENT card
    count = 0

    def finish() -> None:
        nonlocal current
        if card is not None and current and not skipping and not card.problem:
            card.size += len(current)
            if card.size > MAX_CARD_SIZE:
                card.problem = f"is larger than {MAX_CARD_SIZE // 1024:,} KB"
                card.lines.clear()
            else:
                card.lines.append((current_line, current))
        current = ""

    def oversized() -> None:
        nonlocal current, skipping
        if card is not None and card.size + len(current) > MAX_CARD_SIZE:
            card.problem = card.problem or f"is larger than {MAX_CARD_SIZE // 1024:,} KB"
            card.lines.clear()
            current, skipping = "", True

    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if card is None:
            if line.strip().upper() == "BEGIN:VCARD":
                count += 1
                card = RawCard(count, number)
                current, skipping, nested = "", False, 0
            continue
        if line[:1] in (" ", "\t") and (current or skipping):
            if not skipping:
                current += line if card.version == "2.1" else line[1:]
                oversized()
            continue
        if quoted_printable and current.endswith("=") and not skipping:
            current = current[:-1] + line
            oversized()
            continue
        if skipping and _BASE64.match(line):
            continue  # 2.1 pictures are not always indented
        stripped = line.strip().upper()
        if nested:
            nested += stripped == "BEGIN:VCARD"
            nested -= stripped == "END:VCARD"
            continue
        if stripped == "BEGIN:VCARD":
            if current.upper().startswith("AGENT") and current.rstrip().endswith(":"):
                nested = 1
                continue
            finish()
            card.problem = card.problem or "has no END:VCARD (another card starts inside it)"
            yield card
            count += 1
            card = RawCard(count, number)
            current, skipping = "", False
            continue
        finish()
        if stripped == "END:VCARD":
            yield card
            card = None
            continue
        if not line.strip():
            skipping = False  # vCard 2.1 ends base64 data with a blank line
            continue
        name = property_name(line)
        skipping = name in _DROPPED
        quoted_printable = not skipping and is_quoted_printable(line)
        if name == "VERSION":
            card.version = line.partition(":")[2].strip()
        if not skipping:
            current, current_line = line, number
    if card is not None:
        finish()
        card.problem = card.problem or "has no END:VCARD (the file ends inside it)"
        yield card
