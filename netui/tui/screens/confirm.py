"""A yes-or-no question before something that cannot simply be taken back.

``y`` (or the button) goes ahead; ``n``, esc (or the other button) leaves things as they
are. The question is built by the caller as ``Content``, so names in it stay literal.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from netui.tui.actions import Scope, bindings
from netui.tui.screens.base import NetuiDialog
from netui.tui.text import literal_line


class ConfirmScreen(NetuiDialog[bool]):
    """Returns True to go ahead, False (or None when closed another way) to leave it."""

    BINDINGS = bindings(Scope.CONFIRM)

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > #confirm {
        width: 64; max-width: 100%; height: auto; max-height: 90%;
        border: thick $warning; background: $surface; padding: 0 1;
    }
    ConfirmScreen #confirm-question { height: auto; padding-top: 1; }
    ConfirmScreen #confirm-buttons { height: auto; align-horizontal: right; padding-top: 1; }
    ConfirmScreen #confirm-buttons Button { margin-left: 2; }
    """

    def __init__(self, title: str, question: Content, yes: str, no: str = "Keep it") -> None:
        super().__init__()
        self.title_text = title
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Static(self.question, id="confirm-question")
            yield Horizontal(
                Button(f"{self.no} (n)", id="confirm-no"),
                Button(f"{self.yes} (y)", id="confirm-yes", variant="error"),
                id="confirm-buttons",
            )

    def on_mount(self) -> None:
        self.query_one("#confirm").border_title = literal_line(self.title_text)
        self.query_one("#confirm-no", Button).focus()  # Enter right away keeps things safe

    def action_answer(self, yes: bool) -> None:
        self.close(yes)

    @on(Button.Pressed, "#confirm-yes")
    def _yes(self) -> None:
        if self.accepting:
            self.action_answer(True)

    @on(Button.Pressed, "#confirm-no")
    def _no(self) -> None:
        if self.accepting:
            self.action_answer(False)
