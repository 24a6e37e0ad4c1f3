"""The weekly review: its sections gathered from the other services, written as Markdown or
HTML, to the terminal or to a file.

The figures come from where the rest of netui gets them: time, people reached, outcomes,
doors opened and the Top 20 from :class:`StatsService` (the week, and the four weeks ending
with it), today's queue from :class:`TodayService`, follow-up dates from the export reads;
so the review never disagrees with the screen. A file is written all or nothing (a
temporary file beside it, flushed to disk, then renamed over it): an existing review of the
same name is replaced only once the new one is whole, and never the database itself.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path

from netui.db.contacts import ContactRepository
from netui.db.engine import Database
from netui.db.exporting import ExportRepository
from netui.domain.clock import Clock, local_today
from netui.domain.listing import StatusFilter
from netui.domain.report import Week, WeekReport, read_week
from netui.domain.report_progress import TREND_WEEKS, glance, progress_sections
from netui.domain.report_sections import (
    FOLLOW_UP_DAYS,
    FollowUpDue,
    NextPerson,
    follow_ups_section,
    next_people,
    next_section,
)
from netui.errors import ValidationError
from netui.services.stats import StatsService
from netui.services.today import TodayService

__all__ = ["DISK_FULL", "ReportFormat", "ReportService", "format_for_path", "parse_format"]

DISK_FULL = "the disk is full; nothing was written. Free some space and retry"


class ReportFormat(StrEnum):
    MARKDOWN = "md"
    HTML = "html"


_SUFFIXES = {
    ".md": ReportFormat.MARKDOWN,
    ".markdown": ReportFormat.MARKDOWN,
    ".html": ReportFormat.HTML,
    ".htm": ReportFormat.HTML,
}


def format_for_path(path: str | os.PathLike[str]) -> ReportFormat | None:
    """The format a file name's ending implies (``.md .markdown .html .htm``), if any."""
    return _SUFFIXES.get(Path(path).suffix.lower())


def parse_format(value: str | ReportFormat) -> ReportFormat:
    try:
        return ReportFormat(str(value).strip().lower())
    except ValueError:
        names = ", ".join(f.value for f in ReportFormat)
        raise ValidationError("format", f'"{value}" is not a report format ({names})') from None


def _full_disk(error: BaseException) -> bool:
    cause = error.__cause__ or error.__context__
    return isinstance(cause, OSError) and cause.errno == errno.ENOSPC


class ReportService:
    def __init__(
        self, db: Database, clock: Clock, today: TodayService, stats: StatsService
    ) -> None:
        self.db = db
        self.clock = clock
        self.today = today
        self.stats = stats

    def week(self, text: str | None = None) -> Week:
        """The week ``text`` names (see :func:`netui.domain.report.read_week`); None or
        blank: this week."""
        return read_week(text or "", local_today(self.clock))

    def _follow_ups(self, last: date) -> Iterator[FollowUpDue]:
        with self.db.session() as session:
            for row in ExportRepository(session).follow_ups(StatusFilter.ACTIVE):
                if row.day > last:
                    break  # soonest first: the rest are later still
                yield FollowUpDue(row.contact_id, row.full_name, row.company, row.day)

    def _top20_waiting(self) -> list[NextPerson]:
        """The Top 20 members not reached yet, in rank order ("reached" as everywhere in
        netui: since joining the list)."""
        with self.db.session() as session:
            contacts = ContactRepository(session)
            members = contacts.top20()
            reached = contacts.reached_since_top20()
        return [
            NextPerson(c.id, c.full_name, c.company, f"Top 20 #{c.top20_rank}, not reached yet")
            for c in members
            if c.id not in reached
        ]

    def week_report(self, week: Week | None = None) -> WeekReport:
        """The review of ``week`` (default: this week), made today."""
        made_on = local_today(self.clock)
        chosen = week or read_week("", made_on)
        last = made_on + timedelta(days=FOLLOW_UP_DAYS - 1)
        week_stats = self.stats.period(chosen.end, 7)
        trend = self.stats.period(chosen.end, 7 * TREND_WEEKS)
        follow_ups = list(self._follow_ups(last))
        queue = self.today.queue(made_on)
        due = [NextPerson(i.contact_id, i.name, i.company, i.why) for i in queue]
        sections = (
            *progress_sections(week_stats, trend, chosen, made_on),
            follow_ups_section(follow_ups, made_on),
            next_section(next_people(self._top20_waiting(), due), week_stats.top20),
        )
        return WeekReport(
            week=chosen, made_on=made_on, sections=sections, glance=glance(week_stats)
        )

    @staticmethod
    def render(report: WeekReport, format: ReportFormat | str = ReportFormat.MARKDOWN) -> str:
        chosen = parse_format(format)
        if chosen is ReportFormat.HTML:
            from netui.io.report_html import render_html

            return render_html(report)
        from netui.io.report_md import render_markdown

        return render_markdown(report)

    def check_output(self, path: str | os.PathLike[str]) -> Path:
        """Raise ExportFileError now if the review cannot be written to ``path``: before
        any work, so the message comes at once and names the file."""
        from netui.io.export_files import ExportFileError, check_destination
        from netui.services.backup import refuse_database_path

        target = Path(path).expanduser()
        if target.is_dir():
            raise ExportFileError(target, "is a folder; give a file name, such as week.html")
        refuse_database_path(target, self.db.path)
        return check_destination(target, force=True)

    def write(self, text: str, path: str | os.PathLike[str]) -> Path:
        """Write ``text`` to ``path`` (0600, all or nothing), replacing a file already
        there. Raises ExportFileError naming the file when it cannot."""
        from netui.io.export_files import ExportFileError, atomic_text_file

        target = self.check_output(path)
        try:
            with atomic_text_file(target, force=True, newline="\n") as out:
                out.write(text)
        except ExportFileError as error:
            if _full_disk(error):
                raise ExportFileError(target, DISK_FULL) from None
            raise
        return target
