"""The tab bar of a narrow screen: Contacts / Today / Script, the pane in use highlighted.

On a terminal too narrow for the panes to share it, they take turns; the bar shows which
one is up and which others there are, and a click on a name goes there. It never takes
the focus (the keys stay with the pane in use): the screen sets :attr:`PaneTabs.active`,
and the bar posts :class:`PaneTabs.Chosen` when a name is clicked.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static


class PaneTab(Static):
    """One pane's name in the bar (its id is the pane's with ``-tab``); a click chooses it."""

    def __init__(self, pane_id: str, label: str) -> None:
        super().__init__(label, markup=False, id=f"{pane_id}-tab", classes="pane-tab")
        self.pane_id = pane_id

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(PaneTabs.Chosen(self.pane_id))


class PaneTabs(Horizontal):
    """A one-line bar with a tab per pane."""

    DEFAULT_CSS = """
    PaneTabs { height: 1; width: 1fr; background: $panel; }
    PaneTabs > .pane-tab { width: auto; padding: 0 2; color: $text-muted; }
    PaneTabs > .pane-tab:hover { color: $text; background: $panel-lighten-1; }
    PaneTabs > .pane-tab.-active { background: $primary; color: $text; text-style: bold; }
    """

    active: reactive[str] = reactive("", init=False)
    """The id of the pane in use (its tab is highlighted)."""

    class Chosen(Message):
        """The user clicked the tab of pane ``pane_id``."""

        def __init__(self, pane_id: str) -> None:
            super().__init__()
            self.pane_id = pane_id

    def __init__(self, labels: Mapping[str, str], *, id: str | None = None) -> None:
        """``labels``: the text of each pane's tab, by pane id, in the bar's order."""
        super().__init__(id=id)
        self._labels = dict(labels)

    def compose(self) -> ComposeResult:
        for pane_id, label in self._labels.items():
            yield PaneTab(pane_id, label)

    def on_mount(self) -> None:
        self.watch_active(self.active)

    def watch_active(self, active: str) -> None:
        for tab in self.query(PaneTab):
            tab.set_class(tab.pane_id == active, "-active")

    @property
    def tabs(self) -> list[PaneTab]:
        return list(self.query(PaneTab))
