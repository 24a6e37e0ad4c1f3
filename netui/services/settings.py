"""User settings: target keywords for priority, the daily session, and other preferences.

Values are read defensively: a setting a restored backup or an older netui left in an
odd shape falls back to its default instead of failing whatever reads it. Reading a
setting needs only the database's plain connection; writing one imports the ORM
repository (and SQLAlchemy) on first use.
"""

from __future__ import annotations

from typing import Any

from netui.db.engine import Database
from netui.db.reads import stored_setting
from netui.domain.priority import parse_keywords
from netui.domain.timer_status import (
    DEFAULT_GOAL_MINUTES,
    MAX_MINUTES,
    MIN_MINUTES,
    check_minutes,
)
from netui.errors import ValidationError

TARGET_KEYWORDS = "target_keywords"
THEME = "theme"
DAILY_GOAL = "daily_goal_minutes"
TOP20_WEEKS = "top20_weeks"
BELL = "bell"

DEFAULT_TOP20_WEEKS = 4
MAX_TOP20_WEEKS = 26


def _whole(value: Any, low: int, high: int) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if low <= value <= high else None


class SettingsService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _get(self, key: str, default: Any = None) -> Any:
        with self.db.reading() as connection:
            return stored_setting(connection, key, default)

    def _set(self, key: str, value: Any) -> None:
        from netui.db.settings import SettingsRepository

        with self.db.session() as session:
            SettingsRepository(session).set(key, value)

    def target_keywords(self) -> tuple[str, ...]:
        stored = self._get(TARGET_KEYWORDS, [])
        return tuple(str(k) for k in stored) if isinstance(stored, list) else ()

    def set_target_keywords(self, text: str) -> tuple[str, ...]:
        keywords = parse_keywords(text)
        self._set(TARGET_KEYWORDS, list(keywords))
        return keywords

    def theme(self) -> str | None:
        value = self._get(THEME)
        return str(value) if value else None

    def set_theme(self, name: str) -> None:
        self._set(THEME, name)

    def daily_goal(self) -> int:
        """Minutes of networking a day (30 unless the user chose, or accepted, another)."""
        stored = _whole(self._get(DAILY_GOAL), MIN_MINUTES, MAX_MINUTES)
        return DEFAULT_GOAL_MINUTES if stored is None else stored

    def set_daily_goal(self, minutes: int) -> int:
        self._set(DAILY_GOAL, check_minutes(minutes, "daily goal"))
        return minutes

    def top20_weeks(self) -> int:
        """Over how many weeks of weekdays the Top 20 is to be reached (default 4)."""
        stored = _whole(self._get(TOP20_WEEKS), 1, MAX_TOP20_WEEKS)
        return DEFAULT_TOP20_WEEKS if stored is None else stored

    def set_top20_weeks(self, weeks: int) -> int:
        if _whole(weeks, 1, MAX_TOP20_WEEKS) is None:
            raise ValidationError("weeks", f"must be a whole number from 1 to {MAX_TOP20_WEEKS}")
        self._set(TOP20_WEEKS, weeks)
        return weeks

    def bell(self) -> bool:
        """Whether the terminal bell rings when the goal is reached or the planned time is over."""
        stored = self._get(BELL, True)
        return stored if isinstance(stored, bool) else True

    def set_bell(self, on: bool) -> None:
        self._set(BELL, bool(on))
