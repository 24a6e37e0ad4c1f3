"""Which panes the main screen shows, and how, for a terminal width and the pane in use.

Kept apart from the screen (a router) as one pure function, so every width's rules are
written once and tested without running the app:

- under :data:`NARROW_WIDTH` columns one pane at a time, chosen with the tab bar or keys;
- up to :data:`THREE_FROM`, Contacts on the left and Today over Script on the right, the
  Script pane showing only its preview (a *glance*) while another pane is in use;
- from :data:`THREE_FROM`, the three side by side: Contacts | Today | Script.
"""

from __future__ import annotations

from dataclasses import dataclass

NARROW_WIDTH = 100
"""Below this many columns the panes take turns instead of sharing the screen."""
WIDE_WIDTH = 150
"""From this many columns the Today pane, when it is the one in use, gets half the screen."""
THREE_FROM = 160
"""From this many columns the three panes stand side by side."""
PANE_ORDER = ("contacts-pane", "today-pane", "script-pane")
"""The panes in the order tab, the tab bar and the wide layout go through them."""
PANE_TITLES = {"contacts-pane": "Contacts", "today-pane": "Today", "script-pane": "Script"}


@dataclass(frozen=True, slots=True)
class PaneLayout:
    """How the main screen lays its panes out; each flag is one CSS class or display."""

    narrow: bool
    """One pane at a time, with the tab bar (class ``-narrow``)."""
    three: bool
    """Three columns (class ``-three``)."""
    today_wide: bool
    """The Today pane in use takes half of a wide screen (class ``-today-wide``)."""
    script_wide: bool
    """The Script pane in use takes the larger share (class ``-script-wide``)."""
    today_tall: bool
    """The Today pane in use takes most of the side column's height, so its queue has
    rows to show under the timer (class ``-today-tall``)."""
    glance: bool
    """The Script pane shows only its preview."""
    shown: frozenset[str]
    """The ids of the panes on screen."""
    active: str
    """The id of the pane in use."""

    @property
    def side_shown(self) -> bool:
        """Whether the column holding Today and Script is on screen."""
        return bool(self.shown & {"today-pane", "script-pane"})

    @property
    def screen_classes(self) -> dict[str, bool]:
        """The main screen's layout classes (``netui.tcss`` styles them), on or off."""
        return {
            "-narrow": self.narrow,
            "-three": self.three,
            "-three-side": self.three and self.active != "contacts-pane",
            "-today-wide": self.today_wide,
            "-script-wide": self.script_wide,
            "-today-tall": self.today_tall,
        }


def pane_layout(width: int, active: str) -> PaneLayout:
    """The layout for a screen ``width`` columns wide while the user is in pane ``active``."""
    if active not in PANE_ORDER:
        raise ValueError(f"no such pane: {active}")
    narrow = width < NARROW_WIDTH
    three = width >= THREE_FROM
    script_active = active == "script-pane"
    return PaneLayout(
        narrow=narrow,
        three=three,
        today_wide=WIDE_WIDTH <= width < THREE_FROM and active == "today-pane",
        script_wide=not narrow and not three and script_active,
        today_tall=not narrow and not three and active == "today-pane",
        glance=not narrow and not script_active,
        shown=frozenset({active} if narrow else PANE_ORDER),
        active=active,
    )
