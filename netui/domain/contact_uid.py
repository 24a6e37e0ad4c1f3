"""A contact's UID: the one name for a person that other programs keep across exports.

Address books and CardDAV servers tell cards apart by their ``UID`` (khard skips a card
without one), so every contact gets one when it is created and keeps it for good: the
vCard export writes it, a re-import of that export finds the contact by it, and the JSON
backup restores it. netui makes a random UUID (version 4), so a UID is never handed to a
second person; a card read from another address book keeps the UID it came with, which
is how that program will know it again.
"""

from __future__ import annotations

import os

from netui.domain.clean_text import clean_line

__all__ = ["MAX_UID_LENGTH", "new_uid", "new_uids", "uid_problem", "usable_uid"]

#: Longest UID kept from a file: far more than any address book writes (a UUID URN is 45).
MAX_UID_LENGTH = 255

# The hex digit that starts a UUID's fourth group: its top two bits are the RFC 4122 variant.
_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def new_uids(count: int) -> list[str]:
    """``count`` fresh UIDs: random (version 4) UUIDs, as ``str(uuid.uuid4())`` writes them.

    Made from one read of the system's randomness and formatted by hand: an import makes one
    for every contact it adds, and this is several times quicker than ``uuid4`` one by one.
    """
    digits = os.urandom(16 * count).hex()
    return [
        f"{d[:8]}-{d[8:12]}-4{d[13:16]}-{_VARIANT[d[16]]}{d[17:20]}-{d[20:]}"
        for d in (digits[at : at + 32] for at in range(0, 32 * count, 32))
    ]


def new_uid() -> str:
    """A fresh UID for a new contact."""
    return new_uids(1)[0]


def usable_uid(value: str) -> str:
    """A UID read from a file, cleaned; "" when it cannot serve as one (empty or too long)."""
    cleaned = clean_line(value)
    return cleaned if len(cleaned) <= MAX_UID_LENGTH else ""


def uid_problem(value: str) -> str | None:
    """What is wrong with a stored UID, or None: it must be one non-empty, short line."""
    if not value:
        return "a contact needs a UID"
    if len(value) > MAX_UID_LENGTH:
        return f"is {len(value):,} characters long (a UID is at most {MAX_UID_LENGTH})"
    return None
