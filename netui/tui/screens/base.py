"""What every netui screen shares: it closes once, and ignores keys it is not ready for.

A burst of keys can reach a screen before it has mounted its fields, or after it asked to
close: a second escape, an Enter right behind ctrl+s. Textual's ``dismiss`` pops whatever
screen is on top, so dismissing twice pops the screen *below* as well. :meth:`close` makes
closing idempotent and only ever closes this screen; :attr:`accepting` gates every action.
"""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen, Screen

ResultT = TypeVar("ResultT")


class NetuiScreen(Screen[ResultT]):
    """A full screen that closes at most once and acts only while it is up."""

    def __init__(
        self, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._shown = False
        self._close_requested = False

    def on_mount(self) -> None:
        # Runs after the subclass's own on_mount (Textual calls each class's handler).
        self._shown = True

    @property
    def accepting(self) -> bool:
        """Whether keys and results may act on this screen: it is up and not closing."""
        return self._shown and not self._close_requested and self.is_attached

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.accepting:
            return False
        return super().check_action(action, parameters)

    def close(self, result: ResultT | None = None) -> None:
        """Dismiss this screen with ``result``, once; later calls do nothing.

        When something else is open on top (the command palette, help), that closes first,
        so the result always reaches this screen's caller and no other screen is popped.
        """
        if self._close_requested or self not in self.app.screen_stack:
            return
        self._close_requested = True
        if self.is_active:
            self.dismiss(result)
            return
        self.pop_until_active()
        self.app.call_later(self.dismiss, result)


class NetuiDialog(ModalScreen[ResultT], NetuiScreen[ResultT]):
    """A modal dialog over the main screen, with the same closing rules.

    ``ModalScreen`` comes first: Textual takes CSS type names from the first base, and
    the dimmed backdrop is ModalScreen's default style.
    """
