"""The ``netui`` command: the app with no subcommand, scriptable subcommands otherwise.

Every subcommand goes through :mod:`netui.services`. Problems a user can fix become one line
on stderr (``netui: error: ...``) and exit status 1; usage mistakes exit 2 (click); nothing
prints a traceback unless ``NETUI_DEBUG=1`` is set.

Start-up is kept short: the group (:mod:`netui.cli.root`) imports each command's module only
when that command runs, heavy imports (SQLAlchemy, Textual) happen inside the commands that
need them, and ``netui --version`` answers before even click is imported.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from netui import __version__

if TYPE_CHECKING:
    from netui.cli.output import CONTACT_KEYS, LIST_HEADERS, printable
    from netui.cli.root import cli
    from netui.cli.table import format_table

__all__ = [
    "CONTACT_KEYS",
    "LIST_HEADERS",
    "cli",
    "format_table",
    "main",
    "printable",
]

# Imported on first use (PEP 562), so that importing netui.cli costs nothing.
_LAZY = {
    "cli": "netui.cli.root",
    "CONTACT_KEYS": "netui.cli.output",
    "LIST_HEADERS": "netui.cli.output",
    "printable": "netui.cli.output",
    "format_table": "netui.cli.table",
}

VERSION_TEXT = f"netui {__version__}"
"""What ``netui --version`` prints (click's version option says the same)."""


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Console-script entry point."""
    if sys.argv[1:] == ["--version"]:
        print(VERSION_TEXT)  # the answer click would give, without importing click
        return
    from netui.cli.root import cli

    cli(prog_name="netui")
