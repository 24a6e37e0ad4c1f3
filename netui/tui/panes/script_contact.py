"""What the Script pane says about the script and the contact it is shown for: the
values its preview fills in for the highlighted contact (or for no one), and the status
line naming the script.

The pane reads the values a moment after the highlight rests; here is the reading, kept
apart from the pane's timers, so that what "no contact" fills in is said in one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from netui.domain.script_types import Script
from netui.errors import NotFoundError
from netui.tui.text import literal_line

if TYPE_CHECKING:
    from netui.services.context import Services

__all__ = ["NO_CONTACT", "contact_values", "status_line"]

NO_CONTACT = "no one (highlight a contact in Contacts)"


def contact_values(services: Services, contact_id: int | None) -> tuple[dict[str, str], str]:
    """The values a script fills in for ``contact_id``, and how the preview names them.

    With no contact only the profile's own values are there. A contact deleted meanwhile
    gives no values; any other failure of the database is raised (NetuiError).
    """
    if contact_id is None:
        profile = services.scripts.profile()
        mine = {"my_name": profile.name, "my_situation": profile.situation, "my_ask": profile.ask}
        return mine, NO_CONTACT
    try:
        values = services.scripts.values_for(contact_id)
    except NotFoundError:
        return {}, "a contact no longer here"
    return values, values.get("full_name", "") or "this contact"


def status_line(script: Script, words: str) -> Content:
    """``Name · Email · Saved``: the name as typed (never markup), an unsaved state warned."""
    style = "$warning" if words.startswith("Unsaved") else ""
    return Content.assemble(
        literal_line(script.name, "bold"), f" · {script.channel.label} · ", (words, style)
    )
