"""Merging an incoming record (an imported row) into a stored contact, as a plan of changes.

Pure rules: :func:`merge_plan` says which fields an incoming record fills, unions or
replaces (a job change), and never touches what the user wrote. Merging two stored
contacts into one is another job, done elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from netui.domain.identity_keys import (
    normalize_company,
    normalize_email,
    normalize_phone,
    normalize_title,
    phone_key,
)

FieldValue = str | tuple[str, ...] | date | None


class IncomingFields(Protocol):
    """What a file can say about a person (``netui.io.ImportedContact`` fits)."""

    @property
    def first_name(self) -> str: ...
    @property
    def last_name(self) -> str: ...
    @property
    def company(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def emails(self) -> tuple[str, ...]: ...
    @property
    def phones(self) -> tuple[str, ...]: ...
    @property
    def linkedin_url(self) -> str: ...
    @property
    def notes(self) -> str: ...
    @property
    def tags(self) -> tuple[str, ...]: ...
    @property
    def how_we_met(self) -> str: ...
    @property
    def connected_on(self) -> date | None: ...


class StoredFields(IncomingFields, Protocol):
    """A stored contact's fields an import may look at (``Contact`` fits)."""

    @property
    def previous_company(self) -> str: ...
    @property
    def previous_title(self) -> str: ...
    @property
    def job_changed_on(self) -> date | None: ...


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One column a merge changes, from ``old`` to ``new``."""

    field: str
    old: FieldValue
    new: FieldValue


@dataclass(frozen=True, slots=True)
class FieldChanges:
    """What merging an incoming record into a stored contact changes.

    ``job_changed`` is set when a different company or title replaced a known one; the
    changes then include ``previous_company``, ``previous_title`` and ``job_changed_on``.
    """

    changes: tuple[FieldChange, ...] = ()
    job_changed: bool = False

    @property
    def unchanged(self) -> bool:
        return not self.changes

    def values(self) -> dict[str, FieldValue]:
        """The new value of every changed column."""
        return {change.field: change.new for change in self.changes}

    def get(self, field: str, default: FieldValue = None) -> FieldValue:
        for change in self.changes:
            if change.field == field:
                return change.new
        return default


UNCHANGED = FieldChanges()


def union_emails(kept: Sequence[str], extra: Iterable[str]) -> tuple[str, ...]:
    """``kept`` then the addresses of ``extra`` not already there (case ignored)."""
    seen = {normalize_email(e) or e.casefold() for e in kept}
    merged = list(kept)
    for email in extra:
        key = normalize_email(email) or email.casefold()
        if key not in seen:
            seen.add(key)
            merged.append(email)
    return tuple(merged)


def union_phones(kept: Sequence[str], extra: Iterable[str]) -> tuple[str, ...]:
    """``kept`` then the numbers of ``extra`` not already there (formatting ignored)."""
    seen = {phone_key(p) or normalize_phone(p) for p in kept}
    merged = list(kept)
    for phone in extra:
        key = phone_key(phone) or normalize_phone(phone)
        if key and key not in seen:
            seen.add(key)
            merged.append(phone)
    return tuple(merged)


def union_tags(kept: Sequence[str], extra: Iterable[str]) -> tuple[str, ...]:
    seen = {t.casefold() for t in kept}
    merged = list(kept)
    for tag in extra:
        if tag.casefold() not in seen:
            seen.add(tag.casefold())
            merged.append(tag)
    return tuple(merged)


def _is_stale_job(existing: StoredFields, company: str, title: str) -> bool:
    """Whether an incoming job is the one an earlier import already recorded as previous
    (an older export imported after a newer one must not flip the job back)."""
    previous_company, previous_title = existing.previous_company, existing.previous_title
    if not previous_company and not previous_title:
        return False
    if company and normalize_company(company) != normalize_company(previous_company):
        return False
    return not title or normalize_title(title) == normalize_title(previous_title)


def merge_plan(
    existing: StoredFields,
    incoming: IncomingFields,
    today: date,
    *,
    job_changes: bool = True,
) -> FieldChanges:
    """What an incoming record changes in a stored contact.

    - Empty first/last name, LinkedIn URL, connection date, notes and how-we-met are filled
      in; once set they are never overwritten (notes and how-we-met are the user's own).
    - Emails, phones and tags are unioned (existing ones first).
    - An empty company or title is filled. A different non-empty company or title replaces
      a non-empty one and records the job change: ``previous_company``/``previous_title``
      get the old values and ``job_changed_on`` today (with ``job_changes=False``, as for
      two rows of one file, company and title are only filled). The same company spelt
      differently ("Acme Inc." for "Acme") is no change, and an incoming job equal to the
      one already recorded as previous (an older export) is ignored.
    - Strength, status, ranks, cadence and the name shown are never touched.
    """
    changes: list[FieldChange] = []
    add = changes.append
    for field, new, old in (
        ("first_name", incoming.first_name, existing.first_name),
        ("last_name", incoming.last_name, existing.last_name),
        ("linkedin_url", incoming.linkedin_url, existing.linkedin_url),
        ("notes", incoming.notes, existing.notes),
        ("how_we_met", incoming.how_we_met, existing.how_we_met),
    ):
        if new and not old:
            add(FieldChange(field, old, new))
    if incoming.connected_on is not None and existing.connected_on is None:
        add(FieldChange("connected_on", None, incoming.connected_on))
    if incoming.emails:
        emails = union_emails(existing.emails, incoming.emails)
        if len(emails) != len(existing.emails):
            add(FieldChange("emails", existing.emails, emails))
    if incoming.phones:
        phones = union_phones(existing.phones, incoming.phones)
        if len(phones) != len(existing.phones):
            add(FieldChange("phones", existing.phones, phones))
    if incoming.tags:
        tags = union_tags(existing.tags, incoming.tags)
        if len(tags) != len(existing.tags):
            add(FieldChange("tags", existing.tags, tags))

    company, title = incoming.company, incoming.title
    old_company, old_title = existing.company, existing.title
    job_changed = False
    if company or title:
        company_differs = bool(
            company
            and old_company
            and company != old_company
            and normalize_company(company) != normalize_company(old_company)
        )
        title_differs = bool(
            title
            and old_title
            and title != old_title
            and normalize_title(title) != normalize_title(old_title)
        )
        if (
            job_changes
            and (company_differs or title_differs)
            and not _is_stale_job(existing, company, title)
        ):
            job_changed = True
            new_company = (
                company if company and (company_differs or not old_company) else old_company
            )
            # At a new company the old title no longer holds, even if none is given.
            new_title = title if company_differs else (title or old_title)
            if new_company != old_company:
                add(FieldChange("company", old_company, new_company))
            if new_title != old_title:
                add(FieldChange("title", old_title, new_title))
            if existing.previous_company != old_company:
                add(FieldChange("previous_company", existing.previous_company, old_company))
            if existing.previous_title != old_title:
                add(FieldChange("previous_title", existing.previous_title, old_title))
            if existing.job_changed_on != today:
                add(FieldChange("job_changed_on", existing.job_changed_on, today))
        else:
            if company and not old_company:
                add(FieldChange("company", old_company, company))
            if title and not old_title:
                add(FieldChange("title", old_title, title))
    if not changes:
        return UNCHANGED
    return FieldChanges(tuple(changes), job_changed)
