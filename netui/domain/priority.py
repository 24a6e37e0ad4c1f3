"""Reconnect priority: one number per contact saying whom to reach out to sooner.

The score is 0-100 (higher = sooner), rounded to one decimal, and is a weighted sum of
four parts, each in 0..1::

    score = 35·S + 30·T + 20·O + 15·K

S, tie strength
    ``(strength - 1) / 4`` for a 1-5 strength (values outside are clamped). Unknown strength
    counts as 2: most imported contacts are unrated acquaintances. Strength carries the
    most weight because people who know you well are the likeliest to act on your behalf.
T, staleness
    ``sqrt(min(months since last contact, 60) / 60)``; never contacted counts as fully
    stale (1.0), and a future date as 0. Dormant ties are exactly what this method is
    about: reconnecting with them is cheap and they know people your current circle does
    not. The square root is concave, so the first months of silence count more than the
    difference between four and five years, and everything saturates at five years.
O, cadence overdue
    ``min(days overdue / cadence length in days, 1)`` if a cadence is set, else 0: a
    promise to keep in touch grows more urgent the longer it is broken, up to one full
    missed cycle.
K, target match
    1 if any target keyword (a company, industry or role the user is aiming at) appears as
    a whole word in the contact's company or title, case-insensitively; else 0.

It runs for every contact when the app starts (tens of thousands of rows), so it avoids
relativedelta except for contacts that have a cadence, and keywords are compiled once with
:func:`compile_targets` and passed in as a :class:`TargetMatcher`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from netui.domain.cadence import Cadence, days_overdue
from netui.domain.dates import AVERAGE_MONTH_DAYS

__all__ = [
    "STALE_MONTHS",
    "UNKNOWN_STRENGTH",
    "WEIGHT_OVERDUE",
    "WEIGHT_STALENESS",
    "WEIGHT_STRENGTH",
    "WEIGHT_TARGET",
    "TargetMatcher",
    "compile_targets",
    "parse_keywords",
    "priority_score",
]

WEIGHT_STRENGTH = 35.0
WEIGHT_STALENESS = 30.0
WEIGHT_OVERDUE = 20.0
WEIGHT_TARGET = 15.0
UNKNOWN_STRENGTH = 2
STALE_MONTHS = 60.0
_STALE_DAYS = STALE_MONTHS * AVERAGE_MONTH_DAYS


def _clean(keywords: Iterable[str]) -> tuple[str, ...]:
    """Trim, drop empties and drop case-insensitive repeats, keeping the first spelling."""
    seen: set[str] = set()
    cleaned: list[str] = []
    for raw in keywords:
        keyword = " ".join(raw.split())
        key = keyword.casefold()
        if keyword and key not in seen:
            seen.add(key)
            cleaned.append(keyword)
    return tuple(cleaned)


def parse_keywords(text: str) -> tuple[str, ...]:
    """Split a comma-separated setting into keywords: trimmed, no empties, no repeats.

    Repeats are detected case-insensitively and the first spelling is kept, so the settings
    screen shows what the user typed.
    """
    return _clean(text.split(","))


@dataclass(frozen=True, slots=True)
class TargetMatcher:
    """Compiled target keywords; call it with texts to ask whether any keyword appears.

    Build it with :func:`compile_targets` (or directly from a tuple; keywords are cleaned
    the same way as :func:`parse_keywords`). A matcher with no keywords matches nothing.
    """

    keywords: tuple[str, ...]
    _pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Compile one alternation so a row costs a single regex search."""
        # Cleaned here too: an empty keyword would compile to a pattern matching everything.
        object.__setattr__(self, "keywords", _clean(self.keywords))
        if not self.keywords:
            object.__setattr__(self, "_pattern", None)
            return
        # Longest first so "data science" wins over "data"; whitespace inside a keyword
        # matches any run of whitespace. Word edges are lookarounds, not \b, so keywords
        # that end in punctuation ("C++", ".NET") still match.
        parts = sorted(
            (r"\s+".join(map(re.escape, keyword.split())) for keyword in self.keywords),
            key=len,
            reverse=True,
        )
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)
        object.__setattr__(self, "_pattern", pattern)

    def __call__(self, *texts: str) -> bool:
        """Whether any keyword appears as a whole word in any of ``texts``."""
        pattern = self._pattern
        if pattern is None:
            return False
        return any(pattern.search(text) is not None for text in texts)

    def __bool__(self) -> bool:
        """True when there is at least one keyword to look for."""
        return self._pattern is not None


def compile_targets(keywords: Sequence[str]) -> TargetMatcher:
    """Prepare target keywords once, so scoring thousands of rows stays cheap."""
    return TargetMatcher(tuple(keywords))


def priority_score(
    *,
    strength: int | None,
    last_contacted: date | None,
    cadence: Cadence | None,
    company: str,
    title: str,
    targets: TargetMatcher,
    today: date,
) -> float:
    """Score how soon to reach out (0-100, higher first); the formula is in the module doc."""
    level = UNKNOWN_STRENGTH if strength is None else min(max(strength, 1), 5)
    score = WEIGHT_STRENGTH * (level - 1) / 4
    if last_contacted is None:
        score += WEIGHT_STALENESS
    else:
        days = (today - last_contacted).days
        if days > 0:
            score += WEIGHT_STALENESS * math.sqrt(min(days / _STALE_DAYS, 1.0))
    if cadence is not None:
        late = days_overdue(last_contacted, cadence, today)
        if late:
            score += WEIGHT_OVERDUE * min(late / cadence.approx_days, 1.0)
    pattern = targets._pattern
    if pattern is not None and (pattern.search(company) or pattern.search(title)):
        score += WEIGHT_TARGET
    return round(score, 1)
