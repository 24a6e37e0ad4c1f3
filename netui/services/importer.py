"""Importing contact files: preview, run (deduplicating and merging), list and undo imports.

One import is one transaction: the batch record, every new contact, every update and the
change log that lets undo revert it are committed together or not at all (an error, or a
killed process, leaves the database as it was).

Rows are matched to stored contacts (and to earlier rows of the same file) by email, then
LinkedIn profile, then phone number, then name and company, using the keys of
:mod:`netui.domain.identity_keys`. A match is merged with
:func:`~netui.domain.record_merge.merge_plan`:
empty fields are filled, lists unioned, and a different company or title is taken as a job
change; what the user wrote (notes, how we met, strength, status) is never overwritten.
New rows whose name is like a stored contact's are reported as possible duplicates.

The file is streamed: new contacts are inserted and matches merged a chunk at a time, so
memory holds the match keys and one chunk, not the file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from os import PathLike
from pathlib import Path
from typing import Any

from netui.db.engine import Database
from netui.db.imports import (
    CHUNK_SIZE,
    MERGED_FIELDS,
    ExistingContact,
    ImportRepository,
    db_timestamp,
    encode_value,
)
from netui.domain.clock import Clock, local_today
from netui.domain.identity_keys import (
    name_company_key,
    normalize_email,
    normalize_linkedin,
    phone_key,
)
from netui.domain.name_similarity import NameIndex, person_name
from netui.domain.record_merge import merge_plan
from netui.domain.types import ImportBatchInfo, TriageStatus
from netui.domain.validation import MAX_NAME_LENGTH
from netui.errors import NetuiError
from netui.io import ContactReader, ImportedContact, ImportFileError, RowProblem, SourceInfo

__all__ = [
    "ImportBatchInfo",
    "ImportFileUnusableError",
    "ImportPreview",
    "ImportService",
    "ImportSummary",
    "JobChange",
    "PossibleDuplicate",
    "Progress",
    "UndoSummary",
]

#: ``progress(rows_read, total)``: called every PROGRESS_EVERY rows; total is None while
#: the file is still being read (a streamed file's row count is not known in advance).
Progress = Callable[[int, int | None], None]
PROGRESS_EVERY = 1000
#: Possible duplicates reported per incoming row, at most.
DUPLICATES_PER_ROW = 3


class ImportFileUnusableError(NetuiError):
    """The file cannot be imported at all; nothing was written. ``str()`` names the file."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What a file holds, for the import screen: detected layout and its first records."""

    info: SourceInfo
    sample: tuple[ImportedContact | RowProblem, ...]


@dataclass(frozen=True, slots=True)
class JobChange:
    """A matched contact whose company or title changed: a reason to get in touch."""

    contact_id: int
    full_name: str
    old_company: str
    old_title: str
    new_company: str
    new_title: str


