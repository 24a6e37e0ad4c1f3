"""User settings: target keywords for priority, and other preferences."""

from __future__ import annotations

from netui.db.engine import Database
from netui.db.settings import SettingsRepository
from netui.domain.priority import parse_keywords

TARGET_KEYWORDS = "target_keywords"
THEME = "theme"


class SettingsService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def target_keywords(self) -> tuple[str, ...]:
        with self.db.session() as session:
            stored = SettingsRepository(session).get(TARGET_KEYWORDS, [])
        return tuple(str(k) for k in stored)

    def set_target_keywords(self, text: str) -> tuple[str, ...]:
        keywords = parse_keywords(text)
        with self.db.session() as session:
            SettingsRepository(session).set(TARGET_KEYWORDS, list(keywords))
        return keywords

    def theme(self) -> str | None:
        with self.db.session() as session:
            value = SettingsRepository(session).get(THEME)
        return str(value) if value else None

    def set_theme(self, name: str) -> None:
        with self.db.session() as session:
            SettingsRepository(session).set(THEME, name)
