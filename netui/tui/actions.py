"""Every key netui answers to, written down once.

Each :class:`Action` names where it works (its :class:`Scope`), its keys, the action it
runs and how to describe it. From this one table come the widgets' ``BINDINGS``, the
footer, the command palette, the help screen and the README's key table, so they cannot
drift apart (``tests/tui/test_actions.py`` fails when they do). A binding's id is the
action's id, which is what a user remaps with ``App.set_keymap``.

:mod:`netui.tui.keys_doc` turns the table into the help text and the README's key table.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from textual.binding import Binding, BindingType

from netui.domain.listing import SortKey, StatusFilter
from netui.domain.types import Outcome

__all__ = [
    "ACTIONS",
    "Action",
    "Scope",
    "bindings",
    "by_scope",
    "palette_actions",
]


class Scope(StrEnum):
    """Where a key works: the app, the main screen, one pane, or one screen or dialog."""

    APP = "app"
    PANES = "panes"
    CONTACTS = "contacts"
    CONTACT_LIST = "contact_list"
    TODAY = "today"
    SCRIPT = "script"
    REVISIONS = "revisions"
    SCRIPT_TEXT = "script_text"
    CONFIRM = "confirm"
    TRIAGE = "triage"
    FORM = "form"
    IMPORT = "import"
    EXPORT = "export"
    DUPLICATES = "duplicates"
    SWAP = "swap"
    RECOVERY = "recovery"
    AUDIT = "audit"
    SESSION = "session"
    SUMMARY = "summary"
    STATS = "stats"
    HELP = "help"
    WELCOME = "welcome"

    @property
    def heading(self) -> str:
        """How the help screen and the README head this scope's keys."""
        return _SCOPE_TITLES[self]


_SCOPE_TITLES = {
    Scope.APP: "Everywhere",
    Scope.PANES: "Between panes",
    Scope.CONTACTS: "Contacts pane",
    Scope.CONTACT_LIST: "Moving in the contact list",
    Scope.TODAY: "Today pane",
    Scope.SCRIPT: "Script pane",
    Scope.REVISIONS: "A script's revisions",
    Scope.SCRIPT_TEXT: "The filled-in text, to copy by hand",
    Scope.CONFIRM: "Questions (delete a script, reset it)",
    Scope.TRIAGE: "Triage mode (T): one new contact at a time",
    Scope.FORM: "Forms (new contact, edit, log a call)",
    Scope.IMPORT: "Import",
    Scope.EXPORT: "Export",
    Scope.DUPLICATES: "Possible duplicates",
    Scope.SWAP: "When the Top 20 is full",
    Scope.RECOVERY: "After an interrupted session",
    Scope.AUDIT: "Find the time (the time audit)",
    Scope.SESSION: "Session mode (S in Today): one person at a time",
    Scope.SUMMARY: "At the end of a session",
    Scope.STATS: "Progress (p in Today)",
    Scope.HELP: "This help",
    Scope.WELCOME: "The welcome (while there are no contacts)",
}

PALETTE_SCOPES = frozenset(
    {Scope.APP, Scope.PANES, Scope.CONTACTS, Scope.CONTACT_LIST, Scope.TODAY, Scope.SCRIPT}
)
"""Scopes whose actions the command palette offers from the main screen (a dialog's own
scope is offered while that dialog is on top)."""


@dataclass(frozen=True, slots=True)
class Action:
    """One thing a user can do by key or by name."""

    id: str
    """Stable id, also the binding id users remap: ``contacts.top20``."""
    scope: Scope
    keys: str
    """Textual key names, comma-separated (``"K,shift+up"``); empty for palette-only actions."""
    action: str
    """The ``action_*`` method to run, with any arguments: ``"strength(1)"``."""
    label: str
    """Short, for the footer."""
    title: str
    """For the command palette and the help screen."""
    help: str
    """One sentence on what it does."""
    show: bool = False
    """Shown in the footer."""
    priority: bool = False
    """Checked before the focused widget sees the key (ctrl+s in a form)."""
    key_display: str | None = None
    """How the footer and the docs show the keys, when not derived from ``keys``."""
    documented: bool = True
    """Listed on the help screen and in the README (False for strength 2-5, shown as 1-5)."""
    doc_title: str | None = None
    """The title in the docs when it differs from the palette's (one row for 1-5)."""
    in_palette: bool = True
    """Offered by name in the command palette (when its scope is; not for a second key)."""

    @property
    def palette(self) -> bool:
        return self.in_palette and self.scope in PALETTE_SCOPES

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.label,
            show=self.show,
            key_display=self.key_display,
            priority=self.priority,
            id=self.id,
        )