@dataclass(frozen=True, slots=True)
class PossibleDuplicate:
    """A new row whose name is like a stored contact's (added anyway; review and merge)."""

    row_number: int
    name: str
    contact_id: int  # the stored contact it looks like
    contact_name: str
    new_contact_id: int | None  # the contact the row became (None in a dry run)


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import did (or, for a dry run, would do).

    ``added`` new contacts; ``updated`` and ``unchanged`` stored contacts the file matched;
    ``in_file_duplicates`` rows that repeated an earlier row's person (merged into it);
    ``skipped_blank`` rows with nothing to import; ``problems`` rows not imported, and why.
    """

    batch_id: int | None  # None for a dry run
    path: Path
    format: str
    dry_run: bool
    rows: int
    added: int
    updated: int
    unchanged: int
    in_file_duplicates: int
    skipped_blank: int
    changed_jobs: tuple[JobChange, ...]
    duplicates: tuple[PossibleDuplicate, ...]
    problems: tuple[RowProblem, ...]
    warnings: tuple[RowProblem, ...]
    warning_count: int

    @property
    def job_changes(self) -> int:
        return len(self.changed_jobs)


@dataclass(frozen=True, slots=True)
class UndoSummary:
    """What undoing an import did. Contacts it added that saw activity since are kept."""

    batch_id: int
    removed: int
    kept_with_interactions: int
    kept_triaged: int
    kept_edited: int
    reverted_contacts: int
    reverted_fields: int
    fields_edited_since: int

    @property
    def kept(self) -> int:
        return self.kept_with_interactions + self.kept_triaged + self.kept_edited

    @property
    def message(self) -> str:
        parts = [f"removed {_count(self.removed, 'contact')} it added"]
        if self.reverted_contacts:
            parts.append(f"put back {_count(self.reverted_contacts, 'contact')} it updated")
        if self.kept:
            why = [
                f"{n} {reason}"
                for n, reason in (
                    (self.kept_with_interactions, "with calls or messages logged"),
                    (self.kept_triaged, "triaged"),
                    (self.kept_edited, "edited"),
                )
                if n
            ]
            parts.append(
                f"kept {_count(self.kept, 'contact')} it added that you used since "
                f"({', '.join(why)})"
            )
        if self.fields_edited_since:
            parts.append(
                f"left {_count(self.fields_edited_since, 'field')} you changed since as you "
                "set them"
            )
        return "; ".join(parts)

    def __str__(self) -> str:
        return self.message


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


class _DryRunRollbackError(Exception):
    """Raised inside the session to roll a dry run back, carrying its summary."""

    def __init__(self, summary: ImportSummary) -> None:
        super().__init__("dry run")
        self.summary = summary


def _as_stored(contact: ImportedContact, contact_id: int) -> ExistingContact:
    """A pending new contact in the shape merge_plan compares against."""
    return ExistingContact(
        contact_id,
        contact.full_name,
        contact.first_name,
        contact.last_name,
        contact.company,
        contact.title,
        contact.emails,
        contact.phones,
        contact.linkedin_url,
        contact.notes,
        contact.tags,
        contact.how_we_met,
        contact.connected_on,
        "",
        "",
        None,
        "",
    )


def _new_rows(pending: Mapping[int, ImportedContact]) -> list[tuple[Any, ...]]:
    """Pending records as the columns of new contacts (NEW_CONTACT_COLUMNS).

    One comprehension unpacking each tuple, not a function call per row: this runs for
    every contact an import adds.
    """
    return [
        (
            contact_id,
            full_name,
            first_name,
            last_name,
            company,
            title,
            "\n".join(emails),
            "\n".join(phones),
            url,
            notes,
            "\n".join(tags),
            met,
            connected.isoformat() if connected else None,
        )
        for contact_id, (
            _,
            full_name,
            first_name,
            last_name,
            company,
            title,
            emails,
            phones,
            url,
            notes,
            tags,
            met,
            connected,
        ) in pending.items()
    ]


def _fingerprint(c: ImportedContact) -> int:
    """A hash of what a record would store, equal to ``hash(MatchRecord[1:])`` when the
    stored contact holds exactly that.

    Built by unpacking the record's tuple (one step) rather than reading eleven fields by
    name: a re-import computes one per row.
    """
    _, _, first, last, company, title, emails, phones, url, notes, tags, met, connected = c
    return hash(
        (
            first,
            last,
            company,
            title,
            "\n".join(emails),
            "\n".join(phones),
            url,
            notes,
            "\n".join(tags),
            met,
            connected.isoformat() if connected else None,
        )
    )


class _NameKeys:
    """Name + company keys of every contact: ``all`` of them, and those ``unprofiled``
    (without a LinkedIn profile), the only ones a row with a profile can match by name."""

    __slots__ = ("all", "unprofiled")

    def __init__(self) -> None:
        self.all: dict[str, int] = {}
        self.unprofiled: dict[str, int] = {}

    def add(self, key: str, contact_id: int, profiled: bool) -> None:
        self.all.setdefault(key, contact_id)
        if not profiled:
            self.unprofiled.setdefault(key, contact_id)


class _ImportRun:
    """The state of one import inside its transaction: match indexes, pending writes, counts.

    New contacts get their ids here (the next free ones: the transaction holds SQLite's
    write lock, so nobody else can take them), which lets the index point at them before
    they are inserted a chunk at a time.
    """

    def __init__(
        self,
        repo: ImportRepository,
        batch_id: int,
        now: datetime,
        today: date,
        source: str,
    ) -> None:
        self.repo = repo
        self.batch_id = batch_id
        self.now = now
        self.stamp = db_timestamp(now)
        self.today = today
        self.source = source
        self.by_email: dict[str, int] = {}
        self.by_url: dict[str, int] = {}
        self.by_phone: dict[str, int] = {}
        # Name + company keys are the costliest to compute and the least often needed: a
        # row with a LinkedIn profile can only match by name someone without a profile.
        # They are built (for every contact) the first time a row needs them.
        self.names: _NameKeys | None = None
        self.unprofiled = 0  # contacts without a LinkedIn profile, stored or new
        # For each stored contact, a hash of its importable columns: a row that hashes the
        # same changes nothing, and needs neither loading the contact nor merging.
        self.fingerprints: dict[int, int] = {}
        self.last_existing = repo.max_contact_id()
        self.next_id = self.first_new = self.last_existing + 1
        self.pending: dict[int, ImportedContact] = {}
        # Matches to merge: (contact, record, whether it may be taken as a job change).
        self.queue: list[tuple[int, ImportedContact, bool]] = []
        self.touched: set[int] = set()
        self.changed: set[int] = set()
        self.changed_jobs: dict[int, JobChange] = {}
        self.in_file_duplicates = 0
        self.added = 0
        self.problems: list[RowProblem] = []
        self.similar: list[tuple[int, str, int, int]] = []  # row, name, stored id, new id
        self.similar_names: NameIndex | None = None

    # -- the index of stored contacts ---------------------------------------------------

    def load_index(self) -> None:
        by_email, by_url, by_phone = self.by_email, self.by_url, self.by_phone
        fingerprints, unprofiled = self.fingerprints, 0
        for row in self.repo.match_records():
            contact_id, emails, phones, url = row[0], row[5], row[6], row[7]
            if emails:
                for email in emails.split("\n"):
                    if key := normalize_email(email):
                        by_email.setdefault(key, contact_id)
            if url and (key := normalize_linkedin(url)):
                by_url.setdefault(key, contact_id)
            else:
                unprofiled += 1
            if phones:
                for phone in phones.split("\n"):
                    if key := phone_key(phone):
                        by_phone.setdefault(key, contact_id)
            fingerprints[contact_id] = hash(row[1:])
        self.unprofiled = unprofiled

    def _names(self) -> _NameKeys:
        """The name + company keys of every contact so far (stored, inserted and pending)."""
        if self.names is None:
            names = _NameKeys()
            for contact_id, full_name, company, url in self.repo.name_company_records():
                if key := name_company_key(full_name, company):
                    names.add(key, contact_id, bool(url and normalize_linkedin(url)))
            for contact_id, c in self.pending.items():
                if key := name_company_key(c.full_name, c.company):
                    url = c.linkedin_url
                    names.add(key, contact_id, bool(url and normalize_linkedin(url)))
            self.names = names
        return self.names

    def _name_index(self) -> NameIndex:
        """Stored contacts' names, to find the ones a new row's name is like."""
        if self.similar_names is None:
            self.similar_names = NameIndex()
            for contact_id, full_name, first, last in self.repo.name_records(self.last_existing):
                self.similar_names.add(contact_id, person_name(full_name, first, last))
        return self.similar_names

    # -- one row ------------------------------------------------------------------------

    def take(self, c: ImportedContact) -> None:
        """Match one record and queue what it adds or changes (the per-row hot path)."""
        full_name = c.full_name
        if len(full_name) > MAX_NAME_LENGTH:
            self.problems.append(
                RowProblem(
                    c.row_number,
                    f"the name is {len(full_name):,} characters long "
                    f"(the limit is {MAX_NAME_LENGTH})",
                )
            )
            return
        ref = 0
        emails, phones, url = c.emails, c.phones, c.linkedin_url
        email_keys: list[str] | None = None
        phone_keys: list[str] | None = None
        if emails:
            email_keys = [k for k in map(normalize_email, emails) if k]
            by_email = self.by_email
            for key in email_keys:
                if ref := by_email.get(key, 0):
                    break
        url_key = normalize_linkedin(url) if url else ""
        if url_key and not ref:
            ref = self.by_url.get(url_key, 0)
        if phones:
            phone_keys = [k for k in map(phone_key, phones) if k]
            if not ref:
                by_phone = self.by_phone
                for key in phone_keys:
                    if (ref := by_phone.get(key, 0)) and self._other_profile(ref, url_key):
                        ref = 0
                    if ref:
                        break
        name_key = ""
        names = self.names
        if not ref and (self.unprofiled or not url_key):
            names = names or self._names()
            name_key = name_company_key(full_name, c.company)
            if name_key:
                ref = (names.unprofiled if url_key else names.all).get(name_key, 0)

        if ref:
            target = ref
            self._matched(ref, c)
        else:
            target = self.next_id
            self.next_id = target + 1
            self.pending[target] = c
            if not url_key:
                self.unprofiled += 1
            if names is not None:
                name_key = name_key or name_company_key(full_name, c.company)
                if name_key:
                    names.add(name_key, target, bool(url_key))
            if self.last_existing:
                self._check_similar(c, target)
            if len(self.pending) >= CHUNK_SIZE:
                self.flush_new()
        # Register this row's keys, so later rows naming the person by any of them match.
        if email_keys:
            for key in email_keys:
                self.by_email.setdefault(key, target)
        if url_key:
            self.by_url.setdefault(url_key, target)
        if phone_keys:
            for key in phone_keys:
                self.by_phone.setdefault(key, target)

    def _other_profile(self, ref: int, url_key: str) -> bool:
        """Whether contact ``ref`` has a LinkedIn profile other than ``url_key`` (a profile
        identifies a person: a phone shared with someone else's profile is no match)."""
        if not url_key:
            return False
        pending = self.pending.get(ref)
        url = pending.linkedin_url if pending is not None else self.repo.linkedin_url(ref)
        other = normalize_linkedin(url) if url else ""
        return bool(other) and other != url_key

    def _matched(self, ref: int, c: ImportedContact) -> None:
        if ref >= self.first_new:  # a person this file already added
            self.in_file_duplicates += 1
            pending = self.pending.get(ref)
            if pending is not None:
                plan = merge_plan(_as_stored(pending, ref), c, self.today, job_changes=False)
                if not plan.unchanged:
                    self.pending[ref] = pending._replace(**plan.values())  # type: ignore[arg-type]
                return
            self.queue.append((ref, c, False))
        elif ref in self.touched:
            # A person the file names twice: fill gaps only, as for a new contact, so that
            # importing the file again changes nothing.
            self.in_file_duplicates += 1
            self.queue.append((ref, c, False))
        else:
            self.touched.add(ref)
            if self.fingerprints.pop(ref, None) == _fingerprint(c):
                return  # the contact already holds exactly this record
            self.queue.append((ref, c, True))
        if len(self.queue) >= CHUNK_SIZE:
            self.flush_matches()

    def _check_similar(self, c: ImportedContact, new_id: int) -> None:
        name = person_name(c.full_name, c.first_name, c.last_name)
        if not name.last:
            return
        for stored_id in self._name_index().similar(name)[:DUPLICATES_PER_ROW]:
            self.similar.append((c.row_number, c.full_name, stored_id, new_id))

    # -- writing ------------------------------------------------------------------------

    def flush_new(self) -> None:
        if not self.pending:
            return
        self.added += len(self.pending)
        self.repo.insert_contacts(
            _new_rows(self.pending),
            source=self.source,
            batch_id=self.batch_id,
            now=self.now,
        )
        self.pending.clear()

    def flush_matches(self) -> None:
        """Merge the queued matches into their contacts; log what changed for undo."""
        if not self.queue:
            return
        queue, self.queue = self.queue, []
        current = self.repo.load_existing(ref for ref, _, _ in queue)
        before: dict[int, ExistingContact] = {}
        today, first_new = self.today, self.first_new
        for ref, c, job_changes in queue:
            stored = current[ref]
            created_here = ref >= first_new
            plan = merge_plan(stored, c, today, job_changes=job_changes)
            if plan.unchanged:
                continue
            before.setdefault(ref, stored)
            # A contact this import created keeps updated_at == created_at: still untouched.
            stamp = stored.updated_at if created_here else self.stamp
            current[ref] = stored._replace(updated_at=stamp, **plan.values())  # type: ignore[arg-type]
            if plan.job_changed:
                new = current[ref]
                first = self.changed_jobs.get(ref)
                self.changed_jobs[ref] = JobChange(
                    ref,
                    stored.full_name,
                    first.old_company if first else stored.company,
                    first.old_title if first else stored.title,
                    new.company,
                    new.title,
                )
        if not before:
            return
        log: list[tuple[int, int, str, str | None, str | None]] = []
        batch_id = self.batch_id
        for ref, old in before.items():
            if ref >= first_new:
                continue
            self.changed.add(ref)
            new = current[ref]
            for field in MERGED_FIELDS:
                was, now = getattr(old, field), getattr(new, field)
                if was != now:
                    log.append((batch_id, ref, field, encode_value(was), encode_value(now)))
            if old.updated_at != new.updated_at:
                log.append(
                    (
                        batch_id,
                        ref,
                        "updated_at",
                        encode_value(old.updated_at),
                        encode_value(new.updated_at),
                    )
                )
        self.repo.update_contacts(current[ref] for ref in before)
        self.repo.log_changes(log)

    def finish(self) -> None:
        self.flush_new()
        self.flush_matches()


class ImportService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    @staticmethod
    def _reader(
        path: str | PathLike[str], format: str, mapping: Mapping[str, str] | None
    ) -> ContactReader:
        try:
            return ContactReader(path, format, mapping)
        except ImportFileError as error:
            raise ImportFileUnusableError(error.path, error.problem) from None
        except OSError as error:
            raise ImportFileUnusableError(
                str(path), f"cannot be read ({error.strerror or error})"
            ) from None

    def preview(
        self,
        path: str | PathLike[str],
        format: str = "auto",
        mapping: Mapping[str, str] | None = None,
        rows: int = 10,
    ) -> ImportPreview:
        """The detected layout and the first ``rows`` records or problems; writes nothing."""
        reader = self._reader(path, format, mapping)
        try:
            sample = tuple(islice(reader, rows))
        except ImportFileError as error:
            raise ImportFileUnusableError(error.path, error.problem) from None
        return ImportPreview(reader.info, sample)

    def run(
        self,
        path: str | PathLike[str],
        format: str = "auto",
        mapping: Mapping[str, str] | None = None,
        *,
        dry_run: bool = False,
        progress: Progress | None = None,
    ) -> ImportSummary:
        """Import a contact file in one transaction and say what it did.

        Raises :class:`ImportFileUnusableError` (and writes nothing) for a file that cannot
        be imported at all; rows that cannot be imported are listed in ``problems`` while
        the others go in. A dry run does all the work, reports it, and rolls it back.
        """
        reader = self._reader(path, format, mapping)
        try:
            with self.db.session() as session:
                summary = self._import(ImportRepository(session), reader, dry_run, progress)
                if dry_run:
                    raise _DryRunRollbackError(summary)
        except _DryRunRollbackError as done:
            return done.summary
        except ImportFileError as error:
            raise ImportFileUnusableError(error.path, error.problem) from None
        return summary

    def _import(
        self,
        repo: ImportRepository,
        reader: ContactReader,
        dry_run: bool,
        progress: Progress | None,
    ) -> ImportSummary:
        info = reader.info
        now = self.clock()
        batch_id = repo.start_batch(str(Path(info.path).resolve()), info.format, now)
        run = _ImportRun(repo, batch_id, now, local_today(self.clock), info.format)
        run.load_index()
        take, problems = run.take, run.problems
        rows = 0
        for item in reader:
            rows += 1
            if type(item) is RowProblem:
                problems.append(item)
            else:
                take(item)  # type: ignore[arg-type]
            if progress is not None and rows % PROGRESS_EVERY == 0:
                progress(rows, None)
        run.finish()
        stats = reader.stats
        updated = len(run.changed)
        unchanged = len(run.touched) - updated
        repo.finish_batch(
            batch_id,
            added=run.added,
            updated=updated,
            unchanged=unchanged,
            skipped=stats.skipped_blank,
            problems=len(problems),
            job_changes=len(run.changed_jobs),
        )
        names = repo.full_names(stored for _, _, stored, _ in run.similar)
        if progress is not None:
            progress(rows, rows)
        problems.sort(key=lambda p: p.row_number)
        return ImportSummary(
            batch_id=None if dry_run else batch_id,
            path=Path(info.path),
            format=info.format,
            dry_run=dry_run,
            rows=stats.rows,
            added=run.added,
            updated=updated,
            unchanged=unchanged,
            in_file_duplicates=run.in_file_duplicates,
            skipped_blank=stats.skipped_blank,
            changed_jobs=tuple(run.changed_jobs.values()),
            duplicates=tuple(
                PossibleDuplicate(
                    row, name, stored, names.get(stored, ""), None if dry_run else new_id
                )
                for row, name, stored, new_id in run.similar
            ),
            problems=tuple(problems),
            warnings=tuple(stats.warnings),
            warning_count=stats.warning_count,
        )

    # -- past imports -------------------------------------------------------------------

    def batches(self) -> list[ImportBatchInfo]:
        """Every import, newest first."""
        with self.db.session() as session:
            return ImportRepository(session).batches()

    def undo(self, batch_id: int) -> UndoSummary:
        """Undo a whole import in one transaction.

        Contacts it added are removed unless they saw activity since (a call or message
        logged, a triage decision, an edit): those are kept and counted. Fields it changed
        on contacts it matched are put back, except any the user (or a later import)
        changed again since, which are left as they are.
        """
        with self.db.session() as session:
            repo = ImportRepository(session)
            batch = repo.batch(batch_id)
            if batch.undone_at is not None:
                when = batch.undone_at.astimezone().strftime("%Y-%m-%d %H:%M")
                raise NetuiError(f"import {batch_id} was already undone ({when})")
            repo.mark_undone(batch_id, self.clock())
            reverted_contacts, reverted_fields, edited_since = self._revert_changes(repo, batch_id)
            created = repo.created_contacts(batch_id)
            stamps = repo.import_stamps([c.id for c in created], batch_id)
            removed: list[int] = []
            interactions = triaged = edited = 0
            for contact in created:
                if contact.interactions:
                    interactions += 1
                elif (
                    contact.triage_events
                    or contact.status != TriageStatus.NEW.value
                    or contact.strength is not None
                ):
                    triaged += 1
                elif (
                    contact.updated_at != contact.created_at
                    and (contact.id, contact.updated_at) not in stamps
                ):
                    edited += 1
                else:
                    removed.append(contact.id)
            repo.delete_contacts(removed)
            repo.delete_changes(batch_id)  # an undone import cannot be undone again
            return UndoSummary(
                batch_id=batch_id,
                removed=len(removed),
                kept_with_interactions=interactions,
                kept_triaged=triaged,
                kept_edited=edited,
                reverted_contacts=reverted_contacts,
                reverted_fields=reverted_fields,
                fields_edited_since=edited_since,
            )

    @staticmethod
    def _revert_changes(repo: ImportRepository, batch_id: int) -> tuple[int, int, int]:
        changes = repo.changes(batch_id)
        if not changes:
            return 0, 0, 0
        current = repo.load_existing({c.contact_id for c in changes})
        reverted: dict[int, ExistingContact] = {}
        fields = edited_since = 0
        for change in changes:  # newest first
            contact = reverted.get(change.contact_id) or current.get(change.contact_id)
            if contact is None:
                continue
            if getattr(contact, change.field) != change.new_value:
                if change.field != "updated_at":
                    edited_since += 1
                continue
            reverted[change.contact_id] = contact._replace(**{change.field: change.old_value})  # type: ignore[arg-type]
            if change.field != "updated_at":
                fields += 1
        repo.update_contacts(reverted.values())
        return len(reverted), fields, edited_since
