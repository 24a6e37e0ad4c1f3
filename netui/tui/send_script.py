"""Sending a filled-in script to one person: the steps the Script pane and the session mode
share, so both say the same things and build the same links.

Each step takes the widget that sends (it shows the toasts and runs the opening in its
worker), the contact as stored and the rendered script. Opening happens off the UI thread
(:mod:`netui.tui.outreach`); what could not be opened is said, and the sender keeps its
link so the text view can offer it to copy by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.widget import Widget

from netui.domain.outreach_links import (
    MAILTO_COMFORTABLE_LENGTH,
    first_email,
    linkedin_page,
    mailto_url,
)
from netui.domain.scripts import ScriptChannel
from netui.domain.types import Outcome
from netui.errors import ValidationError
from netui.tui import outreach

if TYPE_CHECKING:
    from netui.domain.script_types import RenderedScript
    from netui.domain.types import Contact

__all__ = [
    "NAME_SHOWN",
    "Step",
    "copy",
    "email",
    "link_failed",
    "linkedin",
    "outcome_for",
    "said",
    "short",
]

NAME_SHOWN = 60
"""How much of a name a message quotes (a name read from a file can be any length)."""


Step = Callable[[Widget, "Contact", "RenderedScript", str], "str | None"]
"""A sending step (:func:`email`, :func:`linkedin`): what to say, or None."""


def short(name: str) -> str:
    return name if len(name) <= NAME_SHOWN else name[: NAME_SHOWN - 1] + "…"


def outcome_for(channel: ScriptChannel) -> Outcome:
    """What a use of a script is logged as until an answer comes: talking points were a
    conversation; a written message has only been left for them."""
    return Outcome.TALKED if channel is ScriptChannel.PHONE else Outcome.LEFT_MESSAGE


def copy(node: Widget, rendered: RenderedScript, name: str) -> str:
    """Copy the body; what to tell the user about where it went."""
    text = rendered.body.text
    count = f"{len(text):,} characters"
    if outreach.copy_text(node, text):
        return f"Copied the text for {short(name)} ({count})."
    return (
        f"Copied the text for {short(name)} ({count}) if your terminal allows it; "
        "v shows it to copy by hand."
    )


def said(node: Widget, message: str, rendered: RenderedScript, where: str) -> None:
    """Say ``message``, with a word on the warnings ``where`` they show, if there are any."""
    if rendered.warnings:
        count = len(rendered.warnings)
        message += f" Check it first: {count} warning{'s' if count != 1 else ''} {where}."
        node.notify(message, severity="warning", timeout=6)
    else:
        node.notify(message, timeout=4)


def _lacks(node: Widget, contact: Contact, what: str, instead: str) -> None:
    node.notify(
        f"{short(contact.full_name)} has no {what} on their card: {instead}.", severity="warning"
    )


def email(node: Widget, contact: Contact, rendered: RenderedScript, instead: str) -> str | None:
    """Open the mail client on a message to the first address; what to say, or None when
    nothing is being opened (and why was said). ``instead``: what to do without one."""
    address = first_email(contact.emails)
    if address is None:
        _lacks(node, contact, "email address", instead)
        return None
    subject = rendered.subject.text if rendered.subject is not None else ""
    try:
        url = mailto_url(address, subject, rendered.body.text)
    except ValidationError as error:
        node.notify(str(error), severity="error")
        return None
    message = f"Opening an email to {short(contact.full_name)} <{address}>…"
    if len(url) > MAILTO_COMFORTABLE_LENGTH:  # some mail clients cut long links short
        message += " It is long, so the text is copied too: " + copy(
            node, rendered, contact.full_name
        )
    outreach.open_in_background(node, url, f"an email to {short(contact.full_name)}")
    return message


def linkedin(node: Widget, contact: Contact, rendered: RenderedScript, instead: str) -> str | None:
    """Copy the text, then open their LinkedIn page (LinkedIn has no link that fills a
    message in, so the user pastes it there); what to say, or None."""
    page = linkedin_page(contact.linkedin_url)
    if page is None:
        _lacks(node, contact, "LinkedIn address", instead)
        return None
    copied = copy(node, rendered, contact.full_name)
    outreach.open_in_background(node, page, f"the LinkedIn page of {short(contact.full_name)}")
    return f"{copied} Opening their LinkedIn page: paste it in a message."


def link_failed(node: Widget, message: outreach.UrlOpened) -> str | None:
    """A background open came back: when nothing took the link, say so; the link to keep."""
    if message.problem is None:
        return None
    node.notify(
        f"Nothing could open {message.what}: {message.problem}. "
        "v shows the text and the link, to copy by hand.",
        severity="warning",
        timeout=10,
    )
    return message.url
