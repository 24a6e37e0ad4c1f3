"""A script's revisions: every saved text, what changed, and putting an old one back.

The list is newest first. Beside it, the chosen revision compared line by line with the
one before it (what that save changed) or, after ``c``, with the latest (what restoring it
would change). Enter restores it: the service saves its text as a new revision, so nothing
is ever lost by restoring, not even the text it replaces. Diff lines are typed by the
domain (:mod:`netui.domain.script_diff`) and styled here as ``Content``, never markup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from netui.domain.clock import local_zone
from netui.domain.script_diff import DiffKind, DiffLine, diff_revisions
from netui.domain.script_types import Revision
from netui.errors import NetuiError
from netui.tui.actions import Scope, bindings
from netui.tui.db_errors import report
from netui.tui.screens.base import NetuiDialog
from netui.tui.text import literal_line

if TYPE_CHECKING:
    from netui.domain.script_types import Script
    from netui.services.context import Services

_MARKS = {DiffKind.SAME: ("  ", "$text-muted"), DiffKind.ADDED: ("+ ", "$success"),
          DiffKind.REMOVED: ("- ", "$error")}  # fmt: skip


def diff_content(lines: list[DiffLine]) -> Content:
    """The diff as one Content: ``+``/``-`` marks and colours, each line literal."""
    if not lines:
        return Content.styled("(no text)", "$text-muted")
    if all(line.kind is DiffKind.SAME for line in lines):
        lines = [DiffLine(DiffKind.SAME, "(the same text)"), *lines]
    return Content("\n").join(
        literal_line(_MARKS[line.kind][0] + line.text, _MARKS[line.kind][1]) for line in lines
    )


def revision_label(revision: Revision, latest: bool) -> Content:
    when = revision.saved_at.astimezone(local_zone())
    parts = [Content.styled(f"#{revision.number}", "bold"), Content(f"  {when:%d %b %Y %H:%M}")]
    if revision.used:
        parts.append(Content.styled(f"  used {revision.used}", "$text-muted"))
    if latest:
        parts.append(Content.styled("  latest", "$accent"))
    return Content("").join(parts)


def _before_first(revision: Revision) -> Revision:
    """An empty text to compare the first revision with: it added every line."""
    return Revision(0, revision.script_id, 0, "", "", revision.saved_at, 0)


class RevisionsScreen(NetuiDialog[int]):
    """Returns the id of the revision restored, or None when closed without restoring.

    ``confirm_restore`` is asked first when the pane holds unsaved edits that a restore
    would replace; it calls the function it is given to go ahead.
    """

    BINDINGS = bindings(Scope.REVISIONS)

    DEFAULT_CSS = """
    RevisionsScreen { align: center middle; }
    RevisionsScreen > #revisions {
        width: 110; max-width: 100%; height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    RevisionsScreen #revision-list { width: 34; height: 1fr; }
    RevisionsScreen #revision-side { width: 1fr; padding-left: 1; }
    RevisionsScreen #diff-title { height: auto; color: $text-muted; }
    RevisionsScreen #diff-scroll { height: 1fr; }
    RevisionsScreen.-narrow #revision-list { width: 1fr; height: 8; }
    """

    def __init__(
        self,
        services: Services,
        script: Script,
        confirm_restore: Callable[[Callable[[], None]], None] | None = None,
    ) -> None:
        super().__init__()
        self.services = services
        self.script = script
        self.confirm_restore = confirm_restore
        self.revisions: list[Revision] = []
        self.against_latest = False

    def compose(self) -> ComposeResult:
        with Vertical(id="revisions"), Horizontal():
            yield OptionList(id="revision-list")
            with Vertical(id="revision-side"):
                yield Static("", id="diff-title")
                with VerticalScroll(id="diff-scroll", can_focus=False):
                    yield Static("", id="diff", markup=False)

    def on_mount(self) -> None:
        box = self.query_one("#revisions")
        box.border_title = Content.assemble("Revisions of ", literal_line(self.script.name))
        box.border_subtitle = "Enter restores · c compares · esc closes"
        try:
            self.revisions = self.services.scripts.revisions(self.script.id)
        except NetuiError as error:
            report(self, error, retry="h")
            self.close(None)
            return
        options = self.query_one(OptionList)
        options.add_options(
            Option(revision_label(revision, index == 0), id=str(revision.id))
            for index, revision in enumerate(self.revisions)
        )
        options.highlighted = 0 if self.revisions else None
        options.focus()
        self._show_diff()

    @property
    def chosen(self) -> Revision | None:
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self.revisions):
            return None
        return self.revisions[index]

    def _show_diff(self) -> None:
        chosen = self.chosen
        title = self.query_one("#diff-title", Static)
        diff = self.query_one("#diff", Static)
        if chosen is None:
            title.update("No saved revision yet: ctrl+s in the editor saves one.")
            diff.update("")
            return
        index = self.revisions.index(chosen)
        if self.against_latest:
            latest = self.revisions[0]
            title.update(
                f"Revision {chosen.number} (-) against the latest, revision {latest.number} (+)."
                if index
                else f"Revision {chosen.number} is the latest."
            )
            lines = diff_revisions(chosen, latest)
        else:
            before = self.revisions[index + 1] if index + 1 < len(self.revisions) else None
            title.update(
                f"What revision {chosen.number} changed"
                + (f" from revision {before.number}" if before else " (the first)")
                + ": - taken out, + put in."
            )
            lines = diff_revisions(before or _before_first(chosen), chosen)
        diff.update(diff_content(lines))

    @on(OptionList.OptionHighlighted)
    def _highlighted(self) -> None:
        self._show_diff()

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
        self.action_restore()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "restore" and self.is_mounted and self.chosen is None:
            return None
        return super().check_action(action, parameters)

    def on_resize(self) -> None:
        self.set_class(self.size.width < 80, "-narrow")

    def action_toggle_compare(self) -> None:
        self.against_latest = not self.against_latest
        self._show_diff()

    def action_restore(self) -> None:
        chosen = self.chosen
        if chosen is None or not self.accepting:
            return
        if self.confirm_restore is None:
            self._restore(chosen)
        else:
            self.confirm_restore(lambda: self._restore(chosen))

    def _restore(self, revision: Revision) -> None:
        try:
            self.services.scripts.restore_revision(self.script.id, revision.id)
        except NetuiError as error:
            report(self, error, retry="Enter")
            return
        self.notify(
            f"Revision {revision.number} of {self.script.name} is the text again "
            "(saved as a new revision).",
            timeout=4,
        )
        self.close(revision.id)

    def action_close(self) -> None:
        self.close(None)
