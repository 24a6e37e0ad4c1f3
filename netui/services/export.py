"""Export contacts: CSV for spreadsheets, vCard for address books, a JSON backup of
everything, or follow-ups as an iCalendar file.

``ExportService.export(path, format, status)`` picks the contacts (all of them unless a
status filter is given), streams them from the database a chunk at a time into the
format's writer (:mod:`netui.io.export_csv`, :mod:`netui.io.export_vcard`,
:mod:`netui.io.export_ics`; JSON goes to :class:`netui.services.backup.BackupService`),
and writes the file all or nothing, readable only by you (0600). An existing file is
replaced only with ``force``.

Which follow-ups the calendar holds: each contact's next follow-up (the date the app shows
and the call log sets). An overdue one is the one a user most needs reminding of, and an
event in the past reminds no one, so it goes on today, marked overdue, with the day it was
due in its description (:mod:`netui.io.export_ics`); the summary counts them. Dates that
appear only in older interactions (the next follow-up replaced them) and cadence due dates
(a rhythm, not an appointment) are left out.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from netui.db.engine import Database
from netui.db.exporting import ExportRepository, FollowUpRow
from netui.domain.clock import Clock, local_today
from netui.domain.listing import StatusFilter
from netui.domain.types import Outcome
from netui.errors import ValidationError
from netui.services.backup import BackupService, refuse_database_path

if TYPE_CHECKING:
    from netui.io.export_ics import FollowUpEvent

# The writers (netui.io) are imported when an export runs, not when the services are built.

__all__ = [
    "FORMAT_SUFFIXES",
    "ExportFormat",
    "ExportService",
    "ExportSummary",
    "format_for_path",
    "parse_format",
]


class ExportFormat(StrEnum):
    CSV = "csv"
    VCARD = "vcard"
    JSON = "json"
    ICS = "ics"


#: File name endings and the format each stands for.
FORMAT_SUFFIXES = {
    ".csv": ExportFormat.CSV,
    ".vcf": ExportFormat.VCARD,
    ".vcard": ExportFormat.VCARD,
    ".json": ExportFormat.JSON,
    ".ics": ExportFormat.ICS,
    ".ical": ExportFormat.ICS,
}
_FORMAT_NAMES = ", ".join(f.value for f in ExportFormat)


def format_for_path(path: str | os.PathLike[str]) -> ExportFormat | None:
    """The format a file name's ending implies (``.csv .vcf .vcard .json .ics .ical``)."""
    return FORMAT_SUFFIXES.get(Path(path).suffix.lower())


def parse_format(value: str | ExportFormat) -> ExportFormat:
    try:
        return ExportFormat(str(value).strip().lower())
    except ValueError:
        raise ValidationError(
            "format", f'"{value}" is not an export format (formats: {_FORMAT_NAMES})'
        ) from None


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """What an export wrote.

    ``contacts`` is how many contacts are in the file (for ``ics``: how many have a
    follow-up, one event each, also counted as ``events``). ``overdue`` counts the events
    of an ``ics`` file whose day has passed (they are on today); ``interactions`` is filled
    for a JSON backup.
    """

    path: Path
    format: ExportFormat
    contacts: int
    events: int = 0
    interactions: int = 0
    overdue: int = 0
    bytes_written: int = 0
    seconds: float = 0.0

    def __str__(self) -> str:
        def plural(count: int, noun: str) -> str:
            return f"{count:,} {noun}{'' if count == 1 else 's'}"

        if self.format is ExportFormat.ICS:
            text = plural(self.events, "follow-up")
            if self.overdue:
                text += f" ({self.overdue:,} overdue, on today)"
            return text
        if self.format is ExportFormat.JSON:
            return (
                f"backup of {plural(self.contacts, 'contact')} and "
                f"{plural(self.interactions, 'interaction')}"
            )
        return plural(self.contacts, "contact")


