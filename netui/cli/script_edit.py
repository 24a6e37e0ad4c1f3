"""``netui script edit``: a script's text through the user's own editor and back.

The text goes into a private temporary file (0600: scripts hold personal words) that
``$VISUAL``/``$EDITOR`` opens, as ``click.edit`` finds them. An email's first line is
``Subject: ...``, then a blank line, then the body. When netui refuses the result (too
long, say) the file is kept and named, so nothing typed is lost.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click

from netui.cli.base import CliError
from netui.domain.scripts import ScriptChannel

__all__ = ["EditedText", "editor_text", "read_editor_text"]

SUBJECT = "Subject:"


def editor_text(channel: ScriptChannel, subject: str, body: str) -> str:
    """The file the editor opens."""
    text = f"{body}\n" if body else ""
    return f"{SUBJECT} {subject}\n\n{text}" if channel.has_subject else text


def read_editor_text(channel: ScriptChannel, text: str) -> tuple[str | None, str]:
    """``(subject, body)`` from the edited file; subject None: not a channel that has one.

    An email whose first line is not ``Subject: ...`` has no subject.
    """
    if not channel.has_subject:
        return None, text
    first, _, rest = text.partition("\n")
    if first.strip()[: len(SUBJECT)].lower() != SUBJECT.lower():
        return "", text
    return first.strip()[len(SUBJECT) :], rest


class EditedText:
    """The editor's round trip: ``EditedText(text).edit()`` returns what was saved.

    ``keep()`` leaves the file for the user (and returns where it is); otherwise it is
    removed when the ``with`` block ends.
    """

    def __init__(self, text: str) -> None:
        handle, name = tempfile.mkstemp(prefix="netui-script-", suffix=".txt")
        self.path = Path(name)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        self._kept = False

    def __enter__(self) -> EditedText:
        return self

    def __exit__(self, *_exc: object) -> None:
        if not self._kept:
            self.path.unlink(missing_ok=True)

    def edit(self) -> str:
        """Open the editor and wait for it; its failure (or absence) is one clear line."""
        try:
            click.edit(filename=str(self.path))
        except click.ClickException as error:
            raise CliError(
                f"{error.message}; nothing was saved. Set $VISUAL or $EDITOR to an editor"
                " that waits until you close the file"
            ) from None
        return self.path.read_text("utf-8", errors="replace")

    def keep(self) -> Path:
        self._kept = True
        return self.path
