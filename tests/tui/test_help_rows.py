"""The help screen's rows: the search rule and the walk of a click tree."""

from __future__ import annotations

import click

from netui.tui.screens.help_cli import command_paths, command_rows
from netui.tui.screens.help_rows import HelpRow, key_rows, matching

ROWS = [
    HelpRow("Contacts pane", "a", "Archive", "Archive the highlighted contact."),
    HelpRow("Today pane", "space", "Start, pause, resume", "Start today's session."),
    HelpRow("Command line: netui timer start", "--minutes N", "", "Planned.", "netui timer start"),
]


def test_every_word_must_be_found_in_any_order_and_case() -> None:
    assert matching(ROWS, "") == ROWS
    assert matching(ROWS, "  ") == ROWS
    assert matching(ROWS, "ARCHIVE") == ROWS[:1]
    assert matching(ROWS, "start timer") == [ROWS[2]]  # the command's name counts
    assert matching(ROWS, "today space") == [ROWS[1]]  # so does the heading
    assert matching(ROWS, "start nothing") == []


def test_key_rows_are_the_documented_actions_with_readable_keys() -> None:
    rows = {row.action_id: row for row in key_rows()}
    assert rows["contacts.move_up"].key == "K / shift+↑"
    assert rows["contacts.search"].key == "/"
    assert rows["contacts.export"].key == "ctrl+p"  # palette-only
    assert rows["contacts.strength_1"].title == "Tie strength"
    assert "contacts.strength_2" not in rows


@click.group("tool")
@click.option("--db", metavar="PATH", help="Which file.")
def tool(db: str) -> None:
    """A tool. More text that the one-line help leaves out."""


@tool.group("deck")
def deck() -> None:
    """Cards."""


@deck.command("deal")
@click.argument("count")
@click.option("--seed", default=7, show_default=True, help="Shuffle with this.")
def deal(count: str, seed: int) -> None:
    """Deal COUNT cards."""


@tool.command("secret", hidden=True)
def secret() -> None:
    """Not listed."""


def test_the_walk_lists_each_command_its_usage_and_its_options() -> None:
    assert command_paths(tool, "tool") == ["tool", "tool deck", "tool deck deal"]
    rows = command_rows(tool, "tool")
    deal_rows = [(row.key, row.help) for row in rows if row.command == "tool deck deal"]
    assert deal_rows == [
        ("tool deck deal [OPTIONS] COUNT", "Deal COUNT cards."),
        ("--seed INTEGER", "Shuffle with this.  [default: 7]"),
    ]
    top = [(row.key, row.help) for row in rows if row.command == "tool"]
    assert top[0] == ("tool [OPTIONS] COMMAND [ARGS]...", "A tool.")
    assert ("--db PATH", "Which file.") in top
    assert not any("--help" in row.key for row in rows)
    assert all(row.section == f"Command line: {row.command}" for row in rows)
