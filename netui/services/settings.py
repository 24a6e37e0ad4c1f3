"""User settings: target keywords for priority, and other preferences.

Reading a setting needs only the database's plain connection; writing one imports the
ORM repository (and SQLAlchemy) on first use.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from netui.db.engine import Database
from netui.db.reads import stored_setting
from netui.domain.priority import parse_keywords

if TYPE_CHECKING:
    from netui.db.settings import SettingsRepository

TARGET_KEYWORDS = "target_keywords"
THEME = "theme"


class SettingsService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _get(self, key: str, default: Any = None) -> Any:
        with self.db.reading() as connection:
            return stored_setting(connection, key, default)

    @contextmanager
    def _stored(self) -> Iterator[SettingsRepository]:
        from netui.db.settings import SettingsRepository

        with self.db.session() as session:
            yield SettingsRepository(session)

    def target_keywords(self) -> tuple[str, ...]:
        return tuple(str(k) for k in self._get(TARGET_KEYWORDS, []))

    def set_target_keywords(self, text: str) -> tuple[str, ...]:
        keywords = parse_keywords(text)
        with self._stored() as settings:
            settings.set(TARGET_KEYWORDS, list(keywords))
        return keywords

    def theme(self) -> str | None:
        value = self._get(THEME)
        return str(value) if value else None

    def set_theme(self, name: str) -> None:
        with self._stored() as settings:
            settings.set(THEME, name)
