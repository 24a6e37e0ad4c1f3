"""One import inside its transaction: match each row, queue what it adds or changes, write.

Rows are matched to stored contacts (and to earlier rows of the same file) by UID (a
vCard's, such as netui's own export writes), then email, then LinkedIn profile, then phone
number, then name and company, using the keys of
:mod:`netui.domain.identity_keys`. A match is merged with
:func:`~netui.domain.record_merge.merge_plan`: empty fields are filled, lists unioned, and
a different company or title is taken as a job change; what the user wrote (notes, how we
met, strength, status) is never overwritten. New rows whose name is like a stored
contact's are reported as possible duplicates.

The file is streamed: new contacts are inserted and matches merged a chunk at a time, so
memory holds the match keys and one chunk, not the file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from netui.db.import_records import MERGED_FIELDS, ExistingContact, db_timestamp, encode_value
from netui.db.imports import CHUNK_SIZE, ImportRepository
from netui.domain.identity_keys import (
    name_company_key,
    normalize_email,
    normalize_linkedin,
    phone_key,
)
from netui.domain.name_similarity import NameIndex, person_name
from netui.domain.record_merge import merge_plan
from netui.domain.validation import MAX_NAME_LENGTH
from netui.io import ContactReader, ImportedContact, RowProblem
from netui.services.import_index import ContactIndex, NameKeys
from netui.services.import_results import ImportSummary, JobChange, PossibleDuplicate
from netui.services.import_rows import as_stored, fingerprint, new_contact_rows

#: ``progress(rows_read, total)``: called every PROGRESS_EVERY rows; total is None while
#: the file is still being read (a streamed file's row count is not known in advance).
Progress = Callable[[int, int | None], None]
PROGRESS_EVERY = 1000
#: Possible duplicates reported per incoming row, at most.
DUPLICATES_PER_ROW = 3


class _Match(NamedTuple):
    """A row matched to a contact, to merge into it when the queue is flushed."""

    contact_id: int
    record: ImportedContact
    job_changes: bool  # whether a new company or title counts as a job change


class _SimilarRow(NamedTuple):
    """A new row whose name is like a stored contact's."""

    row_number: int
    name: str
    stored_id: int
    new_id: int


