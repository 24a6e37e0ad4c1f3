"""Start-up hygiene: the first frame must not wait for the database stack."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("sqlalchemy", "alembic", "netui.db", "vobject")


def test_importing_the_app_and_cli_leaves_the_database_stack_unloaded() -> None:
    code = (
        "import sys, netui.cli, netui.tui.app;"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
