"""Export contacts: a spreadsheet, an address book, a full backup, or follow-ups as a calendar."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Checkbox, Label, Select, Static

from netui.domain.clock import local_today
from netui.domain.listing import StatusFilter
from netui.tui.actions import Scope, bindings
from netui.tui.screens.base import NetuiDialog
from netui.tui.text import literal
from netui.tui.widgets.path_input import PathInput
from netui.tui.workers import ReportsWorkerErrors, describe_error

if TYPE_CHECKING:
    from netui.services.context import Services

EXPORT_FORMATS: tuple[tuple[str, str, str], ...] = (
    ("CSV for spreadsheets", "csv", ".csv"),
    ("vCard for address books", "vcard", ".vcf"),
    ("JSON backup of everything", "json", ".json"),
    ("Follow-ups as a calendar (ICS)", "ics", ".ics"),
)
SUFFIXES = {value: suffix for _label, value, suffix in EXPORT_FORMATS}


def default_path(file_format: str, today: date) -> str:
    name = "netui-backup" if file_format == "json" else "netui-contacts"
    if file_format == "ics":
        name = "netui-follow-ups"
    return f"~/{name}-{today.isoformat()}{SUFFIXES[file_format]}"


class ExportScreen(NetuiDialog[None], ReportsWorkerErrors):
    BINDINGS = bindings(Scope.EXPORT)

    class Exported(Message):
        """The file is written; ``text`` says where and what went in."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > #export-box {
        width: 80; max-width: 100%; height: auto;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    ExportScreen .row { height: auto; margin-top: 1; }
    ExportScreen .row > Label { width: 10; color: $text-muted; }
    ExportScreen .row > PathInput, ExportScreen .row > Select { width: 1fr; }
    ExportScreen #export-message { height: auto; margin-top: 1; }
    ExportScreen #export-buttons { height: auto; align-horizontal: right; margin-top: 1; }
    ExportScreen #export-buttons Button { margin-left: 2; }
    """

    def __init__(self, services: Services, status: StatusFilter) -> None:
        super().__init__()
        self.services = services
        self.status = status
        self.today = local_today(services.clock)

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            with Horizontal(classes="row"):
                yield Label("Format")
                yield Select(
                    [(label, value) for label, value, _suffix in EXPORT_FORMATS],
                    value="csv",
                    allow_blank=False,
                    compact=True,
                    id="export-format",
                )
            with Horizontal(classes="row"):
                yield Label("Contacts")
                yield Select(
                    [(status.value, status) for status in StatusFilter],
                    value=self.status,
                    allow_blank=False,
                    compact=True,
                    id="export-status",
                )
            with Horizontal(classes="row"):
                yield Label("File")
                yield PathInput(default_path("csv", self.today), id="export-path")
            yield Checkbox("Replace the file if it exists", id="export-force")
            yield Static("", id="export-message", markup=False)
            with Horizontal(id="export-buttons"):
                yield Button("Close (esc)", id="export-close")
                yield Button("Export (ctrl+s)", id="export-run", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#export-box").border_title = "Export"

    @on(Select.Changed, "#export-format")
    def _format_changed(self, event: Select.Changed) -> None:
        file_format = str(event.value)
        path = self.query_one("#export-path", PathInput)
        current = Path(path.value)
        if current.suffix in SUFFIXES.values():
            path.value = str(current.with_suffix(SUFFIXES[file_format]))
        self.query_one("#export-status").disabled = file_format == "json"

    def action_export(self) -> None:
        run = self.query_one("#export-run", Button)
        if run.disabled:
            return  # an export is already being written
        file_format = str(self.query_one("#export-format", Select).value)
        status = self.query_one("#export-status", Select).value
        path = self.query_one("#export-path", PathInput).path
        force = self.query_one("#export-force", Checkbox).value
        run.disabled = True
        self._message("Exporting…")
        self.export(path, file_format, status if isinstance(status, StatusFilter) else None, force)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def export(
        self, path: Path, file_format: str, status: StatusFilter | None, force: bool
    ) -> None:
        summary = self.services.export.export(
            path, file_format, None if file_format == "json" else status, force=force
        )
        self.post_message(self.Exported(f"Wrote {path}: {summary}"))

    @on(Exported)
    def _exported(self, message: Exported) -> None:
        self.query_one("#export-run", Button).disabled = False
        self._message(message.text)
        self.notify(message.text, timeout=5)

    def worker_failed(self, group: str, error: BaseException) -> None:
        self.query_one("#export-run", Button).disabled = False
        self._message(describe_error(error))

    def _message(self, text: str) -> None:
        self.query_one("#export-message", Static).update(literal(text))

    @on(Button.Pressed, "#export-run")
    def _run_pressed(self) -> None:
        self.action_export()

    @on(Button.Pressed, "#export-close")
    def action_close(self) -> None:
        self.close(None)
