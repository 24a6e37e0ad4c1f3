"""Run the real ``netui`` command in-process on a temporary database, at a fixed time."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import netui.cli
from netui.domain.types import ContactDraft
from netui.services.clock import ManualClock
from netui.services.context import Services, open_services

FIXED_NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)


class Netui:
    """``netui.ok("contacts")`` runs ``netui --db DB contacts`` and returns its stdout."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.runner = CliRunner()

    def run(self, *args: str, db: Path | bool | None = True, **kwargs: Any) -> Result:
        """Run a command; ``db=False`` leaves out ``--db``, a Path uses another file."""
        path = self.db if db is True else db
        argv = ["--db", str(path), *args] if isinstance(path, Path) else list(args)
        return self.runner.invoke(netui.cli.cli, argv, catch_exceptions=False, **kwargs)

    def ok(self, *args: str, **kwargs: Any) -> str:
        """The stdout of a command that must succeed (and print nothing on stderr)."""
        result = self.run(*args, **kwargs)
        assert result.exit_code == 0, result.output
        assert result.stderr == ""
        return result.stdout

    def json(self, *args: str, **kwargs: Any) -> Any:
        return json.loads(self.ok(*args, "--json", **kwargs))

    def fail(self, *args: str, code: int = 1, **kwargs: Any) -> str:
        """The stderr of a command that must fail cleanly: no traceback, one line for errors."""
        result = self.run(*args, **kwargs)
        assert result.exit_code == code, result.output
        assert "Traceback" not in result.output
        if code == 1:
            assert result.stdout == ""
            assert result.stderr.startswith("netui: ")
            assert result.stderr.count("\n") == 1, result.stderr
        return result.stderr


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> ManualClock:
    """Every command sees the same 'now'."""
    fixed = ManualClock(FIXED_NOW)
    monkeypatch.setattr(netui.cli, "CLOCK", fixed)
    return fixed


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cli.db"


@pytest.fixture
def cmd(db: Path) -> Netui:
    return Netui(db)


@pytest.fixture
def services(db: Path, clock: ManualClock) -> Iterator[Services]:
    """The same database through the services, for quick set-up and for checking results."""
    opened = open_services(db, clock)
    yield opened
    opened.close()


@pytest.fixture
def add(services: Services) -> Callable[..., int]:
    def add_contact(name: str, **fields: Any) -> int:
        return services.contacts.add(ContactDraft(full_name=name, **fields)).id

    return add_contact
