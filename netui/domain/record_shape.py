"""What a stored record looks like, in plain terms: the kinds of value its fields hold.

Layers that move values between forms (database rows, files, JSON output) agree on these
kinds instead of on each other's types, so none of them needs to import another.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["ValueKind"]


class ValueKind(StrEnum):
    """The kind of value a field holds; the names are the ones a backup's docs use."""

    TEXT = "text"
    INT = "int"
    BOOL = "bool"
    LIST = "list"  # a tuple of one-line strings
    CHOICE = "choice"  # one member of an enumeration (stored as its text)
    DATE = "date"
    MOMENT = "datetime"  # timezone-aware, in UTC
    NAIVE_MOMENT = "naive datetime"
