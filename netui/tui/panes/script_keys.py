"""The Script pane's keys: when each can act, and what it does.

A mixin of :class:`~netui.tui.panes.script.ScriptPane` (listed first among its bases, so
its ``check_action`` is the pane's). The work itself is in
:mod:`~netui.tui.panes.script_manage` (the scripts) and :mod:`~netui.tui.panes.script_use`
(using one for the highlighted contact).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from netui.tui.panes import script_manage as manage
from netui.tui.panes import script_use as use

if TYPE_CHECKING:
    from netui.tui.panes.script import ScriptPane

NEEDS_A_SCRIPT = frozenset(
    {"rename_script", "duplicate_script", "delete_script", "edit_text", "save_script",
     "show_revisions", "view_text", "copy_text", "send_email", "open_linkedin", "log_use",
     "reset_to_builtin", "discard_edits"}
)  # fmt: skip
NEEDS_A_CONTACT = frozenset({"copy_text", "send_email", "open_linkedin", "log_use"})


class ScriptKeys:
    """Every ``action_*`` of the Script pane (the table is :data:`Scope.SCRIPT`)."""

    @property
    def _pane(self) -> ScriptPane:
        return cast("ScriptPane", self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """None (shown, dimmed) while an action has nothing to act on; esc only while typing."""
        pane = self._pane
        if action == "back_to_list":
            return pane.typing
        if not pane.ready or not pane.loaded:
            return None
        if action in NEEDS_A_SCRIPT and pane.script is None:
            return None
        if action in NEEDS_A_CONTACT and pane.contact_id is None:
            return None
        if action == "reset_to_builtin":
            return True if pane.script and pane.script.builtin_key else None
        return True

    def action_edit_text(self) -> None:
        self._pane.editor.focus()

    def action_back_to_list(self) -> None:
        self._pane.script_list.focus()

    def action_save_script(self) -> None:
        manage.save(self._pane)

    def action_new_script(self) -> None:
        manage.new_script(self._pane)

    def action_rename_script(self) -> None:
        manage.rename_script(self._pane)

    def action_duplicate_script(self) -> None:
        manage.duplicate_script(self._pane)

    def action_delete_script(self) -> None:
        manage.delete_script(self._pane)

    def action_show_revisions(self) -> None:
        manage.show_revisions(self._pane)

    def action_edit_profile(self) -> None:
        manage.edit_profile(self._pane)

    def action_reset_to_builtin(self) -> None:
        manage.reset_to_builtin(self._pane)

    def action_discard_edits(self) -> None:
        manage.discard_edits(self._pane)

    def action_copy_text(self) -> None:
        use.copy_text(self._pane)

    def action_send_email(self) -> None:
        use.send_email(self._pane)

    def action_open_linkedin(self) -> None:
        use.open_linkedin(self._pane)

    def action_log_use(self) -> None:
        use.log_use(self._pane)

    def action_view_text(self) -> None:
        use.view_text(self._pane)
