"""A contact's UID: the one name for a person that other programs keep across exports.

Address books and CardDAV servers tell cards apart by their ``UID`` (khard skips a card
without one), so every contact gets one when it is created and keeps it for good: the
vCard export writes it, a re-import of that export finds the contact by it, and the JSON
backup restores it. netui makes a random UUID (version 4), so a UID is never handed to a
second person; a card read from another address book keeps the UID it came with, which
is how that program will know it again.
"""

from __future__ import annotations

import uuid

from netui.domain.clean_text import clean_line

__all__ = ["MAX_UID_LENGTH", "new_uid", "uid_problem", "usable_uid"]

#: Longest UID kept from a file: far more than any address book writes (a UUID URN is 45).
MAX_UID_LENGTH = 255


def new_uid() -> str:
    """A fresh UID for a new contact."""
    return str(uuid.uuid4())


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
