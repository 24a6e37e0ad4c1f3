"""The contact list's columns and cell text, checked without running an app."""

from __future__ import annotations

from datetime import date

import pytest
from rich.cells import cell_len

from netui.domain.types import ContactRow, DatePrecision, TriageStatus
from netui.tui.widgets.contact_columns import (
    JOB_CHANGE_MARK,
    ColumnName,
    cell_text,
    column_layout,
    company_title,
    fit,
    header_text,
    row_cells,
    row_kind,
)

TODAY = date(2025, 6, 1)
ANN = ContactRow(
    id=1,
    full_name="Ann Lee",
    company="Acme",
    title="Engineer",
    status=TriageStatus.NEW,
    top20_rank=None,
    strength=3,
    last_contacted=date(2021, 3, 4),
    last_contacted_precision=DatePrecision.DAY,
    priority=0.0,
    haystack="ann lee acme engineer",
)


def says(column: ColumnName, row: ContactRow = ANN, *, selected: bool = False) -> str:
    return cell_text(column, row, today=TODAY, selected=selected)


# -- fitting text ----------------------------------------------------------------------------


def test_fit_pads_truncates_and_counts_cells() -> None:
    assert fit("Ann", 6) == "Ann   "
    assert fit("Annabelle", 6) == "Annab…"
    assert fit("李小龍", 4) == "李 …"  # wide characters take two cells: a half is padded
    assert cell_len(fit("李小龍", 5)) == 5
    assert fit("anything", 0) == ""
    assert fit("anything", -3) == ""


# -- the layout ------------------------------------------------------------------------------


def test_layout_shrinks_company_then_name_then_drops_columns() -> None:
    wide, medium, narrow = (dict(column_layout(w)) for w in (119, 79, 40))
    assert wide["name"] >= medium["name"]
    assert wide["company"] > medium["company"]
    assert list(medium) == ["marker", "name", "company", "last", "status", "strength"]
    assert "strength" not in narrow
    for w in range(1, 200):
        layout = column_layout(w)
        total = sum(width for _, width in layout) + len(layout) - 2  # gaps
        assert total == w or w < 3


def test_narrowing_drops_strength_then_status_then_last_then_company() -> None:
    seen: list[tuple[str, ...]] = []
    for width in range(200, 0, -1):
        names = tuple(name for name, _ in column_layout(width))
        if not seen or seen[-1] != names:
            seen.append(names)
    assert seen == [
        ("marker", "name", "company", "last", "status", "strength"),
        ("marker", "name", "company", "last", "status"),
        ("marker", "name", "company", "last"),
        ("marker", "name", "company"),
        ("marker", "name"),
    ]


@pytest.mark.parametrize("width", [30, 60, 80, 120, 300])
def test_name_and_company_keep_their_bounds(width: int) -> None:
    layout = dict(column_layout(width))
    assert 10 <= layout["name"] <= 32
    assert layout["company"] >= 12
    assert layout["marker"] == 2


def test_the_header_is_exactly_as_wide_as_the_table() -> None:
    for width in range(3, 200):
        assert cell_len(header_text(column_layout(width))) == width
    header = header_text(column_layout(80))
    assert header.startswith("  Name ")
    assert " ".join(header.split()) == "Name Company · Title Last contact Status Strength"


# -- what the cells say ----------------------------------------------------------------------


def test_marker_shows_selection() -> None:
    assert says("marker", selected=True) == "✓ "
    assert says("marker", selected=False) == "  "


def test_company_title_joins_what_there_is() -> None:
    assert company_title(ANN) == "Acme · Engineer"
    assert company_title(ANN._replace(title="  ")) == "Acme"
    assert company_title(ANN._replace(company="", title=" CTO ")) == "CTO"
    assert company_title(ANN._replace(company="", title="")) == ""
    assert company_title(ANN._replace(job_changed=True)) == JOB_CHANGE_MARK + "Acme · Engineer"
    assert says("company") == "Acme · Engineer"


def test_last_contact_status_and_strength() -> None:
    assert says("name") == "Ann Lee"
    assert says("last") == "about 4 years"
    assert says("last", ANN._replace(last_contacted=None, last_contacted_precision=None)) == (
        "never"
    )
    assert says("status") == "new"
    assert says("status", ANN._replace(status=TriageStatus.TOP20, top20_rank=3)) == "Top 20 #3"
    assert says("strength") == "●●●○○"
    assert says("strength", ANN._replace(strength=None)) == "–"


def test_row_kind_follows_the_triage_status() -> None:
    assert row_kind(TriageStatus.TOP20) == "top20"
    assert row_kind(TriageStatus.SKIP) == row_kind(TriageStatus.ARCHIVED) == "dim"
    assert row_kind(TriageStatus.NEW) == row_kind(TriageStatus.LATER) == "plain"


# -- cells of a row --------------------------------------------------------------------------


@pytest.mark.parametrize("width", [20, 40, 80, 120])
def test_row_cells_fill_their_columns_exactly(width: int) -> None:
    layout = column_layout(width)
    cells = row_cells(ANN, layout, today=TODAY, selected=True)
    assert [column for column, _ in cells] == [column for column, _ in layout]
    for (_, text), (_, column_width) in zip(cells, layout, strict=True):
        assert cell_len(text) == column_width
    assert cells[0][1] == "✓ "


def test_row_cells_are_one_safe_line_and_literal() -> None:
    hostile = ANN._replace(
        full_name="[bold]Eve\x1b[2J\nNext",
        company="[link=https://evil]co[/link]\t\x9b31m",
    )
    cells = dict(row_cells(hostile, column_layout(200), today=TODAY, selected=False))
    assert cells["name"].rstrip() == "[bold]Eve�[2J Next"
    assert cells["company"].rstrip() == "[link=https://evil]co[/link] �31m · Engineer"
    for text in cells.values():
        assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in text)


def test_a_long_name_is_cut_with_an_ellipsis() -> None:
    long_name = "Maximilian Alexander Fitzgerald-Worthington III"
    layout = column_layout(80)
    cells = dict(row_cells(ANN._replace(full_name=long_name), layout, today=TODAY, selected=False))
    width = dict(layout)["name"]
    assert cells["name"] == long_name[: width - 1] + "…"
