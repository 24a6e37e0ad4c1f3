"""The netui App: opens the database off the UI thread and holds what is app-wide.

App-wide means: the keys of :data:`~netui.tui.actions.Scope.APP`, the command palette (made
from the action table), help, the theme, and the rule that every toast is literal text.
Everything else belongs to the main screen's panes.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App, SystemCommand
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.screen import Screen

from netui import __version__
from netui.display import one_line, printable
from netui.domain.clock import Clock
from netui.errors import NetuiError
from netui.tui import compat
from netui.tui.actions import Scope, bindings
from netui.tui.db_errors import report
from netui.tui.messages import ServicesReady
from netui.tui.palette import palette_commands
from netui.tui.screens.main import MainScreen
from netui.tui.workers import ReportsWorkerErrors, describe_error

if TYPE_CHECKING:
    import click

    from netui.services.context import Services

compat.install()

WRITE_WAIT_MS = 1500
"""How long a key's write waits for another netui's to finish: longer would freeze the screen."""


class NetuiApp(App[None], ReportsWorkerErrors):
    """A keyboard-driven way back in touch with the people who can help."""

    CSS_PATH = Path(__file__).with_name("netui.tcss")
    TITLE = "netui"
    BINDINGS = bindings(Scope.APP)

    def __init__(
        self, db_path: Path, clock: Clock, *, command_line: click.Command | None = None
    ) -> None:
        """``command_line``: the ``netui`` group, whose commands help lists (the CLI hands
        it over: this layer does not import the CLI)."""
        super().__init__()
        self.db_path = db_path
        self.clock = clock
        self.command_line = command_line
        self.services: Services | None = None
        self.started = time.perf_counter()
        self.ready_after: float | None = None
        self.sub_title = one_line(str(db_path))

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(self.clock)

    def on_mount(self) -> None:
        self.open_database()

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def open_database(self) -> None:
        """Open (or migrate) the database and load the list, off the UI thread."""
        from netui.services.context import open_services
        from netui.tui.loading import load_listing

        services = open_services(self.db_path, self.clock, busy_timeout_ms=WRITE_WAIT_MS)
        services.changes.start()  # before the list is read: what others write after is news
        theme = services.settings.theme()
        if theme:
            self.call_from_thread(self._apply_saved_theme, theme)
        listing = load_listing(services)
        # The main screen takes it from here; the message bubbles up to on_services_ready.
        self.main_screen.post_message(ServicesReady(services, listing))

    def worker_failed(self, group: str, error: BaseException) -> None:
        if group != "open":
            super().worker_failed(group, error)
            return
        # After the next refresh, so widgets still mounting (the Header) finish first.
        reason = describe_error(error)
        self.call_after_refresh(self.exit, return_code=1, message=f"netui: error: {reason}")

    def on_services_ready(self, message: ServicesReady) -> None:
        self.services_ready(message.services, len(message.listing))

    def services_ready(self, services: Services, count: int) -> None:
        """The panes have the database and the list is on screen."""
        self.services = services
        self.ready_after = time.perf_counter() - self.started
        ms = self.ready_after * 1000
        self.log.info(f"netui ready in {ms:.0f} ms ({count} contacts)")

    def _apply_saved_theme(self, theme: str) -> None:
        if theme in self.available_themes:
            self.theme = theme

    def watch_theme(self, theme: str) -> None:
        if self.services is None:
            return
        try:
            self.services.settings.set_theme(theme)
        except NetuiError as error:  # the theme changes now; it is remembered next time
            report(self, error, retry="Choosing the theme again")

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every toast, from any widget, shows its text literally.

        Toasts quote names and file contents, so they are never parsed as markup (``Ann
        [Acme]`` keeps its brackets, ``[/x]`` cannot raise) and control characters never
        reach the terminal, whatever ``markup`` a caller asks for.
        """
        super().notify(
            printable(message),
            title=one_line(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    @property
    def main_screen(self) -> MainScreen:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        raise LookupError("the main screen is not on the stack")

    def action_command_palette(self) -> None:
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(compat.SteadyCommandPalette(id="--command-palette"))

    def action_help(self) -> None:
        from netui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.command_line))

    def action_about(self) -> None:
        self.notify(f"netui {__version__}")

    def on_unmount(self) -> None:
        if self.services is not None:
            self.services.close()

    # -- the command palette ------------------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from palette_commands(self, screen)
