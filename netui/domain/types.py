"""Plain value types shared by every layer.

Repositories return these frozen objects, never live ORM rows, so nothing lazy or
session-bound ever reaches the UI or the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import NamedTuple


class TriageStatus(StrEnum):
    """Where a contact stands in the triage of old contacts."""

    NEW = "new"
    TOP20 = "top20"
    LATER = "later"
    SKIP = "skip"
    ARCHIVED = "archived"


class DatePrecision(StrEnum):
    """How much of a remembered date is known ("around 2019" is year precision)."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Channel(StrEnum):
    CALL = "call"
    EMAIL = "email"
    MESSAGE = "message"
    MEETING = "meeting"
    OTHER = "other"


class Outcome(StrEnum):
    NO_ANSWER = "no_answer"
    LEFT_MESSAGE = "left_message"
    REPLIED = "replied"
    TALKED = "talked"
    MEETING_SET = "meeting_set"
    REFERRAL = "referral"
    DECLINED = "declined"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")

    @property
    def reached(self) -> bool:
        """Whether this outcome means the person was actually reached."""
        return self not in (Outcome.NO_ANSWER, Outcome.LEFT_MESSAGE)


TOP20_SIZE = 20
TOP20_GOAL = 10


@dataclass(frozen=True, slots=True)
class LooseDate:
    """A date typed loosely by a user, with how precise it is."""

    value: date
    precision: DatePrecision


@dataclass(frozen=True, slots=True)
class ContactDraft:
    """What a user (or the CLI) supplies to create or edit a contact."""

    full_name: str
    first_name: str = ""
    last_name: str = ""
    company: str = ""
    title: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    linkedin_url: str = ""
    how_we_met: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()
    strength: int | None = None
    last_contacted: LooseDate | None = None
    cadence: str | None = None


@dataclass(frozen=True, slots=True)
class Contact:
    """A contact with every field, as stored (:mod:`netui.domain.contact_fields` lists them)."""

    id: int
    full_name: str
    first_name: str
    last_name: str
    company: str
    title: str
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    linkedin_url: str
    how_we_met: str
    notes: str
    tags: tuple[str, ...]
    strength: int | None
    status: TriageStatus
    top20_rank: int | None
    last_contacted: date | None
    last_contacted_precision: DatePrecision | None
    cadence: str | None
    next_follow_up: date | None
    source: str
    created_at: datetime
    updated_at: datetime
    connected_on: date | None = None
    previous_company: str = ""
    previous_title: str = ""
    job_changed_on: date | None = None
    uid: str = ""  # what address books know this person by (netui.domain.contact_uid)

    def to_draft(self) -> ContactDraft:
        loose = (
            LooseDate(self.last_contacted, self.last_contacted_precision or DatePrecision.DAY)
            if self.last_contacted
            else None
        )
        return ContactDraft(
            full_name=self.full_name,
            first_name=self.first_name,
            last_name=self.last_name,
            company=self.company,
            title=self.title,
            emails=self.emails,
            phones=self.phones,
            linkedin_url=self.linkedin_url,
            how_we_met=self.how_we_met,
            notes=self.notes,
            tags=self.tags,
            strength=self.strength,
            last_contacted=loose,
            cadence=self.cadence,
        )


class ContactRow(NamedTuple):
    """One row of the contact list: compact, so 100,000 of them fit comfortably in memory."""

    id: int
    full_name: str
    company: str
    title: str
    status: TriageStatus
    top20_rank: int | None
    strength: int | None
    last_contacted: date | None
    last_contacted_precision: DatePrecision | None
    priority: float
    haystack: str  # lower-cased name, company, title, emails, tags and notes for search
    job_changed: bool = False  # an import found a new company or title: a reason to call


@dataclass(frozen=True, slots=True)
class Interaction:
    id: int
    contact_id: int
    occurred_at: datetime  # UTC, timezone-aware
    channel: Channel
    outcome: Outcome
    note: str
    follow_up: date | None
    script_revision_id: int | None = None  # the script revision this call or message used


@dataclass(frozen=True, slots=True)
class InteractionDraft:
    channel: Channel
    outcome: Outcome
    note: str = ""
    occurred_at: datetime | None = None  # None means now
    follow_up: date | None = None
    script_revision_id: int | None = None  # set when logged from a script


@dataclass(frozen=True, slots=True)
class ImportBatchInfo:
    """One past import, with what it did; ``undone_at`` is set once it was undone."""

    id: int
    source_path: str
    format: str
    created_at: datetime
    added: int
    updated: int
    unchanged: int
    skipped: int
    problems: int
    job_changes: int
    undone_at: datetime | None


@dataclass(frozen=True, slots=True)
class Top20Progress:
    """How the Top 20 is going: how many are on it and how many were reached since added."""

    size: int
    reached: int
    capacity: int = TOP20_SIZE
    goal: int = TOP20_GOAL


@dataclass(frozen=True, slots=True)
class TriageCounts:
    total: int
    untriaged: int
    by_status: dict[TriageStatus, int] = field(default_factory=dict)

    @property
    def triaged(self) -> int:
        return self.total - self.untriaged
