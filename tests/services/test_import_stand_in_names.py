"""Address-book rows without a person's name go in under a display name or their company."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import write_csv

from netui.services.context import Services

OUTLOOK = (
    ("First Name", "Last Name", "Company", "Job Title", "E-mail Address", "E-mail Display Name"),
    [
        ("", "", "", "", "ann@example.com", "Ann Lee (ann@example.com)"),
        ("", "", "Corvid Logistics", "", "info@corvid.example", "info@corvid.example"),
        ("", "", "", "Buyer", "cy@example.com", "cy@example.com"),
    ],
)
GOOGLE = (
    ("First Name", "Last Name", "File As", "Organization Name", "Labels", "E-mail 1 - Value"),
    [
        ("", "", "Ann Lee", "", "* myContacts", "ann@example.com"),
        ("", "", "", "Corvid Logistics", "* myContacts", "info@corvid.example"),
        ("", "", "cy@example.com", "", "* myContacts", "cy@example.com"),
    ],
)


@pytest.mark.parametrize(("header", "rows"), [OUTLOOK, GOOGLE], ids=["outlook", "google"])
def test_display_names_and_company_cards_are_imported(
    services: Services, tmp_path: Path, header: tuple[str, ...], rows: list[tuple[str, ...]]
) -> None:
    path = write_csv(tmp_path / "contacts.csv", header, rows)

    summary = services.imports.run(path)

    assert summary.format in ("outlook", "google")
    assert summary.added == 2
    [problem] = summary.problems
    assert problem.row_number == 4
    assert problem.reason.startswith("no name or company (")
    assert "the row has only" in problem.reason
    stored = {row.full_name: row for row in services.contacts.list_rows()}
    assert sorted(stored) == ["Ann Lee", "Corvid Logistics"]
    corvid = services.contacts.get(stored["Corvid Logistics"].id)
    assert (corvid.first_name, corvid.last_name, corvid.company) == ("", "", "Corvid Logistics")
    again = services.imports.run(path)
    assert (again.added, again.unchanged) == (0, 2)
