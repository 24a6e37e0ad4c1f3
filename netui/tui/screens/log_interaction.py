"""Log a call, message or meeting with its outcome and the next follow-up."""

from __future__ import annotations

from datetime import datetime, time
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from netui.domain.dates import format_loose_date, parse_loose_date
from netui.domain.types import Channel, Contact, DatePrecision, InteractionDraft, Outcome
from netui.errors import NetuiError, ValidationError
from netui.services.clock import local_today

if TYPE_CHECKING:
    from netui.services.context import Services

NOW_WORDS = {"", "now", "just now"}


class LogInteractionScreen(ModalScreen[int | None]):
    """Returns the contact id once something was logged, None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="log_save", priority=True),
        Binding("escape", "cancel", "Cancel", id="log_cancel"),
    ]

    DEFAULT_CSS = """
    LogInteractionScreen { align: center middle; }
    LogInteractionScreen > #log-form {
        width: 72; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    LogInteractionScreen .row { height: auto; margin-top: 1; }
    LogInteractionScreen .row > Label { width: 12; padding-right: 1; color: $text-muted; }
    LogInteractionScreen .row > Vertical { width: 1fr; height: auto; }
    LogInteractionScreen .error { color: $error; height: auto; padding-left: 1; }
    LogInteractionScreen .hint { color: $text-muted; height: auto; padding-left: 1; }
    LogInteractionScreen #log-buttons { height: auto; align-horizontal: right; padding-top: 1; }
    LogInteractionScreen #log-buttons Button { margin-left: 2; }
    """

    def __init__(self, services: Services, contact: Contact) -> None:
        super().__init__()
        self.services = services
        self.contact = contact
        self.today = local_today(services.interactions.clock)

    def compose(self) -> ComposeResult:
        with Vertical(id="log-form"):
            with Horizontal(classes="row"):
                yield Label("Channel")
                yield Select(
                    [(c.value.capitalize(), c) for c in Channel],
                    value=Channel.CALL,
                    allow_blank=False,
                    id="channel",
                    compact=True,
                )
            with Horizontal(classes="row"):
                yield Label("Outcome")
                yield Select(
                    [(o.label.capitalize(), o) for o in Outcome],
                    value=Outcome.TALKED,
                    allow_blank=False,
                    id="outcome",
                    compact=True,
                )
            for field_id, label, placeholder, value in (
                ("note", "Note", "What was said, what you asked for", ""),
                ("when", "When", "now, yesterday, 2 days ago, 12 Nov…", "now"),
                ("follow_up", "Follow up", "in 2 weeks, next friday… (optional)", ""),
            ):
                with Horizontal(classes="row"):
                    yield Label(label)
                    with Vertical():
                        yield Input(value=value, placeholder=placeholder, id=field_id, compact=True)
                        yield Static("", classes="hint", id=f"{field_id}-hint", markup=False)
                        yield Static("", classes="error", id=f"{field_id}-error", markup=False)
            with Horizontal(id="log-buttons"):
                yield Button("Cancel (esc)", id="log-cancel")
                yield Button("Log it (ctrl+s)", id="log-save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#log-form").border_title = f"Log: {self.contact.full_name}"
        for static in self.query(".hint, .error"):
            static.display = False
        self.query_one("#channel", Select).focus()

    @on(Input.Changed, "#when, #follow_up")
    def _preview(self, event: Input.Changed) -> None:
        assert event.input.id is not None
        hint = self.query_one(f"#{event.input.id}-hint", Static)
        text = event.value.strip()
        if not text or text.lower() in NOW_WORDS:
            hint.display = False
            return
        try:
            loose = parse_loose_date(text, self.today)
        except ValueError:
            hint.display = False
            return
        hint.update(f"→ {format_loose_date(loose.value, loose.precision)}")
        hint.display = True

    def _show_error(self, field_id: str, message: str) -> None:
        error = self.query_one(f"#{field_id}-error", Static)
        error.update(message)
        error.display = True

    def _read(self) -> tuple[InteractionDraft | None, dict[str, str]]:
        errors: dict[str, str] = {}
        when_text = self.query_one("#when", Input).value.strip()
        occurred: datetime | None = None
        if when_text.lower() not in NOW_WORDS:
            try:
                loose = parse_loose_date(when_text, self.today)
            except ValueError as error:
                errors["when"] = str(error)
            else:
                if loose.precision is not DatePrecision.DAY:
                    errors["when"] = "Give the day it happened (e.g. 12 Nov or 3 days ago)."
                elif loose.value > self.today:
                    errors["when"] = "That is in the future; log things once they happened."
                elif loose.value != self.today:
                    occurred = datetime.combine(loose.value, time(12, 0)).astimezone()
        follow_text = self.query_one("#follow_up", Input).value.strip()
        follow_up = None
        if follow_text:
            try:
                follow_up = parse_loose_date(follow_text, self.today).value
            except ValueError as error:
                errors["follow_up"] = str(error)
        if errors:
            return None, errors
        channel = self.query_one("#channel", Select).value
        outcome = self.query_one("#outcome", Select).value
        assert isinstance(channel, Channel)
        assert isinstance(outcome, Outcome)
        note = self.query_one("#note", Input).value
        return InteractionDraft(channel, outcome, note, occurred, follow_up), errors

    def action_save(self) -> None:
        for static in self.query(".error"):
            static.display = False
        draft, errors = self._read()
        if draft is None:
            for field_id, message in errors.items():
                self._show_error(field_id, message)
            return
        try:
            self.services.interactions.log(self.contact.id, draft)
        except ValidationError as error:
            field_id = {"follow-up": "follow_up"}.get(error.field, error.field)
            if field_id in ("when", "note", "follow_up"):
                self._show_error(field_id, error.message)
            else:
                self.notify(str(error), severity="error", markup=False)
            return
        except NetuiError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.notify(
            f"Logged {draft.channel.value} with {self.contact.full_name}: {draft.outcome.label}.",
            markup=False,
            timeout=3,
        )
        self.dismiss(self.contact.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#log-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#log-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()
