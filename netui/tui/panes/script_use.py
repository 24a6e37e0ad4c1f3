"""Using the script for the highlighted contact: copy it, email it, take it to LinkedIn,
view it to copy by hand, and log that it went out.

Each acts on what the preview shows: the editor's text (saved or not) filled in for the
contact. Opening a link happens off the UI thread (:mod:`netui.tui.outreach`); what could
not be opened is said, and its link kept for the text view (v) to copy by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from netui.domain.outreach_links import (
    MAILTO_COMFORTABLE_LENGTH,
    first_email,
    linkedin_page,
    mailto_url,
)
from netui.domain.scripts import ScriptChannel
from netui.domain.types import Contact, Outcome
from netui.errors import NetuiError, NotFoundError, ValidationError
from netui.tui import outreach
from netui.tui.db_errors import gone_message, report

if TYPE_CHECKING:
    from netui.domain.script_types import RenderedScript
    from netui.tui.panes.script import ScriptPane


NAME_SHOWN = 60
"""How much of a name a message quotes (a name read from a file can be any length)."""


def _who(name: str) -> str:
    return name if len(name) <= NAME_SHOWN else name[: NAME_SHOWN - 1] + "…"


def _contact(pane: ScriptPane) -> Contact | None:
    """The highlighted contact as stored now; None (and why) when there is none."""
    if pane.contact_id is None:
        pane.notify("Highlight a contact in the Contacts pane first.", severity="warning")
        return None
    try:
        return pane.services.contacts.get(pane.contact_id)
    except NotFoundError:
        pane.notify(gone_message(_who(pane.contact_name)), severity="error")
        pane.show_contact(None)
    except NetuiError as error:
        report(pane, error)
    return None


def _rendered(pane: ScriptPane) -> RenderedScript | None:
    """The preview's text, brought up to date first (values, then the latest keystroke)."""
    pane.settle_values()
    pane.render_now()
    return pane.rendered


def _copy(pane: ScriptPane, rendered: RenderedScript) -> str:
    """Copy the body; what to tell the user about where it went."""
    text = rendered.body.text
    sure = outreach.copy_text(pane, text)
    count = f"{len(text):,} characters"
    if sure:
        return f"Copied the text for {_who(pane.contact_name)} ({count})."
    return (
        f"Copied the text for {_who(pane.contact_name)} ({count}) if your terminal allows it; "
        "v shows it to copy by hand."
    )


def _warned(pane: ScriptPane, message: str, rendered: RenderedScript) -> None:
    if rendered.warnings:
        count = len(rendered.warnings)
        message += f" Check it first: {count} warning{'s' if count != 1 else ''} in the preview."
        pane.notify(message, severity="warning", timeout=6)
    else:
        pane.notify(message, timeout=4)


def copy_text(pane: ScriptPane) -> None:
    rendered = _rendered(pane)
    if rendered is not None and pane.contact_id is not None:
        _warned(pane, _copy(pane, rendered), rendered)


def _for_contact(pane: ScriptPane) -> tuple[RenderedScript, Contact] | None:
    """The preview's text and the highlighted contact, both as they are now."""
    rendered = _rendered(pane)
    contact = _contact(pane) if rendered is not None else None
    return None if rendered is None or contact is None else (rendered, contact)


def _lacks(pane: ScriptPane, contact: Contact, what: str) -> None:
    pane.notify(
        f"{_who(contact.full_name)} has no {what} on their card: add it (e in Contacts), "
        "or copy the text with F2.",
        severity="warning",
    )


def _open(pane: ScriptPane, url: str, what: str) -> None:
    pane.failed_link = ""
    outreach.open_in_background(pane, url, what)


