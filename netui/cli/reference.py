"""The README's command reference, made from the click tree so it cannot drift.

Run ``python -m netui.cli.reference README.md`` after changing a command or its help;
``tests/cli/test_cli_reference.py`` fails until it is run.
"""

from __future__ import annotations

import sys

from netui.cli.root import cli
from netui.tui.keys_doc import rewrite_readmes
from netui.tui.screens.help_cli import commands_markdown

README_START = (
    "<!-- commands: made by `python -m netui.cli.reference README.md`; edit the commands' help -->"
)
README_END = "<!-- end of commands -->"


def reference_markdown() -> str:
    return commands_markdown(cli)


def main(argv: list[str]) -> int:
    """Rewrite the command reference in the README files given (or print it)."""
    return rewrite_readmes(argv, reference_markdown, README_START, README_END)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
