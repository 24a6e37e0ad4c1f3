"""The list's rows share what they have in common, so 100,000 of them stay small."""

from __future__ import annotations

from datetime import date

from netui.domain.types import ContactDraft, DatePrecision, LooseDate
from netui.services.context import Services


def test_equal_companies_titles_and_days_are_one_object(services: Services) -> None:
    met = LooseDate(date(2021, 5, 1), DatePrecision.MONTH)
    for name in ("Ann Lee", "Bea Ruiz", "Ann Lee"):
        services.contacts.add(
            ContactDraft(full_name=name, company="Acme", title="Engineer", last_contacted=met)
        )
    first, second, third = sorted(services.contacts.list_rows(), key=lambda row: row.id)
    assert first.company is second.company is third.company
    assert first.title is second.title
    assert first.last_contacted is second.last_contacted
    assert first.full_name is third.full_name
    assert first.priority is second.priority
