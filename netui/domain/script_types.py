"""What the script service hands the app and the CLI: plain values, no database objects.

The Script pane and ``netui script ...`` both read these; they are frozen so a list row or
a preview can be kept and compared without a live session behind it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from netui.domain.script_render import Rendered, render
from netui.domain.scripts import ScriptChannel

__all__ = [
    "MAX_SCRIPT_BODY",
    "MAX_SCRIPT_NAME",
    "MAX_SCRIPT_SUBJECT",
    "RenderedScript",
    "Revision",
    "Script",
    "ScriptDraft",
    "ScriptSummary",
    "ScriptUsage",
    "render_script",
]

MAX_SCRIPT_NAME = 80
MAX_SCRIPT_SUBJECT = 300
MAX_SCRIPT_BODY = 20_000


@dataclass(frozen=True, slots=True)
class ScriptUsage:
    """How a script has done: times it was logged, and how many got a reply or better."""

    used: int = 0
    replied: int = 0

    @property
    def reply_rate(self) -> float | None:
        return None if self.used == 0 else self.replied / self.used


@dataclass(frozen=True, slots=True)
class ScriptSummary:
    """One row of the scripts list."""

    id: int
    name: str
    channel: ScriptChannel
    builtin_key: str | None  # the built-in it started as, kept through renames
    edited: bool  # differs from its built-in text (always True for the user's own)
    has_draft: bool  # unsaved edits are waiting
    updated_at: datetime
    usage: ScriptUsage


@dataclass(frozen=True, slots=True)
class ScriptDraft:
    """Edits not yet saved as a revision: autosaved a few seconds after typing stops."""

    subject: str
    body: str
    saved_at: datetime


@dataclass(frozen=True, slots=True)
class Script:
    """A script as last saved, with its draft if there is one."""

    id: int
    name: str
    channel: ScriptChannel
    subject: str  # used by email; blank for the other channels
    body: str
    builtin_key: str | None
    edited: bool
    revision_id: int  # the revision this text is; every save makes a new one
    revision_number: int  # 1, 2, 3... within this script
    updated_at: datetime
    draft: ScriptDraft | None
    usage: ScriptUsage


@dataclass(frozen=True, slots=True)
class Revision:
    """One saved text of a script. A revision a logged interaction names is never deleted."""

    id: int
    script_id: int
    number: int
    subject: str
    body: str
    saved_at: datetime
    used: int  # interactions that recorded this revision


@dataclass(frozen=True, slots=True)
class RenderedScript:
    """A script filled in for one contact, ready to show, copy, mail or log."""

    script_id: int
    revision_id: int | None  # None when rendered from an unsaved draft
    contact_id: int
    channel: ScriptChannel
    subject: Rendered | None  # email only
    body: Rendered
    limit: int | None  # the channel's character limit, if it has one

    @property
    def length(self) -> int:
        return len(self.body.text)

    @property
    def over_limit(self) -> bool:
        return self.limit is not None and self.length > self.limit

    @property
    def warnings(self) -> tuple[str, ...]:
        """Each warning once, subject's first; the length warning last."""
        seen: dict[str, None] = {}
        for warning in (*(self.subject.warnings if self.subject else ()), *self.body.warnings):
            seen.setdefault(warning, None)
        if self.over_limit:
            seen.setdefault(f"{self.length} characters: over the {self.limit} this channel takes")
        return tuple(seen)


def render_script(
    script: Script | Revision,
    channel: ScriptChannel,
    contact_id: int,
    values: Mapping[str, str],
    *,
    subject: str | None = None,
    body: str | None = None,
) -> RenderedScript:
    """Fill ``script`` (or the unsaved ``subject``/``body`` typed over it) for one contact.

    Pure and fast: the preview calls it on every keystroke with the values it fetched once
    for the highlighted contact. Text passed in that differs from what was saved renders
    with ``revision_id=None``, since no revision holds it yet.
    """
    saved_subject, saved_body = script.subject, script.body
    subject = saved_subject if subject is None else subject
    body = saved_body if body is None else body
    revision_id: int | None = script.revision_id if isinstance(script, Script) else script.id
    if (subject, body) != (saved_subject, saved_body):
        revision_id = None
    script_id = script.id if isinstance(script, Script) else script.script_id
    return RenderedScript(
        script_id=script_id,
        revision_id=revision_id,
        contact_id=contact_id,
        channel=channel,
        subject=render(subject, values) if channel.has_subject else None,
        body=render(body, values),
        limit=channel.limit,
    )
