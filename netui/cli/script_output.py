"""What the script commands print: JSON shapes and text pages, user text made safe."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from netui.cli.output import printable
from netui.domain.script_types import RenderedScript, Revision, Script, ScriptSummary
from netui.domain.script_values import Profile

__all__ = [
    "SUMMARY_HEADERS",
    "profile_json",
    "profile_lines",
    "rendered_json",
    "rendered_text",
    "revision_json",
    "revision_rows",
    "script_json",
    "show_lines",
    "summary_json",
    "summary_row",
]

SUMMARY_HEADERS = ("ID", "Name", "Channel", "Used", "Replied", "")
REVISION_HEADERS = ("Rev", "Saved", "Used", "Begins")


def _moment(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


def _local(value: datetime) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def _kind(builtin_key: str | None, edited: bool) -> str:
    if builtin_key is None:
        return "your own"
    return "built-in, edited" if edited else "built-in"


# --- JSON ---------------------------------------------------------------------------------


def summary_json(summary: ScriptSummary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "name": summary.name,
        "channel": summary.channel.value,
        "builtin_key": summary.builtin_key,
        "edited": summary.edited,
        "has_draft": summary.has_draft,
        "updated_at": _moment(summary.updated_at),
        "used": summary.usage.used,
        "replied": summary.usage.replied,
    }


def script_json(script: Script) -> dict[str, Any]:
    draft = script.draft
    return {
        "id": script.id,
        "name": script.name,
        "channel": script.channel.value,
        "subject": script.subject if script.channel.has_subject else None,
        "body": script.body,
        "limit": script.channel.limit,
        "builtin_key": script.builtin_key,
        "edited": script.edited,
        "revision_id": script.revision_id,
        "revision_number": script.revision_number,
        "updated_at": _moment(script.updated_at),
        "draft": None
        if draft is None
        else {"subject": draft.subject, "body": draft.body, "saved_at": _moment(draft.saved_at)},
        "used": script.usage.used,
        "replied": script.usage.replied,
    }


def revision_json(revision: Revision) -> dict[str, Any]:
    return {
        "id": revision.id,
        "number": revision.number,
        "saved_at": _moment(revision.saved_at),
        "used": revision.used,
        "subject": revision.subject,
        "body": revision.body,
    }


def rendered_json(rendered: RenderedScript) -> dict[str, Any]:
    return {
        "text": rendered.body.text,
        "subject": None if rendered.subject is None else rendered.subject.text,
        "warnings": list(rendered.warnings),
        "length": rendered.length,
        "limit": rendered.limit,
    }


def profile_json(profile: Profile) -> dict[str, str]:
    return {"name": profile.name, "situation": profile.situation, "ask": profile.ask}


# --- text ---------------------------------------------------------------------------------


def summary_row(summary: ScriptSummary) -> list[str]:
    notes = _kind(summary.builtin_key, summary.edited)
    if summary.has_draft:
        notes += ", unsaved draft"
    return [
        str(summary.id),
        printable(summary.name),
        summary.channel.label,
        str(summary.usage.used),
        str(summary.usage.replied),
        notes,
    ]


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def show_lines(script: Script) -> list[str]:
    """The script's page: what it is, how it has done, then its saved text."""
    usage = script.usage
    used = "not yet" if usage.used == 0 else f"{_times(usage.used)}, {usage.replied} replied"
    limit = script.channel.limit
    fields = [
        ("Channel", script.channel.label + (f" (up to {limit} characters)" if limit else "")),
        ("Kind", _kind(script.builtin_key, script.edited)),
        ("Revision", f"{script.revision_number}, saved {_local(script.updated_at)}"),
        ("Used", used),
    ]
    if script.draft is not None:
        fields.append(("Draft", f"unsaved edits from {_local(script.draft.saved_at)}"))
    if script.channel.has_subject:
        fields.append(("Subject", printable(script.subject) or "-"))
    width = max(len(label) for label, _ in fields) + 2
    lines = [f"#{script.id}  {printable(script.name)}"]
    lines += [f"{label + ':':<{width}}{value}" for label, value in fields]
    lines.append("")
    lines += printable(script.body, multi_line=True).splitlines() or ["(no text yet)"]
    return lines


def revision_rows(revisions: Sequence[Revision]) -> list[list[str]]:
    return [
        [
            str(revision.number),
            _local(revision.saved_at),
            str(revision.used),
            printable(next((line for line in revision.body.splitlines() if line.strip()), "")),
        ]
        for revision in revisions
    ]


def rendered_text(rendered: RenderedScript) -> str:
    """What ``script render`` prints: ``Subject: ...`` and a blank line for an email, then
    the text, ready to paste."""
    body = printable(rendered.body.text, multi_line=True)
    if rendered.subject is None:
        return body
    return f"Subject: {printable(rendered.subject.text)}\n\n{body}"


def profile_lines(profile: Profile) -> list[str]:
    fields = (
        ("Name", profile.name, "my_name"),
        ("Situation", profile.situation, "my_situation"),
        ("Ask", profile.ask, "my_ask"),
    )
    return [
        f"{label + ':':<11}{printable(value) or f'not set (a script using {{{key}}} warns)'}"
        for label, value, key in fields
    ]
