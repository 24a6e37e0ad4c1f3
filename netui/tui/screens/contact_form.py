"""Add or edit a contact, with an inline message under each field that needs fixing.

Editing saves only the fields the user changed. Another netui may have saved the same
contact while the form was open: their changes are kept, and where both changed one field
the user chooses (:mod:`netui.tui.screens.edit_conflicts`) by the three-way rule of
:mod:`netui.domain.three_way`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label, TextArea

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
from netui.domain.three_way import merge_edit, resolve
from netui.domain.types import Contact, ContactDraft
from netui.domain.validation import split_name, validate_draft
from netui.errors import ContactChangedError, NetuiError, ValidationError
from netui.tui.db_errors import save_failed
from netui.tui.screens.contact_form_fields import DRAFT_FIELD, FIELD_IDS, FIELDS, field_text
from netui.tui.screens.form_dialog import FormDialog
from netui.tui.text import literal_line

if TYPE_CHECKING:
    from netui.services.context import Services

SAVE_ATTEMPTS = 3
"""How often a save is compared again when another netui keeps saving the same contact."""


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
        self.original: ContactDraft | None = contact.to_draft() if contact else None
        """The version the form opened on: what the user's changes are changes to."""
        self.today = local_today(services.clock)
        self._opened_with: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form", classes="form-box"):
            for field_id, label, placeholder, _draft in FIELDS:
                yield self.field_row(
                    field_id, label, field_text(self.original, field_id), placeholder
                )
            with Horizontal(classes="row"):
                yield Label("Notes")
                notes = clean_multiline(field_text(self.original, "notes"))  # as saved
                yield TextArea(notes, id="notes", compact=True)
            yield from self.buttons("Save")

    def on_mount(self) -> None:
        self._opened_with = {field_id: self._text(field_id) for field_id in FIELD_IDS}
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

    def _text(self, field_id: str) -> str:
        if field_id == "notes":
            return self.query_one("#notes", TextArea).text
        return self.value(field_id)

    def edited(self) -> list[str]:
        """The fields whose text the user changed (every field of a new contact)."""
        if self.original is None:
            return list(FIELD_IDS)
        return [f for f in FIELD_IDS if self._text(f) != self._opened_with.get(f, self._text(f))]

    def _read(self, field_id: str, fields: FieldReader) -> dict[str, Any]:
        """The draft fields one form field sets, by the CLI's rules too (netui.domain.inputs)."""
        text = self._text(field_id)
        if field_id == "name":
            name = " ".join(text.split())
            if not name:
                fields.errors["name"] = "A contact needs a name."
            if self.original is not None and name == self.original.full_name:
                return {}  # only its spacing changed: the stored name parts stay
            first, last = split_name(name)
            return {"full_name": name, "first_name": first, "last_name": last}
        value: object
        match field_id:
            case "emails":
                value = fields.read("emails", read_emails, text)
            case "phones" | "tags":
                value = read_list(text)
            case "last_contact":
                value = fields.read("last_contact", read_last_contact, text, self.today)
            case "strength":
                value = fields.read("strength", read_strength, text)
            case "cadence":
                value = fields.read("cadence", read_cadence, text)
            case _:
                value = text
        return {DRAFT_FIELD[field_id]: value}

    def _read_draft(self) -> tuple[ContactDraft | None, dict[str, str]]:
        """The form as a draft: the version it opened on with the edited fields read in.

        Each bad field gets its message, rather than stopping at the first. Only the edited
        fields are read, so a stored value the form cannot show exactly is kept as it is.
        """
        fields = FieldReader()
        changes: dict[str, Any] = {}
        for field_id in self.edited():
            changes.update(self._read(field_id, fields))
        if fields.errors:
            return None, fields.errors
        base = self.original or ContactDraft(full_name="")
        draft = replace(base, **changes)
        clean = validate_draft(draft, stored=self.original)  # as stored: the sides compare
        return replace(draft, **{name: getattr(clean, name) for name in changes}), {}

    def save(self) -> None:
        self.clear_errors()
        try:
            draft, errors = self._read_draft()
        except ValidationError as error:
            self._refused(error)
            return
        if draft is None:
            for field_id, message in errors.items():
                self.show_error(field_id, message)
            self.query_one(f"#{next(iter(errors))}", Input).focus()
            self.notify("Please fix the highlighted fields.", severity="error", timeout=3)
            return
        if self.contact is None or self.original is None:
            self._write(lambda: self.services.contacts.add(draft))
        else:
            self._save_edit(self.contact.id, self.original, draft, SAVE_ATTEMPTS)

    def _save_edit(
        self, contact_id: int, base: ContactDraft, mine: ContactDraft, left: int
    ) -> None:
        """Save ``mine`` (changes to ``base``) over the contact as it is stored now."""
        try:
            theirs = self.services.contacts.get(contact_id).to_draft()
        except NetuiError as error:
            self._failed(error)
            return
        merged = merge_edit(base, mine, theirs)
        if not merged.conflicts:
            self._write(
                lambda: self.services.contacts.update(contact_id, merged.draft, expected=theirs),
                again=(lambda: self._save_edit(contact_id, base, mine, left - 1)) if left else None,
            )
            return
        from netui.tui.screens.edit_conflicts import EditConflictScreen

        def chosen(take_theirs: frozenset[str] | None) -> None:
            if take_theirs is not None and self.accepting:
                self._save_edit(contact_id, theirs, resolve(merged, theirs, take_theirs), left)

        name = self.contact.full_name if self.contact else theirs.full_name
        self.app.push_screen(EditConflictScreen(name, merged.conflicts), chosen)

    def _write(self, write: Callable[[], Contact], again: Callable[[], None] | None = None) -> None:
        """Run the add or update; on success close, otherwise say why and stay open."""
        try:
            saved = write()
        except ContactChangedError as error:
            if again is None:
                self._failed(error)
            else:
                again()  # saved again meanwhile: compare with the newest version
            return
        except ValidationError as error:
            self._refused(error)
            return
        except NetuiError as error:
            self._failed(error)
            return
        self.notify(f"Saved {saved.full_name}.", timeout=3)
        self.close(saved.id)

    def _refused(self, error: ValidationError) -> None:
        field_id = {"email": "emails", "linkedin_url": "linkedin"}.get(error.field, error.field)
        if any(field_id == f for f, *_ in FIELDS):
            self.show_error(field_id, error.message)
        else:
            self.notify(str(error), severity="error")

    def _failed(self, error: NetuiError) -> None:
        """Nothing was saved; what was typed stays in the form for another try or a copy."""
        name = self.contact.full_name if self.contact else self.value("name")
        save_failed(self, error, name)
