"""Reaching the person on the session mode's card: copy the script, email it, take it to
LinkedIn, view it to copy by hand, or log with a note in the usual dialog.

The sending steps are the Script pane's own (:mod:`netui.tui.send_script`), so both say
the same things and open the same links.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from netui.tui import send_script
from netui.tui.screens.session_card import Person, short

if TYPE_CHECKING:
    from netui.tui import outreach
    from netui.tui.screens.session_mode import SessionModeScreen

__all__ = ["copy_script", "log_with_note", "open_linkedin", "send_email", "url_opened"]

WARNINGS_WHERE = "in the script"
INSTEAD = "copy the text (y) and reach them another way"


def copy_script(screen: SessionModeScreen, person: Person) -> None:
    if person.rendered is not None:
        message = send_script.copy(screen, person.rendered, person.contact.full_name)
        send_script.said(screen, message, person.rendered, WARNINGS_WHERE)


def _send(screen: SessionModeScreen, person: Person, step: send_script.Step) -> None:
    if person.rendered is None:
        return
    message = step(screen, person.contact, person.rendered, INSTEAD)
    if message is not None:
        screen.failed_link = ""
        send_script.said(screen, message, person.rendered, WARNINGS_WHERE)


def send_email(screen: SessionModeScreen, person: Person) -> None:
    """A new message in the mail client to their first address, the script filled in."""
    _send(screen, person, send_script.email)


def open_linkedin(screen: SessionModeScreen, person: Person) -> None:
    """Copy the text, then open their LinkedIn page to paste it in a message."""
    _send(screen, person, send_script.linkedin)


def url_opened(screen: SessionModeScreen, message: outreach.UrlOpened) -> None:
    kept = send_script.link_failed(screen, message)
    if kept is not None:
        screen.failed_link = kept


def view_text(screen: SessionModeScreen, person: Person) -> None:
    """The script as plain text (and a link that would not open), to select and copy."""
    from netui.tui.screens.script_text import ScriptTextScreen

    rendered = person.rendered
    if rendered is None or person.script is None:
        return
    subject = rendered.subject.text if rendered.subject is not None else None
    title = f"{person.script.name} for {short(person.contact.full_name)}"
    screen.app.push_screen(ScriptTextScreen(title, rendered.body.text, subject, screen.failed_link))


def log_with_note(screen: SessionModeScreen, person: Person) -> None:
    """The usual log dialog, preset with the script's channel, outcome and revision."""
    from netui.tui.screens.log_interaction import LogInteractionScreen, LogPreset

    preset = None
    script, rendered = person.script, person.rendered
    if script is not None and rendered is not None:
        preset = LogPreset(
            channel=script.channel.logged_as,
            outcome=send_script.outcome_for(script.channel),
            script_revision_id=rendered.revision_id,
            about=script.name,
        )

    def logged(contact_id: int | None) -> None:
        if contact_id is not None:
            screen.note_logged(person)

    screen.app.push_screen(
        LogInteractionScreen(screen.services, person.contact, preset, screen.hooks.logged), logged
    )
