"""Progress: the figures of the stats screen, ``netui stats``, Today's summary and the report.

One snapshot read per question (:mod:`netui.db.stats`), the minutes per day from the
timer's own accounting (a running session counts until now), and every figure from
:mod:`netui.domain.stats`: so the screen, the command and the report agree to the minute.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from netui.db.engine import Database
from netui.db.stats import StatsReads, Top20Count
from netui.domain.clock import Clock, local_today, local_zone
from netui.domain.stats import Stats, WeekSummary, build_stats, check_period, week_start
from netui.domain.stats import week_summary as summarise_week
from netui.domain.stats_outcomes import InteractionFact
from netui.domain.timer import day_bounds, seconds_by_day
from netui.services.referrals import ReferralService
from netui.services.settings import SettingsService

__all__ = ["StatsService"]


@dataclass(frozen=True, slots=True)
class _Period:
    """What one read of a run of days found."""

    seconds: dict[date, float]
    facts: list[InteractionFact]
    introductions: list[date]
    top20: Top20Count


class StatsService:
    def __init__(
        self, db: Database, clock: Clock, settings: SettingsService, referrals: ReferralService
    ) -> None:
        self.db = db
        self.clock = clock
        self.settings = settings
        self.referrals = referrals

    def today(self) -> date:
        return local_today(self.clock)

    def _read(self, first: date, today: date) -> _Period:
        zone, now = local_zone(), self.clock()
        start, _ = day_bounds(first, zone)
        _, end = day_bounds(today, zone)
        with self.db.reading() as connection:
            reads = StatsReads(connection)
            sessions = reads.sessions(start, end)
            facts = reads.interactions(start, end, zone)
            introductions = reads.introductions(start, end, zone)
            top20 = reads.top20()
        seconds = {
            day: total
            for day, total in seconds_by_day(sessions, now, zone).items()
            if first <= day <= today
        }
        return _Period(seconds, facts, introductions, top20)

    def overview(self, days: int = 30) -> Stats:
        """Every figure for the ``days`` days ending today (30 and 90 on the screen)."""
        return self.period(self.today(), days)

    def period(self, last: date, days: int) -> Stats:
        """Every figure for the ``days`` days ending on ``last`` (the weekly report: a
        Monday-to-Sunday week, its days still to come counting nothing)."""
        check_period(days)
        today = last
        period = self._read(today - timedelta(days=days - 1), today)
        return build_stats(
            today=today,
            days=days,
            seconds_by_day=period.seconds,
            goal_minutes=self.settings.daily_goal(),
            facts=period.facts,
            top20_members=period.top20.members,
            top20_reached=period.top20.reached,
            introductions=period.introductions,
            chains=self.referrals.chains(),
        )

    def week(self) -> WeekSummary:
        """This week so far (Monday to today), for the summary line in Today."""
        today = self.today()
        period = self._read(week_start(today), today)
        return summarise_week(
            today=today,
            seconds_by_day=period.seconds,
            daily_goal_minutes=self.settings.daily_goal(),
            facts=period.facts,
            top20_members=period.top20.members,
            top20_reached=period.top20.reached,
            introductions=period.introductions,
        )
