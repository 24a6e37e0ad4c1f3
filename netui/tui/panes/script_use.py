"""Using the script for the highlighted contact: copy it, email it, take it to LinkedIn,
view it to copy by hand, and log that it went out.

Each acts on what the preview shows: the editor's text (saved or not) filled in for the
contact. Opening a link happens off the UI thread (:mod:`netui.tui.outreach`); what could
not be opened is said, and its link kept for the text view (v) to copy by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from netui.domain.types import Contact
from netui.errors import NetuiError, NotFoundError, ValidationError
from netui.tui import outreach, send_script
from netui.tui.db_errors import gone_message, report

if TYPE_CHECKING:
    from netui.domain.script_types import RenderedScript
    from netui.tui.panes.script import ScriptPane


WARNINGS_WHERE = "in the preview"
INSTEAD = "add it (e in Contacts), or copy the text with F2"
_who = send_script.short


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
    return send_script.copy(pane, rendered, pane.contact_name)


def _warned(pane: ScriptPane, message: str, rendered: RenderedScript) -> None:
    send_script.said(pane, message, rendered, WARNINGS_WHERE)


def copy_text(pane: ScriptPane) -> None:
    rendered = _rendered(pane)
    if rendered is not None and pane.contact_id is not None:
        _warned(pane, _copy(pane, rendered), rendered)


def _for_contact(pane: ScriptPane) -> tuple[RenderedScript, Contact] | None:
    """The preview's text and the highlighted contact, both as they are now."""
    rendered = _rendered(pane)
    contact = _contact(pane) if rendered is not None else None
    return None if rendered is None or contact is None else (rendered, contact)


def send_email(pane: ScriptPane) -> None:
    """Open the mail client on a new message to the contact's first email address."""
    found = _for_contact(pane)
    if found is None:
        return
    rendered, contact = found
    message = send_script.email(pane, contact, rendered, INSTEAD)
    if message is not None:
        pane.failed_link = ""
        _warned(pane, message, rendered)


def open_linkedin(pane: ScriptPane) -> None:
    """Copy the text, then open the contact's LinkedIn page to paste it in a message."""
    found = _for_contact(pane)
    if found is None:
        return
    rendered, contact = found
    message = send_script.linkedin(pane, contact, rendered, INSTEAD)
    if message is not None:
        pane.failed_link = ""
        _warned(pane, message, rendered)


def url_opened(pane: ScriptPane, message: outreach.UrlOpened) -> None:
    kept = send_script.link_failed(pane, message)
    if kept is not None:
        pane.failed_link = kept


def view_text(pane: ScriptPane) -> None:
    from netui.tui.screens.script_text import ScriptTextScreen

    rendered = _rendered(pane)
    if rendered is None or pane.script is None:
        return
    subject = rendered.subject.text if rendered.subject is not None else None
    title = f"{pane.script.name} for {_who(pane.contact_name)}"
    pane.app.push_screen(ScriptTextScreen(title, rendered.body.text, subject, pane.failed_link))


outcome_for = send_script.outcome_for


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

    def referred(new_id: int) -> None:
        pane.post_message(pane.Logged(new_id))  # the Contacts pane reads the new row

    pane.app.push_screen(LogInteractionScreen(pane.services, contact, preset, referred), logged)
