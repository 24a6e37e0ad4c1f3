"""Adding, editing, reading and listing contacts.

Reads that need no ORM (the list, :meth:`ContactService.stream`) go through the database's
plain connection (:mod:`netui.db.reads`), so a command that only lists never imports
SQLAlchemy; the repository that writes is imported with the first write.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any

from netui.db.engine import Database
from netui.db.reads import ContactReads, ListRecord
from netui.domain.cadence import Cadence
from netui.domain.clock import Clock, local_today
from netui.domain.listing import (
    SortKey,
    StatusFilter,
    make_haystack,
    row_order,
    row_test,
)
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

if TYPE_CHECKING:
    from netui.db.contacts import ContactRepository

_STATUSES = {status.value: status for status in TriageStatus}
_PRECISIONS = {precision.value: precision for precision in DatePrecision}
_SAMPLE = ListRecord(0, "", "", "", TriageStatus.NEW.value, None, None, None, None, None, "", 0)
"""A list record of no one: the shape of a sort key is read from its row's."""


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
        """Score and shape many rows: the hot loop of start-up, so names are bound locally.

        Equal names, companies, titles, days and scores are one object shared by their
        rows (a few thousand companies and days among 100,000 contacts): some 15 MiB less.
        """
        statuses, precisions = _STATUSES, _PRECISIONS
        parse_date, score, cadence_of = date.fromisoformat, priority_score, self._cadence
        today, targets = self.today, self.targets
        make_row = ContactRow._make
        texts: dict[str, str] = {}
        scores: dict[float, float] = {}
        days: dict[str, date] = {}
        text, number = texts.setdefault, scores.setdefault
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
            last = None
            if last_text:
                last = days.get(last_text)
                if last is None:
                    last = days[last_text] = parse_date(last_text)
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
                        text(name, name),
                        text(company, company),
                        text(title, title),
                        statuses[status],
                        rank,
                        strength,
                        last,
                        precisions.get(precision or ""),
                        number(priority, priority),
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

    @contextmanager
    def _stored(self) -> Iterator[ContactRepository]:
        """The ORM repository in a session (SQLAlchemy is imported on first use)."""
        from netui.db.contacts import ContactRepository

        with self.db.session() as session:
            yield ContactRepository(session)

    def add(self, draft: ContactDraft, source: str = "manual") -> Contact:
        clean = validate_draft(draft)
        with self._stored() as contacts:
            return contacts.add(clean, source=source)

    def update(
        self, contact_id: int, draft: ContactDraft, *, expected: ContactDraft | None = None
    ) -> Contact:
        """Save an edit; the rules are checked against the contact as stored (what it
        already had, imported perhaps, is kept: :func:`validate_draft`).

        ``expected`` is the stored version the draft was made from (``get(...).to_draft()``):
        if another netui has saved the contact since, nothing is written and
        ContactChangedError says so, so the caller can compare again rather than undo theirs.
        """
        from netui.db.contacts import ContactRepository
        from netui.db.write_lock import hold_write_lock

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
        with self._stored() as contacts:
            return contacts.get(contact_id)

    def get_many(self, ids: Sequence[int]) -> list[Contact]:
        with self._stored() as contacts:
            return contacts.get_many(ids)

    def delete(self, contact_id: int) -> None:
        with self._stored() as contacts:
            contacts.delete(contact_id)

    def _row_builder(self) -> RowBuilder:
        return RowBuilder(local_today(self.clock), compile_targets(self.settings.target_keywords()))

    def list_rows(self) -> list[ContactRow]:
        """Every contact as a compact list row, priority scored for today."""
        with self.db.reading() as connection, ContactReads(connection).iter_records() as records:
            return self._row_builder().build_all(records)

    def first_rows(self, count: int) -> list[ContactRow] | None:
        """The list's first ``count`` rows by priority, found without scoring everyone
        (None when that would not be quicker: :mod:`netui.services.first_rows`)."""
        from netui.services.first_rows import first_rows

        return first_rows(self.db, self._row_builder(), count)

    def count(self) -> int:
        with self.db.reading() as connection:
            return ContactReads(connection).count()

    def row(self, contact_id: int) -> ContactRow:
        with self._stored() as contacts:
            record = contacts.list_record(contact_id)
        return self._row_builder().build(record)

    def stream(
        self,
        status: StatusFilter = StatusFilter.ACTIVE,
        query: str = "",
        sort: SortKey = SortKey.PRIORITY,
    ) -> Generator[Contact, None, None]:
        """The contacts of :meth:`find`, in the same order, read as the caller takes them.

        For output that can be large (``contacts --json`` at 100,000): no list of contacts
        is held, nor of their list rows. The order and the filter are the list's own rules
        (:func:`row_order`, :func:`row_test`), asked of each contact's row; SQLite sorts.
        One snapshot is read from start to end; closing the generator early ends it.
        """
        order = row_order(sort, status)
        test = row_test(status, query)
        everyone = status in (StatusFilter.ALL, StatusFilter.ACTIVE)
        with self.db.reading() as connection:
            builder = self._row_builder()
            row_of = _latest(builder.build)
            yield from ContactReads(connection).contacts_in_order(
                lambda record: order(row_of(record)),
                len(order(builder.build(_SAMPLE))),
                wanted=None if test is None else lambda record: test(row_of(record)),
                status=None if everyone else status.value,
            )

    def find(
        self,
        status: StatusFilter = StatusFilter.ACTIVE,
        query: str = "",
        sort: SortKey = SortKey.PRIORITY,
    ) -> list[Contact]:
        """Contacts matching a status and search, in list order (for the CLI)."""
        return list(self.stream(status, query, sort))

    def counts(self) -> TriageCounts:
        with self._stored() as contacts:
            by_status = contacts.count_by_status()
        return TriageCounts(
            total=sum(by_status.values()),
            untriaged=by_status[TriageStatus.NEW],
            by_status=by_status,
        )

    def is_empty(self) -> bool:
        with self.db.reading() as connection:
            return ContactReads(connection).count() == 0


def _latest(build: Callable[[ListRecord], ContactRow]) -> Callable[[ListRecord], ContactRow]:
    """``build``, remembering its last row: a contact's key and test ask for it in turn."""
    last: list[Any] = [None, None]

    def row_of(record: ListRecord) -> ContactRow:
        if record[0] != last[0]:
            last[:] = record[0], build(record)
        row: ContactRow = last[1]
        return row

    return row_of
