"""The priority bound: no contact scores above it, and it is not far above the score."""

from __future__ import annotations

import random
from datetime import date, timedelta

from netui.domain.cadence import Cadence
from netui.domain.priority import compile_targets, priority_score
from netui.domain.priority_bound import MARGIN, score_bound

TODAY = date(2026, 11, 26)
CODES = (None, "1w", "2w", "3m", "12m", "99m", "bogus")
TITLES = ("", "Engineer", "Senior Engineer", "Recruiter", "Head of Data")


def cadence_of(code: str | None) -> Cadence | None:
    try:
        return Cadence.from_code(code) if code else None
    except ValueError:
        return None  # as the list treats a code it cannot read


def test_no_score_is_above_its_bound() -> None:
    rng = random.Random(5)
    for keywords in ((), ("engineer", "data")):
        targets = compile_targets(keywords)
        bound = score_bound(TODAY, bool(targets))
        for _ in range(20_000):
            strength = rng.choice((None, 1, 2, 3, 4, 5))
            last = None if rng.random() < 0.2 else TODAY - timedelta(rng.randint(-400, 9000))
            code = rng.choice(CODES)
            score = priority_score(
                strength=strength,
                last_contacted=last,
                cadence=cadence_of(code),
                company="Acme",
                title=rng.choice(TITLES),
                targets=targets,
                today=TODAY,
            )
            assert score <= bound.of(strength, last, code is not None), (strength, last, code)


def test_the_bound_is_close_for_a_contact_reached_at_each_step() -> None:
    """Just inside a staleness step, the bound is at most one step (and the margin) over."""
    bound = score_bound(TODAY, False)
    steps = [since for since, _ in bound.staleness]
    for since in steps:
        score = priority_score(
            strength=3,
            last_contacted=since,
            cadence=None,
            company="",
            title="",
            targets=compile_targets(()),
            today=TODAY,
        )
        assert 0 <= bound.of(3, since, False) - score <= 30 / (len(steps) - 1) + MARGIN


def test_a_contact_reached_today_or_later_has_no_staleness_in_its_bound() -> None:
    bound = score_bound(TODAY, False)
    assert bound.of(1, TODAY, True) == MARGIN
    assert bound.of(1, TODAY + timedelta(days=30), False) == MARGIN
    assert bound.of(1, None, False) == 30 + MARGIN
