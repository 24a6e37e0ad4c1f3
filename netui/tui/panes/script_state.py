"""Whether the text in the Script pane's editor is safe, said in words the pane shows.

Three texts matter: the latest saved revision, what the database holds as the autosaved
draft (the last successful write), and what is in the editor now. The pane always shows
which of them the editor matches: "Saved", "Draft autosaved 10:42" or "Unsaved" (with why,
when a write failed). Plain Python, no widgets, so the rules are tested on their own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from netui.domain.clean_text import clean_line, clean_multiline
from netui.domain.clock import local_zone
from netui.domain.inputs import InputError
from netui.domain.script_inputs import read_script_text
from netui.domain.script_types import Script

__all__ = ["Text", "TextState", "cleaned", "stored_form"]

Text = tuple[str, str]
"""A script's (subject, body)."""


def stored_form(text: Text) -> Text | str:
    """``text`` as a save would store it (cleaned by the service's own rules), or why it
    cannot be stored (too long). Typing a trailing space changes nothing a save keeps."""
    try:
        return read_script_text(*text)
    except InputError as error:
        return str(error)


def cleaned(text: Text) -> Text:
    """Stored text as the editor may show it: what an older netui or another program left
    in the file (an escape sequence, a control character) cleaned as a save would clean it,
    since a text box draws its text as it is. Text netui stored is already so."""
    return clean_line(text[0]), clean_multiline(text[1])


@dataclass(frozen=True, slots=True)
class TextState:
    """What the database holds for one script, next to what the editor holds."""

    script_id: int
    revision_number: int
    saved: Text
    written: Text
    """The draft as last written, or the saved text when there is no draft."""
    written_at: datetime | None
    """When the draft was written; None when there is no draft."""
    problem: str = ""
    """Why the last write failed ("another netui is writing"); blank after one succeeds."""

    @classmethod
    def of(cls, script: Script) -> TextState:
        saved = cleaned((script.subject, script.body))
        if script.draft is None:
            return cls(script.id, script.revision_number, saved, saved, None)
        draft = cleaned((script.draft.subject, script.draft.body))
        return cls(script.id, script.revision_number, saved, draft, script.draft.saved_at)

    @property
    def has_draft(self) -> bool:
        return self.written_at is not None

    def needs_write(self, editor: Text) -> bool:
        """Whether the editor holds text the database does not (as draft or as saved)."""
        return stored_form(editor) != self.written

    def drafted(self, stored: Text, at: datetime) -> TextState:
        """The draft ``stored`` was written at ``at`` (no draft when it is the saved text)."""
        if stored == self.saved:
            return self.undrafted()
        return replace(self, written=stored, written_at=at, problem="")

    def undrafted(self) -> TextState:
        """The draft was discarded (the editor is back to the saved text)."""
        return replace(self, written=self.saved, written_at=None, problem="")

    def failed(self, problem: str) -> TextState:
        return replace(self, problem=problem)

    def status(self, editor: Text) -> str:
        """The words for the state of ``editor``'s text."""
        stored = stored_form(editor)
        if isinstance(stored, str):
            return f"Unsaved: the {stored}"
        if stored == self.saved and not self.has_draft:
            return f"Saved (revision {self.revision_number})"
        if stored == self.written and self.written_at is not None:
            when = self.written_at.astimezone(local_zone())
            return f"Draft autosaved {when:%H:%M} · ctrl+s saves"
        if self.problem:
            return f"Unsaved ({self.problem}; trying again)"
        return "Unsaved"

    def is_saved(self, editor: Text) -> bool:
        """Whether saving ``editor`` would store nothing new."""
        return stored_form(editor) == self.saved
