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
from textual.actions import parse as parse_action
from textual.app import App, SystemCommand
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.screen import Screen

from netui import __version__
from netui.display import one_line, printable
from netui.domain.clock import Clock
from netui.errors import NetuiError
from netui.tui import compat
from netui.tui.actions import Action, Scope, bindings, palette_actions
from netui.tui.db_errors import report
from netui.tui.messages import ServicesReady
from netui.tui.screens.main import PANE_ORDER, MainScreen
from netui.tui.settings_check import apply_settings
from netui.tui.workers import ReportsWorkerErrors, describe_error

if TYPE_CHECKING:
    from netui.services.context import Services

compat.install()

WRITE_WAIT_MS = 1500
"""How long a key's write waits for another netui's to finish: longer would freeze the screen."""

PANE_OF_SCOPE = dict(zip((Scope.CONTACTS, Scope.TODAY, Scope.SCRIPT), PANE_ORDER, strict=True))
"""Which pane of the main screen runs the actions of each pane scope."""


class NetuiApp(App[None], ReportsWorkerErrors):
    """A keyboard-driven way back in touch with the people who can help."""

    CSS_PATH = Path(__file__).with_name("netui.tcss")
    TITLE = "netui"
    BINDINGS = bindings(Scope.APP)

    def __init__(self, db_path: Path, clock: Clock) -> None:
        super().__init__()
        self.db_path = db_path
        self.clock = clock
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
        settings = services.settings
        self.call_from_thread(
            apply_settings,
            self,
            settings.theme(),
            settings.key_remaps(),
            settings.problems(),
            settings.path.name,
        )
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
            self.push_screen(HelpScreen())

    def action_about(self) -> None:
        self.notify(f"netui {__version__}")

    def on_unmount(self) -> None:
        if self.services is not None:
            self.services.close()

    # -- the command palette ------------------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        on_main = isinstance(screen, MainScreen) and self.services is not None
        for action in palette_actions():
            if action.scope is not Scope.APP and not on_main:
                continue
            command = self._command(action, screen)
            if command is not None:
                yield command

    def _command(self, action: Action, screen: Screen[Any]) -> SystemCommand | None:
        """The palette entry for ``action``, or None while it cannot run."""
        _, name, parameters = parse_action(action.action)
        if action.scope is Scope.APP:
            target: App[None] | Screen[Any] = self
        elif action.scope is Scope.PANES:
            target = screen
        else:
            assert isinstance(screen, MainScreen)
            pane = screen.pane(PANE_OF_SCOPE[action.scope])
            if not pane.check_action(name, parameters):
                return None
            pane_id = PANE_OF_SCOPE[action.scope]

            async def run_in_pane() -> None:
                await screen.show_pane(pane_id).run_action(action.action)

            return SystemCommand(action.title, action.help, run_in_pane)

        async def run() -> None:
            await target.run_action(action.action)

        return SystemCommand(action.title, action.help, run)
