"""The command line's part of help, read from the click command tree it is given.

The app is handed the ``netui`` group by the CLI that starts it (the UI layer does not
import the CLI), and help walks it: each command's usage and one-line help, then each
option with its own help, so what help says is what ``netui ... --help`` says. Reading
the tree imports every command's module, so the help screen does it in a thread.
"""

from __future__ import annotations

import click

from netui.tui.screens.help_rows import HelpRow

HEADING = "Command line"
"""What the command sections' headings start with."""


def command_rows(group: click.Command, name: str = "netui") -> list[HelpRow]:
    """Rows for ``group`` and, depth first in listed order, every command under it."""
    rows: list[HelpRow] = []
    _add(rows, group, click.Context(group, info_name=name), name)
    return rows


def command_paths(group: click.Command, name: str = "netui") -> list[str]:
    """Every command's full name (``netui script new``), the group's own first."""
    return list(dict.fromkeys(row.command for row in command_rows(group, name)))


def _add(rows: list[HelpRow], command: click.Command, ctx: click.Context, path: str) -> None:
    section = f"{HEADING}: {path}"
    usage = " ".join([path, *command.collect_usage_pieces(ctx)])
    rows.append(HelpRow(section, usage, "", command.get_short_help_str(limit=300), path))
    for param in command.get_params(ctx):
        if "--help" in getattr(param, "opts", ()):
            continue  # every command takes -h/--help; help says so once
        record = param.get_help_record(ctx)
        if record is None or (isinstance(param, click.Argument) and not record[1]):
            continue  # a hidden option, or an argument already named in the usage
        rows.append(HelpRow(section, record[0], "", record[1], path))
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                _add(rows, sub, click.Context(sub, info_name=name, parent=ctx), f"{path} {name}")


def commands_markdown(group: click.Command, name: str = "netui") -> str:
    """Every command and its options as Markdown, for the README (options that every
    command shares with ``group``, such as ``--db``, are listed once, under it)."""
    rows = command_rows(group, name)
    shared = {(row.key, row.help) for row in rows if row.command == name}
    parts: list[str] = []
    for row in rows:
        if row.key.startswith(f"{row.command} ") or row.key == row.command:
            parts.append(f"\n#### `{row.key}`\n\n{row.help}\n")
        elif row.command == name or (row.key, row.help) not in shared:
            if not parts[-1].startswith("|"):
                parts.append("| Option | What it does |\n|---|---|")
            parts.append(f"| `{_cell(row.key)}` | {_cell(row.help)} |")
    return "\n".join(parts).strip() + "\n"


def _cell(text: str) -> str:
    """``text`` safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")
