"""Fixtures for every test: nothing ever reads or writes the user's real netui data."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _private_data_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point NETUI_DB and the platform data folder (XDG_DATA_HOME) at a fresh temp folder."""
    home = tmp_path_factory.mktemp("netui-env")
    monkeypatch.setenv("NETUI_DB", str(home / "netui.db"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.delenv("NETUI_DEBUG", raising=False)
