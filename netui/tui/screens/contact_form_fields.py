"""The contact form's fields: ids, labels, the draft field each edits, and the text it shows.

One table, so the form, the edit-conflict dialog (which shows a field's two values) and the
messages that name a field all agree.
"""

from __future__ import annotations

from netui.domain.cadence import Cadence
from netui.domain.dates import format_loose_date
from netui.domain.types import ContactDraft, LooseDate

# (field id, label, placeholder, the ContactDraft field it edits)
FIELDS: tuple[tuple[str, str, str, str], ...] = (
    ("name", "Name", "Full name (required)", "full_name"),
    ("company", "Company", "", "company"),
    ("title", "Title", "", "title"),
    ("emails", "Emails", "Comma-separated", "emails"),
    ("phones", "Phones", "Comma-separated", "phones"),
    ("linkedin", "LinkedIn", "https://www.linkedin.com/in/…", "linkedin_url"),
    ("met", "How we met", "e.g. worked together at Larkspur, 2016", "how_we_met"),
    ("last_contact", "Last contact", "2019, Mar 2021, 3 years ago, last week…", "last_contacted"),
    ("strength", "Strength", "1 (acquaintance) to 5 (close)", "strength"),
    ("cadence", "Keep in touch", "monthly, quarterly, every 6 weeks… (optional)", "cadence"),
    ("tags", "Tags", "Comma-separated", "tags"),
)
NOTES = ("notes", "Notes", "", "notes")
"""The notes box: a text area under the one-line fields."""

FIELD_IDS: tuple[str, ...] = tuple(field_id for field_id, *_ in (*FIELDS, NOTES))
DRAFT_FIELD: dict[str, str] = {field_id: draft for field_id, _l, _p, draft in (*FIELDS, NOTES)}
"""The ContactDraft field each form field edits."""
FORM_FIELD: dict[str, str] = {draft: field_id for field_id, draft in DRAFT_FIELD.items()}
LABELS: dict[str, str] = {field_id: label for field_id, label, _p, _d in (*FIELDS, NOTES)}


def value_text(draft_field: str, value: object) -> str:
    """A draft field's value as the form shows it, for typing over or reading back."""
    if value is None:
        return ""
    if isinstance(value, LooseDate):
        return format_loose_date(value.value, value.precision)
    if isinstance(value, tuple):
        return ", ".join(str(item) for item in value)
    if draft_field == "cadence" and isinstance(value, str):
        try:
            return Cadence.from_code(value).label
        except ValueError:
            return value
    return str(value)


def field_text(draft: ContactDraft | None, field_id: str) -> str:
    """What field ``field_id`` shows for ``draft`` (empty for a new contact)."""
    if draft is None:
        return ""
    name = DRAFT_FIELD[field_id]
    return value_text(name, getattr(draft, name))
