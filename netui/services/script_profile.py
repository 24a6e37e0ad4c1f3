"""The user's profile (``{my_name}``, ``{my_situation}``, ``{my_ask}``) as one setting.

Stored under :data:`PROFILE_KEY` in the ``setting`` table as ``{"name": ..., "situation":
..., "ask": ...}``. A stored value netui did not write (a hand-edited or restored setting)
reads as blank fields rather than failing the Script pane.
"""

from __future__ import annotations

from typing import Any

from netui.domain.script_values import Profile

__all__ = ["PROFILE_KEY", "profile_from_setting", "profile_setting"]

PROFILE_KEY = "profile"
_FIELDS = ("name", "situation", "ask")


def profile_from_setting(value: Any) -> Profile:
    """The profile a stored setting holds; anything not a string reads as blank."""
    if not isinstance(value, dict):
        return Profile()
    return Profile(**{field: _text(value.get(field)) for field in _FIELDS})


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def profile_setting(profile: Profile) -> dict[str, str]:
    return {field: getattr(profile, field) for field in _FIELDS}
