"""Field rules for contacts, shared by the form, the CLI and imports.

Every contact typed in (the app's form, ``netui add`` and ``netui edit``) passes
:func:`validate_draft`, so both front ends store the same text for the same input: control
characters cleaned out as the file readers clean them, and phone numbers and LinkedIn
addresses held to one shape.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlsplit

from netui.domain.clean_text import clean_line, clean_multiline
from netui.domain.dates import shown_input
from netui.domain.types import ContactDraft
from netui.errors import ValidationError

# Deliberately loose: one @, something before it, a dot in the domain, no spaces.
EMAIL_SHAPE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
MAX_NAME_LENGTH = 200
MAX_FIELD_LENGTH = 10_000

# Digits with phone punctuation in any order, then perhaps an extension: "+44 (0)20 7946
# 0811", "555.010.4477 x12", "030/1234-5 ext. 7". (At least one digit is checked apart:
# in the pattern it would make a long non-number take quadratic time to refuse.)
PHONE_SHAPE = re.compile(r"[\d +\-.()/]+(?:\s*(?:ext\.?|extension|x)\s*\d+)?", re.IGNORECASE)
PHONE_HINT = "use digits, spaces and + - . ( ) /, and x12 or ext. 12 for an extension"

LINKEDIN_PROFILES = "https://www.linkedin.com/in/"
_LINKEDIN_HOST = re.compile(r"(?:[a-z0-9-]+\.)*linkedin\.com", re.IGNORECASE | re.ASCII)
# A profile's handle, the part after /in/: letters of any script, digits, - and _, and
# %-escapes as LinkedIn writes non-ASCII handles (with a letter or digit among them).
_LINKEDIN_HANDLE = re.compile(r"[\w%-]+")
_LINKEDIN_PATH = re.compile(r"/?(?:in|pub)/\S+", re.IGNORECASE)
LINKEDIN_HINT = f"give the profile's address ({LINKEDIN_PROFILES}…) or the name after /in/"


def check_email(email: str) -> str:
    """Return the trimmed email, or raise naming what is wrong with it."""
    value = email.strip()
    if not EMAIL_SHAPE.match(value):
        raise ValidationError(
            "email", f'"{shown_input(email)}" does not look like an email address'
        )
    return value


def check_phone(phone: str) -> str:
    """Return the trimmed number, or raise: digits and phone punctuation only.

    Letters would be a note in the wrong field ("call after 6"), and a number made only of
    punctuation can never be dialled.
    """
    value = phone.strip()
    if not (PHONE_SHAPE.fullmatch(value) and any(char.isdigit() for char in value)):
        raise ValidationError(
            "phones", f'"{shown_input(phone)}" is not a phone number: {PHONE_HINT}'
        )
    return value


def check_linkedin(value: str) -> str:
    """A LinkedIn address as stored: an http(s) URL on linkedin.com ("" stays "").

    What people paste is taken in three shapes: a whole address (``http://`` or
    ``https://``, on ``linkedin.com`` or one of its subdomains) kept as given; an address
    without its scheme (``linkedin.com/in/dana-w``), given ``https://``; and a profile's
    handle or path (``dana-w``, ``in/dana-w``), made into ``https://www.linkedin.com/in/
    dana-w``. Anything else is refused: another scheme (``javascript:``) or site, a user
    name or port in the address, spaces. The address is shown and exported, so it must
    lead to LinkedIn and nowhere else.
    """
    text = value.strip()
    if not text:
        return ""
    if _LINKEDIN_HANDLE.fullmatch(text) and any(char.isalnum() for char in text):
        return LINKEDIN_PROFILES + text
    if _LINKEDIN_PATH.fullmatch(text):
        return LINKEDIN_PROFILES.removesuffix("in/") + text.lstrip("/")
    url = text if "://" in text else "https://" + text
    try:
        parts = urlsplit(url)
    except ValueError:  # a malformed [IPv6] host
        parts = None
    if (
        parts is None
        or parts.scheme.lower() not in ("http", "https")
        or not _LINKEDIN_HOST.fullmatch(parts.netloc)  # no user name, password or port
        or any(char.isspace() for char in url)
    ):
        raise ValidationError(
            "linkedin_url", f'"{shown_input(value)}" is not a LinkedIn address: {LINKEDIN_HINT}'
        )
    return url


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


def validate_draft(draft: ContactDraft, stored: ContactDraft | None = None) -> ContactDraft:
    """Check a whole draft; returns it cleaned (:func:`clean_draft`), or raises on a problem.

    ``stored`` is the contact as it was, when editing: a phone number or LinkedIn address it
    already has is kept as it is even if it breaks the rules here (imports and older
    versions of netui stored such values), so changing a company never fails on a number
    imported years ago. A new or changed one must follow them.
    """
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
    kept = clean_draft(stored) if stored is not None else ContactDraft(full_name="")
    for phone in clean.phones:
        if phone not in kept.phones:
            check_phone(phone)
    linkedin = clean.linkedin_url
    if linkedin and linkedin != kept.linkedin_url:
        linkedin = check_linkedin(linkedin)
    check_strength(clean.strength)
    if clean.cadence is not None:
        from netui.domain.cadence import Cadence

        try:
            Cadence.from_code(clean.cadence)
        except ValueError as exc:
            raise ValidationError("cadence", str(exc)) from exc
    return replace(clean, linkedin_url=linkedin)


def split_name(full_name: str) -> tuple[str, str]:
    """A best guess at given and family name, for scripts' {first_name}."""
    parts = full_name.split()
    if not parts:
        return "", ""
    if len(parts) == 1:
        return parts[0], ""
    return parts[0], parts[-1]
