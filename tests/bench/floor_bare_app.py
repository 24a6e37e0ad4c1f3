"""The floor for launching the app: a bare Textual app that shows one Static, nothing more.

Run: python tests/bench/floor_bare_app.py   (q or ctrl+q quits)

``tui_child.py bare`` runs it in a pseudo-terminal and times its first frame; netui's
launch to a usable list is compared with that. No netui import: a floor must not pay for
netui's modules.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.widgets import Static


class BareApp(App[None]):
    """The least a Textual app can do: show one line of text."""

    BINDINGS: ClassVar[list[BindingType]] = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static("netui")


if __name__ == "__main__":
    BareApp().run()