class ImportRun:
    """The state of one import inside its transaction: match index, pending writes, counts.

    New contacts get their ids here (the next free ones: the transaction holds SQLite's
    write lock, so nobody else can take them), which lets the index point at them before
    they are inserted a chunk at a time.
    """

    def __init__(
        self, repo: ImportRepository, batch_id: int, now: datetime, today: date, source: str
    ) -> None:
        self.repo = repo
        self.batch_id = batch_id
        self.now = now
        self.stamp = db_timestamp(now)
        self.today = today
        self.source = source
        self.index = ContactIndex()
        # Name + company keys are the costliest to compute and the least often needed: a
        # row with a LinkedIn profile can only match by name someone without a profile.
        # They are built (for every contact) the first time a row needs them.
        self.names: NameKeys | None = None
        # Contact ids by UID, built the first time a row has one (vCards and netui's own
        # exports carry them, most files do not): a UID names one card, so it is matched
        # before any other key.
        self.uids: dict[str, int] | None = None
        # For each stored contact, a hash of its importable columns: a row that hashes the
        # same changes nothing, and needs neither loading the contact nor merging.
        self.fingerprints: dict[int, int] = {}
        self.last_existing = repo.max_contact_id()
        self.next_id = self.first_new = self.last_existing + 1
        self.pending: dict[int, ImportedContact] = {}
        self.queue: list[_Match] = []
        self.touched: set[int] = set()
        self.changed: set[int] = set()
        self.changed_jobs: dict[int, JobChange] = {}
        self.in_file_duplicates = 0
        self.added = 0
        self.problems: list[RowProblem] = []
        self.similar: list[_SimilarRow] = []
        self.similar_names: NameIndex | None = None

    # -- what is known before the first row ---------------------------------------------

    def load_index(self) -> None:
        self.fingerprints = self.index.load(self.repo.match_records())

    def _names(self) -> NameKeys:
        """The name + company keys of every contact so far (stored, inserted and pending)."""
        if self.names is None:
            names = NameKeys()
            for contact_id, full_name, company, url in self.repo.name_company_records():
                if key := name_company_key(full_name, company):
                    names.add(key, contact_id, bool(url and normalize_linkedin(url)))
            for contact_id, c in self.pending.items():
                if key := name_company_key(c.full_name, c.company):
                    url = c.linkedin_url
                    names.add(key, contact_id, bool(url and normalize_linkedin(url)))
            self.names = names
        return self.names

    def _uids(self) -> dict[str, int]:
        """Every stored contact's UID, read at the first row that has one. The contacts rows
        before it added (still pending, perhaps) had none of their own: they get new UIDs,
        which no file names."""
        if self.uids is None:
            self.uids = dict(self.repo.uid_records())
        return self.uids

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
        index = self.index
        ref = 0
        uid = c.uid
        uids = None
        if uid:
            uids = self._uids()
            ref = uids.get(uid, 0)
        emails, phones, url = c.emails, c.phones, c.linkedin_url
        email_keys: list[str] | None = None
        phone_keys: list[str] | None = None
        if emails:
            email_keys = [k for k in map(normalize_email, emails) if k]
            if not ref:
                ref = index.by_emails(email_keys)
        url_key = normalize_linkedin(url) if url else ""
        if url_key and not ref:
            ref = index.by_profile(url_key)
        if phones:
            phone_keys = [k for k in map(phone_key, phones) if k]
            if not ref:
                for key in phone_keys:
                    if (ref := index.by_phone(key)) and self._other_profile(ref, url_key):
                        ref = 0
                    if ref:
                        break
        name_key = ""
        names = self.names
        if not ref and (index.unprofiled or not url_key):
            names = names or self._names()
            name_key = name_company_key(full_name, c.company)
            if name_key:
                ref = names.find(name_key, profiled=bool(url_key))

        if ref:
            target = ref
            self._matched(ref, c)
        else:
            target = self.next_id
            self.next_id = target + 1
            self.pending[target] = c
            if not url_key:
                index.unprofiled += 1
            if names is not None:
                name_key = name_key or name_company_key(full_name, c.company)
                if name_key:
                    names.add(name_key, target, bool(url_key))
            if self.last_existing:
                self._check_similar(c, target)
            if len(self.pending) >= CHUNK_SIZE:
                self.flush_new()
        # Register this row's keys, so later rows naming the person by any of them match.
        index.remember(target, email_keys, url_key, phone_keys)
        if uids is not None:
            uids.setdefault(uid, target)

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
                plan = merge_plan(as_stored(pending, ref), c, self.today, job_changes=False)
                if not plan.unchanged:
                    self.pending[ref] = pending._replace(**plan.values())  # type: ignore[arg-type]
                return
            self.queue.append(_Match(ref, c, False))
        elif ref in self.touched:
            # A person the file names twice: fill gaps only, as for a new contact, so that
            # importing the file again changes nothing.
            self.in_file_duplicates += 1
            self.queue.append(_Match(ref, c, False))
        else:
            self.touched.add(ref)
            if self.fingerprints.pop(ref, None) == fingerprint(c):
                return  # the contact already holds exactly this record
            self.queue.append(_Match(ref, c, True))
        if len(self.queue) >= CHUNK_SIZE:
            self.flush_matches()

    def _check_similar(self, c: ImportedContact, new_id: int) -> None:
        name = person_name(c.full_name, c.first_name, c.last_name)
        if not name.last:
            return
        for stored_id in self._name_index().similar(name)[:DUPLICATES_PER_ROW]:
            self.similar.append(_SimilarRow(c.row_number, c.full_name, stored_id, new_id))

    # -- writing ------------------------------------------------------------------------

    def flush_new(self) -> None:
        if not self.pending:
            return
        self.added += len(self.pending)
        self.repo.insert_contacts(
            new_contact_rows(self.pending),
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
        current = self.repo.load_existing(match.contact_id for match in queue)
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
            for field in (*MERGED_FIELDS, "updated_at"):
                was, now = getattr(old, field), getattr(new, field)
                if was != now:
                    log.append((batch_id, ref, field, encode_value(was), encode_value(now)))
        self.repo.update_contacts(current[ref] for ref in before)
        self.repo.log_changes(log)

    def finish(self) -> None:
        self.flush_new()
        self.flush_matches()


def run_import(
    repo: ImportRepository,
    reader: ContactReader,
    *,
    now: datetime,
    today: date,
    dry_run: bool,
    progress: Progress | None,
) -> ImportSummary:
    """Import every row of ``reader`` through ``repo`` (one transaction) and say what it did.

    Whether the work is kept is the caller's to decide; a dry run's summary has no batch
    id and no new contact ids, since both go when it is rolled back.
    """
    info = reader.info
    batch_id = repo.start_batch(str(Path(info.path).resolve()), info.format, now)
    run = ImportRun(repo, batch_id, now, today, info.format)
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
    names = repo.full_names(similar.stored_id for similar in run.similar)
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
                similar.row_number,
                similar.name,
                similar.stored_id,
                names.get(similar.stored_id, ""),
                None if dry_run else similar.new_id,
            )
            for similar in run.similar
        ),
        problems=tuple(problems),
        warnings=tuple(stats.warnings),
        warning_count=stats.warning_count,
    )
