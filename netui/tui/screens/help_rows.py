"""The rows of the help screen: every documented key by scope, then every CLI command.

A row is plain data, so the help screen, its search and the tests share one list and
nothing is written twice: keys come from :mod:`netui.tui.actions`, commands from the
click tree (:mod:`netui.tui.screens.help_cli`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from netui.tui.actions import Action, Scope, by_scope
from netui.tui.keys_doc import key_names


@dataclass(frozen=True, slots=True)
class HelpRow:
    """One line of help: a key and its action, or a command or one of its options."""

    section: str
    """The heading it is listed under: a scope's, or ``netui script new``."""
    key: str
    """The keys (``K / shift+↑``), a command's usage, or an option (``--company TEXT``)."""
    title: str
    """The action's name; empty for a command line row."""
    help: str
    """What it does, in a sentence."""
    command: str = ""
    """For a command line row, the command it belongs to (``netui script new``)."""
    action_id: str = ""
    """For a key row, the action's id in the table."""

    def matches(self, words: Sequence[str]) -> bool:
        """Whether every one of ``words`` (folded to lower case) is in the row somewhere."""
        haystack = f"{self.key}\n{self.title}\n{self.help}\n{self.command}\n{self.section}"
        folded = haystack.casefold()
        return all(word in folded for word in words)


def search_words(query: str) -> list[str]:
    """What a query looks for: its words, without case."""
    return query.casefold().split()


def matching(rows: Iterable[HelpRow], query: str) -> list[HelpRow]:
    """The rows with every word of ``query`` (all of them for an empty query)."""
    words = search_words(query)
    return [row for row in rows if row.matches(words)]


def key_row(action: Action) -> HelpRow:
    return HelpRow(
        section=action.scope.heading,
        key=" / ".join(key_names(action)),
        title=action.doc_title or action.title,
        help=action.help,
        action_id=action.id,
    )


def key_rows() -> list[HelpRow]:
    """Every documented action, scope by scope, in the table's order."""
    return [key_row(a) for scope in Scope for a in by_scope(scope) if a.documented]
