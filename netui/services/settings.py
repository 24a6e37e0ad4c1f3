"""User settings: the settings file first, then what an older netui left in the database.

Each key is read from the settings file (:mod:`netui.settings_file`); a key the file does
not set falls back to the value an older netui stored in the database, so nobody loses a
goal on upgrade, and then to its default. A key the file sets to a value its rule refuses
takes its default, and the problem is reported (:meth:`SettingsService.problems`), never
raised: netui starts whatever the file says. Every write goes to the file.

The file is parsed again only when it changes on disk (its size, time or inode), so the
app sees a hand edit without paying for a parse on every read.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from netui.db.engine import Database
from netui.db.reads import stored_setting
from netui.domain.clean_text import clean_line
from netui.domain.free_gaps import WakingHours
from netui.domain.goal_limits import check_minutes
from netui.domain.priority import parse_keywords
from netui.domain.settings_rules import (
    BELL,
    DAILY_GOAL,
    DEFAULTS,
    KEYS,
    SETTING_KEYS,
    TARGET_KEYWORDS,
    THEME,
    TOP20_WEEKS,
    WORKING_HOURS,
    BadSettingError,
    CheckedFile,
    Problem,
    check_document,
    check_value,
)
from netui.errors import ValidationError
from netui.settings_file import read_raw, write_values

__all__ = ["DATABASE_KEYS", "Effective", "SettingsFile", "SettingsService", "Source"]

DATABASE_KEYS = (DAILY_GOAL, TOP20_WEEKS, BELL, THEME, TARGET_KEYWORDS)
"""The keys an older netui kept in the database (the others were never stored there)."""


class Source(StrEnum):
    FILE = "file"
    DATABASE = "database"
    DEFAULT = "default"


@dataclass(frozen=True, slots=True)
class Effective:
    """A key's value in force and where it came from (``netui config show``)."""

    key: str
    value: Any
    source: Source


class SettingsFile:
    """The settings file at ``path``, parsed and checked, again only after it changed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._seen: tuple[int, int, int] | None = None
        self._checked = CheckedFile()

    def checked(self) -> CheckedFile:
        try:
            stat = self.path.stat()
            seen: tuple[int, int, int] | None = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        except OSError:
            seen = None
        with self._lock:
            if seen is None or seen != self._seen:
                raw = read_raw(self.path)
                if raw.error is not None:
                    self._checked = CheckedFile(problems=(Problem("", raw.error),))
                else:
                    self._checked = check_document(raw.document)
                self._seen = seen
            return self._checked

    def problems(self) -> tuple[str, ...]:
        """Each problem as the line a user reads: ``settings.toml: key: what is wrong``."""
        return tuple(problem.text(self.path.name) for problem in self.checked().problems)

    def write(self, values: Mapping[str, Any]) -> None:
        write_values(self.path, values)


class SettingsService:
    """Settings by key, from the file at ``path``, then the database, then the defaults."""

    def __init__(self, db: Database, path: Path) -> None:
        self.db = db
        self.file = SettingsFile(path)

    @property
    def path(self) -> Path:
        return self.file.path

    def problems(self) -> tuple[str, ...]:
        """What is wrong in the file, one line each (the app toasts them, commands warn)."""
        return self.file.problems()

    def _stored(self, key: str) -> Any:
        """The value an older netui left in the database, if its rule still takes it."""
        if key not in DATABASE_KEYS:
            return None
        with self.db.reading() as connection:
            stored = stored_setting(connection, key)
        if stored is None:
            return None
        try:
            return check_value(key, stored)
        except BadSettingError:
            return None

    def effective(self, key: str) -> Effective:
        checked = self.file.checked()
        if key in checked.values:
            return Effective(key, checked.values[key], Source.FILE)
        if key not in checked.refused:
            stored = self._stored(key)
            if stored is not None:
                return Effective(key, stored, Source.DATABASE)
        return Effective(key, DEFAULTS[key], Source.DEFAULT)

    def every_setting(self) -> tuple[Effective, ...]:
        return tuple(self.effective(key) for key in SETTING_KEYS)

    def _get(self, key: str) -> Any:
        return self.effective(key).value

    def _set(self, key: str, value: Any) -> None:
        in_file = self.file.checked().values
        if key in in_file and in_file[key] == value:
            return  # already so in the file: leave the user's file untouched
        self.file.write({key: value})

    def target_keywords(self) -> tuple[str, ...]:
        return tuple(self._get(TARGET_KEYWORDS))

    def set_target_keywords(self, text: str) -> tuple[str, ...]:
        """Save the keywords typed (comma-separated), controls cleaned out as at every entry."""
        keywords = parse_keywords(",".join(clean_line(part) for part in text.split(",")))
        self._set(TARGET_KEYWORDS, keywords)
        return keywords

    def theme(self) -> str | None:
        value = self._get(THEME)
        return str(value) if value else None

    def set_theme(self, name: str) -> None:
        self._set(THEME, check_value(THEME, name))

    def daily_goal(self) -> int:
        """Minutes of networking a day (30 unless the user chose, or accepted, another)."""
        return int(self._get(DAILY_GOAL))

    def set_daily_goal(self, minutes: int) -> int:
        self._set(DAILY_GOAL, check_minutes(minutes, "daily goal"))
        return minutes

    def top20_weeks(self) -> int:
        """Over how many weeks of weekdays the Top 20 is to be reached (default 4)."""
        return int(self._get(TOP20_WEEKS))

    def set_top20_weeks(self, weeks: int) -> int:
        try:
            check_value(TOP20_WEEKS, weeks)
        except BadSettingError as error:
            raise ValidationError("weeks", str(error).removesuffix(" (weeks)")) from None
        self._set(TOP20_WEEKS, weeks)
        return weeks

    def bell(self) -> bool:
        """Whether the terminal bell rings when the goal is reached or the planned time is over."""
        return bool(self._get(BELL))

    def set_bell(self, on: bool) -> None:
        self._set(BELL, bool(on))

    def working_hours(self) -> WakingHours:
        """The hours the calendar gaps are looked for in (07:00 to 22:00 unless the file says)."""
        hours = self._get(WORKING_HOURS)
        assert isinstance(hours, WakingHours)
        return hours

    def key_remaps(self) -> Mapping[str, str]:
        """Action id -> keys, as the file gives them (the app checks them against its table)."""
        remaps = self._get(KEYS)
        assert isinstance(remaps, Mapping)
        return remaps
