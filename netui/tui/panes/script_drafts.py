"""Keeping the Script pane's unsaved edits: the autosave, and edits no write has taken yet.

A draft is written :data:`AUTOSAVE_DELAY` seconds after the last keystroke (a one-row
write), and at once when the user leaves the script (another script, a dialog, quitting).
When the database cannot take it (another netui holds the write lock, the disk is full)
the text stays where it is: in the editor, or for a script the user left, in
:attr:`Drafts.unwritten`, which the pane puts back in the editor when that script is opened
again. Either way the write is tried again every :data:`RETRY_DELAY` seconds, and the pane
says "Unsaved" with the reason until one succeeds.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual.timer import Timer

from netui.errors import DatabaseBusyError, NetuiError, NotFoundError, ValidationError
from netui.tui.panes.script_state import Text
from netui.tui.workers import describe_error

if TYPE_CHECKING:
    from netui.tui.panes.script import ScriptPane

__all__ = ["AUTOSAVE_DELAY", "RETRY_DELAY", "Drafts"]

AUTOSAVE_DELAY = 2.0
"""Seconds after the last keystroke before the draft is written."""
RETRY_DELAY = 5.0
"""Seconds before a draft the database could not take is tried again."""


class Drafts:
    """The pane's draft writes; the pane owns the text, this decides when it is written."""

    def __init__(self, pane: ScriptPane) -> None:
        self.pane = pane
        self.unwritten: dict[int, Text] = {}
        """Edits of scripts no longer in the editor that no write has taken yet."""
        self._timer: Timer | None = None
        self._retry: Timer | None = None

    def edited(self) -> None:
        """The editor changed: write its text a while after the typing stops."""
        state = self.pane.state
        if state is not None and state.needs_write(self.pane.editor_text):
            self.schedule(AUTOSAVE_DELAY)

    def schedule(self, delay: float) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.pane.set_timer(delay, self.write, name="script-autosave")

    def write(self) -> bool:
        """Write the editor's text as the draft; False (and a retry planned) when it failed."""
        self._write_unwritten()
        pane = self.pane
        script, state = pane.script, pane.state
        if script is None or state is None or not pane.ready:
            return True
        text = pane.editor_text
        if not state.needs_write(text):
            return True
        try:
            draft = pane.services.scripts.save_draft(script.id, *text)
        except NetuiError as error:
            self._failed(error)
            return False
        pane.state = state.drafted((draft.subject, draft.body), draft.saved_at)
        self._mark(script.id, pane.state.has_draft)
        pane.update_status()
        return True

    def _failed(self, error: NetuiError) -> None:
        pane = self.pane
        assert pane.state is not None
        if isinstance(error, ValidationError):
            problem = error.message  # too long to keep: said until the text is shortened
        else:
            problem = (
                "another netui is writing"
                if isinstance(error, DatabaseBusyError)
                else describe_error(error)
            )
            self.schedule(RETRY_DELAY)
        pane.state = pane.state.failed(problem)
        pane.update_status()

    def flush(self) -> None:
        """Write the editor's edits now, before leaving the script; kept if that fails."""
        pane = self.pane
        if pane.script is None or pane.state is None or not pane.ready:
            return
        if pane.state.needs_write(pane.editor_text) and not self.write():
            self.unwritten[pane.script.id] = pane.editor_text
            if self._retry is None:
                self._retry = pane.set_interval(RETRY_DELAY, self._write_unwritten)

    def take(self, script_id: int) -> Text | None:
        """The edits of ``script_id`` no write has taken (the editor holds them again)."""
        return self.unwritten.pop(script_id, None)

    def forget(self, script_id: int) -> None:
        self.unwritten.pop(script_id, None)

    def _write_unwritten(self) -> None:
        for script_id, (subject, body) in list(self.unwritten.items()):
            try:
                self.pane.services.scripts.save_draft(script_id, subject, body)
            except NotFoundError:
                del self.unwritten[script_id]
            except NetuiError:
                return  # the database is still busy: all of them wait for the next try
            else:
                del self.unwritten[script_id]
                self._mark(script_id, True)
        if not self.unwritten and self._retry is not None:
            self._retry.stop()
            self._retry = None

    def _mark(self, script_id: int, has_draft: bool) -> None:
        """Show in the list whether the script has edits waiting (the ● after its name)."""
        listed = self.pane.script_list
        for summary in listed.summaries:
            if summary.id == script_id and summary.has_draft != has_draft:
                listed.replace(replace(summary, has_draft=has_draft))
