"""Reading what people type into a script or their profile: one set of rules for every way in.

The Script pane, ``netui script edit`` and ``netui profile`` all store text through these,
so the same typing gives the same stored text: control characters cleaned out as
:mod:`netui.domain.clean_text` does everywhere, then bounded. Like
:mod:`netui.domain.inputs`, a reader raises :class:`~netui.domain.inputs.InputError` with a
message that does not name the field; the caller does.
"""

from __future__ import annotations

from collections.abc import Iterable

from netui.domain.clean_text import clean_line, clean_multiline
from netui.domain.dates import shown_input
from netui.domain.inputs import InputError
from netui.domain.script_types import MAX_SCRIPT_BODY, MAX_SCRIPT_NAME, MAX_SCRIPT_SUBJECT
from netui.domain.script_values import Profile

__all__ = [
    "MAX_PROFILE_ASK",
    "MAX_PROFILE_NAME",
    "MAX_PROFILE_SITUATION",
    "name_key",
    "read_profile",
    "read_script_body",
    "read_script_name",
    "read_script_subject",
    "read_script_text",
    "unused_name",
]

MAX_PROFILE_NAME = 200
MAX_PROFILE_SITUATION = 1000
MAX_PROFILE_ASK = 1000


def _bounded(text: str, limit: int) -> str:
    if len(text) > limit:
        raise InputError(f"is {len(text):,} characters long (at most {limit:,})")
    return text


def name_key(name: str) -> str:
    """What two script names are compared by: case never makes a second script."""
    return name.casefold()


def read_script_name(text: str, taken: Iterable[str] = ()) -> str:
    """A script's name: one line, not blank, not too long, and none of ``taken`` (any case)."""
    name = clean_line(text)
    if not name:
        raise InputError("a script needs a name")
    _bounded(name, MAX_SCRIPT_NAME)
    key = name_key(name)
    if any(name_key(other) == key for other in taken):
        raise InputError(f'"{shown_input(name)}" is taken: another script has that name')
    return name


def read_script_subject(text: str) -> str:
    """An email subject: one line (the mail header cannot hold a line break)."""
    return _bounded(clean_line(text), MAX_SCRIPT_SUBJECT)


def read_script_body(text: str) -> str:
    """A script's text: lines kept, controls out, blank lines at either end dropped."""
    return _bounded(clean_multiline(text), MAX_SCRIPT_BODY)


def read_script_text(subject: str, body: str) -> tuple[str, str]:
    """``(subject, body)`` as they would be stored, or InputError saying which is wrong.

    The pane can call this to tell whether what is in the editor is what was saved.
    """
    try:
        read_subject = read_script_subject(subject)
    except InputError as error:
        raise InputError(f"subject {error}") from None
    try:
        read_body = read_script_body(body)
    except InputError as error:
        raise InputError(f"text {error}") from None
    return read_subject, read_body


def unused_name(name: str, taken: Iterable[str], mark: str) -> str:
    """``name`` if no script has it, else "Name (mark)", "Name (mark 2)"... (any case).

    A copy is "Reconnect email (copy)"; a built-in whose name the user already gave a
    script of their own arrives as "Reconnect email (netui)".
    """
    keys = {name_key(other) for other in taken}
    if name_key(name) not in keys:
        return name
    n = 1
    while True:
        suffix = f" ({mark})" if n == 1 else f" ({mark} {n})"
        candidate = name[: MAX_SCRIPT_NAME - len(suffix)].rstrip() + suffix
        if name_key(candidate) not in keys:
            return candidate
        n += 1


def read_profile(profile: Profile) -> tuple[Profile, dict[str, str]]:
    """The profile as stored (each field one line, bounded), and a message per bad field.

    Fields are named as ``netui profile`` names its options: ``name``, ``situation``, ``ask``.
    """
    errors: dict[str, str] = {}
    read: dict[str, str] = {}
    limits = {"name": MAX_PROFILE_NAME, "situation": MAX_PROFILE_SITUATION, "ask": MAX_PROFILE_ASK}
    for field, limit in limits.items():
        try:
            read[field] = _bounded(clean_line(getattr(profile, field)), limit)
        except InputError as error:
            errors[field] = str(error)
            read[field] = ""
    return Profile(**read), errors
