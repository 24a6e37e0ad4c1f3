"""How many minutes a daily goal or a planned session may be.

A module of its own because the settings file's rules check a goal as the app opens,
long before anything about the timer is needed: they take these numbers and their check
without importing the timer's accounting (``timer_status`` re-exports them).
"""

from __future__ import annotations

from netui.errors import ValidationError

__all__ = ["DEFAULT_GOAL_MINUTES", "MAX_MINUTES", "MIN_MINUTES", "check_minutes"]

DEFAULT_GOAL_MINUTES = 30
"""The coach's half hour a day."""
MIN_MINUTES = 1
MAX_MINUTES = 8 * 60
"""A session (or a daily goal) longer than a working day is a typo, not a plan."""


def check_minutes(minutes: int, field_name: str = "minutes") -> int:
    """A whole number of minutes for a session, an extension or a goal, or a clear error."""
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise ValidationError(field_name, f"must be a whole number of minutes, not {minutes!r}")
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise ValidationError(
            field_name, f"must be between {MIN_MINUTES} and {MAX_MINUTES} minutes, not {minutes}"
        )
    return minutes
