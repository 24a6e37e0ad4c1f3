"""Typed SQLAlchemy 2 models: the shape of the netui database."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from netui.domain.contact_uid import new_uid

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


CLOCK_OPTION = "netui_clock"
"""Execution option under which :class:`netui.db.engine.Database` hands its clock down."""


def stamp_now(context: Any) -> datetime:
    """The time to stamp a row with, from the clock of the database it is written through.

    A context-sensitive column default: ORM and Core writes alike read the clock that
    :class:`~netui.db.engine.Database` put in the execution options, never the machine's.
    """
    clock = context.execution_options.get(CLOCK_OPTION)
    if clock is None:
        raise RuntimeError("no clock to stamp rows with: write through netui.db.engine.Database")
    now: datetime = clock()
    return now


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC in SQLite and hands back timezone-aware UTC datetimes."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; pass an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class StringList(TypeDecorator[tuple[str, ...]]):
    """A short list of one-line strings (emails, phones, tags) kept as newline-joined text.

    Plain text keeps the bulk contact-list query cheap: no JSON decoding per row.
    """

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: tuple[str, ...] | None, dialect: Dialect) -> str:
        return "\n".join(v.replace("\n", " ") for v in (value or ()))

    def process_result_value(self, value: str | None, dialect: Dialect) -> tuple[str, ...]:
        return tuple(value.split("\n")) if value else ()


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ImportBatchModel(Base):
    __tablename__ = "import_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_path: Mapped[str] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=stamp_now)
    added: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    updated: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    unchanged: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    problems: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    skipped: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # blank rows
    job_changes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class ContactModel(Base):
    __tablename__ = "contact"
    __table_args__ = (
        CheckConstraint("strength IS NULL OR strength BETWEEN 1 AND 5", name="strength_range"),
        CheckConstraint(
            "status IN ('new', 'top20', 'later', 'skip', 'archived')", name="status_known"
        ),
        CheckConstraint(
            "last_contacted_precision IS NULL OR last_contacted_precision IN "
            "('day', 'month', 'year')",
            name="precision_known",
        ),
        Index("ix_contact_status_rank", "status", "top20_rank"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(Text)
    first_name: Mapped[str] = mapped_column(Text, default="", server_default="")
    last_name: Mapped[str] = mapped_column(Text, default="", server_default="")
    company: Mapped[str] = mapped_column(Text, default="", server_default="")
    title: Mapped[str] = mapped_column(Text, default="", server_default="")
    emails: Mapped[tuple[str, ...]] = mapped_column(StringList, default=(), server_default="")
    phones: Mapped[tuple[str, ...]] = mapped_column(StringList, default=(), server_default="")
    linkedin_url: Mapped[str] = mapped_column(Text, default="", server_default="")
    how_we_met: Mapped[str] = mapped_column(Text, default="", server_default="")
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    tags: Mapped[tuple[str, ...]] = mapped_column(StringList, default=(), server_default="")
    strength: Mapped[int | None] = mapped_column(Integer, nullable=True)
    status: Mapped[str] = mapped_column(String(10), default="new", server_default="new")
    top20_rank: Mapped[int | None] = mapped_column(Integer, nullable=True)
    top20_since: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_contacted: Mapped[date | None] = mapped_column(Date, nullable=True)
    last_contacted_precision: Mapped[str | None] = mapped_column(String(5), nullable=True)
    cadence: Mapped[str | None] = mapped_column(String(8), nullable=True)
    next_follow_up: Mapped[date | None] = mapped_column(Date, nullable=True)
    connected_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # Set by an import that finds a new company or title: "changed jobs" is a reason to call.
    previous_company: Mapped[str] = mapped_column(Text, default="", server_default="")
    previous_title: Mapped[str] = mapped_column(Text, default="", server_default="")
    job_changed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    source: Mapped[str] = mapped_column(String(20), default="manual", server_default="manual")
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=stamp_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=stamp_now, onupdate=stamp_now)
    # The name other programs know this person by (a vCard's UID): given once, kept for good.
    # The Python default covers the ORM and Core inserts; the import's raw inserts name it.
    uid: Mapped[str] = mapped_column(Text, default=new_uid, index=True, unique=True)
    # Who introduced the user to this person (migration 0007). Not a Contact field: only
    # netui.db.referrals reads and writes it, so list rows and exports are unchanged.
    referred_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), nullable=True, index=True
    )


class InteractionModel(Base):
    __tablename__ = "interaction"
    __table_args__ = (Index("ix_interaction_contact_when", "contact_id", "occurred_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    channel: Mapped[str] = mapped_column(String(10))
    outcome: Mapped[str] = mapped_column(String(15))
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    follow_up: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=stamp_now)
    # The script revision a call or message used. RESTRICT: a revision a logged interaction
    # names is never deleted (a script with one is hidden instead; see ScriptModel).
    script_revision_id: Mapped[int | None] = mapped_column(
        ForeignKey("script_revision.id", ondelete="RESTRICT"), nullable=True, index=True
    )


class ScriptModel(Base):
    """A reconnect script. Its saved text is also its latest revision's (written together).

    A script is hidden (``deleted_at`` set) rather than removed while an interaction names
    one of its revisions, and a built-in always is, so netui knows not to add it back. Names
    are unique among the scripts not hidden, ignoring case (``NOCASE``: ASCII letters; the
    service also compares names case-folded, for every other alphabet).
    """

    __tablename__ = "script"
    __table_args__ = (
        CheckConstraint(
            "channel IN ('phone', 'email', 'linkedin_message', 'linkedin_invite', 'text')",
            name="channel_known",
        ),
        Index("ix_script_live_name", "name", unique=True, sqlite_where=text("deleted_at IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text(collation="NOCASE"))
    channel: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(Text, default="", server_default="")
    body: Mapped[str] = mapped_column(Text, default="", server_default="")
    is_default: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The built-in it started as (kept through renames), and the version of netui's text
    # its saved text is: None once the user saved words of their own.
    builtin_key: Mapped[str | None] = mapped_column(Text, nullable=True, unique=True)
    builtin_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Edits not saved yet, autosaved while typing: all three set, or none.
    draft_subject: Mapped[str | None] = mapped_column(Text, nullable=True)
    draft_body: Mapped[str | None] = mapped_column(Text, nullable=True)
    draft_saved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=stamp_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=stamp_now, onupdate=stamp_now)


class ScriptRevisionModel(Base):
    """One saved text of a script, numbered 1, 2, 3... within it."""

    __tablename__ = "script_revision"
    __table_args__ = (UniqueConstraint("script_id", "number", name="uq_script_revision_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    script_id: Mapped[int] = mapped_column(ForeignKey("script.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    subject: Mapped[str] = mapped_column(Text, default="", server_default="")
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=stamp_now)


class TimerSessionModel(Base):
    """A daily networking session; a row with no ``ended_at`` is still running.

    At most one row may be running: a partial unique index on ``(ended_at IS NULL)``
    (migration 0006) makes every running row collide. ``active_seconds`` is written when a
    session ends, for people reading a backup; the app always counts from the moments.
    """

    __tablename__ = "timer_session"
    __table_args__ = (
        Index(
            "uq_timer_session_running",
            text("(ended_at IS NULL)"),
            unique=True,
            sqlite_where=text("ended_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    planned_minutes: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    active_seconds: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    goal_minutes: Mapped[int] = mapped_column(Integer, default=30, server_default="30")


class TimerPauseModel(Base):
    """A pause in a session; one with no ``ended_at`` is going on (at most one a session)."""

    __tablename__ = "timer_pause"
    __table_args__ = (
        Index(
            "uq_timer_pause_open",
            "session_id",
            unique=True,
            sqlite_where=text("ended_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("timer_session.id", ondelete="CASCADE"), index=True
    )
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class SettingModel(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class TriageEventModel(Base):
    """One contact's before/after in a triage decision; a group is one undoable step."""

    __tablename__ = "triage_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(Integer, index=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(Text, default="", server_default="")
    before_status: Mapped[str] = mapped_column(String(10))
    before_rank: Mapped[int | None] = mapped_column(Integer, nullable=True)
    before_strength: Mapped[int | None] = mapped_column(Integer, nullable=True)
    before_top20_since: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    after_status: Mapped[str] = mapped_column(String(10))
    after_rank: Mapped[int | None] = mapped_column(Integer, nullable=True)
    after_strength: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=stamp_now)
    undone: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class ImportChangeModel(Base):
    """One column an import changed on a contact it matched, so undo can put it back.

    Values are JSON (a string, a list of strings, an ISO date, or null). Contacts an
    import created are not listed here: their ``contact.import_batch_id`` names the batch.
    The ``updated_at`` row keeps the contact's previous timestamp, so an undo leaves it as
    it was and a later edit by the user can be told from the import's own write.
    """

    __tablename__ = "import_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(
        ForeignKey("import_batch.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    field: Mapped[str] = mapped_column(String(32))
    old_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    new_value: Mapped[str | None] = mapped_column(Text, nullable=True)
