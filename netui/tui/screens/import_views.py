"""What the import screen shows, built from what the import service returns.

Plain functions that fill a `DataTable` or return `Content`, kept apart from
:mod:`netui.tui.screens.import_wizard` so the screen reads as its flow (choose, preview,
run, undo, close) and the wording can be checked without running it. Every value from
the file or a path is shown literally: table cells are `Text` (never markup) on one line,
and texts go through `literal` or `literal_line`, since a `Content` made straight from a
file name keeps its control characters.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.content import Content
from textual.widgets import DataTable

from netui.display import one_line
from netui.errors import NetuiError
from netui.io import RowProblem
from netui.tui.text import literal, literal_line

if TYPE_CHECKING:
    from netui.domain.types import ImportBatchInfo
    from netui.services.backup import RestoreSummary
    from netui.services.importer import ImportPreview, ImportSummary

SAMPLE_COLUMNS = ("Row", "Name", "Company", "Title", "Email", "Connected")
BACKUP_NOTE = (
    "A netui backup: it restores every contact, call, script and setting, "
    "and only into an empty database."
)
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}


def cell(value: object) -> Text:
    """A DataTable cell that shows ``value`` literally (plain str cells would be markup)."""
    return Text(one_line("" if value is None else str(value)), no_wrap=True)


def plural(count: int, noun: str) -> str:
    if count == 1:
        return f"1 {noun}"
    return f"{count} people" if noun == "person" else f"{count} {noun}s"


def parse_mapping(text: str) -> dict[str, str]:
    """Read ``COLUMN=FIELD, COLUMN=FIELD`` as typed; the service checks the names."""
    mapping: dict[str, str] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        column, sep, field = part.partition("=")
        if not sep or not column.strip() or not field.strip():
            raise NetuiError(f'mapping "{part.strip()}" should look like COLUMN=FIELD')
        mapping[column.strip()] = field.strip()
    return mapping


# -- the preview ---------------------------------------------------------------------------


def source_line(path: Path, preview: ImportPreview) -> Content:
    """One line on what netui found: the file, its format, encoding, delimiter and columns."""
    source = preview.info
    delimiter = _DELIMITER_NAMES.get(source.delimiter or "", source.delimiter or "none")
    return literal_line(
        f"{path.name}: {source.format} · {source.encoding} · delimiter {delimiter}"
        f" · {len(source.columns)} columns"
    )


def fill_columns(table: DataTable[Text], preview: ImportPreview) -> None:
    """Each column of the file and the field it goes to, so a wrong guess shows at once."""
    source = preview.info
    table.clear(columns=True)
    table.add_columns("Column in the file", "Goes to")
    for column in source.columns:
        table.add_row(cell(column), cell(source.mapping.get(column, "(ignored)")))


def fill_sample(table: DataTable[Text], preview: ImportPreview) -> None:
    """The first records as netui read them, and the rows it could not use, and why."""
    table.clear(columns=True)
    table.add_columns(*SAMPLE_COLUMNS)
    for item in preview.sample:
        if isinstance(item, RowProblem):
            table.add_row(cell(item.row_number), cell(f"problem: {item.reason}"))
        else:
            table.add_row(
                cell(item.row_number),
                cell(item.full_name),
                cell(item.company),
                cell(item.title),
                cell(", ".join(item.emails)),
                cell(item.connected_on or ""),
            )


# -- after a run ---------------------------------------------------------------------------


def summary_text(summary: ImportSummary, *, dry_run: bool) -> Content:
    """What the import did (or would do), a line a point, leading into the problems table."""
    skipped = summary.skipped_blank
    lines = [
        ("Dry run: nothing was written. " if dry_run else "Imported. ")
        + f"{summary.added} added, {summary.updated} updated, {summary.unchanged} unchanged"
        + (f", {plural(skipped, 'blank row')} skipped" if skipped else ""),
    ]
    if summary.job_changes:
        lines.append(f"{plural(summary.job_changes, 'person')} changed jobs: marked ↗ in the list.")
    if summary.duplicates:
        lines.append(
            f"{len(summary.duplicates)} possible duplicates by name: review them with "
            "“Find duplicates” in the command palette."
        )
    if summary.problems:
        lines.append(f"{plural(len(summary.problems), 'row')} not imported, and why:")
    return literal("\n".join(lines))


def restored_text(summary: RestoreSummary) -> Content:
    return literal_line(f"Restored the backup: {summary}")


def fill_problems(table: DataTable[Text], summary: ImportSummary) -> None:
    """The rows not imported and why (the table is left empty when every row went in)."""
    table.clear(columns=True)
    if summary.problems:
        table.add_columns("Row", "Problem")
        for problem in summary.problems:
            table.add_row(cell(problem.row_number), cell(problem.reason))


def fill_history(table: DataTable[Text], batches: Iterable[ImportBatchInfo]) -> None:
    """Past imports not yet undone, newest first, keyed by batch id so one can be undone."""
    table.clear(columns=True)
    table.add_columns("#", "When", "File", "Added", "Updated")
    for batch in sorted(
        (b for b in batches if b.undone_at is None), key=lambda b: b.id, reverse=True
    ):
        table.add_row(
            cell(batch.id),
            cell(batch.created_at.astimezone().strftime("%Y-%m-%d %H:%M")),
            cell(Path(batch.source_path).name),
            cell(batch.added),
            cell(batch.updated),
            key=str(batch.id),
        )
