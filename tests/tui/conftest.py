"""Fixtures for driving the real app with Pilot (the app factory is in the root conftest)."""

from __future__ import annotations

import pytest
from builders import people_drafts

from netui.services.context import Services
from netui.tui import outreach


@pytest.fixture
def seeded(services: Services) -> Services:
    """The test database with :data:`builders.PEOPLE` in it."""
    for draft in people_drafts():
        services.contacts.add(draft)
    return services


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """No browser or mail client is ever started by a test: the URLs asked for, instead."""
    urls: list[str] = []

    def open_url(url: str, **_: object) -> str | None:
        urls.append(url)
        return None

    monkeypatch.setattr(outreach, "open_url", open_url)
    return urls
