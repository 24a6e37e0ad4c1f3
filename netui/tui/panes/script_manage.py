"""What the Script pane does to its scripts: save, new, rename, duplicate, delete, the
revisions, the profile, a reset to netui's text, dropping unsaved edits.

Plain functions over the pane, like :mod:`netui.tui.panes.contact_dialogs`: each opens
one screen (or asks one question) and hands the result back to the pane. Anything that
replaces the editor's text asks first when the editor holds edits not saved as a revision.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.content import Content

from netui.errors import NetuiError, NotFoundError, ValidationError
from netui.tui.db_errors import report
from netui.tui.screens.confirm import ConfirmScreen
from netui.tui.text import literal_line

if TYPE_CHECKING:
    from netui.domain.script_types import Script
    from netui.tui.panes.script import ScriptPane


def _unsaved(pane: ScriptPane) -> bool:
    state = pane.state
    return state is not None and not state.is_saved(pane.editor_text)


def _ask(
    pane: ScriptPane, title: str, question: Content, yes: str, then: Callable[[], None]
) -> None:
    def answered(go: bool | None) -> None:
        if go:
            then()

    pane.app.push_screen(ConfirmScreen(title, question, yes), answered)


def _quoted(name: str) -> Content:
    return Content.assemble("“", literal_line(name, "bold"), "”")


def save(pane: ScriptPane) -> None:
    """ctrl+s: the editor's text becomes a new revision (nothing new, nothing saved)."""
    script = pane.script
    if script is None or pane.state is None:
        return
    if pane.state.is_saved(pane.editor_text) and not pane.state.has_draft:
        pane.notify(f"Nothing new to save: {script.name} is as saved.", timeout=2)
        return
    try:
        saved = pane.services.scripts.save(script.id, *pane.editor_text)
    except ValidationError as error:
        pane.notify(str(error), severity="error")
        return
    except NetuiError as error:
        report(pane, error, retry="ctrl+s")  # the text stays in the editor, and autosaves
        return
    pane.saved(saved)
    pane.notify(f"Saved {saved.name}: revision {saved.revision_number}.", timeout=3)


def _landed(pane: ScriptPane, script_id: int | None, edit: bool = False) -> None:
    if script_id is None:
        return
    pane.reload_list(keep=script_id)
    if edit:
        pane.editor.focus()


def new_script(pane: ScriptPane) -> None:
    from netui.tui.screens.script_dialogs import NameMode, ScriptNameScreen

    pane.drafts.flush()
    pane.app.push_screen(
        ScriptNameScreen(pane.services, NameMode.NEW), lambda i: _landed(pane, i, edit=True)
    )


def duplicate_script(pane: ScriptPane) -> None:
    """The copy starts from the saved text; unsaved edits stay with the original's draft."""
    from netui.tui.screens.script_dialogs import NameMode, ScriptNameScreen

    if pane.script is not None:
        pane.drafts.flush()
        screen = ScriptNameScreen(pane.services, NameMode.DUPLICATE, pane.script)
        pane.app.push_screen(screen, lambda i: _landed(pane, i))


def rename_script(pane: ScriptPane) -> None:
    from netui.tui.screens.script_dialogs import NameMode, ScriptNameScreen

    script = pane.script
    if script is None:
        return

    def renamed(script_id: int | None) -> None:
        if script_id is None:
            return
        try:
            pane.renamed(pane.services.scripts.get(script_id))
        except NetuiError as error:
            report(pane, error)
        pane.reload_list(keep=script_id)

    pane.app.push_screen(ScriptNameScreen(pane.services, NameMode.RENAME, script), renamed)


def delete_script(pane: ScriptPane) -> None:
    script = pane.script
    if script is None:
        return
    if script.usage.used:
        fate = Content(
            f" was used {script.usage.used} time{'s' if script.usage.used != 1 else ''}: it "
            "leaves the list and is kept for the history of those calls."
        )
    else:
        fate = Content(" and all its revisions are removed.")
    question = Content.assemble("Delete ", _quoted(script.name), "?\n\nIt", fate)
    if _unsaved(pane):
        question = Content.assemble(question, "\nIts unsaved edits go too.")

    def delete() -> None:
        try:
            pane.services.scripts.delete(script.id)
        except NotFoundError:
            pass  # another netui deleted it first
        except NetuiError as error:
            report(pane, error)
            return
        pane.forget(script.id)
        pane.notify(f"Deleted {script.name}.", timeout=3)

    _ask(pane, "Delete script", question, "Delete", delete)


def show_revisions(pane: ScriptPane) -> None:
    from netui.tui.screens.script_revisions import RevisionsScreen

    script = pane.script
    if script is None:
        return
    pane.drafts.flush()

    def confirm(go: Callable[[], None]) -> None:
        question = Content.assemble(
            "The editor holds edits of ", _quoted(script.name), " that are not saved as a "
            "revision. Restoring replaces them.\n\nctrl+s in the editor first keeps them as "
            "a revision.",
        )  # fmt: skip
        _ask(pane, "Unsaved edits", question, "Replace them", go)

    def restored(revision_id: int | None) -> None:
        if revision_id is not None:
            _reopen(pane, script.id)

    screen = RevisionsScreen(pane.services, script, confirm if _unsaved(pane) else None)
    pane.app.push_screen(screen, restored)


def _reopen(pane: ScriptPane, script_id: int) -> None:
    try:
        pane.saved(pane.services.scripts.get(script_id))
    except NetuiError as error:
        report(pane, error)


def edit_profile(pane: ScriptPane) -> None:
    from netui.tui.screens.script_dialogs import ProfileScreen

    try:
        profile = pane.services.scripts.profile()
    except NetuiError as error:
        report(pane, error)
        return

    def saved(profile: object) -> None:
        if profile is not None:
            pane.notify("Profile saved: {my_name}, {my_situation} and {my_ask} use it.", timeout=3)
            pane.contacts_changed()

    pane.app.push_screen(ProfileScreen(pane.services, profile), saved)


def reset_to_builtin(pane: ScriptPane) -> None:
    script = pane.script
    if script is None or script.builtin_key is None:
        return
    question = Content.assemble(
        "Put netui's own text back in ", _quoted(script.name), "?\n\nYour text stays among "
        "its revisions (h), to compare or restore.",
    )  # fmt: skip
    if _unsaved(pane):
        question = Content.assemble(question, "\nThe unsaved edits in the editor are replaced.")

    def reset() -> None:
        try:
            pane.saved(pane.services.scripts.reset_to_builtin(script.id))
        except NetuiError as error:
            report(pane, error)
            return
        pane.notify(f"{script.name} has netui's built-in text again.", timeout=3)

    _ask(pane, "Reset to the built-in text", question, "Reset", reset)


def discard_edits(pane: ScriptPane) -> None:
    script, state = pane.script, pane.state
    if script is None or state is None:
        return
    if not state.has_draft and state.is_saved(pane.editor_text):
        pane.notify(f"Nothing to discard: {script.name} is as saved.", timeout=3)
        return
    question = Content.assemble(
        "Drop the unsaved edits of ", _quoted(script.name),
        f" and go back to revision {script.revision_number}?",
    )  # fmt: skip

    def discard() -> None:
        try:
            fresh: Script = pane.services.scripts.discard_draft(script.id)
        except NetuiError as error:
            report(pane, error)
            return
        pane.drafts.forget(script.id)
        pane.open_script(fresh)
        pane.reload_list(keep=script.id)

    _ask(pane, "Discard unsaved edits", question, "Discard", discard)
