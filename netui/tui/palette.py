"""The command palette's entries, made from the one action table for the screen it opened on.

Every action is offered by name where it can run: the app's everywhere, the main screen's
(its panes' too, the hidden ones included: choosing one brings its pane up first), and a
dialog's own while that dialog is the screen under the palette. An action runs on the
widget whose ``BINDINGS`` hold its scope, so the palette and the keys do the same thing,
and it is offered only while that widget's ``check_action`` allows it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from textual.actions import parse as parse_action
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from netui.tui.actions import ACTIONS, Action, Scope
from netui.tui.panes.base import Pane
from netui.tui.screens.main import MainScreen


def scope_owners(screen: Screen[Any]) -> dict[Scope, DOMNode]:
    """Which widget of ``screen`` (or the screen) holds the keys of each scope on it."""
    scope_of = {action.id: action.scope for action in ACTIONS}
    owners: dict[Scope, DOMNode] = {}
    for node in screen.walk_children(with_self=True):
        for binding in type(node).BINDINGS:
            if isinstance(binding, Binding) and binding.id in scope_of:
                owners.setdefault(scope_of[binding.id], node)
    return owners


def palette_commands(app: App[Any], screen: Screen[Any]) -> Iterator[SystemCommand]:
    """The palette's netui entries for ``screen``, the screen the palette was opened on."""
    owners: dict[Scope, DOMNode] = {Scope.APP: app}
    if not isinstance(screen, MainScreen) or screen.services is not None:
        owners.update(scope_owners(screen))  # the panes act once the database is open
    for action in ACTIONS:
        owner = owners.get(action.scope)
        if action.in_palette and owner is not None:
            command = _command(action, owner)
            if command is not None:
                yield command


def _command(action: Action, owner: DOMNode) -> SystemCommand | None:
    """The entry that runs ``action`` on ``owner``, or None while it cannot run."""
    _, name, parameters = parse_action(action.action)
    if not owner.check_action(name, parameters):
        return None

    async def run() -> None:
        screen = owner.screen if not isinstance(owner, App) else None
        if isinstance(screen, MainScreen):
            pane = next(
                (node for node in owner.ancestors_with_self if isinstance(node, Pane)), None
            )
            if pane is not None and pane.id is not None:
                screen.show_pane(pane.id)
        await owner.app.run_action(action.action, owner)

    return SystemCommand(action.title, palette_help(action), run)


def palette_help(action: Action) -> str:
    """The line under an entry's title: where it works (but for the app's), and what it does."""
    if action.scope is Scope.APP:
        return action.help
    return f"{action.scope.heading}: {action.help}"
