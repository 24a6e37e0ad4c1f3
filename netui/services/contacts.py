"""Adding, editing, reading and listing contacts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from netui.db.contacts import ContactRepository, ListRecord
from netui.db.engine import Database
from netui.db.write_lock import hold_write_lock
from netui.domain.cadence import Cadence
from netui.domain.clock import Clock, local_today
from netui.domain.listing import SortKey, StatusFilter, filter_rows, make_haystack, order_rows
from netui.domain.priority import TargetMatcher, compile_targets, priority_score
from netui.domain.types import (
    Contact,
    ContactDraft,
    ContactRow,
    DatePrecision,
    TriageCounts,
    TriageStatus,
)
from netui.domain.validation import validate_draft
from netui.errors import ContactChangedError
from netui.services.settings import SettingsService


class RowBuilder:
    """Turns list records into ContactRows, scoring priority once per load."""

    def __init__(self, today: date, targets: TargetMatcher) -> None:
        self.today = today
        self.targets = targets
        self._cadences: dict[str, Cadence | None] = {}

    def _cadence(self, code: str | None) -> Cadence | None:
        if not code:
            return None
        if code not in self._cadences:
            try:
                self._cadences[code] = Cadence.from_code(code)
            except ValueError:
                self._cadences[code] = None
        return self._cadences[code]

    def build(self, record: ListRecord) -> ContactRow:
        return self.build_all([record])[0]

    def build_all(self, records: Iterable[ListRecord]) -> list[ContactRow]:
        """Score and shape many rows: the hot loop of start-up, so names are bound locally."""
        statuses = {status.value: status for status in TriageStatus}
        precisions = {precision.value: precision for precision in DatePrecision}
        parse_date, score, cadence_of = date.fromisoformat, priority_score, self._cadence
        today, targets = self.today, self.targets
        make_row = ContactRow._make
        rows = []
        for (
            contact_id,
            name,
            company,
            title,
            status,
            rank,
            strength,
            last_text,
            precision,
            cadence,
            search_text,
            job_changed,
        ) in records:
            last = parse_date(last_text) if last_text else None
            priority = score(
                strength=strength,
                last_contacted=last,
                cadence=cadence_of(cadence) if cadence else None,
                company=company,
                title=title,
                targets=targets,
                today=today,
            )
            rows.append(
                make_row(
                    (
                        contact_id,
                        name,
                        company,
                        title,
                        statuses[status],
                        rank,
                        strength,
                        last,
                        precisions.get(precision or ""),
                        priority,
                        make_haystack(search_text),
                        bool(job_changed),
                    )
                )
            )
        return rows


class ContactService:
    def __init__(self, db: Database, settings: SettingsService, clock: Clock) -> None:
        self.db = db
        self.settings = settings
        self.clock = clock

    def add(self, draft: ContactDraft, source: str = "manual") -> Contact:
        clean = validate_draft(draft)
        with self.db.session() as session:
            return ContactRepository(session).add(clean, source=source)

    def update(
        self, contact_id: int, draft: ContactDraft, *, expected: ContactDraft | None = None
    ) -> Contact:
        """Save an edit; the rules are checked against the contact as stored (what it
        already had, imported perhaps, is kept: :func:`validate_draft`).

        ``expected`` is the stored version the draft was made from (``get(...).to_draft()``):
        if another netui has saved the contact since, nothing is written and
        ContactChangedError says so, so the caller can compare again rather than undo theirs.
        """
        with self.db.session() as session:
            contacts = ContactRepository(session)
            if expected is not None:
                hold_write_lock(session)  # nobody can save it between the look and the write
            stored = contacts.get(contact_id).to_draft()
            if expected is not None and stored != expected:
                raise ContactChangedError(
                    "another netui saved this contact meanwhile; nothing was written"
                )
            clean = validate_draft(draft, stored=stored)
            return contacts.update(contact_id, clean)

    def get(self, contact_id: int) -> Contact:
        with self.db.session() as session:
            return ContactRepository(session).get(contact_id)

    def get_many(self, ids: Sequence[int]) -> list[Contact]:
        with self.db.session() as session:
            return ContactRepository(session).get_many(ids)

    def delete(self, contact_id: int) -> None:
        with self.db.session() as session:
            ContactRepository(session).delete(contact_id)

    def _row_builder(self) -> RowBuilder:
        return RowBuilder(local_today(self.clock), compile_targets(self.settings.target_keywords()))

    def list_rows(self) -> list[ContactRow]:
        """Every contact as a compact list row, priority scored for today."""
        with self.db.session() as session:
            records = ContactRepository(session).list_records()
        return self._row_builder().build_all(records)

    def row(self, contact_id: int) -> ContactRow:
        with self.db.session() as session:
            record = ContactRepository(session).list_record(contact_id)
        return self._row_builder().build(record)

    def find(
        self,
        status: StatusFilter = StatusFilter.ACTIVE,
        query: str = "",
        sort: SortKey = SortKey.PRIORITY,
    ) -> list[Contact]:
        """Contacts matching a status and search, in list order (for the CLI)."""
        rows = order_rows(filter_rows(self.list_rows(), status, query), sort, status)
        return self.get_many([row.id for row in rows])

    def counts(self) -> TriageCounts:
        with self.db.session() as session:
            by_status = ContactRepository(session).count_by_status()
        return TriageCounts(
            total=sum(by_status.values()),
            untriaged=by_status[TriageStatus.NEW],
            by_status=by_status,
        )

    def is_empty(self) -> bool:
        with self.db.session() as session:
            return ContactRepository(session).count() == 0
