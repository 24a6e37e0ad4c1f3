"""Add or edit a contact, with an inline message under each field that needs fixing."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from netui.domain.cadence import Cadence, parse_cadence
from netui.domain.dates import format_loose_date, parse_loose_date
from netui.domain.types import Contact, ContactDraft, LooseDate
from netui.domain.validation import check_email, parse_strength, split_list, split_name
from netui.errors import NetuiError, ValidationError
from netui.services.clock import local_today

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


class ContactFormScreen(ModalScreen[int | None]):
    """Returns the saved contact's id, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="form_save", priority=True),
        Binding("escape", "cancel", "Cancel", id="form_cancel"),
    ]

    DEFAULT_CSS = """
    ContactFormScreen { align: center middle; }
    ContactFormScreen > #form {
        width: 84; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    ContactFormScreen .row { height: auto; margin-top: 1; }
    ContactFormScreen .row > Label { width: 14; padding-right: 1; color: $text-muted; }
    ContactFormScreen .row > Vertical { width: 1fr; height: auto; }
    ContactFormScreen .error { color: $error; height: auto; padding-left: 1; }
    ContactFormScreen .hint { color: $text-muted; height: auto; padding-left: 1; }
    ContactFormScreen #notes { height: 6; width: 1fr; }
    ContactFormScreen #buttons { height: auto; align-horizontal: right; padding-top: 1; }
    ContactFormScreen #buttons Button { margin-left: 2; }
    """

    def __init__(self, services: Services, contact: Contact | None) -> None:
        super().__init__()
        self.services = services
        self.contact = contact
        self.today = local_today(services.contacts.clock)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form"):
            for field_id, label, placeholder in FIELDS:
                with Horizontal(classes="row"):
                    yield Label(label)
                    with Vertical():
                        yield Input(
                            value=self._initial(field_id),
                            placeholder=placeholder,
                            id=field_id,
                            compact=True,
                        )
                        yield Static("", classes="hint", id=f"{field_id}-hint", markup=False)
                        yield Static("", classes="error", id=f"{field_id}-error", markup=False)
            with Horizontal(classes="row"):
                yield Label("Notes")
                yield TextArea(self.contact.notes if self.contact else "", id="notes", compact=True)
            with Horizontal(id="buttons"):
                yield Button("Cancel (esc)", id="cancel")
                yield Button("Save (ctrl+s)", id="save", variant="primary")

    def on_mount(self) -> None:
        form = self.query_one("#form")
        form.border_title = f"Edit {self.contact.full_name}" if self.contact else "New contact"
        for field_id, _label, _placeholder in FIELDS:
            self.query_one(f"#{field_id}-hint").display = False
            self.query_one(f"#{field_id}-error").display = False
        self._preview_date(self.query_one("#last_contact", Input).value)
        self.query_one("#name", Input).focus()

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

    @on(Input.Changed, "#last_contact")
    def _on_date_changed(self, event: Input.Changed) -> None:
        self._preview_date(event.value)

    def _preview_date(self, text: str) -> None:
        hint = self.query_one("#last_contact-hint", Static)
        if not text.strip():
            hint.display = False
            return
        try:
            loose = parse_loose_date(text, self.today)
        except ValueError:
            hint.display = False
            return
        hint.update(f"→ {format_loose_date(loose.value, loose.precision)}")
        hint.display = True

    def _value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    def _show_error(self, field_id: str, message: str) -> None:
        error = self.query_one(f"#{field_id}-error", Static)
        error.update(message)
        error.display = True

    def _read_draft(self) -> tuple[ContactDraft | None, dict[str, str]]:
        """Parse every field, collecting a message per bad field rather than stopping at one."""
        errors: dict[str, str] = {}
        name = " ".join(self._value("name").split())
        if not name:
            errors["name"] = "A contact needs a name."
        emails: list[str] = []
        for email in split_list(self._value("emails")):
            try:
                emails.append(check_email(email))
            except ValidationError as error:
                errors["emails"] = error.message.capitalize() + "."
        last: LooseDate | None = None
        if self._value("last_contact").strip():
            try:
                last = parse_loose_date(self._value("last_contact"), self.today)
            except ValueError as error:
                errors["last_contact"] = str(error)
            else:
                if last.value > self.today:
                    errors["last_contact"] = "The last contact cannot be in the future."
        strength: int | None = None
        try:
            strength = parse_strength(self._value("strength"))
        except ValidationError as error:
            errors["strength"] = error.message.capitalize() + "."
        cadence: Cadence | None = None
        try:
            cadence = parse_cadence(self._value("cadence"))
        except ValueError as error:
            errors["cadence"] = str(error)
        if errors:
            return None, errors
        first, last_name = split_name(name)
        keep_names = self.contact is not None and self.contact.full_name == name
        draft = ContactDraft(
            full_name=name,
            first_name=self.contact.first_name if keep_names and self.contact else first,
            last_name=self.contact.last_name if keep_names and self.contact else last_name,
            company=self._value("company"),
            title=self._value("title"),
            emails=tuple(emails),
            phones=split_list(self._value("phones")),
            linkedin_url=self._value("linkedin"),
            how_we_met=self._value("met"),
            notes=self.query_one("#notes", TextArea).text,
            tags=split_list(self._value("tags")),
            strength=strength,
            last_contacted=last,
            cadence=cadence.code if cadence else None,
        )
        return draft, errors

    def action_save(self) -> None:
        for field_id, _label, _placeholder in FIELDS:
            self.query_one(f"#{field_id}-error").display = False
        draft, errors = self._read_draft()
        if draft is None:
            for field_id, message in errors.items():
                self._show_error(field_id, message)
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
                self._show_error(field_id, error.message)
            else:
                self.notify(str(error), severity="error", markup=False)
            return
        except NetuiError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.notify(f"Saved {saved.full_name}.", markup=False, timeout=3)
        self.dismiss(saved.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Input.Submitted)
    def _on_submitted(self) -> None:
        self.action_save()
