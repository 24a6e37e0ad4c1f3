"""Log a call, message or meeting with its outcome and the next follow-up.

The Contacts pane opens it blank (a call that was answered); the Script pane opens it with
a :class:`LogPreset`: the script's channel, the outcome a sent message has until someone
answers, and the script revision the interaction records.

Once a referral is logged, the dialog closes and offers to add the person referred
(:mod:`netui.tui.screens.referral_dialog`); its caller hears who was added through
``on_referred``, so its pane can show them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Label, Select, Static

from netui.domain.clock import local_today, local_zone
from netui.domain.dates import format_loose_date
from netui.domain.inputs import FieldReader, InputError, read_follow_up, read_when
from netui.domain.types import Channel, Contact, DatePrecision, InteractionDraft, Outcome
from netui.errors import NetuiError, ValidationError
from netui.tui.db_errors import save_failed
from netui.tui.screens.form_dialog import FormDialog
from netui.tui.text import literal_line

if TYPE_CHECKING:
    from netui.services.context import Services


@dataclass(frozen=True, slots=True)
class LogPreset:
    """What the dialog starts with when a script was just used."""

    channel: Channel = Channel.CALL
    outcome: Outcome = Outcome.TALKED
    script_revision_id: int | None = None
    about: str = ""
    """Said under the title: which script and revision is recorded ("Reconnect email, rev 3")."""


class LogInteractionScreen(FormDialog[int]):
    """Returns the contact id once something was logged, None when cancelled."""

    DATE_FIELDS = frozenset({"when", "follow_up"})

    DEFAULT_CSS = """
    LogInteractionScreen > #log-form { width: 72; }
    LogInteractionScreen .row > Label { width: 12; }
    LogInteractionScreen #log-script { color: $text-muted; height: auto; padding-top: 1; }
    """

    def __init__(
        self,
        services: Services,
        contact: Contact,
        preset: LogPreset | None = None,
        on_referred: Callable[[int], object] | None = None,
    ) -> None:
        super().__init__()
        self.services = services
        self.contact = contact
        self.preset = preset or LogPreset()
        self.on_referred = on_referred
        self.today = local_today(services.clock)

    def compose(self) -> ComposeResult:
        with Vertical(id="log-form", classes="form-box"):
            if self.preset.about:
                yield Static(
                    Content.assemble("Script: ", literal_line(self.preset.about)),
                    id="log-script",
                )
            with Horizontal(classes="row"):
                yield Label("Channel")
                yield Select(
                    [(c.value.capitalize(), c) for c in Channel],
                    value=self.preset.channel,
                    allow_blank=False,
                    id="channel",
                    compact=True,
                )
            with Horizontal(classes="row"):
                yield Label("Outcome")
                yield Select(
                    [(o.label.capitalize(), o) for o in Outcome],
                    value=self.preset.outcome,
                    allow_blank=False,
                    id="outcome",
                    compact=True,
                )
            yield self.field_row("note", "Note", "", "What was said, what you asked for")
            yield self.field_row("when", "When", "now", "now, yesterday, 2 days ago, 12 Nov…")
            yield self.field_row(
                "follow_up", "Follow up", "", "in 2 weeks, next friday… (optional)"
            )
            yield from self.buttons("Log it")

    def on_mount(self) -> None:
        self.query_one("#log-form").border_title = Content.assemble(
            "Log: ", literal_line(self.contact.full_name)
        )
        self.query_one("#channel", Select).focus()

    def understood(self, field_id: str, text: str) -> str | None:
        try:
            if field_id == "when":
                when = read_when(text, self.services.clock(), local_zone())
                if when is None:
                    return None  # now
                local = when.astimezone(local_zone())
                return f"{format_loose_date(local.date(), DatePrecision.DAY)} {local:%H:%M}"
            follow_up = read_follow_up(text, self.today)
        except InputError:
            return None
        return format_loose_date(follow_up, DatePrecision.DAY) if follow_up else None

    def _read(self) -> tuple[InteractionDraft | None, dict[str, str]]:
        """Read the typed fields by the CLI's rules too (netui.domain.inputs)."""
        fields = FieldReader()
        now = self.services.clock()
        occurred = fields.read("when", read_when, self.value("when"), now, local_zone())
        follow_up = fields.read("follow_up", read_follow_up, self.value("follow_up"), self.today)
        if fields.errors:
            return None, fields.errors
        channel = self.query_one("#channel", Select).value
        outcome = self.query_one("#outcome", Select).value
        assert isinstance(channel, Channel)
        assert isinstance(outcome, Outcome)
        note = self.query_one("#note", Input).value
        draft = InteractionDraft(
            channel, outcome, note, occurred, follow_up, self.preset.script_revision_id
        )
        return draft, fields.errors

    def save(self) -> None:
        self.clear_errors()
        draft, errors = self._read()
        if draft is None:
            for field_id, message in errors.items():
                self.show_error(field_id, message)
            return
        try:
            self.services.interactions.log(self.contact.id, draft)
        except ValidationError as error:
            field_id = {"follow-up": "follow_up"}.get(error.field, error.field)
            if field_id in ("when", "note", "follow_up"):
                self.show_error(field_id, error.message)
            else:
                self.notify(str(error), severity="error")
            return
        except NetuiError as error:
            save_failed(self, error, self.contact.full_name)
            return
        self.notify(
            f"Logged {draft.channel.value} with {self.contact.full_name}: {draft.outcome.label}.",
            timeout=3,
        )
        self.close(self.contact.id)
        if draft.outcome is Outcome.REFERRAL:
            self.app.call_later(self._offer_referral)

    def _offer_referral(self) -> None:
        """Offer to add the person referred, once this dialog is gone."""
        from netui.tui.screens.referral_dialog import offer_referral

        offer_referral(self.app, self.services, self.contact, self.on_referred or (lambda _: None))
