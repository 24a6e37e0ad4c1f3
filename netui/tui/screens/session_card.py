"""The person in front of the session mode: how to reach them, how you met, what happened
last, and which script suits them; and what the session mode is handed by the Today pane.

The card is built from the contact as stored, each value shown literally on one line (a
name or a note read from a file may hold anything).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from textual.content import Content
from textual.signal import Signal

from netui.domain.dates import format_loose_date, time_since
from netui.domain.queue import QueueItem
from netui.domain.script_types import RenderedScript, ScriptSummary
from netui.domain.scripts import ScriptChannel
from netui.domain.timer_status import TimerStatus
from netui.domain.types import Contact, DatePrecision, Interaction
from netui.tui.send_script import short
from netui.tui.text import literal_line, one_line

if TYPE_CHECKING:
    from netui.services.timer import TimerService

__all__ = ["Person", "SessionHooks", "card_text", "choose_script", "last_text", "short"]

LABEL = 12
CHANNEL_FIT = (
    ("emails", ScriptChannel.EMAIL),
    ("linkedin_url", ScriptChannel.LINKEDIN_MESSAGE),
    ("phones", ScriptChannel.PHONE),
    ("phones", ScriptChannel.TEXT),
)
"""Which script channel suits someone, best first, by what their card has."""


@dataclass(frozen=True, slots=True)
class SessionHooks:
    """How the session mode reaches the Today pane, which owns the timer and tells the
    other panes: run a timer action, hear every status it reads, report a log."""

    run_timer: Callable[[Callable[[TimerService], TimerStatus], str], TimerStatus | None]
    status_signal: Signal[TimerStatus]
    logged: Callable[[int], object]


@dataclass(frozen=True, slots=True)
class Person:
    """The person on the card, as read when they came up, and their script filled in."""

    item: QueueItem
    contact: Contact
    last: Interaction | None
    script: ScriptSummary | None
    rendered: RenderedScript | None


def _field(label: str, value: Content | str) -> Content:
    shown = value if isinstance(value, Content) else literal_line(value)
    return Content.assemble((f"{label:<{LABEL}}", "$text-muted"), shown)


def _day(value: date) -> str:
    return f"{value:%a} {format_loose_date(value, DatePrecision.DAY)}"


def last_text(contact: Contact, last: Interaction | None, today: date) -> Content:
    """The latest interaction (with its note), or the last contact date known, or never."""
    if last is not None:
        local = last.occurred_at.astimezone().date()
        since = time_since(local, DatePrecision.DAY, today)
        head = f"{last.channel.value}, {format_loose_date(local, DatePrecision.DAY)} ({since}): "
        parts = [Content(head), Content.styled(last.outcome.label, "$secondary")]
        if last.note:
            parts += [Content(" · "), literal_line(last.note)]
        return Content.assemble(*parts)
    if contact.last_contacted:
        precision = contact.last_contacted_precision or DatePrecision.DAY
        since = time_since(contact.last_contacted, precision, today)
        return Content(f"{format_loose_date(contact.last_contacted, precision)} ({since})")
    return Content.styled("never recorded", "$text-muted")


def card_text(
    contact: Contact,
    item: QueueItem,
    last: Interaction | None,
    today: date,
    follow_up: date | None,
) -> Content:
    """The card: who, why today, how to reach them, how you met, the last interaction."""
    lines = [
        Content.assemble(literal_line(contact.full_name, "bold"), ("  " + item.why, "$accent")),
    ]
    role = " · ".join(part for part in (contact.title, contact.company) if part)
    if role:
        lines.append(literal_line(role))
    lines.append(Content(""))
    reach = (
        ("Phone", contact.phones),
        ("Email", contact.emails),
        ("LinkedIn", (contact.linkedin_url,) if contact.linkedin_url else ()),
    )
    for label, values in reach:
        shown = ", ".join(one_line(value) for value in values)
        lines.append(_field(label, shown or Content.styled("none", "$text-muted")))
    if contact.how_we_met:
        lines.append(_field("How you met", contact.how_we_met))
    lines.append(_field("Last", last_text(contact, last, today)))
    if follow_up is not None:
        lines.append(
            _field("Follow up", Content.styled(f"{_day(follow_up)}, with the outcome", "bold"))
        )
    return Content("\n").join(lines)


def choose_script(
    contact: Contact, scripts: Sequence[ScriptSummary], chosen: int | None
) -> ScriptSummary | None:
    """The script the user chose in this session, else the first that suits the contact."""
    if not scripts:
        return None
    for summary in scripts:
        if summary.id == chosen:
            return summary
    for attribute, channel in CHANNEL_FIT:
        if getattr(contact, attribute):
            for summary in scripts:
                if summary.channel is channel:
                    return summary
    return scripts[0]
