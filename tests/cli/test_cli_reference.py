"""The README's command reference is the one made from the click tree."""

from __future__ import annotations

from pathlib import Path

import click

from netui.cli.reference import README_END, README_START, reference_markdown
from netui.cli.root import cli

README = Path(__file__).parents[2] / "README.md"


def test_the_readme_command_reference_is_the_one_made_from_the_commands() -> None:
    readme = README.read_text(encoding="utf-8")
    start = readme.index(README_START) + len(README_START)
    shown = readme[start : readme.index(README_END)].strip()
    assert shown == reference_markdown().strip(), (
        "README's commands differ from the CLI: run python -m netui.cli.reference README.md"
    )


def test_the_reference_names_every_command_once() -> None:
    text = reference_markdown()
    ctx = click.Context(cli, info_name="netui")
    for name in cli.list_commands(ctx):
        assert text.count(f"#### `netui {name} [OPTIONS]") == 1, name
    assert "| `--db PATH` |" in text  # once, under netui itself
    assert text.count("| `--db PATH` |") == 1
    assert "[csv\\|vcard\\|json\\|ics]" in text  # a | inside a cell does not split it
