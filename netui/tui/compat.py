"""Guards around Textual behaviour that a fast typist can turn into a crash.

Kept in one place, each with the version it was seen in and a test that reproduces it
(``tests/tui/test_compat.py``), so a Textual upgrade that fixes one shows up as a test
that no longer needs the guard.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from textual.await_complete import AwaitComplete
from textual.command import CommandList, CommandPalette
from textual.screen import Screen
from textual.widgets import OptionList

_Direction = int


def _guard_option_list_paging() -> None:
    """PgUp/PgDn in an OptionList whose lines are not laid out yet raises KeyError.

    Seen in Textual 8.2.8: ``OptionList._move_page`` looks the highlighted option up in
    ``_index_to_line``, which is empty until the list has a size. The command palette and a
    Select's drop-down are such lists for a moment after they open, so PgDn pressed right
    behind ctrl+p crashed the app. With nothing laid out there is nothing to page through.
    """
    original: Callable[[OptionList, _Direction], None] = OptionList._move_page  # type: ignore[assignment]
    if getattr(original, "_netui_guarded", False):
        return

    @wraps(original)
    def move_page(self: OptionList, direction: _Direction) -> None:
        if (self.highlighted or 0) not in self._index_to_line:
            return
        original(self, direction)

    move_page._netui_guarded = True  # type: ignore[attr-defined]
    OptionList._move_page = move_page  # type: ignore[method-assign]


def _guard_dismissing_twice() -> None:
    """A screen asked to close twice pops the screen below it, or the last one (a crash).

    Seen in Textual 8.2.8: ``Screen.dismiss`` pops whatever screen is on top. Two escapes
    that reach the command palette before it has gone both dismiss it; the second pops the
    main screen ("Can't pop screen; there must be at least one screen on the stack").
    A screen that is no longer the active one has already been dismissed (Textual itself
    dismisses from the top down), so dismissing it again does nothing.
    """
    original: Callable[..., AwaitComplete] = Screen.dismiss
    if getattr(original, "_netui_guarded", False):
        return

    @wraps(original)
    def dismiss(self: Screen[Any], result: Any = None) -> AwaitComplete:
        if not self.is_active:
            return AwaitComplete(_nothing())
        return original(self, result)

    dismiss._netui_guarded = True  # type: ignore[attr-defined]
    Screen.dismiss = dismiss  # type: ignore[method-assign]


async def _nothing() -> None:
    """What awaiting a dismissal that was ignored waits for."""


class SteadyCommandPalette(CommandPalette):
    """Textual's command palette, steady when keys outrun its search.

    Seen in Textual 8.2.8: when the palette closes while its search is still running, the
    search's last update shows or hides a result list that is no longer there
    (``NoMatches: 'CommandList'``), and the app crashed.
    """

    def _watch__list_visible(self) -> None:
        if self.query(CommandList):
            super()._watch__list_visible()


def install() -> None:
    """Apply every guard (idempotent); the app does this once at import."""
    _guard_option_list_paging()
    _guard_dismissing_twice()
