"""Field rules for contacts, shared by the form, the CLI and imports."""

from __future__ import annotations

import re

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


def validate_draft(draft: ContactDraft) -> ContactDraft:
    """Check a whole draft; returns it with whitespace trimmed. Raises on the first problem."""
    name = " ".join(draft.full_name.split())
    if not name:
        raise ValidationError("name", "a contact needs a name")
    if len(name) > MAX_NAME_LENGTH:
        raise ValidationError("name", f"is longer than {MAX_NAME_LENGTH} characters")
    for field_name in ("company", "title", "linkedin_url", "how_we_met", "notes"):
        if len(getattr(draft, field_name)) > MAX_FIELD_LENGTH:
            raise ValidationError(field_name, f"is longer than {MAX_FIELD_LENGTH} characters")
    emails = tuple(check_email(e) for e in draft.emails if e.strip())
    check_strength(draft.strength)
    if draft.cadence is not None:
        from netui.domain.cadence import Cadence

        try:
            Cadence.from_code(draft.cadence)
        except ValueError as exc:
            raise ValidationError("cadence", str(exc)) from exc
    return ContactDraft(
        full_name=name,
        first_name=draft.first_name.strip(),
        last_name=draft.last_name.strip(),
        company=draft.company.strip(),
        title=draft.title.strip(),
        emails=emails,
        phones=tuple(p.strip() for p in draft.phones if p.strip()),
        linkedin_url=draft.linkedin_url.strip(),
        how_we_met=draft.how_we_met.strip(),
        notes=draft.notes.rstrip(),
        tags=tuple(t.strip() for t in draft.tags if t.strip()),
        strength=draft.strength,
        last_contacted=draft.last_contacted,
        cadence=draft.cadence,
    )


def split_name(full_name: str) -> tuple[str, str]:
    """A best guess at given and family name, for scripts' {first_name}."""
    parts = full_name.split()
    if not parts:
        return "", ""
    if len(parts) == 1:
        return parts[0], ""
    return parts[0], parts[-1]
