"""The session mode: today's queue one person at a time, with the script rendered for them.

For each person: how to reach them, how you met, what happened last, and the chosen
script filled in for them (h picks another). y copies it, m opens an email with it, o
copies it and opens their LinkedIn page (:mod:`netui.tui.session_outreach`). One key per
outcome logs the interaction through the same service as every other log (with the
script's channel and revision, and the follow-up f set) and moves on; l opens the usual
log dialog for a note; s skips. The timer stays in view, started with the session; esc
ends it with a summary.

The screen changes the timer only through the Today pane (``hooks.run_timer``), which owns
the timer's state, and hears every status the pane reads (``hooks.status_signal``); what it
logs it reports with ``hooks.logged`` so the other panes read again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.widgets import Footer, Header, Static

from netui.domain.clock import local_today
from netui.domain.queue import QueueItem
from netui.domain.script_types import ScriptSummary
from netui.domain.timer_status import TimerStatus
from netui.domain.types import Channel, Contact, InteractionDraft, Outcome
from netui.errors import NetuiError, NotFoundError, ValidationError
from netui.tui.actions import Scope, bindings
from netui.tui.db_errors import gone_message, report
from netui.tui.screens.base import NetuiScreen
from netui.tui.screens.session_card import Person, SessionHooks, card_text, choose_script, short
from netui.tui.screens.session_summary import Logged, SessionTally
from netui.tui.text import literal_line
from netui.tui.widgets.timer_display import TimerDisplay
from netui.tui.workers import ReportsWorkerErrors

if TYPE_CHECKING:
    from netui.services.context import Services
    from netui.tui.outreach import UrlOpened

__all__ = ["SessionModeScreen"]

SIDE_BY_SIDE_FROM = 110
"""From this many columns the script sits beside the card; below, under it."""


class SessionModeScreen(NetuiScreen[None], ReportsWorkerErrors):
    """One person at a time from today's queue; esc ends with a summary."""

    BINDINGS = bindings(Scope.SESSION)

    DEFAULT_CSS = """
    SessionModeScreen #session-top { height: 3; padding: 0 1; }
    SessionModeScreen #session-top > TimerDisplay { width: 1fr; }
    SessionModeScreen #session-where {
        width: auto; min-width: 20; height: 3; content-align: right top;
    }
    SessionModeScreen #session-body { height: 1fr; }
    SessionModeScreen.-wide #session-body { layout: horizontal; }
    SessionModeScreen #session-card-box {
        height: auto; max-height: 50%; border: round $accent; padding: 0 1;
    }
    SessionModeScreen.-wide #session-card-box { width: 1fr; height: 1fr; max-height: 100%; }
    SessionModeScreen #session-script-box {
        height: 1fr; border: round $panel-lighten-2; padding: 0 1;
    }
    SessionModeScreen.-wide #session-script-box { width: 1fr; }
    SessionModeScreen #session-script-title { height: 1; color: $text-muted; }
    SessionModeScreen #session-keys { height: auto; padding: 0 1; color: $text-muted; }
    """

    def __init__(
        self,
        services: Services,
        people: Sequence[QueueItem],
        status: TimerStatus,
        hooks: SessionHooks,
    ) -> None:
        super().__init__()
        self.services = services
        self.people = list(people)
        self.status = status
        self.hooks = hooks
        self.index = 0
        self.person: Person | None = None
        self.follow_up: date | None = None
        """The follow-up the next outcome key logs for the person on the card."""
        self.chosen_script: int | None = None
        self.tally = SessionTally(start_minutes=status.today_minutes)
        self.failed_link = ""
        self.today = local_today(services.clock)
        self._scripts: list[ScriptSummary] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="session-top"):
            yield TimerDisplay(self.services.clock, id="session-timer")
            yield Static("", id="session-where", markup=False)
        with Vertical(id="session-body"):
            with VerticalScroll(id="session-card-box"):
                yield Static("", id="session-card", markup=False)
            with Vertical(id="session-script-box"):
                yield Static("", id="session-script-title", markup=False)
                with VerticalScroll(id="session-script-scroll"):
                    yield Static("", id="session-script", markup=False)
        yield Static(
            "Log and go on: 1 no answer · 2 left message · 3 replied · 4 talked · "
            "5 meeting set · 6 referral · 7 declined",
            id="session-keys",
            markup=False,
        )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "Session"
        self.query_one("#session-card-box").border_title = "Who"
        self.query_one("#session-script-box").border_title = "Script"
        self.query_one(TimerDisplay).show(self.status)
        self.hooks.status_signal.subscribe(self, self._status_read)
        self._show()

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width >= SIDE_BY_SIDE_FROM, "-wide")

    def _status_read(self, status: TimerStatus) -> None:
        """The Today pane read the timer (an action, a heartbeat, another netui)."""
        self.status = status
        self.query_one(TimerDisplay).show(status)
        self.refresh_bindings()

    # -- who is on the card -------------------------------------------------------------

    @property
    def scripts(self) -> list[ScriptSummary]:
        if self._scripts is None:
            try:
                self.services.scripts.ensure_builtins()  # as the Script pane does on opening
                self._scripts = self.services.scripts.list()
            except NetuiError as error:
                report(self, error, retry="h")
                return []
        return self._scripts

    def _read_person(self, item: QueueItem) -> Person | None:
        """The person as stored now; None (and a word) when another netui took them away."""
        try:
            contact = self.services.contacts.get(item.contact_id)
            history = self.services.interactions.history(item.contact_id)
        except NotFoundError:
            self.notify(gone_message(short(item.name)), severity="warning")
            return None
        script = choose_script(contact, self.scripts, self.chosen_script)
        rendered = None
        if script is not None:
            try:
                rendered = self.services.scripts.render(script.id, contact.id)
            except NetuiError as error:
                report(self, error, retry="h")
        return Person(item, contact, history[0] if history else None, script, rendered)

    def _show(self) -> None:
        """Put the person at ``index`` on the card (passing over any who are gone)."""
        while self.index < len(self.people):
            try:
                person = self._read_person(self.people[self.index])
            except NetuiError as error:
                report(self, error, retry="→")
                return
            if person is not None:
                self.person = person
                self._draw()
                return
            self.people.pop(self.index)
        self.person = None
        self.finish()

    def _draw(self) -> None:
        person = self.person
        if person is None:
            return
        self.query_one("#session-card", Static).update(
            card_text(person.contact, person.item, person.last, self.today, self.follow_up)
        )
        reached = self.tally.reached
        where = f"Person {self.index + 1} of {len(self.people)}\n{reached} reached"
        self.query_one("#session-where", Static).update(where)
        self._draw_script(person)
        self.refresh_bindings()

    def _draw_script(self, person: Person) -> None:
        from netui.tui.widgets.script_preview import character_count, rendered_content

        title = self.query_one("#session-script-title", Static)
        text = self.query_one("#session-script", Static)
        if person.script is None or person.rendered is None:
            title.update("No script to show")
            text.update(Content.styled("Write one in the Script pane.", "$text-muted"))
            return
        title.update(
            Content.assemble(
                literal_line(person.script.name, "bold"),
                " · ",
                character_count(person.rendered),
                " · h: another script",
            )
        )
        text.update(rendered_content(person.rendered))
        self.query_one("#session-script-scroll", VerticalScroll).scroll_home(animate=False)

    # -- keys -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        allowed = super().check_action(action, parameters)
        if not allowed:
            return allowed
        status = self.status
        if action == "pause":
            return status.running and not status.paused and status.interrupted is None
        if action == "resume":
            return status.paused and status.interrupted is None
        if action in ("back",):
            return self.index > 0 or None
        if action in ("outcome", "follow_up", "log_with_note", "skip"):
            return self.person is not None or None
        if action in ("copy", "email", "linkedin", "other_script", "view_text"):
            return (self.person is not None and self.person.rendered is not None) or None
        return True

    def action_pause(self) -> None:
        self.hooks.run_timer(lambda timer: timer.pause(), "space")

    def action_resume(self) -> None:
        self.hooks.run_timer(lambda timer: timer.resume(), "space")

    def _advance(self) -> None:
        self.index += 1
        self.follow_up = None
        self._show()

    def action_skip(self) -> None:
        self.tally.skipped += 1
        self._advance()

    def action_back(self) -> None:
        if self.index > 0:
            self.index -= 1
            self.follow_up = None
            self._show()

    def action_outcome(self, value: str) -> None:
        """Log ``value`` for the person on the card, with the script used, and go on."""
        person = self.person
        if person is None:
            return
        outcome = Outcome(value)
        rendered, script = person.rendered, person.script
        channel = script.channel.logged_as if script is not None else Channel.CALL
        draft = InteractionDraft(
            channel,
            outcome,
            follow_up=self.follow_up,
            script_revision_id=rendered.revision_id if rendered is not None else None,
        )
        try:
            self.services.interactions.log(person.contact.id, draft)
        except NotFoundError:
            self.notify(gone_message(short(person.contact.full_name)), severity="warning")
            self._advance()
            return
        except ValidationError as error:
            self.notify(str(error), severity="error")
            return
        except NetuiError as error:
            report(self, error)
            return
        self._logged(person.contact, outcome, self.follow_up)
        self._advance()
        if outcome is Outcome.REFERRAL:
            from netui.tui.screens.referral_dialog import offer_referral

            offer_referral(self, self.services, person.contact, self.hooks.logged)

    def _logged(self, contact: Contact, outcome: Outcome, follow_up: date | None) -> None:
        self.tally.logged.append(Logged(contact.full_name, outcome, follow_up))
        self.hooks.logged(contact.id)
        then = f", follow up {follow_up:%a %d %b}" if follow_up else ""
        self.notify(f"Logged with {short(contact.full_name)}: {outcome.label}{then}.", timeout=3)

    def action_follow_up(self) -> None:
        from netui.tui.screens.follow_up_dialog import FollowUp, FollowUpDialog

        person = self.person
        if person is None:
            return

        def chosen(result: FollowUp | None) -> None:
            if result is not None and self.person is person:
                self.follow_up = result.on
                self._draw()

        dialog = FollowUpDialog(person.contact.full_name, self.today, self.follow_up)
        self.app.push_screen(dialog, chosen)

    def action_log_with_note(self) -> None:
        from netui.tui.screens.session_outreach import log_with_note

        if self.person is not None:
            log_with_note(self, self.person)

    def note_logged(self, person: Person) -> None:
        """The log dialog saved something for ``person``: count it as it was stored."""
        try:
            latest = self.services.interactions.history(person.contact.id)[0]
        except (NetuiError, IndexError):
            latest = None
        if latest is not None:
            self._logged(person.contact, latest.outcome, latest.follow_up)
        if self.person is person:
            self._advance()

    def action_other_script(self) -> None:
        scripts, person = self.scripts, self.person
        if person is None or person.script is None or len(scripts) < 2:
            return
        ids = [summary.id for summary in scripts]
        position = ids.index(person.script.id) if person.script.id in ids else -1
        self.chosen_script = ids[(position + 1) % len(ids)]
        self._show()

    def action_copy(self) -> None:
        from netui.tui.screens.session_outreach import copy_script

        if self.person is not None:
            copy_script(self, self.person)

    def action_email(self) -> None:
        from netui.tui.screens.session_outreach import send_email

        if self.person is not None:
            send_email(self, self.person)

    def action_linkedin(self) -> None:
        from netui.tui.screens.session_outreach import open_linkedin

        if self.person is not None:
            open_linkedin(self, self.person)

    def action_view_text(self) -> None:
        from netui.tui.screens.session_outreach import view_text

        if self.person is not None:
            view_text(self, self.person)

    def on_url_opened(self, message: UrlOpened) -> None:
        from netui.tui.screens.session_outreach import url_opened

        url_opened(self, message)

    # -- the end ----------------------------------------------------------------------------

    def action_end(self) -> None:
        self.finish()

    def finish(self) -> None:
        """Show what the session did; the summary may stop the timer too."""
        from netui.tui.screens.session_summary import SessionSummaryScreen

        if not self.accepting:
            return
        try:
            now = self.services.timer.status()
        except NetuiError:
            now = self.status.moved_to(self.services.clock())
        self.tally.end_minutes = now.today_minutes

        def done(stop: bool | None) -> None:
            if stop:
                self.hooks.run_timer(lambda timer: timer.stop(), "x")
            self.close(None)

        self.app.push_screen(SessionSummaryScreen(self.tally, now.running), done)
