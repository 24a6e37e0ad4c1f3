"""The Today and Script panes, and the first-run welcome.

The Script editor and the daily timer are built by their own issues; until then the
panes say plainly what will be there, and Today already shows real Top 20 progress.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from netui.domain.types import Top20Progress, TriageCounts


class Pane(Vertical, can_focus=True):
    """A titled, focusable region of the main screen."""

    DEFAULT_CSS = """
    Pane {
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        padding: 0 1;
    }
    Pane:focus-within, Pane.-active {
        border: round $primary;
        border-title-color: $text;
    }
    """


def progress_text(progress: Top20Progress, counts: TriageCounts | None) -> Content:
    parts: list[Content] = [
        Content.assemble(("Top 20  ", "bold"), f"{progress.size} of {progress.capacity} chosen"),
        Content.assemble(
            ("Reached ", "bold"),
            f"{progress.reached} of {progress.capacity} (goal {progress.goal})",
            ("  ✓ goal met" if progress.reached >= progress.goal else "", "$success"),
        ),
    ]
    if counts is not None and counts.total:
        parts.append(
            Content.assemble(("Triage  ", "bold"), f"{counts.triaged} of {counts.total} triaged")
        )
    return Content("\n").join(parts)


class TodayPane(Pane):
    """Today's networking session. Shows Top 20 progress now; the timer comes next."""

    DEFAULT_CSS = """
    TodayPane > #today-progress { height: 3; }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="today-progress")
        yield Static(
            Content.styled(
                "\nThe daily timer will live here: start a 30-minute session, work through "
                "today's queue of Top 20 calls and due follow-ups, and see the week add up.",
                "$text-muted",
            ),
            id="today-coming",
        )

    def on_mount(self) -> None:
        self.border_title = "Today"

    def show_progress(self, progress: Top20Progress, counts: TriageCounts | None) -> None:
        self.query_one("#today-progress", Static).update(progress_text(progress, counts))


class ScriptPane(Pane):
    """The reconnect script. Its editor and per-contact preview come with their own issue."""

    def compose(self) -> ComposeResult:
        yield Static(
            Content.styled(
                "Your reconnect script will be written here, with a live preview for the "
                "highlighted contact: admit the long gap, explain your transition, ask for "
                "help and advice.",
                "$text-muted",
            ),
            id="script-coming",
        )

    def on_mount(self) -> None:
        self.border_title = "Script"


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
    """Shown in the Contacts pane while the database has no contacts."""

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
