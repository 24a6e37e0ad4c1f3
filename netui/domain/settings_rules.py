"""What a valid settings file holds: each key's rule, its default, and the messages.

The settings file is written by hand, so anything TOML can hold may arrive under any key.
:func:`check_document` sorts a parsed document into the values that pass their rule and a
:class:`Problem` for each one that does not (wrong type, out of range, an unknown key);
it never raises, so netui starts whatever the file says, on the defaults for the keys it
could not use. The same rules read the values an older netui left in the database
(:func:`check_value`) and guard what the setters write, so the three cannot disagree.

Key remaps are checked twice: their shape here with the rest, and against the app's
action table in :func:`check_keymap`, which the front ends call with that table.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import time
from types import MappingProxyType
from typing import Any

from netui.domain.free_gaps import WakingHours
from netui.domain.goal_limits import DEFAULT_GOAL_MINUTES, MAX_MINUTES, MIN_MINUTES
from netui.domain.priority import parse_keywords

__all__ = [
    "BELL",
    "DAILY_GOAL",
    "DEFAULTS",
    "KEYS",
    "SETTING_KEYS",
    "TARGET_KEYWORDS",
    "THEME",
    "TOP20_WEEKS",
    "WORKING_HOURS",
    "BadSettingError",
    "CheckedFile",
    "KeySlot",
    "KeymapCheck",
    "Problem",
    "check_document",
    "check_keymap",
    "check_theme",
    "check_value",
    "key_label",
]

DAILY_GOAL = "daily_goal_minutes"
TOP20_WEEKS = "top20_weeks"
BELL = "bell"
THEME = "theme"
TARGET_KEYWORDS = "target_keywords"
WORKING_HOURS = "working_hours"
KEYS = "keys"

MAX_TOP20_WEEKS = 26
MAX_THEME_LENGTH = 100

DEFAULTS: Mapping[str, Any] = MappingProxyType(
    {
        DAILY_GOAL: DEFAULT_GOAL_MINUTES,
        TOP20_WEEKS: 4,
        BELL: True,
        THEME: None,
        TARGET_KEYWORDS: (),
        WORKING_HOURS: WakingHours(),
        KEYS: MappingProxyType({}),
    }
)
"""Each key's value when neither the file nor the database gives one (theme None: Textual's)."""
SETTING_KEYS = tuple(DEFAULTS)
"""Every key the file may hold, in the order ``netui config show`` lists them."""


class BadSettingError(ValueError):
    """A value its key's rule refuses; the message says what the key takes."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in the settings file: where (a key, or "" for the whole file), and what."""

    key: str
    message: str

    def text(self, file_name: str) -> str:
        """``settings.toml: daily_goal_minutes: must be ...``: the line a user reads.

        A key or value from the file may be any length: the line shows enough of it to find
        it (a toast of 100,000 characters would fill the screen).
        """
        where = f"{_short(self.key, KEY_SHOWN)}: " if self.key else ""
        return f"{file_name}: {where}{_short(self.message, MESSAGE_SHOWN)}"


KEY_SHOWN = 80
MESSAGE_SHOWN = 300


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True, slots=True)
class CheckedFile:
    """A parsed settings file sorted out: the usable values and what was wrong."""

    values: Mapping[str, Any] = field(default_factory=dict)
    """Each key that passed its rule, with its value in the type netui uses."""
    problems: tuple[Problem, ...] = ()
    refused: frozenset[str] = frozenset()
    """Keys the file sets to a value its rule refuses: they take their defaults."""


# -- one rule per key ------------------------------------------------------------------------


def _whole(value: Any, low: int, high: int, unit: str = "") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise BadSettingError(f"must be a whole number from {low} to {high}{unit}")
    return value


def _goal(value: Any) -> int:
    return _whole(value, MIN_MINUTES, MAX_MINUTES, " (minutes)")


def _weeks(value: Any) -> int:
    return _whole(value, 1, MAX_TOP20_WEEKS, " (weeks)")


def _bell(value: Any) -> bool:
    if not isinstance(value, bool):
        raise BadSettingError("must be true or false")
    return value


