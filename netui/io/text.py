"""Splitting and de-duplicating imported values; cleaning itself is netui.domain.clean_text."""

from __future__ import annotations

import re

from netui.domain.clean_text import clean_line, clean_multiline

__all__ = ["clean_line", "clean_multiline", "split_values", "unique"]


_MULTI_SEPARATORS = {
    "emails": re.compile(r"\s*:::\s*|[;,\s]+"),
    "phones": re.compile(r"\s*:::\s*|\s*[;\n]\s*"),
    "tags": re.compile(r"\s*:::\s*|\s*[;,\n]\s*"),
}


def split_values(kind: str, value: str) -> list[str]:
    """Split one cell holding several emails, phones or tags into its parts."""
    if not value:
        return []
    if ":::" not in value and not any(sep in value for sep in ",;\n\t "):
        return [value]
    return [part for part in _MULTI_SEPARATORS[kind].split(value) if part]


def unique(values: list[str], *, casefold: bool = False) -> tuple[str, ...]:
    """Drop repeats (keeping the first spelling and the order)."""
    if len(values) < 2:
        return tuple(values)
    seen: set[str] = set()
    kept: list[str] = []
    for value in values:
        key = value.casefold() if casefold else value
        if key not in seen:
            seen.add(key)
            kept.append(value)
    return tuple(kept)
