"""The keys, on one page (F1 or ?), made from the one action table."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from netui.tui.actions import Scope, bindings
from netui.tui.keys_doc import keys_markdown
from netui.tui.screens.base import NetuiDialog

INTRO = """\
# netui keys

netui follows a coach's method: **find the time**, **triage** your old contacts into a
**Top 20**, have a **script**, and **do it daily**, logging every call. A key works in the
pane the cursor is in; `tab` moves between panes and `ctrl+p` finds any action by name.
"""


def help_markdown() -> str:
    return f"{INTRO}\n{keys_markdown()}"


class HelpScreen(NetuiDialog[None]):
    BINDINGS = bindings(Scope.HELP)

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 100; max-width: 100%; height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Markdown(help_markdown())

    def on_mount(self) -> None:
        scroll = self.query_one(VerticalScroll)
        scroll.border_title = "Help (esc to close)"
        scroll.focus()

    def action_close(self) -> None:
        self.close(None)
