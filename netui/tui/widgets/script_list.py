"""The list of scripts: each name with its channel and how it has done ("used 5, 2 replied")."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from netui.domain.script_types import ScriptSummary, ScriptUsage
from netui.domain.scripts import ScriptChannel
from netui.tui.text import literal_line

__all__ = ["ScriptList", "summary_content", "usage_text"]


SHORT_LABELS = {
    ScriptChannel.PHONE: "Phone",
    ScriptChannel.EMAIL: "Email",
    ScriptChannel.LINKEDIN_MESSAGE: "LinkedIn",
    ScriptChannel.LINKEDIN_INVITE: "Invite note",
    ScriptChannel.TEXT: "Text",
}
"""The channel in the narrow list (the status line above the editor says it in full)."""


def usage_text(usage: ScriptUsage) -> str:
    if usage.used == 0:
        return "not used yet"
    return f"used {usage.used}, {usage.replied} replied"


def summary_content(summary: ScriptSummary) -> Content:
    """Two lines: the name (marked when edits wait unsaved), then channel and usage."""
    name = literal_line(summary.name, "bold")
    if summary.has_draft:
        name = Content.assemble(name, (" ●", "$warning"))
    detail = f"{SHORT_LABELS[summary.channel]} · {usage_text(summary.usage)}"
    return Content.assemble(name, "\n", (detail, "$text-muted"))


class ScriptList(OptionList):
    """Attributes down: :meth:`show` the summaries; the pane listens for its highlight."""

    DEFAULT_CSS = """
    ScriptList { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.summaries: list[ScriptSummary] = []

    def show(self, summaries: Sequence[ScriptSummary], keep: int | None = None) -> None:
        """Show ``summaries``, the cursor on script ``keep`` when it is among them."""
        self.summaries = list(summaries)
        highlighted = self.highlighted
        self.clear_options()
        self.add_options(Option(summary_content(s), id=str(s.id)) for s in self.summaries)
        ids = [s.id for s in self.summaries]
        if keep in ids:
            self.highlighted = ids.index(keep)
        elif self.summaries:
            self.highlighted = min(highlighted or 0, len(self.summaries) - 1)

    @property
    def current(self) -> ScriptSummary | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.summaries):
            return None
        return self.summaries[index]

    def replace(self, summary: ScriptSummary) -> None:
        """One script's row changed (saved, a draft, a use logged): redraw just that row."""
        for index, shown in enumerate(self.summaries):
            if shown.id == summary.id:
                self.summaries[index] = summary
                self.replace_option_prompt_at_index(index, summary_content(summary))
                return