def _event(row: FollowUpRow) -> FollowUpEvent:
    from netui.io.export_ics import FollowUpEvent, LastContact

    last = None
    if row.last_at is not None:
        try:
            outcome = Outcome(row.last_outcome or "").label
        except ValueError:
            outcome = str(row.last_outcome)
        last = LastContact(
            day=row.last_at.astimezone().date(),
            channel=row.last_channel or "",
            outcome=outcome,
            note=row.last_note or "",
        )
    return FollowUpEvent(
        contact_id=row.contact_id,
        full_name=row.full_name,
        day=row.day,
        company=row.company,
        title=row.title,
        last_contact=last,
    )


class ExportService:
    def __init__(self, db: Database, clock: Clock, backup: BackupService | None = None) -> None:
        self.db = db
        self.clock = clock
        self.backup = backup or BackupService(db, clock)

    def _check_target(self, path: Path, force: bool) -> None:
        from netui.io.export_files import check_destination

        refuse_database_path(path, self.db.path)
        check_destination(path, force=force)

    def export(
        self,
        path: str | os.PathLike[str],
        format: ExportFormat | str | None = None,
        status: StatusFilter | str | None = None,
        force: bool = False,
    ) -> ExportSummary:
        """Write the contacts matching ``status`` (default: all) to ``path`` as ``format``
        (default: from the file name's ending).

        Raises ValidationError for an unknown format or status, ExportFileError when the
        file cannot be written (it exists and ``force`` is false, its folder is missing...).
        """
        started = time.perf_counter()
        target = Path(path).expanduser()
        if format is None or format == "":
            chosen = format_for_path(target)
            if chosen is None:
                raise ValidationError(
                    "format",
                    f'cannot tell the format from the name "{target.name}"; name the file '
                    f".csv, .vcf, .json or .ics, or choose a format ({_FORMAT_NAMES})",
                )
        else:
            chosen = parse_format(format)
        wanted = self._status(status)
        self._check_target(target, force)
        if chosen is ExportFormat.JSON:
            if wanted not in (None, StatusFilter.ALL):
                raise ValidationError(
                    "status",
                    "a JSON backup always holds everything; a status applies to csv, vcard "
                    "and ics exports",
                )
            backup = self.backup.export_json(target, force=force)
            return ExportSummary(
                path=target,
                format=chosen,
                contacts=backup.contacts,
                interactions=backup.interactions,
                bytes_written=backup.bytes_written,
                seconds=time.perf_counter() - started,
            )
        from netui.io.export_csv import write_csv
        from netui.io.export_files import atomic_text_file
        from netui.io.export_ics import write_ics
        from netui.io.export_vcard import write_vcards

        contacts = events = overdue = 0
        # One read transaction for the whole export: a consistent snapshot.
        with self.db.session() as session:
            repo = ExportRepository(session)
            if chosen is ExportFormat.ICS:
                today = local_today(self.clock)

                def follow_ups() -> Iterator[FollowUpEvent]:
                    """The events, streamed, counting the overdue ones on the way."""
                    nonlocal overdue
                    for row in repo.follow_ups(wanted):
                        if row.day < today:
                            overdue += 1
                        yield _event(row)

                with atomic_text_file(target, force=force) as out:
                    events = write_ics(follow_ups(), out, self.clock(), today)
                contacts = events
            else:
                writer = write_csv if chosen is ExportFormat.CSV else write_vcards
                with atomic_text_file(target, force=force) as out:  # UTF-8 (CSV adds a BOM)
                    contacts = writer(repo.iter_contacts(wanted), out)
        return ExportSummary(
            path=target,
            format=chosen,
            contacts=contacts,
            events=events,
            overdue=overdue,
            bytes_written=target.stat().st_size,
            seconds=time.perf_counter() - started,
        )

    @staticmethod
    def _status(status: StatusFilter | str | None) -> StatusFilter | None:
        if status is None or isinstance(status, StatusFilter):
            return status
        try:
            return StatusFilter(status.strip().lower())
        except ValueError:
            names = ", ".join(s.value for s in StatusFilter)
            raise ValidationError(
                "status", f'"{status}" is not a status (statuses: {names})'
            ) from None
