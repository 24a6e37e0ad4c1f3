"""The keys, on one page (F1 or ?)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# netui keys

netui follows a coach's method: **find the time**, **triage** your old contacts into a
**Top 20**, have a **script**, and **do it daily**, logging every call.

## Contacts
| Key | Does |
|---|---|
| `j` / `k` or arrows | move down / up |
| `g` / `G`, PgUp / PgDn | top / bottom, page |
| `/` | search name, company, title, email, tags, notes (esc clears) |
| `s` | sort: priority, staleness, name, company |
| `f` | filter: active, new, Top 20, later, skipped, archived, all |
| `space` | select several for one decision |
| `n` / `e` or Enter | new contact / edit the highlighted one |
| `c` | log a call or message (outcome, note, follow-up) |
| `i` | import contacts: LinkedIn, Google, Outlook, CSV, vCard, or a netui backup |
| `ctrl+p`, "Export" | export to CSV, vCard, a JSON backup, or follow-ups as a calendar |
| `ctrl+p`, "Find duplicates" | review people who may be in the list twice, and merge them |

## Triage (moves to the next contact)
| Key | Does |
|---|---|
| `t` | add to the Top 20 (when full, choose who makes room) |
| `l` / `x` / `a` | later / skip / archive |
| `N` | back to new |
| `1`-`5` | tie strength, 1 acquaintance to 5 close |
| `u` | undo, as many steps as you like, even after a restart |
| `K` / `J` or shift+arrows | move up / down in the Top 20 |
| `T` | triage mode: one new contact at a time, highest priority first |

## Everywhere
| Key | Does |
|---|---|
| `tab` | next pane (Contacts, Today, Script) |
| `ctrl+p` | command palette: every action by name |
| `F1` / `?` | this help |
| `q` / `ctrl+q` | quit |
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f1,question_mark", "close", "Close", id="help_close"),
    ]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90; max-width: 100%; height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Markdown(HELP)

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).border_title = "Help (esc to close)"

    def action_close(self) -> None:
        self.dismiss(None)
