"""Help (F1 or ?): every key by pane and every CLI command, searchable as you type.

Both lists are generated, so help cannot drift from what netui does: the keys from the
one action table, the commands from the click tree the CLI hands the app (read in a
thread, since it imports every command's module; the keys show at once). The cursor
stays in the search box: typing filters, the arrows and page keys scroll, esc clears the
search and then closes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import groupby

import click
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Input, Static

from netui.display import one_line
from netui.tui.actions import Scope, bindings
from netui.tui.screens.base import NetuiDialog
from netui.tui.screens.help_cli import HEADING, command_rows
from netui.tui.screens.help_rows import HelpRow, key_rows, matching, search_words
from netui.tui.workers import ReportsWorkerErrors, describe_error

INTRO = (
    "netui follows a coach's method: find the time, triage your old contacts into a Top 20, "
    "have a script, and do it daily, logging every call. A key works in the pane the cursor "
    "is in; tab (or F5, F6, F7) moves between panes and ctrl+p finds any action by name. "
    "Below the keys: the command line, where every command also takes -h/--help."
)
READING = "Reading the command line's commands…"
NOT_GIVEN = "The command line's commands: run netui --help in a shell."


def render_rows(rows: Sequence[HelpRow], words: Sequence[str]) -> RenderableType:
    """The rows under their headings; a section of commands has no action column.

    Every cell is a ``Text`` (never markup): ``--format [csv|vcard]`` shows as written.
    """
    return Group(*_sections(rows, words))


def _sections(rows: Sequence[HelpRow], words: Sequence[str]) -> Iterator[RenderableType]:
    for section, grouped in groupby(rows, key=lambda row: row.section):
        in_section = list(grouped)
        yield Text(f"\n{section}", style="bold underline")
        with_titles = any(row.title for row in in_section)
        table = Table(box=None, show_header=False, expand=True, padding=(0, 1, 0, 0))
        table.add_column("key", style="bold", ratio=2 if with_titles else 4)
        if with_titles:
            table.add_column("action", ratio=2)
        table.add_column("help", ratio=5)
        for row in in_section:
            cells = [row.key, row.title, row.help] if with_titles else [row.key, row.help]
            table.add_row(*(_marked(cell, words) for cell in cells))
        yield table


def _marked(cell: str, words: Sequence[str]) -> Text:
    """``cell`` as literal text, with what the search looks for shown in reverse."""
    text = Text(cell)
    if words:
        text.highlight_words(words, style="reverse", case_sensitive=False)
    return text


class HelpScreen(NetuiDialog[None], ReportsWorkerErrors):
    """The keys and the commands, one search box over both."""

    BINDINGS = bindings(Scope.HELP)

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > #help-box {
        width: 110; max-width: 100%; height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    HelpScreen #help-search { margin-bottom: 0; }
    HelpScreen #help-count {
        height: 1; color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis;
    }
    HelpScreen #help-scroll { height: 1fr; }
    """

    class CommandsRead(Message):
        """The command line's rows, read off the UI thread."""

        def __init__(self, rows: list[HelpRow]) -> None:
            super().__init__()
            self.rows = rows

    def __init__(self, command_line: click.Command | None = None) -> None:
        """``command_line``: the ``netui`` group whose commands help lists (None: say how
        to see them instead)."""
        super().__init__()
        self._command_line = command_line
        self.key_rows = key_rows()
        self.command_rows: list[HelpRow] = []
        self.commands_note = READING if command_line is not None else NOT_GIVEN
        self.shown_rows: list[HelpRow] = []
        """The rows on screen now, after the search."""

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Input(placeholder="Search keys and commands", id="help-search", compact=True)
            yield Static("", id="help-count", markup=False)
            with VerticalScroll(id="help-scroll", can_focus=False):
                yield Static("", id="help-body", markup=False)

    def on_mount(self) -> None:
        self.query_one("#help-box").border_title = "Help (esc to close)"
        self.search_box.focus()
        self.show_rows()
        if self._command_line is not None:
            self.read_commands(self._command_line)

    @property
    def search_box(self) -> Input:
        return self.query_one("#help-search", Input)

    @property
    def all_rows(self) -> list[HelpRow]:
        return [*self.key_rows, *self.command_rows]

    # -- the commands, from a thread ----------------------------------------------------

    @work(thread=True, exclusive=True, group="help-commands", exit_on_error=False)
    def read_commands(self, command_line: click.Command) -> None:
        self.post_message(self.CommandsRead(command_rows(command_line)))

    def on_help_screen_commands_read(self, message: HelpScreen.CommandsRead) -> None:
        self.command_rows = message.rows
        self.commands_note = ""
        self.show_rows()

    def worker_failed(self, group: str, error: BaseException) -> None:
        self.commands_note = (
            f"The command line's commands could not be read: {describe_error(error)}"
        )
        self.show_rows()

    # -- the search ---------------------------------------------------------------------

    @on(Input.Changed, "#help-search")
    def _search_changed(self) -> None:
        typed = self.search_box.value
        cleaned = one_line(typed)
        if cleaned != typed:  # a pasted escape sequence never reaches the terminal
            self.search_box.value = cleaned
            return
        self.show_rows()
        self.query_one("#help-scroll", VerticalScroll).scroll_home(animate=False)

    def show_rows(self) -> None:
        """List the rows that match the search box (all of them while it is empty)."""
        query = self.search_box.value
        self.shown_rows = matching(self.all_rows, query)
        words = search_words(query)
        parts: list[RenderableType] = []
        if not words:
            parts.append(Text(INTRO))
        parts.append(render_rows(self.shown_rows, words))
        if self.commands_note:
            parts.append(Text(f"\n{HEADING}\n", style="bold underline") + Text(self.commands_note))
        self.query_one("#help-body", Static).update(Group(*parts))
        total = len(self.all_rows)
        if not words:
            count = f"{total} keys, commands and options · type to search"
        elif self.shown_rows:
            count = f"{len(self.shown_rows)} of {total} match · esc clears"
        else:
            typed = one_line(query.strip())
            typed = typed if len(typed) <= 40 else f"{typed[:39]}…"
            count = f"Nothing matches “{typed}” · esc clears"
        self.query_one("#help-count", Static).update(count)

    # -- keys ---------------------------------------------------------------------------

    def action_back(self) -> None:
        if self.search_box.value:
            self.search_box.value = ""
        else:
            self.close(None)

    def action_close(self) -> None:
        self.close(None)

    def action_scroll_rows(self, lines: int) -> None:
        self.query_one("#help-scroll", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_scroll_pages(self, pages: int) -> None:
        scroll = self.query_one("#help-scroll", VerticalScroll)
        if pages < 0:
            scroll.scroll_page_up(animate=False)
        else:
            scroll.scroll_page_down(animate=False)