def _theme(value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_THEME_LENGTH:
        raise BadSettingError('must be the name of a theme in quotes, e.g. "nord"')
    return value.strip()


def _keywords(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(k, str) for k in value):
        raise BadSettingError('must be a list of words in quotes: ["fintech", "product manager"]')
    return parse_keywords(",".join(value))


_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")


def clock_time(value: Any, *, end: bool = False) -> time:
    """``"07:30"`` (or a TOML time) as a time of day; ``"24:00"`` only as an end."""
    if isinstance(value, time):
        return value.replace(tzinfo=None)
    match = _CLOCK.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        raise BadSettingError('must be a time of day in quotes, "HH:MM" (e.g. "07:30")')
    hours, minutes = int(match[1]), int(match[2])
    if end and (hours, minutes) == (24, 0):
        return time.max
    if hours > 23 or minutes > 59:
        raise BadSettingError(f'"{value.strip()}" is not a time of day (00:00 to 23:59)')
    return time(hours, minutes)


def _working_hours(value: Any, problems: list[Problem] | None = None) -> WakingHours:
    """A table with ``start`` and ``end``; a part left out keeps its default."""
    if not isinstance(value, Mapping):
        raise BadSettingError('must be a table: [working_hours] start = "07:00" end = "22:00"')
    default = WakingHours()
    start, end = default.start, default.end
    for name in value:
        if name not in ("start", "end") and problems is not None:
            problems.append(Problem(f"{WORKING_HOURS}.{name}", _unknown(name, ("start", "end"))))
    if "start" in value:
        start = _part("start", value["start"], end=False)
    if "end" in value:
        end = _part("end", value["end"], end=True)
    if end <= start:
        raise BadSettingError(f"must end after they start ({start:%H:%M} to {end:%H:%M})")
    return WakingHours(start, end)


def _part(name: str, value: Any, *, end: bool) -> time:
    try:
        return clock_time(value, end=end)
    except BadSettingError as error:
        raise BadSettingError(f"{name}: {error}") from None


def _flat_keys(table: Mapping[Any, Any], prefix: str = "") -> Iterable[tuple[str, Any]]:
    """``contacts.top20 = "T"`` unquoted is a nested table in TOML: the same action id."""
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, Mapping):
            yield from _flat_keys(value, key + ".")
        else:
            yield key, value


_KEY_NAME = re.compile(r"\S+")


def key_list(value: Any) -> tuple[str, ...]:
    """``"T"`` or ``"ctrl+t,T"`` as key names; BadSettingError when empty or not a string."""
    if not isinstance(value, str):
        raise BadSettingError('must be key names in quotes, e.g. "T" or "ctrl+t,T"')
    keys = tuple(part.strip() for part in value.split(","))
    if not value.strip() or not all(keys):
        raise BadSettingError('has an empty key name (key names in quotes: "T" or "ctrl+t,T")')
    for key in keys:
        if not _KEY_NAME.fullmatch(key):
            raise BadSettingError(f'"{key}" is not a key name (no spaces: "ctrl+t" not "ctrl + t")')
    return keys


def _keys(value: Any, problems: list[Problem] | None = None) -> Mapping[str, str]:
    """The remaps whose shape is right (action id -> comma-joined keys); each bad one a Problem."""
    if not isinstance(value, Mapping):
        raise BadSettingError('must be a table: [keys] "contacts.top20" = "T"')
    remaps: dict[str, str] = {}
    for action_id, keys in _flat_keys(value):
        try:
            remaps[action_id] = ",".join(key_list(keys))
        except BadSettingError as error:
            if problems is not None:
                problems.append(Problem(key_label(action_id), str(error)))
    return MappingProxyType(remaps)


def key_label(action_id: str) -> str:
    """How a message names a remap: ``keys."contacts.top20"``, as TOML writes the key."""
    return f'{KEYS}."{action_id}"'


_RULES: Mapping[str, Callable[[Any], Any]] = MappingProxyType(
    {
        DAILY_GOAL: _goal,
        TOP20_WEEKS: _weeks,
        BELL: _bell,
        THEME: _theme,
        TARGET_KEYWORDS: _keywords,
        WORKING_HOURS: _working_hours,
        KEYS: _keys,
    }
)


_TABLE_RULES: Mapping[str, Callable[[Any, list[Problem]], Any]] = MappingProxyType(
    {WORKING_HOURS: _working_hours, KEYS: _keys}
)
"""Tables: besides refusing the whole, they report each bad part and keep the good ones."""


def check_value(key: str, value: Any) -> Any:
    """``value`` as ``key``'s rule takes it (BadSettingError with what the key takes otherwise)."""
    return _RULES[key](value)