def _strengths(scope: Scope, whose: str) -> Iterator[Action]:
    """Keys 1-5 set a tie strength: five bindings, one row in the docs."""
    for strength in range(1, 6):
        yield Action(
            f"{scope.value}.strength_{strength}",
            scope,
            str(strength),
            f"strength({strength})",
            "Strength" if strength == 1 else f"Strength {strength}",
            f"Strength {strength}",
            f"Tie strength of {whose}, 1 acquaintance to 5 close.",
            show=strength == 1,
            key_display="1-5" if strength == 1 else None,
            documented=strength == 1,
            doc_title="Tie strength",
        )


def _outcomes() -> Iterator[Action]:
    """Keys 1-7 log an outcome in the session mode: seven bindings, one row in the docs."""
    for number, outcome in enumerate(Outcome, start=1):
        yield Action(
            f"session.outcome_{outcome.value}",
            Scope.SESSION,
            str(number),
            f"outcome('{outcome.value}')",
            "Log outcome" if number == 1 else outcome.label.capitalize(),
            f"Log: {outcome.label}",
            "Log what happened and go on to the next person: 1 no answer, 2 left message, "
            "3 replied, 4 talked, 5 meeting set, 6 referral, 7 declined.",
            show=number == 1,
            key_display="1-7" if number == 1 else None,
            documented=number == 1,
            doc_title="Log the outcome",
        )


FILTER_TITLES = {
    StatusFilter.ACTIVE: "Active",
    StatusFilter.NEW: "New (untriaged)",
    StatusFilter.TOP20: "Top 20",
    StatusFilter.LATER: "Later",
    StatusFilter.SKIP: "Skipped",
    StatusFilter.ARCHIVED: "Archived",
    StatusFilter.ALL: "All",
}
"""How each status filter is named on screen."""


def _sorts_and_filters() -> Iterator[Action]:
    """Each sort order and filter by name, for the palette (s and f cycle through them)."""
    for key in SortKey:
        yield Action(
            f"contacts.sort_{key.value}", Scope.CONTACTS, "", f"sort('{key.value}')",
            "Sort", f"Sort by {key.value}", "Order the contact list.", documented=False,
        )  # fmt: skip
    for status in StatusFilter:
        yield Action(
            f"contacts.show_{status.value}", Scope.CONTACTS, "", f"show('{status.value}')",
            "Show", f"Show {FILTER_TITLES[status]}", "Filter the contact list.", documented=False,
        )  # fmt: skip


