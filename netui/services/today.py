"""Today's queue and today's progress, for the Today pane and ``netui today``.

"Reached" means what the Top 20 progress means everywhere in netui: an interaction with a
reaching outcome logged since the person joined the Top 20, so the Contacts pane, Today and
the Top 20 count agree. Days are the user's local days.
"""

from __future__ import annotations

from datetime import date

from netui.db.engine import Database
from netui.db.today import QueueRecord, TodayRepository
from netui.domain.cadence import Cadence, CadenceError, next_due
from netui.domain.clock import Clock, local_today, local_zone
from netui.domain.priority import compile_targets, priority_score
from netui.domain.queue import (
    Candidate,
    Queue,
    QueueItem,
    TodayProgress,
    Top20Pace,
    build_queue,
    top20_pace,
)
from netui.domain.timer import day_bounds
from netui.domain.types import TriageStatus
from netui.services.settings import SettingsService

__all__ = ["TodayService"]

_TOP20 = TriageStatus.TOP20.value


def _cadence(code: str | None) -> Cadence | None:
    """A stored cadence code (read through the domain's cache); a broken one means none."""
    if not code:
        return None
    try:
        return Cadence.from_code(code)
    except CadenceError:
        return None


class TodayService:
    def __init__(self, db: Database, clock: Clock, settings: SettingsService) -> None:
        self.db = db
        self.clock = clock
        self.settings = settings

    def _candidates(self, records: list[QueueRecord], today: date) -> list[Candidate]:
        """The records that are in today's queue, scored: the hot loop, names bound locally."""
        targets = compile_targets(self.settings.target_keywords())
        parse, score, due_on, make = date.fromisoformat, priority_score, next_due, Candidate
        today_text = today.isoformat()
        labels: dict[str, str] = {}
        candidates = []
        for (
            contact_id,
            name,
            company,
            title,
            status,
            rank,
            strength,
            last_text,
            code,
            follow_up_text,
            reached,
            touched_today,
        ) in records:
            on_top20 = status == _TOP20
            follow_up_due = follow_up_text is not None and follow_up_text <= today_text
            last = parse(last_text) if last_text else None
            cadence = _cadence(code)
            due = due_on(last, cadence, today) if cadence is not None else None
            if not (on_top20 or follow_up_due or (due is not None and due <= today)):
                continue  # a cadence not due yet: most rows, skipped before scoring
            label = ""
            if cadence is not None and code is not None:
                label = labels.get(code) or labels.setdefault(code, cadence.label)
            candidates.append(
                make(
                    contact_id=contact_id,
                    name=name,
                    company=company,
                    priority=score(
                        strength=strength,
                        last_contacted=last,
                        cadence=cadence,
                        company=company,
                        title=title,
                        targets=targets,
                        today=today,
                    ),
                    top20_rank=rank if on_top20 else None,
                    reached=bool(reached),
                    touched_today=bool(touched_today),
                    follow_up=parse(follow_up_text) if follow_up_text else None,
                    cadence_due=due,
                    cadence_label=label,
                )
            )
        return candidates

    def _pace(self, timer: TodayRepository, candidates: list[Candidate], today: date) -> Top20Pace:
        members = [c for c in candidates if c.top20_rank is not None]
        since = timer.top20_since()
        return top20_pace(
            size=len(members),
            reached=sum(1 for c in members if c.reached),
            attempted_today=sum(1 for c in members if c.touched_today and not c.reached),
            plan_start=since.astimezone(local_zone()).date() if since else None,
            weeks=self.settings.top20_weeks(),
            today=today,
        )

    def today(self) -> date:
        return local_today(self.clock)

    def queue(self, today: date | None = None, limit: int | None = None) -> list[QueueItem]:
        """Whom to reach on ``today`` (default: today where the user is), in order."""
        return self.overview(today, limit)[0].items

    def progress(self, today: date | None = None) -> TodayProgress:
        return self.overview(today, limit=0)[1]

    def overview(
        self, today: date | None = None, limit: int | None = None
    ) -> tuple[Queue, TodayProgress]:
        """The queue and the progress of one day, read together (one consistent look).

        ``limit``: make only the first so many queue items (``Queue.due`` counts all).
        """
        day = today or self.today()
        start, end = day_bounds(day, local_zone())
        with self.db.session() as session:
            repository = TodayRepository(session)
            candidates = self._candidates(repository.queue_records(day, start, end), day)
            pace = self._pace(repository, candidates, day)
            counts = repository.day_counts(start, end)
        progress = TodayProgress(
            contacted_today=counts.contacted, reached_today=counts.reached, top20=pace
        )
        return build_queue(candidates, pace, day, limit), progress
