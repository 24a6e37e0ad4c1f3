"""Export contacts: a spreadsheet, an address book, a full backup, or follow-ups as a calendar."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Label, Select, Static

from netui.domain.listing import StatusFilter
from netui.errors import NetuiError
from netui.tui.widgets.path_input import PathInput

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


class ExportScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "export", "Export", id="export_run", priority=True),
        Binding("escape", "close", "Close", id="export_close"),
    ]

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
        self.today = services.clock().astimezone().date()

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
        file_format = str(self.query_one("#export-format", Select).value)
        status = self.query_one("#export-status", Select).value
        path = self.query_one("#export-path", PathInput).path
        force = self.query_one("#export-force", Checkbox).value
        self.query_one("#export-run", Button).disabled = True
        self._message("Exporting…")
        self.export(path, file_format, status if isinstance(status, StatusFilter) else None, force)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def export(
        self, path: Path, file_format: str, status: StatusFilter | None, force: bool
    ) -> None:
        try:
            summary: Any = self.services.export.export(
                path, file_format, None if file_format == "json" else status, force=force
            )
        except NetuiError as error:
            self.app.call_from_thread(self._done, str(error), False)
            return
        except OSError as error:
            self.app.call_from_thread(self._done, f"{path}: {error.strerror or error}", False)
            return
        self.app.call_from_thread(self._done, f"Wrote {path}: {summary}", True)

    def _message(self, text: str) -> None:
        self.query_one("#export-message", Static).update(Content(text))

    def _done(self, message: str, ok: bool) -> None:
        self.query_one("#export-run", Button).disabled = False
        self._message(message)
        if ok:
            self.notify(message, markup=False, timeout=5)

    @on(Button.Pressed, "#export-run")
    def _run_pressed(self) -> None:
        self.action_export()

    @on(Button.Pressed, "#export-close")
    def action_close(self) -> None:
        self.dismiss(None)
