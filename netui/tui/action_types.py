"""The words the action table is written in: where a key works and what it does.

:class:`Scope` and :class:`Action` are the vocabulary; the generated groups (strengths 1-5,
the session's outcome keys, the sort and filter choices) are written here once so that
:mod:`netui.tui.actions`, the table itself, stays a plain list of what the user can do.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from textual.binding import Binding

from netui.domain.listing import SortKey, StatusFilter
from netui.domain.types import Outcome

__all__ = [
    "FILTER_TITLES",
    "PALETTE_SCOPES",
    "Action",
    "Scope",
    "outcomes",
    "sorts_and_filters",
    "strengths",
]


class Scope(StrEnum):
    """Where a key works: the app, the main screen, one pane, or one screen or dialog."""

    APP = "app"
    PANES = "panes"
    CONTACTS = "contacts"
    CONTACT_LIST = "contact_list"
    TODAY = "today"
    SCRIPT = "script"
    REVISIONS = "revisions"
    SCRIPT_TEXT = "script_text"
    CONFIRM = "confirm"
    TRIAGE = "triage"
    FORM = "form"
    IMPORT = "import"
    EXPORT = "export"
    DUPLICATES = "duplicates"
    SWAP = "swap"
    RECOVERY = "recovery"
    AUDIT = "audit"
    SESSION = "session"
    SUMMARY = "summary"
    STATS = "stats"
    HELP = "help"
    WELCOME = "welcome"

    @property
    def heading(self) -> str:
        """How the help screen and the README head this scope's keys."""
        return _SCOPE_TITLES[self]


_SCOPE_TITLES = {
    Scope.APP: "Everywhere",
    Scope.PANES: "Between panes",
    Scope.CONTACTS: "Contacts pane",
    Scope.CONTACT_LIST: "Moving in the contact list",
    Scope.TODAY: "Today pane",
    Scope.SCRIPT: "Script pane",
    Scope.REVISIONS: "A script's revisions",
    Scope.SCRIPT_TEXT: "The filled-in text, to copy by hand",
    Scope.CONFIRM: "Questions (delete a script, reset it)",
    Scope.TRIAGE: "Triage mode (T): one new contact at a time",
    Scope.FORM: "Forms (new contact, edit, log a call)",
    Scope.IMPORT: "Import",
    Scope.EXPORT: "Export",
    Scope.DUPLICATES: "Possible duplicates",
    Scope.SWAP: "When the Top 20 is full",
    Scope.RECOVERY: "After an interrupted session",
    Scope.AUDIT: "Find the time (the time audit)",
    Scope.SESSION: "Session mode (S in Today): one person at a time",
    Scope.SUMMARY: "At the end of a session",
    Scope.STATS: "Progress (p in Today)",
    Scope.HELP: "This help",
    Scope.WELCOME: "The welcome (while there are no contacts)",
}

PALETTE_SCOPES = frozenset(
    {Scope.APP, Scope.PANES, Scope.CONTACTS, Scope.CONTACT_LIST, Scope.TODAY, Scope.SCRIPT}
)
"""Scopes whose actions the command palette offers from the main screen (a dialog's own
scope is offered while that dialog is on top)."""


@dataclass(frozen=True, slots=True)
class Action:
    """One thing a user can do by key or by name."""

    id: str
    """Stable id, also the binding id users remap: ``contacts.top20``."""
    scope: Scope
    keys: str
    """Textual key names, comma-separated (``"K,shift+up"``); empty for palette-only actions."""
    action: str
    """The ``action_*`` method to run, with any arguments: ``"strength(1)"``."""
    label: str
    """Short, for the footer."""
    title: str
    """For the command palette and the help screen."""
    help: str
    """One sentence on what it does."""
    show: bool = False
    """Shown in the footer."""
    priority: bool = False
    """Checked before the focused widget sees the key (ctrl+s in a form)."""
    key_display: str | None = None
    """How the footer and the docs show the keys, when not derived from ``keys``."""
    documented: bool = True
    """Listed on the help screen and in the README (False for strength 2-5, shown as 1-5)."""
    doc_title: str | None = None
    """The title in the docs when it differs from the palette's (one row for 1-5)."""
    in_palette: bool = True
    """Offered by name in the command palette (when its scope is; not for a second key)."""

    @property
    def palette(self) -> bool:
        return self.in_palette and self.scope in PALETTE_SCOPES

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.label,
            show=self.show,
            key_display=self.key_display,
            priority=self.priority,
            id=self.id,
        )


def strengths(scope: Scope, whose: str) -> Iterator[Action]:
    """Keys 1-5 set a tie strength: five bindings, one row in the docs."""
    for strength in range(1, 6):
        yield Action(
            f"{scope.value}.strength_{strength}",
            scope,
            str(strength),
            f"strength({strength})",
            "Strength" if strength == 1 else f"Strength {strength}",
            f"Strength {strength}",
            f"Tie strength of {whose}, 1 acquaintance to 5 close.",
            show=strength == 1,
            key_display="1-5" if strength == 1 else None,
            documented=strength == 1,
            doc_title="Tie strength",
        )


def outcomes() -> Iterator[Action]:
    """Keys 1-7 log an outcome in the session mode: seven bindings, one row in the docs."""
    for number, outcome in enumerate(Outcome, start=1):
        yield Action(
            f"session.outcome_{outcome.value}",
            Scope.SESSION,
            str(number),
            f"outcome('{outcome.value}')",
            "Log outcome" if number == 1 else outcome.label.capitalize(),
            f"Log: {outcome.label}",
            "Log what happened and go on to the next person: 1 no answer, 2 left message, "
            "3 replied, 4 talked, 5 meeting set, 6 referral, 7 declined.",
            show=number == 1,
            key_display="1-7" if number == 1 else None,
            documented=number == 1,
            doc_title="Log the outcome",
        )


FILTER_TITLES = {
    StatusFilter.ACTIVE: "Active",
    StatusFilter.NEW: "New (untriaged)",
    StatusFilter.TOP20: "Top 20",
    StatusFilter.LATER: "Later",
    StatusFilter.SKIP: "Skipped",
    StatusFilter.ARCHIVED: "Archived",
    StatusFilter.ALL: "All",
}
"""How each status filter is named on screen."""


def sorts_and_filters() -> Iterator[Action]:
    """Each sort order and filter by name, for the palette (s and f cycle through them)."""
    for key in SortKey:
        yield Action(
            f"contacts.sort_{key.value}", Scope.CONTACTS, "", f"sort('{key.value}')",
            "Sort", f"Sort by {key.value}", "Order the contact list.", documented=False,
        )  # fmt: skip
    for status in StatusFilter:
        yield Action(
            f"contacts.show_{status.value}", Scope.CONTACTS, "", f"show('{status.value}')",
            "Show", f"Show {FILTER_TITLES[status]}", "Filter the contact list.", documented=False,
        )  # fmt: skip
