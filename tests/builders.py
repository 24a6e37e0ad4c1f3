"""Builders shared by every test folder: the fixed moment and a small cast of invented people."""

from __future__ import annotations

from datetime import UTC, date, datetime

from netui.domain.types import ContactDraft, DatePrecision, LooseDate

NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)
"""Where every test's clock starts (a Thursday afternoon)."""

# (name, company, title, strength, last contacted at month precision)
PEOPLE: tuple[tuple[str, str, str, int | None, date | None], ...] = (
    ("Ada Okafor", "Larkspur Analytics", "Data Lead", 5, date(2019, 3, 1)),
    ("Bruno Salas", "Quillfeather", "Product Manager", 3, date(2021, 6, 15)),
    ("Chen Wu", "Harbor & Finch", "Recruiter", 4, None),
    ("Dalia Mertens", "Northwind Cycles", "CTO", 2, date(2018, 1, 1)),
    ("Emeka Brandt", "Tallgrass Health", "Engineer", None, date(2024, 9, 9)),
    ("Farah Lindqvist", "Copperline", "Designer", 1, date(2016, 5, 5)),
)


def people_drafts() -> list[ContactDraft]:
    """:data:`PEOPLE` as drafts ready to add."""
    return [
        ContactDraft(
            full_name=name,
            company=company,
            title=title,
            strength=strength,
            last_contacted=LooseDate(last, DatePrecision.MONTH) if last else None,
        )
        for name, company, title, strength, last in PEOPLE
    ]
