"""Turn the values a row (or card) has for each field into an ImportedContact."""

from __future__ import annotations

import re

from netui.io.dates import is_empty_date, parse_date
from netui.io.names import clean_name_part, split_full_name
from netui.io.records import ImportedContact, ReadStats
from netui.io.text import split_values, unique

#: Longest value accepted in any field; a longer one makes its row a problem.
MAX_FIELD_LENGTH = 10_000

_BARE_LINKEDIN = re.compile(r"(?:[a-z]{2,3}\.)?linkedin\.com/", re.IGNORECASE)
_SYSTEM_LABELS = frozenset(("mycontacts", "starred", "my contacts"))


def clean_emails(values: list[str]) -> tuple[str, ...]:
    emails = []
    for value in values:
        for part in split_values("emails", value):
            part = part.strip("<>()[]\"'")
            if part[:7].lower() == "mailto:":
                part = part[7:]
            if "@" in part:
                emails.append(part)
    return unique(emails, casefold=True)


def clean_phones(values: list[str]) -> tuple[str, ...]:
    phones = []
    for value in values:
        for part in split_values("phones", value):
            if part[:4].lower() == "tel:":
                part = part[4:].strip()
            if part:
                phones.append(part)
    return unique(phones)


def clean_tags(values: list[str]) -> tuple[str, ...]:
    """Labels and categories, without Google's system labels ("* myContacts", "starred")."""
    tags = []
    for value in values:
        for part in split_values("tags", value):
            if part.startswith("*") or part.lower() in _SYSTEM_LABELS:
                continue
            tags.append(part)
    return unique(tags, casefold=True)


def linkedin_url(value: str) -> str:
    """A LinkedIn URL as given, with a scheme added to a bare ``linkedin.com/in/...``."""
    if _BARE_LINKEDIN.match(value):
        return "https://" + value
    return value


def find_linkedin(urls: list[str]) -> str:
    for url in urls:
        if "linkedin.com" in url.lower():
            return linkedin_url(url)
    return ""


def compose_name(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def build_contact(
    row_number: int,
    *,
    full_name: str,
    first: str,
    last: str,
    company: str = "",
    title: str = "",
    emails: tuple[str, ...] = (),
    phones: tuple[str, ...] = (),
    linkedin: str = "",
    notes: str = "",
    tags: tuple[str, ...] = (),
    how_we_met: str = "",
    connected_on: str = "",
    uid: str = "",
    stats: ReadStats | None = None,
    derive_names: bool = True,
) -> ImportedContact:
    """Build the record from cleaned values; ``first``/``last`` are as typed, not cleaned.

    Without either, they are guessed from the full name unless ``derive_names`` is off
    (a vCard that says it is a company).
    """
    if first or last or not derive_names:
        first_name = clean_name_part(first) if first else ""
        last_name = clean_name_part(last) if last else ""
    else:
        first_name, last_name = split_full_name(full_name)
    connected = None
    if connected_on:
        connected = parse_date(connected_on)
        if connected is None and stats is not None and not is_empty_date(connected_on):
            stats.warn(row_number, f'could not read the connection date "{connected_on[:40]}"')
    return ImportedContact(
        row_number,
        full_name,
        first_name,
        last_name,
        company,
        title,
        emails,
        phones,
        linkedin,
        notes,
        tags,
        how_we_met,
        connected,
        uid,
    )
