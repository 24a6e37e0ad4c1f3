"""The list's first rows, read without scoring everyone, are the whole listing's first rows."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import netui.services.first_rows
from netui.domain.listing import ContactListing
from netui.domain.types import ContactRow
from netui.services.context import Services
from netui.services.demo import fill_demo


def whole_view(services: Services) -> list[ContactRow]:
    return ContactListing(services.contacts.list_rows()).view()


@pytest.mark.parametrize("seed", [3, 11])
@pytest.mark.parametrize("keywords", ["", "engineer, recruiter"])
def test_the_first_rows_are_the_listings_own(services: Services, seed: int, keywords: str) -> None:
    fill_demo(services, 300, seed=seed)
    services.settings.set_target_keywords(keywords)
    whole = whole_view(services)
    assert len(whole) > 250  # the archived are not in the default view
    for count in (1, 7, 40, 140, 400):
        assert services.contacts.first_rows(count) == whole[:count]


def test_contacts_alike_are_all_read_to_order_them_by_name(
    services: Services, add: Callable[..., int]
) -> None:
    """A fresh import: no strength, never contacted, the same score for everyone."""
    for number in range(60, 0, -1):
        add(f"Person {number:02d}")
    whole = whole_view(services)
    assert len({row.priority for row in whole}) == 1
    assert services.contacts.first_rows(5) == whole[:5]
    assert [row.full_name for row in whole[:2]] == ["Person 01", "Person 02"]


def test_too_many_alike_and_the_whole_list_is_read_instead(
    services: Services, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(30):
        add(f"Person {number:02d}")
    monkeypatch.setattr(netui.services.first_rows, "READ_AT_MOST", 20)
    assert services.contacts.first_rows(5) is None
