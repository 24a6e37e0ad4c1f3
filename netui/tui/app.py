"""The netui App: opens the database off the UI thread and holds what is app-wide.

App-wide means: the keys of :data:`~netui.tui.actions.Scope.APP`, the command palette (made
from the action table), help, the theme, and the rule that every toast is literal text.
Everything else belongs to the main screen's panes.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import App, SystemCommand
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.screen import Screen

from netui import __version__
from netui.display import one_line, printable
from netui.domain.clock import Clock
from netui.errors import NetuiError
from netui.tui import compat, loading
from netui.tui.actions import Scope, bindings
from netui.tui.db_errors import report
from netui.tui.loading import Opening
from netui.tui.messages import ServicesReady
from netui.tui.palette import palette_commands
from netui.tui.panes.contact_opening import FirstRows, Writable
from netui.tui.panes.contacts import ContactsPane
from netui.tui.screens.main import MainScreen
from netui.tui.workers import ReportsWorkerErrors, describe_error

if TYPE_CHECKING:
    import click

    from netui.services.context import Services

compat.install()


class NetuiApp(App[None], ReportsWorkerErrors):
    """A keyboard-driven way back in touch with the people who can help."""

    CSS_PATH = Path(__file__).with_name("netui.tcss")
    TITLE = "netui"
    BINDINGS = bindings(Scope.APP)

    def __init__(
        self,
        db_path: Path,
        clock: Clock,
        *,
        command_line: click.Command | None = None,
        opening: Opening | None = None,
    ) -> None:
        """``command_line``: the ``netui`` group, whose commands help lists (the CLI hands
        it over: this layer does not import the CLI). ``opening``: the same file's
        :class:`~netui.tui.loading.Opening`, if the caller started it before importing the
        app (its first rows are then read while the app's modules load)."""
        super().__init__()
        self.db_path = db_path
        self.clock = clock
        self.command_line = command_line
        self.services: Services | None = None
        self.opening = opening
        """The database being opened on a thread of its own, while the app and its screen
        are built: the caller's, or the app's own from the moment it loads."""
        self.started = time.perf_counter()
        self.ready_after: float | None = None
        self.sub_title = one_line(str(db_path))

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(self.clock)

    def on_load(self) -> None:
        if self.opening is None:  # made here, not as the app is made: an app made may not run
            self.opening = Opening(self.db_path, self.clock, loading.WRITE_WAIT_MS)
        self.opening.hold_collections()  # until the first rows are on screen

    def on_mount(self) -> None:
        self.open_database()

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def open_database(self) -> None:
        """Hand the list its first rows, then every pane the services (off the UI thread)."""
        from netui.tui.loading import make_writable, warm_up

        assert self.opening is not None  # made as the app loaded, before it mounted
        opened = self.opening.result()
        shown = threading.Event()
        # Through the main screen, which takes its messages once it is built; the message
        # bubbles up to _to_contacts.
        self.main_screen.post_message(FirstRows(opened, shown))
        while not shown.wait(0.1):  # the frame with the rows comes before the work below
            if not self.is_running:
                return
        self.opening.settle()
        make_writable(opened)  # a damaged file ends the app here, as worker_failed says
        self.main_screen.post_message(Writable(opened.services))
        warm_up(opened.services)
        # In the pane's queue, after its first rows; it bubbles up to the main screen and
        # then to on_services_ready.
        self.main_screen.contacts.post_message(ServicesReady(opened.services, opened.listing))

    @on(FirstRows)
    @on(Writable)
    def _to_contacts(self, message: FirstRows | Writable) -> None:
        """News of the opening goes to the list as soon as the main screen has built it."""
        pane = self.main_screen.query(ContactsPane).first() if self.screen_stack else None
        if pane is None or not pane.is_mounted:
            self.call_later(self._to_contacts, message)
            return
        if isinstance(message, FirstRows):
            from netui.tui.settings_check import apply_settings  # after the first frame

            opened = message.opened
            apply_settings(self, opened.theme, opened.key_remaps, opened.problems, opened.file_name)
        pane.take(message)

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
            self.push_screen(HelpScreen(self.command_line))

    def action_about(self) -> None:
        self.notify(f"netui {__version__}")

    def on_unmount(self) -> None:
        if self.opening is not None:
            self.opening.close()  # the services it opened, whether handed over yet or not

    # -- the command palette ------------------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from palette_commands(self, screen)
