"""The Script pane: the scripts, the editor, and a live preview for the highlighted contact.

Data flow: the main screen hands down the services (:meth:`attach`) and the contact the
Contacts pane highlights (:meth:`show_contact`); the pane posts :class:`ScriptPane.Logged`
up when a use was logged. Its keys are the :data:`~netui.tui.actions.Scope.SCRIPT` ones;
letters are bound here too but Textual never lets them past a focused text box, so they act
only from the list, while ctrl and function keys work while typing.

Speed: a contact's placeholder values are read once when the highlight settles
(``values_for``); every edit after that renders inline and purely (``render_script``),
coalesced so a burst of keys renders once. Edits are autosaved as a draft
:data:`AUTOSAVE_DELAY` seconds after the last keystroke, a one-row write; when the database
cannot take it (another netui is writing) the text stays in the editor, the pane says so,
and the write is tried again. Nothing typed is dropped on switching scripts or quitting.

What the pane does with its dialogs is in :mod:`~netui.tui.panes.script_manage` and what it
does for a contact (copy, email, LinkedIn, log) in :mod:`~netui.tui.panes.script_use`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import DescendantFocus
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Static, TextArea

from netui.domain.clock import local_zone
from netui.domain.script_types import RenderedScript, Script, ScriptSummary, render_script
from netui.errors import DatabaseBusyError, NetuiError, NotFoundError
from netui.tui import outreach
from netui.tui.actions import Scope, bindings
from netui.tui.db_errors import report
from netui.tui.panes import script_use as use
from netui.tui.panes.base import Pane
from netui.tui.panes.script_contact import NO_CONTACT, contact_values, status_line
from netui.tui.panes.script_drafts import RETRY_DELAY, Drafts
from netui.tui.panes.script_keys import ScriptKeys
from netui.tui.panes.script_state import Text, TextState, stored_form
from netui.tui.widgets.script_editor import ScriptEditor
from netui.tui.widgets.script_list import ScriptList
from netui.tui.widgets.script_preview import ScriptPreview
from netui.tui.workers import ReportsWorkerErrors, describe_error

if TYPE_CHECKING:
    from netui.services.context import Services

SETTLE_DELAY = 0.05
"""The list or the contact highlight must rest this long before it is read."""


class ScriptPane(ScriptKeys, Pane, ReportsWorkerErrors):
    """Write a reconnect script once, see it filled in for the highlighted contact."""

    TITLE = "Script"
    BINDINGS = bindings(Scope.SCRIPT)

    DEFAULT_CSS = """
    ScriptPane #script-body { height: 1fr; }
    ScriptPane #script-side { width: 28; height: 1fr; padding-right: 1; }
    ScriptPane #script-work { width: 1fr; height: 1fr; }
    ScriptPane #script-status {
        height: 1; color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis;
    }
    ScriptPane #script-subject-row { height: 1; margin-bottom: 1; display: none; }
    ScriptPane.-email #script-subject-row { display: block; }
    ScriptPane #script-subject-row > Label { width: auto; padding-right: 1; color: $text-muted; }
    ScriptPane #script-subject { width: 1fr; }
    ScriptPane #script-editor { height: 1fr; min-height: 3; }
    ScriptPane ScriptPreview { border-top: solid $panel-lighten-2; }
    ScriptPane.-glance #script-side, ScriptPane.-glance #script-subject-row,
    ScriptPane.-glance #script-editor { display: none; }
    ScriptPane.-glance ScriptPreview { border-top: none; }
    """

    class Logged(Message):
        """A use of a script was logged for ``contact_id`` (its row and progress changed)."""

        def __init__(self, contact_id: int) -> None:
            super().__init__()
            self.contact_id = contact_id

    class Loaded(Message):
        """The scripts, read (and the built-ins put in) off the UI thread."""

        def __init__(self, summaries: list[ScriptSummary], first: Script | None) -> None:
            super().__init__()
            self.summaries = summaries
            self.first = first

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.loaded = False
        self.settled = False
        """Loaded, or the first load failed and said why (it is tried again)."""
        self.script: Script | None = None
        self.state: TextState | None = None
        self.rendered: RenderedScript | None = None
        self.contact_id: int | None = None
        self.contact_name = NO_CONTACT
        self.values: dict[str, str] = {}
        self.values_note = ""
        self.drafts = Drafts(self)
        self.failed_link = ""
        """The last link nothing could open, for the text view to show."""
        self._render_pending = False
        self._announced: set[int] = set()
        self._last_focus: Widget | None = None
        self._values_stale = False
        self._status_shown = ""
        self._values_timer: Timer | None = None
        self._open_timer: Timer | None = None
        # Held, not queried: the edits are written as the pane unmounts, when its widgets
        # are no longer among its children.
        self.script_list = ScriptList(id="script-list")
        self.status_line = Static("Opening the database…", id="script-status", markup=False)
        self.editor = ScriptEditor(id="script-editor")
        self.subject_box = Input(placeholder="Subject", id="script-subject", compact=True)
        self.preview = ScriptPreview(id="script-preview")

    # -- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="script-body"):
            with Vertical(id="script-side"):
                yield self.script_list
            with Vertical(id="script-work"):
                yield self.status_line
                with Horizontal(id="script-subject-row"):
                    yield Label("Subject")
                    yield self.subject_box
                yield self.editor
                yield self.preview

    def set_glance(self, glance: bool) -> None:
        """Beside another active pane, show only the preview (attributes down, from the screen)."""
        self.set_class(glance, "-glance")

    def focus_default(self) -> None:
        """Back where the user left the pane: the editor or the subject box, else the list."""
        if not (self.loaded and self.script_list.option_count):
            self.focus()
        elif self._last_focus is self.subject_box and self.has_class("-email"):
            self.subject_box.focus()
        elif self._last_focus is self.editor and self.script is not None:
            self.editor.focus()
        else:
            self.script_list.focus()

    @property
    def typing(self) -> bool:
        """Whether the cursor is in the editor or the subject box."""
        focused = self.screen.focused if self.is_attached else None
        return focused is not None and focused in (self.editor, self.subject_box)

    # -- loading ------------------------------------------------------------------------

    def attach(self, services: Services) -> None:
        super().attach(services)
        self.update_status()
        self.load()

    @work(thread=True, exclusive=True, group="script-load", exit_on_error=False)
    def load(self) -> None:
        """Put in netui's built-in scripts if missing and read the list, off the UI thread."""
        scripts = self.services.scripts
        scripts.ensure_builtins()
        summaries = scripts.list()
        first = scripts.get(summaries[0].id) if summaries else None
        self.post_message(self.Loaded(summaries, first))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.loaded = self.settled = True
        self.script_list.show(message.summaries)
        if message.first is not None and self.script is None:
            self.open_script(message.first)
        self._load_values()
        if self.has_focus and self.script_list.option_count:
            self.script_list.focus()
        self.refresh_bindings()

    def worker_failed(self, group: str, error: BaseException) -> None:
        if group == "script-load":
            self.settled = True
            self.update_status(f"Scripts could not be read: {describe_error(error)}")
            if isinstance(error, DatabaseBusyError):
                self.set_timer(RETRY_DELAY, self.load)
            return
        super().worker_failed(group, error)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        self._last_focus = event.widget
        if self.ready and not self.loaded:
            self.load()

    def reload_list(self, keep: int | None = None) -> None:
        """Read the list again (a script added, renamed, deleted, used) and redraw it."""
        try:
            summaries = self.services.scripts.list()
        except NetuiError as error:
            report(self, error)
            return
        self.script_list.show(summaries, keep=keep if keep is not None else self.current_id)
        current = self.script_list.current
        if current is None:
            self.script = self.state = None
            self._show_nothing()
        elif current.id != self.current_id:
            self._switch_to(current.id)

    @property
    def current_id(self) -> int | None:
        return self.script.id if self.script is not None else None

    # -- the chosen script ----------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#script-list")
    def _list_moved(self) -> None:
        if self._open_timer is not None:
            self._open_timer.stop()
        self._open_timer = self.set_timer(SETTLE_DELAY, self._open_highlighted)

    def _open_highlighted(self) -> None:
        current = self.script_list.current
        if current is not None and current.id != self.current_id:
            self._switch_to(current.id)

    @on(OptionList.OptionSelected, "#script-list")
    def _list_chosen(self) -> None:
        self._open_highlighted()
        if self.script is not None:
            self.action_edit_text()

    def _switch_to(self, script_id: int) -> None:
        self.drafts.flush()
        try:
            script = self.services.scripts.get(script_id)
        except NotFoundError:
            self.reload_list()
            return
        except NetuiError as error:
            report(self, error)
            return
        self.open_script(script)

    def open_script(self, script: Script) -> None:
        """Show ``script`` in the editor: its unsaved edits if any wait, else its text."""
        self.script = script
        self.state = TextState.of(script)
        waiting = self.drafts.take(script.id)
        subject, body = waiting or self.state.written
        self.set_class(script.channel.has_subject, "-email")
        self.subject_box.value = subject
        if self.editor.text != body:
            self.editor.load_text(body)
        self.render_now()
        if waiting is not None:
            self.drafts.schedule(0)
        elif self.state.has_draft and script.id not in self._announced:
            self._announced.add(script.id)  # said once: after that the status line says it
            assert self.state.written_at is not None
            when = f"{self.state.written_at.astimezone(local_zone()):%d %b %H:%M}"
            self.notify(
                f"Unsaved edits of {script.name} from {when} are back in the editor: "
                "ctrl+s saves them, “Discard unsaved edits” (ctrl+p) drops them.",
                timeout=6,
            )
        self.refresh_bindings()

    def _show_nothing(self) -> None:
        self.editor.load_text("")
        self.preview.show(None, self.contact_name, "no script: n starts one")
        self.update_status()

    @property
    def editor_text(self) -> Text:
        """What the editor holds as (subject, body); a channel without one keeps its subject."""
        if self.script is None or self.state is None:
            return ("", self.editor.text)
        subject = self.subject_box.value if self.script.channel.has_subject else self.state.saved[0]
        return (subject, self.editor.text)

    # -- typing: the preview, the status, the autosave ------------------------------------

    @on(TextArea.Changed, "#script-editor")
    @on(Input.Changed, "#script-subject")
    def _edited(self) -> None:
        if not self._render_pending:
            self._render_pending = True
            self.call_later(self.render_now)
        self.drafts.edited()

    def render_now(self) -> None:
        """Fill the editor's text in for the contact (pure, no database) and show it."""
        self._render_pending = False
        if self.script is None:
            self.rendered = None
            self.preview.show(None, self.contact_name, self.values_note)
            self.update_status()
            return
        subject, body = self.editor_text
        self.rendered = render_script(
            self.script, self.script.channel, self.contact_id or 0, self.values,
            subject=subject, body=body,
        )  # fmt: skip
        self.preview.show(self.rendered, self.contact_name, self.values_note)
        self.update_status()

    def update_status(self, problem: str = "") -> None:
        if problem:
            line = Content.styled(problem, "$error")
        elif self.script is None or self.state is None:
            line = Content("No script chosen" if self.loaded else "Reading the scripts…")
        else:
            line = status_line(self.script, self.state.status(self.editor_text))
        if line.plain != self._status_shown:
            self._status_shown = line.plain
            self.status_line.update(line)

    def saved(self, script: Script) -> None:
        """``script`` was saved (a revision, a restore, a reset): its text is the text now.

        After ctrl+s the editor already holds it, so the cursor and the undo history stay;
        a restore or a reset brings other text, which replaces the editor's.
        """
        if stored_form(self.editor_text) == (script.subject, script.body):
            self.script = script
            self.state = TextState.of(script)
            self.render_now()
        else:
            self.open_script(script)
        self.reload_list(keep=script.id)

    def renamed(self, script: Script) -> None:
        """The same script under a new name or channel: the editor's text stays as typed."""
        if self.script is None or script.id != self.script.id:
            return
        self.script = script
        self.set_class(script.channel.has_subject, "-email")
        self.render_now()
        self.refresh_bindings()

    def forget(self, script_id: int) -> None:
        """Script ``script_id`` is gone (deleted here or by another netui)."""
        self.drafts.forget(script_id)
        if self.current_id == script_id:
            self.script = self.state = None
        self.reload_list()

    def on_unmount(self) -> None:
        self.drafts.flush()

    # -- the contact the preview is for -----------------------------------------------------

    def show_contact(self, contact_id: int | None) -> None:
        """The highlighted contact changed; its values are read once the highlight rests."""
        self.contact_id = contact_id
        self._values_stale = True
        if self._values_timer is not None:
            self._values_timer.stop()
        self._values_timer = self.set_timer(SETTLE_DELAY, self._load_values)

    def settle_values(self) -> None:
        """Read the contact's values now if the highlight moved and they are not read yet."""
        if self._values_stale:
            if self._values_timer is not None:
                self._values_timer.stop()
            self._load_values()

    def contacts_changed(self) -> None:
        """Contacts were edited or logged: the highlighted one's values may be new."""
        self.show_contact(self.contact_id)

    def _load_values(self) -> None:
        if not self.ready or not self.loaded:
            return
        self._values_stale = False
        self.values_note = ""
        try:
            self.values, self.contact_name = contact_values(self.services, self.contact_id)
        except NetuiError:
            self.values_note = "could not read this contact just now"
        self.render_now()
        self.refresh_bindings()

    @on(outreach.UrlOpened)
    def _url_opened(self, message: outreach.UrlOpened) -> None:
        use.url_opened(self, message)