# fmt: off
_A = Action
ACTIONS: tuple[Action, ...] = (
    # -- everywhere -----------------------------------------------------------------------
    _A("app.quit", Scope.APP, "q", "quit", "Quit", "Quit",
       "Leave netui (where no text box has the cursor)."),
    _A("app.quit_now", Scope.APP, "ctrl+q", "quit", "Quit", "Quit",
       "Leave netui from anywhere.", priority=True, in_palette=False),
    _A("app.help", Scope.APP, "f1,question_mark", "help", "Help", "Help",
       "Every key, by pane.", show=True),
    _A("app.palette", Scope.APP, "ctrl+p", "command_palette", "Commands", "Command palette",
       "Every action by name.", priority=True, in_palette=False),
    _A("app.about", Scope.APP, "", "about", "About", "About netui",
       "Which netui this is.", documented=False),
    # -- between panes --------------------------------------------------------------------
    _A("panes.next", Scope.PANES, "tab", "next_pane", "Next pane", "Next pane",
       "Go to the next pane: Contacts, Today, Script. On a narrow terminal the panes take turns."),
    _A("panes.previous", Scope.PANES, "shift+tab", "previous_pane", "Previous pane",
       "Previous pane",
       "Go back to the previous pane."),
    # F5-F7 (not ctrl+arrows: the editor and search boxes move by word with those).
    _A("panes.contacts", Scope.PANES, "f5", "show_pane('contacts-pane')", "Contacts",
       "Go to Contacts", "Straight to the Contacts pane (or click its tab on a narrow terminal)."),
    _A("panes.today", Scope.PANES, "f6", "show_pane('today-pane')", "Today",
       "Go to Today", "Straight to the Today pane."),
    _A("panes.script", Scope.PANES, "f7", "show_pane('script-pane')", "Script",
       "Go to Script", "Straight to the Script pane."),
    # -- the Contacts pane ----------------------------------------------------------------
    _A("contacts.search", Scope.CONTACTS, "slash", "search", "Search", "Search contacts",
       "Filter the list as you type: name, company, title, email, tags and notes (esc clears).",
       show=True),
    _A("contacts.new", Scope.CONTACTS, "n", "new_contact", "New", "New contact",
       "Add someone by hand.", show=True),
    _A("contacts.edit", Scope.CONTACTS, "e", "edit_contact", "Edit", "Edit contact",
       "Edit the highlighted contact (Enter too)."),
    _A("contacts.log", Scope.CONTACTS, "c", "log_interaction", "Log call", "Log a call or message",
       "Record what happened, the outcome and the follow-up.", show=True),
    _A("contacts.top20", Scope.CONTACTS, "t", "top20", "Top 20", "Add to Top 20",
       "Put the highlighted contact on the Top 20 (when it is full, choose who makes room).",
       show=True),
    _A("contacts.later", Scope.CONTACTS, "l", "later", "Later", "Later",
       "Save the highlighted contact for later.", show=True),
    _A("contacts.skip", Scope.CONTACTS, "x", "skip", "Skip", "Skip",
       "Skip the highlighted contact.", show=True),
    _A("contacts.archive", Scope.CONTACTS, "a", "archive", "Archive", "Archive",
       "Archive the highlighted contact.", show=True),
    _A("contacts.renew", Scope.CONTACTS, "N", "renew", "Back to new", "Back to new",
       "Undecide the highlighted contact."),
    *_strengths(Scope.CONTACTS, "the highlighted contact"),
    _A("contacts.undo", Scope.CONTACTS, "u", "undo", "Undo", "Undo",
       "Undo the last triage decision; as many steps as you like, even after a restart.",
       show=True),
    _A("contacts.move_up", Scope.CONTACTS, "K,shift+up", "move_up", "Move up", "Move up in Top 20",
       "Raise the highlighted contact's Top 20 rank."),
    _A("contacts.move_down", Scope.CONTACTS, "J,shift+down", "move_down", "Move down",
       "Move down in Top 20",
       "Lower the highlighted contact's Top 20 rank."),
    _A("contacts.sort", Scope.CONTACTS, "s", "cycle_sort", "Sort", "Next sort order",
       "Sort by priority, staleness, name or company."),
    _A("contacts.filter", Scope.CONTACTS, "f", "cycle_filter", "Filter", "Next filter",
       "Show active, new, Top 20, later, skipped, archived or everyone."),
    _A("contacts.triage_mode", Scope.CONTACTS, "T", "triage_mode", "Triage", "Triage mode",
       "One new contact at a time, highest priority first.", show=True),
    _A("contacts.import", Scope.CONTACTS, "i", "import_contacts", "Import", "Import contacts",
       "LinkedIn, Google, Outlook, CSV, vCard or a netui backup, with a preview.", show=True),
    _A("contacts.export", Scope.CONTACTS, "", "export_contacts", "Export", "Export contacts",
       "CSV, vCard, a JSON backup or follow-ups as a calendar."),
    _A("contacts.duplicates", Scope.CONTACTS, "", "find_duplicates", "Duplicates",
       "Find duplicates",
       "Review people who may be in the list twice, and merge them."),
    *_sorts_and_filters(),
    _A("contacts.clear", Scope.CONTACTS, "escape", "clear", "Clear", "Clear search",
       "Clear the search, then the selection."),
    # -- the Script pane: ctrl and function keys work while typing, letters in the list --
    _A("script.new", Scope.SCRIPT, "n", "new_script", "New", "New script",
       "Start a script: its name and channel (phone, email, LinkedIn, text).", show=True),
    _A("script.edit", Scope.SCRIPT, "e", "edit_text", "Edit", "Edit the script",
       "Put the cursor in the editor (Enter on the list too).", show=True),
    _A("script.rename", Scope.SCRIPT, "r", "rename_script", "Rename", "Rename script",
       "Rename the chosen script or change its channel."),
    _A("script.duplicate", Scope.SCRIPT, "d", "duplicate_script", "Duplicate",
       "Duplicate script",
       "Copy the chosen script, to try a variation."),
    _A("script.delete", Scope.SCRIPT, "delete,backspace", "delete_script", "Delete",
       "Delete script",
       "Delete the chosen script after asking; one used in logged calls is kept for them.",
       key_display="del"),
    _A("script.back", Scope.SCRIPT, "escape", "back_to_list", "Scripts", "Back to the scripts",
       "Leave the editor for the list of scripts.", show=True, in_palette=False),
    _A("script.save", Scope.SCRIPT, "ctrl+s", "save_script", "Save", "Save script",
       "Save the text as a new revision (typing is autosaved as a draft meanwhile).",
       show=True),
    _A("script.copy", Scope.SCRIPT, "f2", "copy_text", "Copy", "Copy for this contact",
       "Copy the text filled in for the contact highlighted in Contacts.", show=True,
       key_display="F2"),
    _A("script.email", Scope.SCRIPT, "f3", "send_email", "Email", "Email this contact",
       "Open the mail client with the subject and text, to their first email.", show=True,
       key_display="F3"),
    _A("script.linkedin", Scope.SCRIPT, "f4", "open_linkedin", "LinkedIn",
       "Open their LinkedIn page",
       "Copy the text, then open their LinkedIn page to paste it there.", show=True,
       key_display="F4"),
    _A("script.log", Scope.SCRIPT, "ctrl+l", "log_use", "Log", "Log this script",
       "Log it for the contact with the script's channel and revision (saves the text first).",
       show=True),
    _A("script.view", Scope.SCRIPT, "v", "view_text", "View text", "View the text to copy",
       "The filled-in text on its own, to select and copy by hand."),
    _A("script.revisions", Scope.SCRIPT, "h", "show_revisions", "Revisions", "Script revisions",
       "Every saved revision of the script: compare and restore.", show=True),
    _A("script.profile", Scope.SCRIPT, "p", "edit_profile", "Profile", "Edit your profile",
       "Your name, situation and ask, which {my_name}, {my_situation} and {my_ask} use."),
    _A("script.reset", Scope.SCRIPT, "", "reset_to_builtin", "Reset", "Reset to built-in text",
       "Put netui's own text back in a built-in script (yours stays in its revisions)."),
    _A("script.discard", Scope.SCRIPT, "", "discard_edits", "Discard", "Discard unsaved edits",
       "Put the last saved revision back in the editor."),
    # -- the list itself ------------------------------------------------------------------
    _A("contact_list.up", Scope.CONTACT_LIST, "up,k", "cursor_up", "Up", "Up",
       "Move up the list."),
    _A("contact_list.down", Scope.CONTACT_LIST, "down,j", "cursor_down", "Down", "Down",
       "Move down the list."),
    _A("contact_list.page_up", Scope.CONTACT_LIST, "pageup", "page_up", "Page up", "Page up",
       "Up a screenful."),
    _A("contact_list.page_down", Scope.CONTACT_LIST, "pagedown", "page_down", "Page down",
       "Page down",
       "Down a screenful."),
    _A("contact_list.first", Scope.CONTACT_LIST, "home,g", "first", "First", "First",
       "To the top of the list."),
    _A("contact_list.last", Scope.CONTACT_LIST, "end,G,shift+g", "last", "Last", "Last",
       "To the bottom of the list."),
    _A("contact_list.select", Scope.CONTACT_LIST, "space", "toggle_select", "Select", "Select",
       "Select several contacts for one decision."),
    _A("contact_list.open", Scope.CONTACT_LIST, "enter", "activate", "Open", "Open",
       "Edit the highlighted contact."),
    # -- the Today pane -------------------------------------------------------------------
    _A("today.start", Scope.TODAY, "space", "start", "Start", "Start the timer",
       "Start today's session (the daily goal's minutes); space again pauses and resumes.",
       show=True, doc_title="Start, pause, resume"),
    _A("today.pause", Scope.TODAY, "space", "pause", "Pause", "Pause the timer",
       "Pause the running session.", show=True, documented=False),
    _A("today.resume", Scope.TODAY, "space", "resume", "Resume", "Resume the timer",
       "Go on with the paused session.", show=True, documented=False),
    _A("today.stop", Scope.TODAY, "x", "stop", "Stop", "Stop the timer",
       "End the session; its time counts toward today and the week.", show=True),
    _A("today.extend", Scope.TODAY, "e", "extend", "+5 min", "Plan 5 more minutes",
       "Plan 5 more minutes for the running session.", show=True),
    _A("today.recover", Scope.TODAY, "r", "recover", "Resolve", "Resolve the interrupted session",
       "netui lost sight of a session: keep its time, stop it where last seen, or discard it.",
       show=True),
    _A("today.session", Scope.TODAY, "S", "session_mode", "Session", "Session mode",
       "One person at a time from today's queue, with their script; starts the timer.",
       show=True),
    _A("today.log", Scope.TODAY, "c", "log_interaction", "Log call", "Log a call from the queue",
       "Record a call or message with the highlighted person (Enter too).", show=True),
    _A("today.audit", Scope.TODAY, "a", "time_audit", "Find time", "Find the time",
       "Lay out a typical day, find the minutes that could give way, set the daily goal.",
       show=True),
    _A("today.stats", Scope.TODAY, "p", "progress", "Progress", "Progress",
       "Minutes against the goal, people reached, the funnel, scripts, doors opened.",
       show=True),
    _A("today.bell", Scope.TODAY, "", "toggle_bell", "Bell", "Bell on or off",
       "Ring the terminal bell when the goal is reached or the planned time is up, or not."),
    # -- triage mode ----------------------------------------------------------------------
    _A("triage.top20", Scope.TRIAGE, "t", "decide('top20')", "Top 20", "Add to Top 20",
       "Put this contact on the Top 20.", show=True),
    _A("triage.later", Scope.TRIAGE, "l", "decide('later')", "Later", "Later",
       "Save this contact for later.", show=True),
    _A("triage.skip", Scope.TRIAGE, "x", "decide('skip')", "Skip", "Skip",
       "Skip this contact.", show=True),
    _A("triage.archive", Scope.TRIAGE, "a", "decide('archived')", "Archive", "Archive",
       "Archive this contact.", show=True),
    *_strengths(Scope.TRIAGE, "this contact"),
    _A("triage.pass", Scope.TRIAGE, "right,space", "pass_over", "Pass", "Pass",
       "Leave this contact undecided and go on.", show=True),
    _A("triage.back", Scope.TRIAGE, "left", "go_back", "Back", "Back",
       "Back to the previous contact."),
    _A("triage.undo", Scope.TRIAGE, "u", "undo", "Undo", "Undo",
       "Undo the last decision.", show=True),
    _A("triage.done", Scope.TRIAGE, "escape", "done", "Done", "Done",
       "Back to the list.", show=True),
    # -- forms ----------------------------------------------------------------------------
    _A("form.save", Scope.FORM, "ctrl+s", "save", "Save", "Save",
       "Save (Enter in a one-line field too).", show=True, priority=True),
    _A("form.cancel", Scope.FORM, "escape", "cancel", "Cancel", "Cancel",
       "Close without saving.", show=True),
    # -- import, export, duplicates, a full Top 20 ----------------------------------------
    _A("import.run", Scope.IMPORT, "ctrl+s", "run_import", "Import", "Import",
       "Import the chosen file.", show=True, priority=True),
    _A("import.dry_run", Scope.IMPORT, "ctrl+d", "dry_run", "Dry run", "Dry run",
       "Show what an import would do, writing nothing.", show=True, priority=True),
    _A("import.close", Scope.IMPORT, "escape", "close", "Close", "Close",
       "Back to the list.", show=True),
    _A("export.run", Scope.EXPORT, "ctrl+s", "export", "Export", "Export",
       "Write the file.", show=True, priority=True),
    _A("export.close", Scope.EXPORT, "escape", "close", "Close", "Close",
       "Back to the list.", show=True),
    _A("duplicates.keep_left", Scope.DUPLICATES, "1", "keep(0)", "Keep left", "Keep left",
       "Keep the left contact and merge the right one into it.", show=True),
    _A("duplicates.keep_right", Scope.DUPLICATES, "2", "keep(1)", "Keep right", "Keep right",
       "Keep the right contact and merge the left one into it.", show=True),
    _A("duplicates.different", Scope.DUPLICATES, "n", "not_duplicates", "Not the same",
       "Not the same",
       "They are different people: hide this pair.", show=True),
    _A("duplicates.close", Scope.DUPLICATES, "escape", "close", "Close", "Close",
       "Back to the list.", show=True),
    _A("swap.cancel", Scope.SWAP, "escape", "cancel", "Keep the list", "Keep the list",
       "Leave the Top 20 as it is (Enter on a name swaps them out).", show=True),
    _A("recovery.keep", Scope.RECOVERY, "k", "choose('keep')", "Keep", "Keep the time",
       "Count the gap as time worked and go on.", show=True),
    _A("recovery.stop", Scope.RECOVERY, "s", "choose('stop')", "Stop", "Stop where last seen",
       "End the session when netui last saw it; the gap does not count.", show=True),
    _A("recovery.discard", Scope.RECOVERY, "d", "choose('discard')", "Discard", "Discard",
       "Forget the session altogether.", show=True),
    _A("recovery.later", Scope.RECOVERY, "escape", "later", "Later", "Decide later",
       "Leave the session as it is for now (r in the Today pane asks again).", show=True),
    _A("audit.save", Scope.AUDIT, "ctrl+s", "save", "Save", "Save the day",
       "Save the blocks as laid out (redo the audit any time).", show=True, priority=True),
    _A("audit.accept", Scope.AUDIT, "ctrl+g", "accept_goal", "Accept goal", "Accept the goal",
       "Save, and make the suggested minutes your daily goal.", show=True, priority=True),
    _A("audit.add", Scope.AUDIT, "ctrl+n", "add_block", "Add block", "Add a block",
       "A new block of the day, after the one the cursor is in.", show=True, priority=True),
    _A("audit.remove", Scope.AUDIT, "ctrl+r", "remove_block", "Remove", "Remove the block",
       "Remove the block the cursor is in.", show=True, priority=True),
    _A("audit.calendar", Scope.AUDIT, "ctrl+o", "read_calendar", "Calendar", "Read a calendar",
       "Free gaps of the coming 7 days in an .ics export (Google, Outlook, Apple).", show=True,
       priority=True),
    _A("audit.close", Scope.AUDIT, "escape", "close", "Close", "Close",
       "Back to the Today pane (asks first when there is something unsaved).", show=True),
    _A("revisions.restore", Scope.REVISIONS, "enter", "restore", "Restore", "Restore",
       "Make the chosen revision the script's text again (saved as a new revision).",
       show=True),
    _A("revisions.compare", Scope.REVISIONS, "c", "toggle_compare", "Compare",
       "Compare with the latest or the previous",
       "Show what changed since the previous revision, or what differs from the latest.",
       show=True),
    _A("revisions.close", Scope.REVISIONS, "escape", "close", "Close", "Close",
       "Back to the script.", show=True),
    _A("script_text.close", Scope.SCRIPT_TEXT, "escape", "close", "Close", "Close",
       "Back to the script (select with the mouse or shift+arrows; ctrl+c copies).",
       show=True),
    _A("confirm.yes", Scope.CONFIRM, "y", "answer(True)", "Yes", "Yes",
       "Go ahead.", show=True),
    _A("confirm.no", Scope.CONFIRM, "n,escape", "answer(False)", "No", "No",
       "Leave things as they are.", show=True),
    *_outcomes(),
    _A("session.follow_up", Scope.SESSION, "f", "follow_up", "Follow-up", "Set a follow-up",
       "A follow-up date (in 2 weeks, next friday) that the outcome key logs too.", show=True),
    _A("session.log", Scope.SESSION, "l", "log_with_note", "With a note", "Log with a note",
       "The log dialog, preset with the script's channel and revision, for a note.", show=True),
    _A("session.skip", Scope.SESSION, "s,right", "skip", "Skip", "Skip",
       "Next person, nothing logged (they stay due).", show=True),
    _A("session.back", Scope.SESSION, "left", "back", "Back", "Back",
       "Back to the previous person."),
    _A("session.script", Scope.SESSION, "h", "other_script", "Script", "Another script",
       "Show the next script (email, LinkedIn, call...) filled in for them.", show=True),
    _A("session.copy", Scope.SESSION, "y", "copy", "Copy", "Copy the script",
       "Copy the filled-in text to the clipboard.", show=True),
    _A("session.email", Scope.SESSION, "m", "email", "Email", "Email it",
       "Open your mail client with the text, to their first email address.", show=True),
    _A("session.linkedin", Scope.SESSION, "o", "linkedin", "LinkedIn", "Open LinkedIn",
       "Copy the text and open their LinkedIn page to paste it in a message.", show=True),
    _A("session.view", Scope.SESSION, "v", "view_text", "View", "View the text",
       "The text (and a link that would not open) to select and copy by hand."),
    _A("session.pause", Scope.SESSION, "space", "pause", "Pause", "Pause the timer",
       "Pause the timer (space again resumes).", doc_title="Pause, resume"),
    _A("session.resume", Scope.SESSION, "space", "resume", "Resume", "Resume the timer",
       "Go on with the paused timer.", documented=False),
    _A("session.end", Scope.SESSION, "escape", "end", "End", "End the session",
       "Stop going through the queue and see what the session did.", show=True),
    _A("summary.stop", Scope.SUMMARY, "x", "stop_timer", "Stop timer", "Stop the timer",
       "Close the summary and stop the timer too.", show=True),
    _A("summary.done", Scope.SUMMARY, "escape", "done", "Done", "Done",
       "Close the summary; the timer goes on (Enter too).", show=True),
    # -- the stats screen -----------------------------------------------------------------
    _A("stats.period", Scope.STATS, "d", "toggle_period", "30/90 days", "30 or 90 days",
       "Show the last 30 days, or the last 90.", show=True),
    _A("stats.close", Scope.STATS, "escape", "close", "Close", "Close",
       "Back to the Today pane.", show=True),
    # -- help: the cursor stays in its search box, so no letter keys -----------------------
    _A("help.back", Scope.HELP, "escape", "back", "Back", "Clear or close",
       "Clear the search; with nothing typed, close help.", show=True),
    _A("help.close", Scope.HELP, "f1", "close", "Close", "Close help",
       "Close this help, search or not.", show=True, key_display="F1"),
    _A("help.up", Scope.HELP, "up", "scroll_rows(-1)", "Up", "Scroll up",
       "Scroll the list up a line."),
    _A("help.down", Scope.HELP, "down", "scroll_rows(1)", "Down", "Scroll down",
       "Scroll the list down a line."),
    _A("help.page_up", Scope.HELP, "pageup", "scroll_pages(-1)", "Page up", "Page up",
       "Scroll up a screenful."),
    _A("help.page_down", Scope.HELP, "pagedown", "scroll_pages(1)", "Page down", "Page down",
       "Scroll down a screenful."),
    # -- the first run: the welcome's offers, and the two settings it asks for ------------
    _A("welcome.import", Scope.WELCOME, "i", "offer('import')", "Import", "Import contacts",
       "LinkedIn, Google, Outlook, CSV or vCard, with a preview.", show=True),
    _A("welcome.add", Scope.WELCOME, "n", "offer('add')", "Add", "Add someone by hand",
       "The new-contact form.", show=True),
    _A("welcome.time", Scope.WELCOME, "a", "offer('time')", "Find time", "Find your time",
       "The time audit: lay out a typical day and find the minutes.", show=True),
    _A("welcome.goal", Scope.WELCOME, "g", "offer('goal')", "Goal", "Set the daily goal",
       "How many minutes a day to spend reaching out.", show=True),
    _A("welcome.keywords", Scope.WELCOME, "k", "offer('keywords')", "Looking for",
       "What you are looking for",
       "Target companies, industries and roles: people who match come first in triage.",
       show=True),
    _A("contacts.goal", Scope.CONTACTS, "", "set_goal", "Goal", "Set the daily goal",
       "How many minutes a day to spend reaching out."),
    _A("contacts.keywords", Scope.CONTACTS, "", "set_keywords", "Looking for",
       "Target companies, industries, roles",
       "The keywords that raise a contact's priority: people who match come first in triage."),
)
# fmt: on


def by_scope(scope: Scope) -> tuple[Action, ...]:
    return tuple(action for action in ACTIONS if action.scope is scope)


def bindings(scope: Scope) -> list[BindingType]:
    """The ``BINDINGS`` of the widget or screen that owns ``scope``."""
    return [action.binding() for action in by_scope(scope) if action.keys]


def palette_actions() -> tuple[Action, ...]:
    """What the command palette offers from the main screen."""
    return tuple(action for action in ACTIONS if action.palette)
