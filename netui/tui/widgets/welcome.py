"""The first-run welcome, shown in the Contacts pane while the database has no contacts."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

WELCOME = (
    "Welcome to netui. It turns a career coach's four-step method into a daily habit.\n\n"
    "1. Find the time. Most days hide 30 to 90 spare minutes; 30 a day adds up to more "
    "than ten hours of networking a month.\n\n"
    "2. Triage old contacts. Go through everyone by keyboard and choose a Top 20 to reach "
    "in the weeks ahead. Reaching half of them is a win.\n\n"
    "3. Have a script. A short note that admits the long gap, explains your transition "
    "and asks for help and advice.\n\n"
    "4. Do it daily and track it. Log every call and message with its outcome and the "
    "follow-up, and watch your progress add up.\n\n"
    "Start by bringing in the people you have lost touch with: import a LinkedIn, Google, "
    "Outlook or vCard export, or add someone by hand. To look around first, run "
    "`netui demo --contacts 200 --db demo.db`, then `netui --db demo.db`."
)


class Welcome(Vertical):
    """The method in four steps, and the two ways to start (their buttons post Pressed)."""

    DEFAULT_CSS = """
    Welcome { height: 1fr; padding: 1 2; }
    Welcome > Static { margin-bottom: 1; }
    Welcome > #welcome-buttons { height: auto; }
    Welcome Button { margin-right: 2; }
    """

    def compose(self) -> ComposeResult:
        yield Static(WELCOME, markup=False)
        with Horizontal(id="welcome-buttons"):
            yield Button("Import contacts (i)", id="welcome-import", variant="primary")
            yield Button("Add someone by hand (n)", id="welcome-add")
