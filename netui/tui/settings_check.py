"""The settings only the app can judge: key remaps against the action table, the theme.

The settings file's own rules (:mod:`netui.domain.settings_rules`) check each remap's
shape; whether its action exists and its keys are free in that action's scope needs the
table in :mod:`netui.tui.actions`, and a theme's name needs Textual's themes. The app
calls :func:`check_app_settings` at start-up; ``netui config show`` calls it too, so both
report the same lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from textual.app import App
from textual.keys import _character_to_key  # Textual's own key names (8.2.8): "?" is question_mark

from netui.domain.settings_rules import KeySlot, Problem, check_keymap, check_theme
from netui.tui.actions import ACTIONS

__all__ = ["AppSettings", "apply_settings", "check_app_settings", "key_name", "key_slots"]


def key_name(key: str) -> str:
    """A key as Textual names it when it matches bindings (``?`` -> ``question_mark``)."""
    key = key.strip()
    return _character_to_key(key) if len(key) == 1 else key


def key_slots() -> tuple[KeySlot, ...]:
    """Every action of the table as a remap sees it (palette-only ones have no keys)."""
    return tuple(
        KeySlot(
            action.id,
            action.scope.value,
            tuple(k.strip() for k in action.keys.split(",")) if action.keys else (),
            action.scope.heading,
        )
        for action in ACTIONS
    )


@dataclass(frozen=True, slots=True)
class AppSettings:
    keymap: Mapping[str, str]
    """For ``App.set_keymap``: only the remaps that passed."""
    theme: str | None
    """The file's theme if it exists, else None (Textual's default stays)."""
    problems: tuple[Problem, ...]


def check_app_settings(
    theme: str | None, remaps: Mapping[str, str], themes: Iterable[str]
) -> AppSettings:
    checked = check_keymap(remaps, key_slots(), key_name)
    bad_theme = check_theme(theme, themes)
    problems = checked.problems if bad_theme is None else (bad_theme, *checked.problems)
    return AppSettings(checked.keymap, theme if bad_theme is None else None, problems)


SETTINGS_TOAST_SECONDS = 20
"""Long enough to read a few lines about one's own file."""


def apply_settings(
    app: App[Any],
    theme: str | None,
    remaps: Mapping[str, str],
    problems: Iterable[str],
    file_name: str,
) -> None:
    """Start the app on the file's theme and key remaps; one toast lists what was wrong."""
    checked = check_app_settings(theme, remaps, app.available_themes)
    if checked.theme is not None:
        app.theme = checked.theme
    if checked.keymap:
        app.set_keymap(dict(checked.keymap))
    lines = [*problems, *(problem.text(file_name) for problem in checked.problems)]
    if lines:
        app.notify(
            "\n".join(
                [*(f"• {line}" for line in lines), "netui goes on with the defaults for these."]
            ),
            title="Settings file",
            severity="warning",
            timeout=SETTINGS_TOAST_SECONDS,
            markup=False,
        )
