"""The Script pane: the reconnect script. Its editor and preview come with their own issue."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from netui.tui.actions import Scope, bindings
from netui.tui.panes.base import Pane


class ScriptPane(Pane):
    """Where the script is written, with a preview for the highlighted contact."""

    TITLE = "Script"
    BINDINGS = bindings(Scope.SCRIPT)

    def compose(self) -> ComposeResult:
        yield Static(
            Content.styled(
                "Your reconnect script will be written here, with a live preview for the "
                "highlighted contact: admit the long gap, explain your transition, ask for "
                "help and advice.",
                "$text-muted",
            ),
            id="script-coming",
        )

    def show_contact(self, contact_id: int | None) -> None:
        """The highlighted contact changed; the preview will follow it."""
