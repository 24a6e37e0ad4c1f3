"""Fixtures for every test: a private data folder, one fake clock, a database, the app.

Nothing here ever reads or writes the user's real netui data, and nothing reads the real
time: every service, command and app in a test tells time by the ``clock`` fixture, which
moves only when a test calls ``clock.advance(...)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from builders import NOW, AppFactory, WaitReady, WriteLock
from textual.pilot import Pilot

from netui.domain.clock import FakeClock
from netui.domain.types import ContactDraft
from netui.services.context import Services, open_services
from netui.tui.app import NetuiApp


@pytest.fixture(autouse=True)
def _private_data_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point NETUI_DB, NETUI_CONFIG and the platform data and config folders (XDG_DATA_HOME,
    XDG_CONFIG_HOME) at a fresh temp folder: no test reads or writes a real settings file."""
    home = tmp_path_factory.mktemp("netui-env")
    monkeypatch.setenv("NETUI_DB", str(home / "netui.db"))
    monkeypatch.setenv("NETUI_CONFIG", str(home / "config" / "settings.toml"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.delenv("NETUI_DEBUG", raising=False)


@pytest.fixture
def clock() -> FakeClock:
    """The one clock of a test, at :data:`builders.NOW` until the test advances it."""
    return FakeClock(NOW)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "netui.db"


@pytest.fixture
def services(db_path: Path, clock: FakeClock) -> Iterator[Services]:
    opened = open_services(db_path, clock)
    yield opened
    opened.close()


@pytest.fixture
def add(services: Services) -> Callable[..., int]:
    """``add("Ann Lee", company="Acme")`` adds a contact and returns its id."""

    def add_contact(name: str, **fields: Any) -> int:
        return services.contacts.add(ContactDraft(full_name=name, **fields)).id

    return add_contact


@pytest.fixture
def write_lock(db_path: Path, services: Services) -> Iterator[WriteLock]:
    """Another program's connection to the test's database, ready to hold the write lock."""
    lock = WriteLock(db_path)
    yield lock
    lock.close()


@pytest.fixture
def make_app(db_path: Path, clock: FakeClock) -> AppFactory:
    """Builds the real app on the test's database and clock."""

    def build() -> NetuiApp:
        return NetuiApp(db_path, clock)

    return build


async def _wait_ready(app: NetuiApp, pilot: Pilot[None]) -> None:
    await app.workers.wait_for_complete()
    for _ in range(200):
        await pilot.pause()
        if app.services is not None and app.main_screen.loaded:
            break
    assert app.main_screen.loaded, "the contact list never loaded"
    await pilot.pause()


@pytest.fixture
def wait_ready() -> WaitReady:
    """Wait for the database worker and the first render of the list."""
    return _wait_ready
