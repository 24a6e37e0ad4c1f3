"""What every pane shares: a titled, focusable region whose keys work only inside it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical

from netui.errors import NetuiError

if TYPE_CHECKING:
    from netui.services.context import Services


class Pane(Vertical, can_focus=True):
    """A titled region of the main screen.

    A pane's ``BINDINGS`` are active only while focus is inside it (Textual looks for
    bindings along the focus chain), so a key never acts on a pane the user is not in.
    Data comes down through :meth:`attach` and methods; what happens goes up as messages.
    """

    DEFAULT_CSS = """
    Pane {
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        padding: 0 1;
    }
    Pane:focus-within, Pane.-active {
        border: round $primary;
        border-title-color: $text;
    }
    """

    TITLE = ""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._services: Services | None = None

    def on_mount(self) -> None:
        self.border_title = self.TITLE

    @property
    def services(self) -> Services:
        if self._services is None:
            raise NetuiError("the database is still opening")
        return self._services

    @property
    def ready(self) -> bool:
        """Whether the database is open and this pane has what it shows."""
        return self._services is not None

    def attach(self, services: Services) -> None:
        """The database is open: take the services and show what the pane is for."""
        self._services = services

    def focus_default(self) -> None:
        """Put the cursor where the user would start in this pane."""
        self.focus()
