"""What the import screen shows: its wording, its tables, and file text kept literal."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from builders import DANA, MARCUS, AppFactory, WaitReady, write_linkedin
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Static

from netui.domain.types import ImportBatchInfo
from netui.errors import NetuiError
from netui.io import ImportedContact, RowProblem, SourceInfo
from netui.services.importer import ImportPreview, ImportSummary
from netui.tui.screens.import_views import (
    fill_columns,
    fill_history,
    fill_problems,
    fill_sample,
    parse_mapping,
    plural,
    source_line,
    summary_text,
)
from netui.tui.screens.import_wizard import ImportScreen

HOSTILE_NAME = "evil\x1b]0;pwned\x07[b]x.csv"


def is_safe(text: str) -> bool:
    return not any((ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) < 0xA0 for c in text)


def preview_of(*sample: ImportedContact | RowProblem, delimiter: str | None = ",") -> ImportPreview:
    info = SourceInfo(
        path=Path("x.csv"),
        format="linkedin",
        encoding="utf-8",
        delimiter=delimiter,
        columns=("First Name", "Nickname"),
        mapping={"First Name": "first_name"},
    )
    return ImportPreview(info, sample)


def summary_of(**counts: int) -> ImportSummary:
    problems = tuple(
        RowProblem(n, f"row {n} has no name") for n in range(1, counts.pop("problems", 0) + 1)
    )
    return ImportSummary(
        batch_id=1,
        path=Path("c.csv"),
        format="linkedin",
        dry_run=False,
        rows=10,
        added=counts.get("added", 0),
        updated=counts.get("updated", 0),
        unchanged=counts.get("unchanged", 0),
        in_file_duplicates=0,
        skipped_blank=counts.get("skipped", 0),
        changed_jobs=(),
        duplicates=(),
        problems=problems,
        warnings=(),
        warning_count=0,
    )


def texts(table: DataTable[Text]) -> list[list[str]]:
    """Each row's cells as text (a row given fewer cells than columns shows only those)."""
    rows = (table.get_row_at(y) for y in range(table.row_count))
    return [[str(value) for value in row if value is not None] for row in rows]


# -- plain words -----------------------------------------------------------------------------


def test_parse_mapping_reads_pairs_and_rejects_half_pairs() -> None:
    assert parse_mapping("") == {}
    assert parse_mapping(" Employer = company ,, Role=title, ") == {
        "Employer": "company",
        "Role": "title",
    }
    for bad in ("Employer", "=company", "Employer=", "a=b, c"):
        with pytest.raises(NetuiError, match="COLUMN=FIELD"):
            parse_mapping(bad)


def test_plural() -> None:
    assert plural(1, "row") == "1 row"
    assert plural(0, "row") == "0 rows"
    assert plural(1, "person") == "1 person"
    assert plural(3, "person") == "3 people"


def test_source_line_names_the_file_literally_on_one_line() -> None:
    line = source_line(Path("/tmp") / HOSTILE_NAME, preview_of()).plain
    assert is_safe(line)
    assert "\n" not in line
    assert line.startswith("evil�]0;pwned�[b]x.csv: linkedin · utf-8")
    assert line.endswith("delimiter comma · 2 columns")


@pytest.mark.parametrize(("delimiter", "said"), [("\t", "tab"), ("|", "|"), (None, "none")])
def test_source_line_names_the_delimiter(delimiter: str | None, said: str) -> None:
    line = source_line(Path("x.csv"), preview_of(delimiter=delimiter)).plain
    assert f"delimiter {said} ·" in line


def test_summary_text_says_what_happened() -> None:
    text = summary_text(summary_of(added=3, updated=1, skipped=1, problems=2), dry_run=False)
    assert text.plain.splitlines() == [
        "Imported. 3 added, 1 updated, 0 unchanged, 1 blank row skipped",
        "2 rows not imported, and why:",
    ]
    dry = summary_text(summary_of(added=1), dry_run=True).plain
    assert dry == "Dry run: nothing was written. 1 added, 0 updated, 0 unchanged"


# -- the tables ------------------------------------------------------------------------------


class TablesApp(App[None]):
    def compose(self) -> ComposeResult:
        yield DataTable(id="table")


async def test_tables_are_filled_literally() -> None:
    app = TablesApp()
    async with app.run_test():
        table: DataTable[Text] = app.query_one(DataTable)
        fill_columns(table, preview_of())
        assert texts(table) == [["First Name", "first_name"], ["Nickname", "(ignored)"]]

        contact = ImportedContact(
            4,
            "[b]Ann\x1b[2J\nLee",
            company="Acme",
            emails=("a@x.example", "b@x.example"),
            connected_on=date(2024, 5, 6),
        )
        fill_sample(table, preview_of(contact, RowProblem(5, "no name")))
        assert texts(table) == [
            ["4", "[b]Ann�[2J Lee", "Acme", "", "a@x.example, b@x.example", "2024-05-06"],
            ["5", "problem: no name"],
        ]

        fill_problems(table, summary_of(problems=1))
        assert texts(table) == [["1", "row 1 has no name"]]
        fill_problems(table, summary_of(added=1))
        assert table.row_count == 0
        assert not table.columns


async def test_history_lists_imports_not_undone_newest_first() -> None:
    def batch(id: int, path: str, undone: bool = False) -> ImportBatchInfo:
        when = datetime(2025, 6, id, 12, tzinfo=UTC)
        return ImportBatchInfo(id, path, "csv", when, id, 0, 0, 0, 0, 0, when if undone else None)

    app = TablesApp()
    async with app.run_test():
        table: DataTable[Text] = app.query_one(DataTable)
        fill_history(
            table, [batch(1, "/a/one.csv"), batch(2, "/b/two.csv", True), batch(3, HOSTILE_NAME)]
        )
        rows = texts(table)
        assert [row[0] for row in rows] == ["3", "1"]
        assert rows[0][2] == "evil�]0;pwned�[b]x.csv"
        assert rows[1][2] == "one.csv"
        assert [key.value for key in table.rows] == ["3", "1"]


# -- on the screen ---------------------------------------------------------------------------


async def test_the_preview_names_a_hostile_file_literally(
    make_app: AppFactory, wait_ready: WaitReady, tmp_path: Path
) -> None:
    path = write_linkedin(tmp_path / HOSTILE_NAME, DANA, MARCUS)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        assert app.services is not None
        screen = ImportScreen(app.services, initial_path=str(path))  # previews on mount
        await app.push_screen(screen)
        shown = screen.query_one("#import-info", Static)
        for _ in range(100):
            await pilot.pause(0.02)
            if shown.display:
                break
        info = str(shown.render())
        assert info.startswith("evil�]0;pwned�[b]x.csv: linkedin")
        assert is_safe(info)
