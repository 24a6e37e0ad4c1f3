"""The filled-in text on its own, read-only and selectable, to copy by hand.

Textual's copy goes out as an OSC 52 sequence that some terminals ignore, and netui cannot
tell; here the text can be selected with the mouse (or shift and the arrows) and copied
with the terminal's own copy, or ctrl+c. When a link could not be opened, it is shown too.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, TextArea

from netui.display import one_line, printable
from netui.tui.actions import Scope, bindings
from netui.tui.screens.base import NetuiDialog
from netui.tui.text import literal_line


class ScriptTextScreen(NetuiDialog[None]):
    """Shows ``body`` (and ``subject``, ``link`` when given) in read-only text boxes."""

    BINDINGS = bindings(Scope.SCRIPT_TEXT)

    DEFAULT_CSS = """
    ScriptTextScreen { align: center middle; }
    ScriptTextScreen > #script-text {
        width: 90; max-width: 100%; height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    ScriptTextScreen Label { color: $text-muted; margin-top: 1; }
    ScriptTextScreen .one-line { height: 3; }
    ScriptTextScreen #text-body { height: 1fr; }
    """

    def __init__(self, title: str, body: str, subject: str | None = None, link: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.body = body
        self.subject = subject
        self.link = link

    def compose(self) -> ComposeResult:
        with Vertical(id="script-text"):
            if self.link:
                yield Label("Link (it could not be opened here)")
                yield self._box(one_line(self.link), "text-link", one_line=True)
            if self.subject is not None:
                yield Label("Subject")
                yield self._box(one_line(self.subject), "text-subject", one_line=True)
            yield Label("Text")
            yield self._box(printable(self.body), "text-body")

    @staticmethod
    def _box(text: str, box_id: str, *, one_line: bool = False) -> TextArea:
        return TextArea(
            text,
            read_only=True,
            soft_wrap=True,
            tab_behavior="focus",
            id=box_id,
            classes="one-line" if one_line else "",
        )

    def on_mount(self) -> None:
        box = self.query_one("#script-text")
        box.border_title = literal_line(self.title_text)
        box.border_subtitle = "esc closes"
        self.query_one("#text-body", TextArea).focus()

    def action_close(self) -> None:
        self.close(None)