def _unknown(name: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    return f"unknown key (did you mean {close[0]}?)" if close else "unknown key"


def check_document(document: Any) -> CheckedFile:
    """Sort a parsed settings file into usable values and problems; never raises."""
    if not isinstance(document, Mapping):
        return CheckedFile(problems=(Problem("", "is not a TOML table of settings"),))
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    refused: set[str] = set()
    for raw_key, raw in document.items():
        key = str(raw_key)
        rule = _RULES.get(key)
        if rule is None:
            problems.append(Problem(key, _unknown(key, SETTING_KEYS)))
            continue
        found: list[Problem] = []
        try:
            if key in (WORKING_HOURS, KEYS):
                values[key] = (
                    _working_hours(raw, found) if key == WORKING_HOURS else _keys(raw, found)
                )
            else:
                values[key] = rule(raw)
        except BadSettingError as error:
            refused.add(key)
            problems.append(Problem(key, str(error)))
        problems.extend(found)
    return CheckedFile(MappingProxyType(values), tuple(problems), frozenset(refused))


# -- remaps against the action table ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KeySlot:
    """One remappable action as the app binds it: its id, where it works, its own keys."""

    id: str
    scope: str
    keys: tuple[str, ...]
    where: str = ""
    """The scope as a person reads it ("Contacts pane"), for messages."""


@dataclass(frozen=True, slots=True)
class KeymapCheck:
    keymap: Mapping[str, str]
    """The remaps that can be applied (``App.set_keymap``'s shape)."""
    problems: tuple[Problem, ...]


def check_keymap(
    remaps: Mapping[str, str],
    slots: Sequence[KeySlot],
    normalize: Callable[[str], str] = str.strip,
) -> KeymapCheck:
    """The remaps that name a known action and take no key another action of its scope has.

    ``normalize`` gives a key's one name (``?`` and ``question_mark`` are one key). Actions
    that share a key in the table (pause and resume, one toggle) may keep sharing one. A
    remap that clashes is dropped, which gives its action back its own keys; that may make
    another clash, so the check runs again until nothing changes.
    """
    by_id = {slot.id: slot for slot in slots}
    problems: list[Problem] = []
    wanted: dict[str, tuple[str, ...]] = {}
    for action_id, keys in remaps.items():
        if action_id not in by_id:
            problems.append(Problem(key_label(action_id), _unknown_action(action_id, by_id)))
        elif not by_id[action_id].keys:
            message = "has no key to change: it runs from the command palette (ctrl+p)"
            problems.append(Problem(key_label(action_id), message))
        else:
            wanted[action_id] = tuple(normalize(k) for k in keys.split(","))
    own = {slot.id: tuple(normalize(k) for k in slot.keys) for slot in slots}
    while True:
        keys_now = {**own, **wanted}
        clashes = {}
        for action_id, new_keys in wanted.items():
            slot = by_id[action_id]
            for other in slots:
                if other.id == action_id or other.scope != slot.scope:
                    continue
                if set(own[other.id]) & set(own[action_id]):
                    continue  # partners in the table
                shared = [k for k in new_keys if k in keys_now[other.id]]
                if shared:
                    where = f" in the {other.where}" if other.where else ""
                    clashes[action_id] = (
                        f'"{shared[0]}" is already the key of {other.id}{where}; '
                        "choose another key or remap that one too"
                    )
                    break
        if not clashes:
            break
        for action_id, message in clashes.items():
            problems.append(Problem(key_label(action_id), message))
            del wanted[action_id]
    keymap = {action_id: remaps[action_id] for action_id in wanted}
    return KeymapCheck(MappingProxyType(keymap), tuple(problems))


def check_theme(name: str | None, available: Iterable[str]) -> Problem | None:
    """A problem when the file names a theme that does not exist (the default is kept)."""
    themes = sorted(available)
    if name is None or name in themes:
        return None
    close = difflib.get_close_matches(name, themes, n=1)
    hint = f"did you mean {close[0]}? " if close else ""
    where = '"Theme" in the command palette lists them'
    return Problem(THEME, f'no theme is named "{name}" ({hint}{where})')


def _unknown_action(action_id: str, known: Mapping[str, KeySlot]) -> str:
    close = difflib.get_close_matches(action_id, list(known), n=1)
    return f"unknown action (did you mean {close[0]}?)" if close else "unknown action"
