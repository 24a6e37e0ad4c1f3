"""The dialogs the Contacts pane opens, and what it does with their results.

Plain functions over the pane rather than more methods on it: each opens one screen with
what it needs (services, the contact) and hands the result back to the pane's refresh.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from netui.domain.listing import StatusFilter
from netui.errors import NetuiError, NotFoundError
from netui.tui.db_errors import report

if TYPE_CHECKING:
    from netui.domain.types import Contact
    from netui.services.triage import TriageResult
    from netui.tui.panes.contacts import ContactsPane

KEEPS_A_NEW_CONTACT_IN_VIEW = (StatusFilter.ACTIVE, StatusFilter.ALL, StatusFilter.NEW)
KEYWORDS_SHOWN = 120
"""How much of the saved keywords a toast repeats."""


def _current_contact(pane: ContactsPane) -> Contact | None:
    """The highlighted contact as stored now; None (and a message) when it is gone."""
    row = pane.table.current_row
    if row is None:
        return None
    try:
        return pane.services.contacts.get(row.id)
    except NotFoundError:
        from netui.tui.panes.contact_triage import contacts_gone

        contacts_gone(pane, [row.id])  # merged or deleted by another netui since listed
    except NetuiError as error:
        report(pane, error)
    return None


def new_contact(pane: ContactsPane) -> None:
    from netui.tui.screens.contact_form import ContactFormScreen

    pane.app.push_screen(ContactFormScreen(pane.services, None), lambda c: _saved(pane, c))


def edit_contact(pane: ContactsPane) -> None:
    from netui.tui.screens.contact_form import ContactFormScreen

    contact = _current_contact(pane)
    if contact is not None:
        pane.app.push_screen(
            ContactFormScreen(pane.services, contact), lambda c: _saved(pane, c, contact.id)
        )


def _saved(pane: ContactsPane, contact_id: int | None, opened_on: int | None = None) -> None:
    if contact_id is None:
        if opened_on is not None:
            pane.refresh_contacts([opened_on])  # another netui may have taken it away
        return
    if pane.listing.get(contact_id) is None and pane.status_filter not in (
        KEEPS_A_NEW_CONTACT_IN_VIEW
    ):
        pane.status_filter = StatusFilter.ACTIVE  # so the new contact is in view
    pane.refresh_contacts([contact_id], land_on=contact_id)
    pane.table.focus()


def log_interaction(pane: ContactsPane) -> None:
    from netui.tui.screens.log_interaction import LogInteractionScreen

    contact = _current_contact(pane)
    if contact is None:
        return

    def logged(contact_id: int | None) -> None:
        # Read again even when cancelled: another netui may have taken the contact away.
        pane.refresh_contacts([contact.id], land_on=contact_id)

    def referred(new_id: int) -> None:
        _saved(pane, new_id)  # the person referred joins the list, highlighted

    pane.app.push_screen(LogInteractionScreen(pane.services, contact, None, referred), logged)


def triage_mode(pane: ContactsPane) -> None:
    from netui.tui.screens.triage_mode import TriageModeScreen

    def done(_: None) -> None:
        pane.reload_contacts()

    pane.app.push_screen(TriageModeScreen(pane.services, pane.listing), done)


def import_contacts(pane: ContactsPane) -> None:
    from netui.tui.screens.import_wizard import ImportScreen

    def done(batch: int | None) -> None:
        if batch is not None:
            pane.reload_contacts()

    pane.app.push_screen(ImportScreen(pane.services), done)


def export_contacts(pane: ContactsPane) -> None:
    from netui.tui.screens.export_dialog import ExportScreen

    pane.app.push_screen(ExportScreen(pane.services, pane.status_filter))


def find_duplicates(pane: ContactsPane) -> None:
    from netui.tui.screens.duplicates import DuplicatesScreen

    def done(merged: int | None) -> None:
        if merged:
            pane.reload_contacts()

    pane.app.push_screen(DuplicatesScreen(pane.services), done)


def offer_swap(pane: ContactsPane, ids: list[int], reason: str, land_on: int | None) -> None:
    """The Top 20 is full: for one contact, ask who makes room; for several, say why not."""
    from netui.tui.screens.swap_top20 import offer_swap as ask

    if len(ids) != 1:
        pane.notify(f"Cannot add {len(ids)} people: {reason}.", severity="warning")
        return

    def swapped(result: TriageResult) -> None:
        pane.apply_result(result, land_on)

    ask(pane, pane.services, ids[0], swapped)


def time_audit(pane: ContactsPane) -> None:
    """Find the time, from the welcome: a goal it accepts shows in Today on return."""
    from netui.tui.screens.time_audit import TimeAuditScreen

    pane.app.push_screen(TimeAuditScreen(pane.services), lambda _: pane.settings_changed())


def set_goal(pane: ContactsPane) -> None:
    from netui.tui.screens.welcome_dialogs import GoalDialog

    def saved(minutes: int | None) -> None:
        if minutes is not None:
            pane.notify(f"Daily goal: {minutes} minutes.", timeout=3)
            pane.settings_changed()

    pane.app.push_screen(GoalDialog(pane.services), saved)


def set_keywords(pane: ContactsPane) -> None:
    """Target keywords change every priority: the list is scored again when they are saved."""
    from netui.tui.screens.welcome_dialogs import KeywordsDialog

    def saved(keywords: tuple[str, ...] | None) -> None:
        if keywords is None:
            return
        said = ", ".join(keywords) if keywords else "none"
        if len(said) > KEYWORDS_SHOWN:
            said = said[: KEYWORDS_SHOWN - 1] + "…"
        pane.notify(f"Looking for: {said}. Matching people now come first.", timeout=4)
        pane.reload_contacts()
        pane.settings_changed()

    pane.app.push_screen(KeywordsDialog(pane.services), saved)
