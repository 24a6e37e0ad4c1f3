"""Add or edit a contact, with an inline message under each field that needs fixing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label, TextArea

from netui.domain.cadence import Cadence
from netui.domain.clean_text import clean_multiline
from netui.domain.clock import local_today
from netui.domain.dates import format_loose_date
from netui.domain.inputs import (
    FieldReader,
    InputError,
    read_cadence,
    read_emails,
    read_last_contact,
    read_list,
    read_strength,
)
from netui.domain.types import Contact, ContactDraft
from netui.domain.validation import split_name
from netui.errors import NetuiError, ValidationError
from netui.tui.db_errors import save_failed
from netui.tui.screens.form_dialog import FormDialog
from netui.tui.text import literal_line

if TYPE_CHECKING:
    from netui.services.context import Services

# (field id, label, placeholder)
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "Name", "Full name (required)"),
    ("company", "Company", ""),
    ("title", "Title", ""),
    ("emails", "Emails", "Comma-separated"),
    ("phones", "Phones", "Comma-separated"),
    ("linkedin", "LinkedIn", "https://www.linkedin.com/in/…"),
    ("met", "How we met", "e.g. worked together at Larkspur, 2016"),
    ("last_contact", "Last contact", "2019, Mar 2021, 3 years ago, last week…"),
    ("strength", "Strength", "1 (acquaintance) to 5 (close)"),
    ("cadence", "Keep in touch", "monthly, quarterly, every 6 weeks… (optional)"),
    ("tags", "Tags", "Comma-separated"),
)


class ContactFormScreen(FormDialog[int]):
    """Returns the saved contact's id, or None when cancelled."""

    DATE_FIELDS = frozenset({"last_contact"})

    DEFAULT_CSS = """
    ContactFormScreen > #form { width: 84; }
    ContactFormScreen #notes { height: 6; width: 1fr; }
    """

    def __init__(self, services: Services, contact: Contact | None) -> None:
        super().__init__()
        self.services = services
        self.contact = contact
        self.today = local_today(services.clock)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form", classes="form-box"):
            for field_id, label, placeholder in FIELDS:
                yield self.field_row(field_id, label, self._initial(field_id), placeholder)
            with Horizontal(classes="row"):
                yield Label("Notes")
                notes = clean_multiline(self.contact.notes) if self.contact else ""  # as saved
                yield TextArea(notes, id="notes", compact=True)
            yield from self.buttons("Save")

    def on_mount(self) -> None:
        form = self.query_one("#form")
        form.border_title = (
            Content.assemble("Edit ", literal_line(self.contact.full_name))
            if self.contact
            else "New contact"
        )
        self.query_one("#name", Input).focus()

    def understood(self, field_id: str, text: str) -> str | None:
        try:
            last = read_last_contact(text, self.today)
        except InputError:
            return None
        return format_loose_date(last.value, last.precision) if last else None

    def _initial(self, field_id: str) -> str:
        contact = self.contact
        if contact is None:
            return ""
        if field_id == "last_contact":
            if contact.last_contacted is None or contact.last_contacted_precision is None:
                return ""
            return format_loose_date(contact.last_contacted, contact.last_contacted_precision)
        if field_id == "cadence":
            if not contact.cadence:
                return ""
            try:
                return Cadence.from_code(contact.cadence).label
            except ValueError:
                return contact.cadence
        values: dict[str, str] = {
            "name": contact.full_name,
            "company": contact.company,
            "title": contact.title,
            "emails": ", ".join(contact.emails),
            "phones": ", ".join(contact.phones),
            "linkedin": contact.linkedin_url,
            "met": contact.how_we_met,
            "strength": str(contact.strength or ""),
            "tags": ", ".join(contact.tags),
        }
        return values[field_id]

    def _read_draft(self) -> tuple[ContactDraft | None, dict[str, str]]:
        """Parse every field, collecting a message per bad field rather than stopping at one.

        The rules (and their messages) are the CLI's too: netui.domain.inputs.
        """
        fields = FieldReader()
        name = " ".join(self.value("name").split())
        if not name:
            fields.errors["name"] = "A contact needs a name."
        emails = fields.read("emails", read_emails, self.value("emails"))
        last = fields.read(
            "last_contact", read_last_contact, self.value("last_contact"), self.today
        )
        strength = fields.read("strength", read_strength, self.value("strength"))
        cadence = fields.read("cadence", read_cadence, self.value("cadence"))
        if fields.errors:
            return None, fields.errors
        first, last_name = split_name(name)
        keep_names = self.contact is not None and self.contact.full_name == name
        draft = ContactDraft(
            full_name=name,
            first_name=self.contact.first_name if keep_names and self.contact else first,
            last_name=self.contact.last_name if keep_names and self.contact else last_name,
            company=self.value("company"),
            title=self.value("title"),
            emails=emails,
            phones=read_list(self.value("phones")),
            linkedin_url=self.value("linkedin"),
            how_we_met=self.value("met"),
            notes=self.query_one("#notes", TextArea).text,
            tags=read_list(self.value("tags")),
            strength=strength,
            last_contacted=last,
            cadence=cadence,
        )
        return draft, fields.errors

    def save(self) -> None:
        self.clear_errors()
        draft, errors = self._read_draft()
        if draft is None:
            for field_id, message in errors.items():
                self.show_error(field_id, message)
            self.query_one(f"#{next(iter(errors))}", Input).focus()
            self.notify("Please fix the highlighted fields.", severity="error", timeout=3)
            return
        try:
            if self.contact is None:
                saved = self.services.contacts.add(draft)
            else:
                saved = self.services.contacts.update(self.contact.id, draft)
        except ValidationError as error:
            field_id = {"email": "emails", "linkedin_url": "linkedin"}.get(error.field, error.field)
            if any(field_id == f for f, _l, _p in FIELDS):
                self.show_error(field_id, error.message)
            else:
                self.notify(str(error), severity="error")
            return
        except NetuiError as error:
            save_failed(
                self, error, draft.full_name if self.contact is None else self.contact.full_name
            )
            return
        self.notify(f"Saved {saved.full_name}.", timeout=3)
        self.close(saved.id)
