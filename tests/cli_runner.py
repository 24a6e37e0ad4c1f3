"""Running the real ``netui`` command in-process, for tests in any folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

import netui.cli
from netui.cli.base import CliContext
from netui.domain.clock import FakeClock


class Netui:
    """``netui.ok("contacts")`` runs ``netui --db DB contacts`` and returns its stdout."""

    def __init__(self, db: Path, clock: FakeClock) -> None:
        self.db = db
        self.clock = clock
        self.runner = CliRunner()

    def run(self, *args: str, db: Path | bool | None = True, **kwargs: Any) -> Result:
        """Run a command; ``db=False`` leaves out ``--db``, a Path uses another file."""
        path = self.db if db is True else db
        argv = ["--db", str(path), *args] if isinstance(path, Path) else list(args)
        return self.runner.invoke(
            netui.cli.cli, argv, catch_exceptions=False, obj=CliContext(self.clock), **kwargs
        )

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
