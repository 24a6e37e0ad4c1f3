"""Import contacts from a file: pick it, check what netui understood, run it, read the summary.

Everything slow (reading the file, the import itself) runs in a thread worker; the screen
shows a progress bar and never blocks. Every value from the file is shown literally. This
module is the screen's flow; the tables and texts it shows are built in
:mod:`netui.tui.screens.import_views`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import (
    Button,
    DataTable,
    Footer,
    Input,
    Label,
    ProgressBar,
    Select,
    Static,
)
from textual.worker import get_current_worker

from netui.errors import DatabaseBusyError, NetuiError
from netui.tui.actions import Scope, bindings
from netui.tui.db_errors import busy_message
from netui.tui.screens.base import NetuiDialog
from netui.tui.screens.import_views import (
    BACKUP_NOTE,
    fill_columns,
    fill_history,
    fill_problems,
    fill_sample,
    parse_mapping,
    restored_text,
    source_line,
    summary_text,
)
from netui.tui.text import literal
from netui.tui.widgets.path_input import PathInput
from netui.tui.workers import ReportsWorkerErrors, describe_error

if TYPE_CHECKING:
    from netui.services.context import Services

FORMATS: tuple[tuple[str, str], ...] = (
    ("Detect automatically", "auto"),
    ("LinkedIn Connections.csv", "linkedin"),
    ("Google Contacts CSV", "google"),
    ("Outlook CSV", "outlook"),
    ("Other CSV (map columns)", "csv"),
    ("vCard (.vcf)", "vcard"),
    ("netui backup (.json)", "json"),
)
FILE_SUFFIXES = (".csv", ".vcf", ".vcard", ".json", ".txt", ".tsv")


class ImportScreen(NetuiDialog[int], ReportsWorkerErrors):
    """Returns the id of the import batch that ran (None when nothing was imported)."""

    BINDINGS = bindings(Scope.IMPORT)

    class Previewed(Message):
        """What netui understood of the file, before anything is written."""

        def __init__(
            self, path: Path, file_format: str, mapping: dict[str, str], preview: Any
        ) -> None:
            super().__init__()
            self.path = path
            self.file_format = file_format
            self.mapping = mapping
            self.preview = preview

    class Finished(Message):
        """An import, a dry run or a restore ran to the end."""

        def __init__(self, summary: Any, dry_run: bool, restored: bool) -> None:
            super().__init__()
            self.summary = summary
            self.dry_run = dry_run
            self.restored = restored

    DEFAULT_CSS = """
    ImportScreen { align: center middle; }
    ImportScreen > #import-box {
        width: 110; max-width: 100%; height: 1fr; max-height: 44;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    ImportScreen .row { height: auto; margin-top: 1; }
    ImportScreen .row > Label { width: 10; color: $text-muted; }
    ImportScreen .row > Input, ImportScreen .row > Select { width: 1fr; }
    ImportScreen #import-error { color: $error; height: auto; }
    ImportScreen #import-info { height: auto; color: $text-muted; margin-top: 1; }
    ImportScreen DataTable { height: auto; max-height: 12; margin-top: 1; }
    ImportScreen #import-progress { margin-top: 1; }
    ImportScreen #import-summary { height: auto; margin-top: 1; }
    ImportScreen #import-history-title { margin-top: 1; color: $text-muted; }
    ImportScreen #import-buttons { height: auto; align-horizontal: right; margin-top: 1; }
    ImportScreen #import-buttons Button { margin-left: 2; width: auto; min-width: 0; }
    """

    def __init__(self, services: Services, initial_path: str = "") -> None:
        super().__init__()
        self.services = services
        self.initial_path = initial_path
        self.batch_id: int | None = None
        self.previewed: tuple[Path, str, dict[str, str]] | None = None
        self.undone_any = False  # an earlier import was undone: the list must reload
        self.running = False  # an import or a dry run is under way

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="import-box"):
            yield Static(
                "Bring in a LinkedIn, Google, Outlook or other CSV export, a vCard file, or a "
                "netui backup. Nothing is written until you press Import; one import can be "
                "undone as a whole.",
                markup=False,
            )
            with Horizontal(classes="row"):
                yield Label("File")
                yield PathInput(
                    self.initial_path,
                    suffixes=FILE_SUFFIXES,
                    placeholder="~/Downloads/Connections.csv  (→ completes, Enter previews)",
                    id="import-path",
                )
            with Horizontal(classes="row"):
                yield Label("Format")
                yield Select(
                    [(label, value) for label, value in FORMATS],
                    value="auto",
                    allow_blank=False,
                    compact=True,
                    id="import-format",
                )
            with Horizontal(classes="row"):
                yield Label("Mapping")
                yield Input(
                    placeholder="Only if needed: Column name=field, … (e.g. Employer=company)",
                    id="import-map",
                    compact=True,
                )
            yield Static("", id="import-error", markup=False)
            yield Static("", id="import-info", markup=False)
            yield DataTable(id="import-columns", cursor_type="none", zebra_stripes=True)
            yield DataTable(id="import-sample", cursor_type="none", zebra_stripes=True)
            yield ProgressBar(id="import-progress", show_eta=False)
            yield Static("", id="import-summary", markup=False)
            yield DataTable(id="import-problems", cursor_type="row", zebra_stripes=True)
            yield Static("Earlier imports", id="import-history-title", markup=False)
            yield DataTable(id="import-history", cursor_type="row", zebra_stripes=True)
            with Horizontal(id="import-buttons"):
                yield Button("Undo this import", id="import-undo", variant="warning", compact=True)
                yield Button("Undo selected earlier import", id="import-undo-past", compact=True)
                yield Button("Close", id="import-close", compact=True)
                yield Button("Dry run", id="import-dry", compact=True)
                yield Button("Import", id="import-run", variant="primary", compact=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#import-box").border_title = "Import contacts"
        for widget_id in (
            "#import-info",
            "#import-summary",
            "#import-error",
            "#import-columns",
            "#import-sample",
            "#import-progress",
            "#import-problems",
            "#import-undo",
        ):
            self.query_one(widget_id).display = False
        self.query_one("#import-path", PathInput).focus()
        self._show_history()
        if self.initial_path:
            self.request_preview()

    def _show_history(self) -> None:
        """Past imports, newest first, so any of them can be undone from here too."""
        history = self.query_one("#import-history", DataTable)
        try:
            fill_history(history, self.services.imports.batches())
        except NetuiError:
            return  # the history stays as it was shown
        for widget_id in ("#import-history-title", "#import-history", "#import-undo-past"):
            self.query_one(widget_id).display = bool(history.row_count)

    # -- choosing and previewing ----------------------------------------------------------

    def _choices(self) -> tuple[Path, str, dict[str, str]]:
        path = self.query_one("#import-path", PathInput).path
        if not str(path).strip() or str(path) == ".":
            raise NetuiError("choose a file to import")
        chosen = self.query_one("#import-format", Select).value
        file_format = chosen if isinstance(chosen, str) else "auto"
        if file_format == "auto" and path.suffix.lower() == ".json":
            file_format = "json"
        mapping = parse_mapping(self.query_one("#import-map", Input).value)
        return path, file_format, mapping

    def _show_error(self, message: str) -> None:
        error = self.query_one("#import-error", Static)
        error.update(literal(message))
        error.display = bool(message)

    @on(Input.Submitted, "#import-path, #import-map")
    @on(Select.Changed, "#import-format")
    def request_preview(self) -> None:
        if not self.query_one("#import-path", PathInput).value.strip():
            self._show_error("")  # nothing chosen yet (the format list also fires on mount)
            return
        try:
            choices = self._choices()
        except NetuiError as error:
            self._show_error(str(error))
            return
        self._show_error("")
        self.preview(*choices)

    @work(thread=True, exclusive=True, group="import-preview", exit_on_error=False)
    def preview(self, path: Path, file_format: str, mapping: dict[str, str]) -> None:
        if file_format == "json":
            result: Any = ("json", path)
        else:
            result = self.services.imports.preview(path, file_format, mapping or None)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Previewed(path, file_format, mapping, result))

    @on(Previewed)
    def _previewed(self, message: Previewed) -> None:
        self._show_preview(message.path, message.file_format, message.mapping, message.preview)

    def worker_failed(self, group: str, error: BaseException) -> None:
        """A preview or an import went wrong: say why and give the controls back."""
        if group == "import-preview":
            self._preview_failed(describe_error(error))
            return
        self._enable_buttons()
        self.query_one("#import-progress").display = False
        if isinstance(error, DatabaseBusyError):
            self._show_error(busy_message("ctrl+s"))
        elif isinstance(error, NetuiError):
            self._show_error(str(error))
        else:
            self._show_error(f"The import failed and changed nothing ({describe_error(error)}).")

    def _preview_failed(self, message: str) -> None:
        self.previewed = None
        self._show_error(message)
        for widget_id in ("#import-columns", "#import-sample"):
            self.query_one(widget_id).display = False
        self.query_one("#import-info", Static).update("")

    def _show_preview(
        self, path: Path, file_format: str, mapping: dict[str, str], preview: Any
    ) -> None:
        self.previewed = (path, file_format, mapping)
        info = self.query_one("#import-info", Static)
        info.display = True
        columns = self.query_one("#import-columns", DataTable)
        sample = self.query_one("#import-sample", DataTable)
        if file_format == "json":
            info.update(BACKUP_NOTE)
            columns.display = sample.display = False
            return
        info.update(source_line(path, preview))
        fill_columns(columns, preview)
        columns.display = bool(preview.info.columns)
        fill_sample(sample, preview)
        sample.display = True

    # -- running --------------------------------------------------------------------------

    def action_run_import(self) -> None:
        self._start(dry_run=False)

    def action_dry_run(self) -> None:
        self._start(dry_run=True)

    @on(Button.Pressed, "#import-run")
    def _run_pressed(self) -> None:
        self._start(dry_run=False)

    @on(Button.Pressed, "#import-dry")
    def _dry_pressed(self) -> None:
        self._start(dry_run=True)

    def _start(self, *, dry_run: bool) -> None:
        if self.running or (not dry_run and self.query_one("#import-run", Button).disabled):
            return  # one import at a time, and a finished import is not run again
        try:
            path, file_format, mapping = self._choices()
        except NetuiError as error:
            self._show_error(str(error))
            return
        self._show_error("")
        progress = self.query_one("#import-progress", ProgressBar)
        progress.update(total=None, progress=0)
        progress.display = True
        for button in self.query("#import-buttons Button"):
            button.disabled = True
        self.running = True
        self.run_import(path, file_format, mapping, dry_run)

    @work(thread=True, exclusive=True, group="import-run", exit_on_error=False)
    def run_import(
        self, path: Path, file_format: str, mapping: dict[str, str], dry_run: bool
    ) -> None:
        bar = self.query_one("#import-progress", ProgressBar)

        def progress(done: int, total: int | None) -> None:
            self.app.call_from_thread(bar.update, total=total, progress=done)

        if file_format == "json":
            if dry_run:
                raise NetuiError("a backup cannot be dry-run; restore it into a new database")
            result: Any = self.services.backup.restore(path)
        else:
            result = self.services.imports.run(
                path, file_format, mapping or None, dry_run=dry_run, progress=progress
            )
        self.post_message(self.Finished(result, dry_run, file_format == "json"))

    def _enable_buttons(self) -> None:
        self.running = False
        for button in self.query("#import-buttons Button"):
            button.disabled = False

    @on(Finished)
    def _finished(self, message: Finished) -> None:
        summary, dry_run, restored = message.summary, message.dry_run, message.restored
        self._enable_buttons()
        self.query_one("#import-progress").display = False
        text = self.query_one("#import-summary", Static)
        text.display = True
        if restored:
            text.update(restored_text(summary))
            self.batch_id = None
            self.close(-1)
            return
        text.update(summary_text(summary, dry_run=dry_run))
        for widget_id in ("#import-columns", "#import-sample"):
            self.query_one(widget_id).display = False  # make room: the summary matters now
        self.call_after_refresh(text.scroll_visible)
        problems = self.query_one("#import-problems", DataTable)
        fill_problems(problems, summary)
        problems.display = bool(summary.problems)
        if not dry_run:
            self.batch_id = summary.batch_id
            self.query_one("#import-undo").display = summary.added + summary.updated > 0
            self.query_one("#import-run", Button).disabled = True
            self._show_history()

    # -- undo and close -------------------------------------------------------------------

    @on(Button.Pressed, "#import-undo")
    def _undo_pressed(self) -> None:
        if self.batch_id is None:
            return
        try:
            result = self.services.imports.undo(self.batch_id)
        except NetuiError as error:
            self._show_error(str(error))
            return
        self.notify(f"Undid import {self.batch_id}: {result}")
        self.query_one("#import-undo").display = False
        self.query_one("#import-summary", Static).update("The import was undone.")
        self.query_one("#import-run", Button).disabled = False
        self.close(self.batch_id)

    @on(Button.Pressed, "#import-undo-past")
    def _undo_past_pressed(self) -> None:
        history = self.query_one("#import-history", DataTable)
        if not history.row_count:
            return
        row_key, _column = history.coordinate_to_cell_key(history.cursor_coordinate)
        assert row_key.value is not None
        batch_id = int(row_key.value)
        try:
            result = self.services.imports.undo(batch_id)
        except NetuiError as error:
            self._show_error(str(error))
            return
        self.notify(f"Undid import {batch_id}: {result}")
        self.undone_any = True
        self._show_history()

    @on(Button.Pressed, "#import-close")
    def action_close(self) -> None:
        self.close(self.batch_id if self.batch_id is not None or not self.undone_any else 0)
