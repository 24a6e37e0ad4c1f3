"""The netui App: wires the main screen to the services and holds app-wide keys."""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from netui import __version__
from netui.domain.clock import Clock
from netui.domain.listing import SortKey, StatusFilter
from netui.tui.loading import load_listing
from netui.tui.messages import ServicesFailed, ServicesReady
from netui.tui.screens.main import FILTER_LABELS, MainScreen

if TYPE_CHECKING:
    from netui.services.context import Services


class NetuiApp(App[None]):
    """A keyboard-driven way back in touch with the people who can help."""

    CSS_PATH = Path(__file__).with_name("netui.tcss")
    TITLE = "netui"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit", show=False),
        Binding("ctrl+q", "quit", "Quit", id="quit_ctrl", show=False, priority=True),
        Binding("f1,question_mark", "help", "Help", id="help"),
    ]

    def __init__(self, db_path: Path, clock: Clock) -> None:
        super().__init__()
        self.db_path = db_path
        self.clock = clock
        self.services: Services | None = None
        self.started = time.perf_counter()
        self.ready_after: float | None = None
        self.sub_title = str(db_path)

    def get_default_screen(self) -> Screen[None]:
        return MainScreen()

    def on_mount(self) -> None:
        self.open_database()

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def open_database(self) -> None:
        """Open (or migrate) the database and load the list, off the UI thread."""
        from netui.errors import NetuiError

        try:
            from netui.services.context import open_services

            services = open_services(self.db_path, self.clock)
            theme = services.settings.theme()
            if theme:
                self.call_from_thread(self._apply_saved_theme, theme)
            listing = load_listing(services)
        except NetuiError as error:
            self.post_message(ServicesFailed(str(error)))
            return
        except Exception as error:
            self.post_message(ServicesFailed(f"could not open {self.db_path}: {error}"))
            return
        # The main screen takes it from here: its own queue runs after it has composed.
        self.main_screen.post_message(ServicesReady(services, listing))

    def _apply_saved_theme(self, theme: str) -> None:
        if theme in self.available_themes:
            self.theme = theme

    def services_ready(self, services: Services, count: int) -> None:
        """Called by the main screen once it shows the first list."""
        self.services = services
        self.ready_after = time.perf_counter() - self.started
        ms = self.ready_after * 1000
        self.log.info(f"netui ready in {ms:.0f} ms ({count} contacts)")

    def on_services_failed(self, message: ServicesFailed) -> None:
        # After the next refresh, so widgets still mounting (the Header) finish first.
        self.call_after_refresh(self.exit, return_code=1, message=f"netui: error: {message.reason}")

    @property
    def main_screen(self) -> MainScreen:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        raise LookupError("the main screen is not on the stack")

    def watch_theme(self, theme: str) -> None:
        if self.services is not None:
            self.services.settings.set_theme(theme)

    def action_help(self) -> None:
        from netui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def on_unmount(self) -> None:
        if self.services is not None:
            self.services.close()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        main = self.main_screen if self.services is not None else None
        if main is None or screen is not main:
            return
        commands: list[tuple[str, str, str]] = [
            ("Search contacts", "Filter the list as you type", "search"),
            ("New contact", "Add someone by hand", "new_contact"),
            ("Edit contact", "Edit the highlighted contact", "edit_contact"),
            ("Log a call or message", "Record what happened and the follow-up", "log_interaction"),
            ("Add to Top 20", "Put the highlighted contact on the Top 20", "top20"),
            ("Later", "Save the highlighted contact for later", "later"),
            ("Skip", "Skip the highlighted contact", "skip"),
            ("Archive", "Archive the highlighted contact", "archive"),
            ("Back to new", "Undecide the highlighted contact", "renew"),
            ("Undo", "Undo the last triage decision", "undo"),
            ("Move up in Top 20", "Raise the highlighted contact's rank", "move_up"),
            ("Move down in Top 20", "Lower the highlighted contact's rank", "move_down"),
            ("Triage mode", "One new contact at a time, highest priority first", "triage_mode"),
            (
                "Import contacts",
                "LinkedIn, Google, Outlook, CSV, vCard or a backup",
                "import_contacts",
            ),
            (
                "Export contacts",
                "CSV, vCard, a JSON backup or follow-ups as a calendar",
                "export_contacts",
            ),
            (
                "Find duplicates",
                "Review people who may be in the list twice, and merge",
                "find_duplicates",
            ),
            ("Next pane", "Contacts, Today, Script", "next_pane"),
        ]
        for title, help_text, action in commands:
            yield SystemCommand(title, help_text, getattr(main, f"action_{action}"))
        for strength in range(1, 6):
            yield SystemCommand(
                f"Strength {strength}",
                "Set the tie strength of the highlighted contact",
                lambda s=strength: main.action_strength(s),
            )
        for key in SortKey:
            yield SystemCommand(
                f"Sort by {key.value}", "Order the contact list", lambda k=key: main.set_sort(k)
            )
        for status in StatusFilter:
            yield SystemCommand(
                f"Show {FILTER_LABELS[status]}",
                "Filter the contact list",
                lambda s=status: main.set_filter(s),
            )
        yield SystemCommand("Help", "Every key on one page", self.action_help)
        yield SystemCommand(
            "About netui", f"netui {__version__}", lambda: self.notify(f"netui {__version__}")
        )