def send_email(pane: ScriptPane) -> None:
    """Open the mail client on a new message to the contact's first email address."""
    found = _for_contact(pane)
    if found is None:
        return
    rendered, contact = found
    address = first_email(contact.emails)
    if address is None:
        _lacks(pane, contact, "email address")
        return
    subject = rendered.subject.text if rendered.subject is not None else ""
    try:
        url = mailto_url(address, subject, rendered.body.text)
    except ValidationError as error:
        pane.notify(str(error), severity="error")
        return
    message = f"Opening an email to {_who(contact.full_name)} <{address}>…"
    if len(url) > MAILTO_COMFORTABLE_LENGTH:  # some mail clients cut long links short
        message += " It is long, so the text is copied too: " + _copy(pane, rendered)
    _open(pane, url, f"an email to {_who(contact.full_name)}")
    _warned(pane, message, rendered)


def open_linkedin(pane: ScriptPane) -> None:
    """Copy the text, then open the contact's LinkedIn page (LinkedIn has no link that
    fills a message in, so the user pastes it there)."""
    found = _for_contact(pane)
    if found is None:
        return
    rendered, contact = found
    page = linkedin_page(contact.linkedin_url)
    if page is None:
        _lacks(pane, contact, "LinkedIn address")
        return
    copied = _copy(pane, rendered)
    _open(pane, page, f"the LinkedIn page of {_who(contact.full_name)}")
    _warned(pane, f"{copied} Opening their LinkedIn page: paste it in a message.", rendered)


def url_opened(pane: ScriptPane, message: outreach.UrlOpened) -> None:
    if message.problem is None:
        return
    pane.failed_link = message.url
    pane.notify(
        f"Nothing could open {message.what}: {message.problem}. "
        "v shows the text and the link, to copy by hand.",
        severity="warning",
        timeout=10,
    )


def view_text(pane: ScriptPane) -> None:
    from netui.tui.screens.script_text import ScriptTextScreen

    rendered = _rendered(pane)
    if rendered is None or pane.script is None:
        return
    subject = rendered.subject.text if rendered.subject is not None else None
    title = f"{pane.script.name} for {_who(pane.contact_name)}"
    pane.app.push_screen(ScriptTextScreen(title, rendered.body.text, subject, pane.failed_link))


def outcome_for(channel: ScriptChannel) -> Outcome:
    """A call logged from talking points was a conversation; a written message has, until
    an answer comes, only been left for them."""
    return Outcome.TALKED if channel is ScriptChannel.PHONE else Outcome.LEFT_MESSAGE


def log_use(pane: ScriptPane) -> None:
    """Log the interaction with the script's channel and revision, in the Contacts pane's
    log dialog (same dialog, same service).

    The revision recorded is the text that went out, which is what the editor holds (the
    copy, the email and the preview are all made from it). So when the editor's text is
    not saved yet, it is saved as a new revision first and the dialog says which revision
    it records; logging an older revision than the one sent would make the script's
    usage figures lie. If that save fails, nothing is logged and the reason is shown.
    """
    from netui.tui.screens.log_interaction import LogInteractionScreen, LogPreset

    script, state = pane.script, pane.state
    contact = _contact(pane) if script is not None else None
    if script is None or state is None or contact is None:
        return
    saved_first = ""
    if not state.is_saved(pane.editor_text):
        try:
            script = pane.services.scripts.save(script.id, *pane.editor_text)
        except ValidationError as error:
            pane.notify(f"Not logged: the text cannot be saved ({error}).", severity="error")
            return
        except NetuiError as error:
            report(pane, error, retry="ctrl+l")
            return
        pane.saved(script)
        saved_first = ", just saved"
    preset = LogPreset(
        channel=script.channel.logged_as,
        outcome=outcome_for(script.channel),
        script_revision_id=script.revision_id,
        about=f"{script.name}, revision {script.revision_number}{saved_first}",
    )

    def logged(contact_id: int | None) -> None:
        if contact_id is not None:
            pane.post_message(pane.Logged(contact_id))
            pane.reload_list()
        pane.contacts_changed()  # the last note is new; or another netui changed them

    pane.app.push_screen(LogInteractionScreen(pane.services, contact, preset), logged)
