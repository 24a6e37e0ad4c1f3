"""Field rules for contacts, shared by the form, the CLI and imports.

Every contact typed in (the app's form, ``netui add`` and ``netui edit``) passes
:func:`validate_draft`, so both front ends store the same text for the same input: control
characters cleaned out as the file readers clean them.
"""

from __future__ import annotations

import re

from netui.domain.clean_text import clean_line, clean_multiline
from netui.domain.dates import shown_input
from netui.domain.types import ContactDraft
from netui.errors import ValidationError

# Deliberately loose: one @, something before it, a dot in the domain, no spaces.
EMAIL_SHAPE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
MAX_NAME_LENGTH = 200
MAX_FIELD_LENGTH = 10_000


def check_email(email: str) -> str:
    """Return the trimmed email, or raise naming what is wrong with it."""
    value = email.strip()
    if not EMAIL_SHAPE.match(value):
        raise ValidationError(
            "email", f'"{shown_input(email)}" does not look like an email address'
        )
    return value


def check_strength(value: int | None) -> int | None:
    if value is not None and not 1 <= value <= 5:
        raise ValidationError("strength", f"must be 1 to 5, not {value}")
    return value


def split_list(text: str) -> tuple[str, ...]:
    """Split a comma-separated entry (emails, phones, tags), dropping blanks and repeats."""
    items = (part.strip() for part in text.split(","))
    return tuple(dict.fromkeys(item for item in items if item))


def _clean_items(values: tuple[str, ...]) -> tuple[str, ...]:
    cleaned = (clean_line(value) for value in values)
    return tuple(dict.fromkeys(value for value in cleaned if value))


def clean_draft(draft: ContactDraft) -> ContactDraft:
    """The draft's text as netui stores it: one-line fields on one line, notes multi-line.

    The same cleaning the contact file readers apply (:mod:`netui.domain.clean_text`), so a
    name typed with an escape sequence is stored as one read from a CSV would be. Given and
    family names guessed from the full name (as both front ends guess them) are guessed
    again from the cleaned name, so a word made only of control characters leaves no gap.
    """
    full_name = clean_line(draft.full_name)
    first_name, last_name = clean_line(draft.first_name), clean_line(draft.last_name)
    if (draft.first_name, draft.last_name) == split_name(draft.full_name):
        first_name, last_name = split_name(full_name)
    return ContactDraft(
        full_name=full_name,
        first_name=first_name,
        last_name=last_name,
        company=clean_line(draft.company),
        title=clean_line(draft.title),
        emails=_clean_items(draft.emails),
        phones=_clean_items(draft.phones),
        linkedin_url=clean_line(draft.linkedin_url),
        how_we_met=clean_line(draft.how_we_met),
        notes=clean_multiline(draft.notes),
        tags=_clean_items(draft.tags),
        strength=draft.strength,
        last_contacted=draft.last_contacted,
        cadence=draft.cadence,
    )


def validate_draft(draft: ContactDraft) -> ContactDraft:
    """Check a whole draft; returns it cleaned (:func:`clean_draft`), or raises on a problem."""
    clean = clean_draft(draft)
    if not clean.full_name:
        raise ValidationError("name", "a contact needs a name")
    if len(clean.full_name) > MAX_NAME_LENGTH:
        raise ValidationError("name", f"is longer than {MAX_NAME_LENGTH} characters")
    for field_name in ("company", "title", "linkedin_url", "how_we_met", "notes"):
        if len(getattr(clean, field_name)) > MAX_FIELD_LENGTH:
            raise ValidationError(field_name, f"is longer than {MAX_FIELD_LENGTH} characters")
    for email in clean.emails:
        check_email(email)
    check_strength(clean.strength)
    if clean.cadence is not None:
        from netui.domain.cadence import Cadence

        try:
            Cadence.from_code(clean.cadence)
        except ValueError as exc:
            raise ValidationError("cadence", str(exc)) from exc
    return clean


def split_name(full_name: str) -> tuple[str, str]:
    """A best guess at given and family name, for scripts' {first_name}."""
    parts = full_name.split()
    if not parts:
        return "", ""
    if len(parts) == 1:
        return parts[0], ""
    return parts[0], parts[-1]
