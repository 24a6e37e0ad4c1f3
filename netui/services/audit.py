"""The time audit: a typical weekday saved and redone, its goal accepted, calendar gaps.

The saved audit is one settings value (``time_audit``), a JSON document rather than a
table of its own: it is always read and replaced whole, never queried, and as a setting it
is backed up and restored with the rest. Its shape::

    {"version": 1, "saved_at": "2026-11-26T15:00:00+00:00", "suggested_goal": 45,
     "blocks": [{"name": "Commute", "minutes": 60, "discretionary": false}, ...]}

A saved document that cannot be read (an older or a hand-edited one) counts as no audit:
the common blocks are offered again. The suggested goal becomes the daily goal only through
:meth:`AuditService.accept_goal`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from netui.db.engine import Database
from netui.db.settings import SettingsRepository
from netui.db.timer import TimerRepository
from netui.db.today import TodayRepository
from netui.domain.clock import Clock, local_today, local_zone
from netui.domain.free_gaps import DAYS_AHEAD, Gap, WakingHours, free_gaps
from netui.domain.time_audit import DEFAULT_BLOCKS, Audit, Block, audit, check_blocks
from netui.domain.timer import active_seconds
from netui.domain.timer_status import check_minutes
from netui.errors import ValidationError
from netui.io.ics_gaps import read_busy
from netui.services.settings import SettingsService

__all__ = ["AUDIT_KEY", "AuditService", "CalendarGaps", "SavedAudit"]

AUDIT_KEY = "time_audit"
_VERSION = 1


@dataclass(frozen=True, slots=True)
class SavedAudit:
    blocks: tuple[Block, ...]
    saved_at: datetime | None
    """None: never saved (``blocks`` are the common ones to start from)."""
    result: Audit
    daily_goal: int
    """The daily goal in force (the suggestion becomes it only when accepted)."""
    minutes_per_conversation: float | None = None
    """The user's own pace so far (None without history): a screen that adds up blocks as
    they are edited passes it to :func:`~netui.domain.time_audit.audit` itself."""


@dataclass(frozen=True, slots=True)
class CalendarGaps:
    gaps: tuple[Gap, ...]
    warnings: tuple[str, ...]
    events: int
    """Occurrences in the window that block time."""
    first_day: date
    days: int
    waking: WakingHours
    goal_minutes: int
    """The daily goal, to tell which gaps can hold a whole session."""


def _blocks_from(document: Any) -> tuple[Block, ...] | None:
    if not isinstance(document, dict) or document.get("version") != _VERSION:
        return None
    raw = document.get("blocks")
    if not isinstance(raw, list):
        return None
    try:
        return check_blocks(
            [Block(str(b["name"]), b["minutes"], b["discretionary"] is True) for b in raw]
        )
    except (KeyError, TypeError, ValueError, ValidationError):
        return None


def _moment(text: Any) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(text))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


class AuditService:
    def __init__(self, db: Database, clock: Clock, settings: SettingsService) -> None:
        self.db = db
        self.clock = clock
        self.settings = settings

    def _minutes_per_conversation(self) -> float | None:
        """The user's own pace: minutes timed per person reached, once there is history."""
        now = self.clock()
        with self.db.session() as session:
            timer = TimerRepository(session)
            first = timer.first_start()
            if first is None:
                return None
            sessions = timer.ended()
            running = timer.running()
            reached = TodayRepository(session).reached_since(first)
        if running is not None:
            sessions.append(running)
        minutes = sum(active_seconds(s, now) for s in sessions) / 60
        return minutes / reached if reached and minutes > 0 else None

    def load(self) -> SavedAudit:
        """The saved audit, or the common blocks to start from when none was saved."""
        with self.db.session() as session:
            document = SettingsRepository(session).get(AUDIT_KEY)
        blocks = _blocks_from(document)
        saved_at = _moment(document.get("saved_at")) if blocks is not None else None
        pace = self._minutes_per_conversation()
        return SavedAudit(
            blocks=blocks if blocks is not None else DEFAULT_BLOCKS,
            saved_at=saved_at,
            result=audit(blocks or DEFAULT_BLOCKS, pace),
            daily_goal=self.settings.daily_goal(),
            minutes_per_conversation=pace,
        )

    def save(self, blocks: Sequence[Block]) -> Audit:
        """Save the day as laid out (replacing any earlier audit) and add it up."""
        checked = check_blocks(blocks)
        result = audit(checked, self._minutes_per_conversation())
        document = {
            "version": _VERSION,
            "saved_at": self.clock().astimezone(UTC).isoformat(),
            "suggested_goal": result.suggested_goal,
            "blocks": [
                {"name": b.name, "minutes": b.minutes, "discretionary": b.discretionary}
                for b in checked
            ],
        }
        with self.db.session() as session:
            SettingsRepository(session).set(AUDIT_KEY, document)
        return result

    def accept_goal(self, minutes: int) -> int:
        """Make ``minutes`` the daily goal (the user accepted the audit's suggestion)."""
        return self.settings.set_daily_goal(check_minutes(minutes, "daily goal"))

    def calendar_gaps(
        self,
        path: Path,
        today: date | None = None,
        waking: WakingHours | None = None,
        days: int = DAYS_AHEAD,
    ) -> CalendarGaps:
        """Free stretches of the coming days in the calendar at ``path`` (a slow read:
        the app runs it in a worker), within ``waking`` or else the settings' working hours."""
        now = self.clock()
        first = today or local_today(self.clock)
        zone = local_zone()
        hours = waking or self.settings.working_hours()
        start = datetime.combine(first, hours.start).replace(tzinfo=zone) - timedelta(days=1)
        end = datetime.combine(first + timedelta(days=days), hours.end).replace(tzinfo=zone)
        calendar = read_busy(path, start, end, zone)
        gaps = free_gaps(calendar.busy, today=first, zone=zone, waking=hours, now=now, days=days)
        return CalendarGaps(
            gaps=tuple(gaps),
            warnings=calendar.warnings,
            events=calendar.events,
            first_day=first,
            days=days,
            waking=hours,
            goal_minutes=self.settings.daily_goal(),
        )
