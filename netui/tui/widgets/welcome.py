"""The first-run welcome, shown in the Contacts pane while the database has no contacts.

The method in four one-line steps, then five offers, each a one-line button with its key.
It fits 80x24 with the offers in view; on a shorter screen it scrolls. The widget owns the
keys of :data:`~netui.tui.actions.Scope.WELCOME` and posts :class:`Welcome.Chosen` for a
key or a click alike; the Contacts pane opens the screen that goes with it.
"""

from __future__ import annotations

from enum import StrEnum

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Button, Static

from netui.tui.actions import Scope, bindings

INTRO = "Welcome to netui: half an hour a day, back in touch with people."

STEPS = (
    "1. Find the time: a daily half hour, kept like any appointment.",
    "2. Triage everyone you know; pick a Top 20 to reach first.",
    "3. Script: own the long silence, say what you want, ask for advice.",
    "4. Daily: reach out, log it and the follow-up, watch it add up.",
)


class Offer(StrEnum):
    """The five ways to start, in the order they are shown."""

    IMPORT = "import"
    ADD = "add"
    TIME = "time"
    GOAL = "goal"
    KEYWORDS = "keywords"


OFFER_LABELS = {
    Offer.IMPORT: "Import contacts: LinkedIn, Google, Outlook, vCard (i)",
    Offer.ADD: "Add someone by hand (n)",
    Offer.TIME: "Find your time: the time audit (a)",
    Offer.GOAL: "Set the daily goal (g)",
    Offer.KEYWORDS: "Say what you look for: companies, industries, roles (k)",
}


class Welcome(VerticalScroll):
    """The method and the offers; a key or a click on an offer posts :class:`Chosen`."""

    BINDINGS = bindings(Scope.WELCOME)

    DEFAULT_CSS = """
    Welcome { height: 1fr; padding: 0 1; }
    Welcome > #welcome-intro { text-style: bold; margin-bottom: 1; }
    Welcome > .welcome-step { color: $text; }
    Welcome > #welcome-start { margin-top: 1; color: $text-muted; }
    Welcome > Button { width: auto; min-width: 0; margin: 0; }
    """

    class Chosen(Message):
        """The user picked an offer."""

        def __init__(self, offer: Offer) -> None:
            super().__init__()
            self.offer = offer

    def compose(self) -> ComposeResult:
        yield Static(INTRO, id="welcome-intro", markup=False)
        for step in STEPS:
            yield Static(step, classes="welcome-step", markup=False)
        yield Static("Start with any of these:", id="welcome-start", markup=False)
        for offer, label in OFFER_LABELS.items():
            yield Button(label, id=f"welcome-{offer.value}", compact=True)

    def action_offer(self, offer: str) -> None:
        self.post_message(self.Chosen(Offer(offer)))

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        button_id = event.button.id or ""
        self.action_offer(button_id.removeprefix("welcome-"))
