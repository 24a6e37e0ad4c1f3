"""The offer after a referral is logged: add the person they referred you to, linked.

A small form (name, company, title, email, and how you met, already saying who referred
them). ctrl+s or Enter adds them through the referral service, contact and link in one
step; esc declines and nothing is written. When the database is busy the form stays
open with everything typed, and ctrl+s tries again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.dom import DOMNode
from textual.widgets import Input, Static

from netui.domain.clock import local_today
from netui.domain.inputs import FieldReader, read_emails
from netui.domain.types import Contact, ContactDraft
from netui.domain.validation import split_name
from netui.errors import NetuiError, ValidationError
from netui.tui.db_errors import save_failed
from netui.tui.screens.contact_form_fields import FIELDS, FORM_FIELD
from netui.tui.screens.form_dialog import FormDialog
from netui.tui.text import literal_line, one_line

if TYPE_CHECKING:
    from netui.services.context import Services

__all__ = ["ReferralDialog", "offer_referral"]

SHOWN = ("name", "company", "title", "emails", "met")
"""The contact form's fields this form has, in its order."""
_FIELDS = {field_id: (label, hint) for field_id, label, hint, _draft in FIELDS}


def how_we_met(referrer: Contact) -> str:
    """What "How we met" starts as: who referred them."""
    return f"referred by {one_line(referrer.full_name).strip()}"


class ReferralDialog(FormDialog[int]):
    """Returns the id of the person added, None when declined."""

    DEFAULT_CSS = """
    ReferralDialog > #referral-form { width: 72; }
    ReferralDialog #referral-ask { height: auto; padding-top: 1; }
    """

    def __init__(self, services: Services, referrer: Contact) -> None:
        super().__init__()
        self.services = services
        self.referrer = referrer
        self.today = local_today(services.clock)

    def compose(self) -> ComposeResult:
        with Vertical(id="referral-form", classes="form-box"):
            yield Static(
                Content.assemble(
                    "Add the person ",
                    literal_line(self.referrer.full_name, "bold"),
                    " referred you to? (esc: not now)",
                ),
                id="referral-ask",
            )
            for field_id in SHOWN:
                label, hint = _FIELDS[field_id]
                value = how_we_met(self.referrer) if field_id == "met" else ""
                yield self.field_row(field_id, label, value, hint)
            yield from self.buttons("Add")

    def on_mount(self) -> None:
        self.query_one("#referral-form").border_title = Content.assemble(
            "Referred by ", literal_line(self.referrer.full_name)
        )
        self.query_one("#name", Input).focus()

    def _draft(self) -> tuple[ContactDraft | None, dict[str, str]]:
        fields = FieldReader()
        emails = fields.read("emails", read_emails, self.value("emails"))
        name = self.value("name").strip()
        if not name:
            fields.errors["name"] = "the name of the person they referred you to"
        if fields.errors:
            return None, fields.errors
        first, last = split_name(name)
        draft = ContactDraft(
            full_name=name,
            first_name=first,
            last_name=last,
            company=self.value("company"),
            title=self.value("title"),
            emails=emails or (),
            how_we_met=self.value("met"),
        )
        return draft, {}

    def save(self) -> None:
        self.clear_errors()
        draft, errors = self._draft()
        if draft is None:
            for field_id, message in errors.items():
                self.show_error(field_id, message)
            self.query_one(f"#{next(iter(errors))}", Input).focus()
            return
        try:
            added = self.services.referrals.add_referred(self.referrer.id, draft)
        except ValidationError as error:
            field_id = FORM_FIELD.get(error.field, error.field)
            if field_id in SHOWN:
                self.show_error(field_id, error.message)
            else:
                self.notify(str(error), severity="error")
            return
        except NetuiError as error:
            save_failed(self, error, self.referrer.full_name)  # all typed stays, to retry
            return
        self.notify(f"Added {added.full_name}, referred by {self.referrer.full_name}.", timeout=3)
        self.close(added.id)


def offer_referral(
    node: DOMNode, services: Services, referrer: Contact, added: Callable[[int], object]
) -> None:
    """Open the offer over whatever is on screen; ``added`` hears the new person's id."""

    def done(contact_id: int | None) -> None:
        if contact_id is not None:
            added(contact_id)

    node.app.push_screen(ReferralDialog(services, referrer), done)
