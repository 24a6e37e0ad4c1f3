"""Fixtures for driving the real app with Pilot (the app factory is in the root conftest)."""

from __future__ import annotations

import pytest
from builders import people_drafts

from netui.services.context import Services


@pytest.fixture
def seeded(services: Services) -> Services:
    """The test database with :data:`builders.PEOPLE` in it."""
    for draft in people_drafts():
        services.contacts.add(draft)
    return services
