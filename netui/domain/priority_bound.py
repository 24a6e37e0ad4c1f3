"""An upper bound of each contact's priority that SQLite can work out from the stored columns.

The app shows the top of its list before it has scored every contact: SQLite ranks the
contacts by this bound, netui scores the best few exactly (:func:`priority_score`), and
since no contact's score can exceed its bound, a contact whose bound is below the scores
already found cannot be among the first rows. The bound follows the score's parts (see
:mod:`netui.domain.priority`):

- tie strength, exactly (it is a column);
- staleness, from the last contact date, rounded up to the next of :data:`STEPS` steps;
- a cadence's overdue part in full when a cadence is set and the last contact is more than
  a week old (no cadence is shorter), else nothing;
- the target part in full whenever there are target keywords;

plus :data:`MARGIN` for the score's rounding to one decimal. Dates are compared as the ISO
text they are stored as.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from netui.domain.dates import AVERAGE_MONTH_DAYS
from netui.domain.priority import (
    STALE_MONTHS,
    UNKNOWN_STRENGTH,
    WEIGHT_OVERDUE,
    WEIGHT_STALENESS,
    WEIGHT_STRENGTH,
    WEIGHT_TARGET,
)

__all__ = ["MARGIN", "STEPS", "ScoreBound", "score_bound"]

STEPS = 12
"""How finely staleness is bounded: more steps, fewer contacts scored, a longer SQL CASE."""
MARGIN = 0.06
"""More than the score's rounding (0.05) can add, and float error."""
SHORTEST_CADENCE_DAYS = 7


@dataclass(frozen=True, slots=True)
class ScoreBound:
    """The bound's parts, for one day and one set of target keywords."""

    strength: dict[int, float]
    """The strength part for each level 1-5 (unknown strength counts as its own level)."""
    unknown_strength: float
    staleness: tuple[tuple[date, float], ...]
    """(date, part): the staleness part for a last contact on or after ``date``, newest
    date first; a contact never reached, or reached before every date, gets
    :attr:`full_staleness`."""
    full_staleness: float
    overdue_before: date
    """A contact with a cadence last reached before this day may be overdue..."""
    overdue: float
    """... by this much at most."""
    fixed: float
    """The target part (when there are keywords) and the margin."""

    def of(self, strength: int | None, last_contacted: date | None, has_cadence: bool) -> float:
        """The bound for one contact (what the SQL form computes; for tests and checks)."""
        level = None if strength is None else min(max(strength, 1), 5)
        total = self.unknown_strength if level is None else self.strength[level]
        total += self._staleness(last_contacted)
        if has_cadence and last_contacted is not None and last_contacted < self.overdue_before:
            total += self.overdue
        return total + self.fixed

    def _staleness(self, last_contacted: date | None) -> float:
        if last_contacted is None:
            return self.full_staleness
        for since, part in self.staleness:
            if last_contacted >= since:
                return part
        return self.full_staleness


def score_bound(today: date, has_targets: bool) -> ScoreBound:
    """The bound of every score computed for ``today``.

    Staleness is ``sqrt(min(days / stale days, 1))``, so it is at most ``j / STEPS`` while
    ``days <= (j / STEPS)² · stale days``; a contact reached today or later scores none.
    """
    stale_days = STALE_MONTHS * AVERAGE_MONTH_DAYS  # as the score computes it
    steps = [(today, 0.0)]
    for step in range(1, STEPS):
        share = step / STEPS
        days = math.floor(share * share * stale_days)
        steps.append((today - timedelta(days=days), WEIGHT_STALENESS * share))
    return ScoreBound(
        strength={level: WEIGHT_STRENGTH * (level - 1) / 4 for level in range(1, 6)},
        unknown_strength=WEIGHT_STRENGTH * (UNKNOWN_STRENGTH - 1) / 4,
        staleness=tuple(steps),
        full_staleness=WEIGHT_STALENESS,
        overdue_before=today - timedelta(days=SHORTEST_CADENCE_DAYS),
        overdue=WEIGHT_OVERDUE,
        fixed=(WEIGHT_TARGET if has_targets else 0.0) + MARGIN,
    )
