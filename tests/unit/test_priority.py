"""Reconnect priority score, target keyword matching and keyword settings."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netui.domain.cadence import Cadence
from netui.domain.priority import (
    TargetMatcher,
    compile_targets,
    parse_keywords,
    priority_score,
)

TODAY = date(2024, 5, 15)
NO_TARGETS = compile_targets([])
TARGETS = compile_targets(["Google", "data science", "fintech", "C++"])

STRENGTHS = st.one_of(st.none(), st.integers(min_value=-3, max_value=9))
LAST = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 1, 1)))
CADENCES = st.one_of(
    st.none(),
    st.builds(Cadence, st.just("week"), st.integers(min_value=1, max_value=52)),
    st.builds(Cadence, st.just("month"), st.integers(min_value=1, max_value=24)),
)
WORDS = st.sampled_from(["Google", "Acme", "Fintech Ltd", "Engineer", "", "C++ Developer"])


def score(
    *,
    strength: int | None = 3,
    last_contacted: date | None = date(2023, 5, 15),
    cadence: Cadence | None = None,
    company: str = "Acme",
    title: str = "Engineer",
    targets: TargetMatcher = NO_TARGETS,
    today: date = TODAY,
) -> float:
    return priority_score(
        strength=strength,
        last_contacted=last_contacted,
        cadence=cadence,
        company=company,
        title=title,
        targets=targets,
        today=today,
    )


# --- the formula ------------------------------------------------------------------------------


def test_extremes() -> None:
    assert score(strength=1, last_contacted=TODAY) == 0.0
    assert (
        score(
            strength=5,
            last_contacted=date(2010, 1, 1),
            cadence=Cadence("month", 1),
            company="Google",
            targets=TARGETS,
        )
        == 100.0
    )


def test_each_part_has_its_documented_weight() -> None:
    base = score(strength=1, last_contacted=TODAY)
    assert score(strength=5, last_contacted=TODAY) - base == 35.0
    assert score(strength=1, last_contacted=None) - base == 30.0
    assert score(strength=1, last_contacted=TODAY, company="Google", targets=TARGETS) == 15.0
    # Quarterly cadence last honoured a year ago: at least a full cycle overdue.
    overdue = score(strength=1, last_contacted=date(2023, 5, 15), cadence=Cadence("month", 3))
    stale_only = score(strength=1, last_contacted=date(2023, 5, 15))
    assert overdue - stale_only == 20.0


def test_unknown_strength_counts_as_two() -> None:
    assert score(strength=None) == score(strength=2)


def test_out_of_range_strength_is_clamped() -> None:
    assert score(strength=0) == score(strength=1)
    assert score(strength=9) == score(strength=5)


def test_staleness_saturates_at_five_years() -> None:
    assert score(last_contacted=date(2019, 5, 1)) == score(last_contacted=date(1990, 1, 1))
    assert score(last_contacted=date(1990, 1, 1)) == score(last_contacted=None)


def test_staleness_is_concave() -> None:
    """The first year of silence matters more than the fifth."""
    one = score(last_contacted=TODAY - timedelta(days=365))
    two = score(last_contacted=TODAY - timedelta(days=730))
    four = score(last_contacted=TODAY - timedelta(days=4 * 365))
    five = score(last_contacted=TODAY - timedelta(days=5 * 365))
    fresh = score(last_contacted=TODAY)
    assert one - fresh > five - four > 0
    assert two > one


def test_future_contact_date_counts_as_fresh() -> None:
    assert score(last_contacted=TODAY + timedelta(days=30)) == score(last_contacted=TODAY)


def test_overdue_bonus_grows_with_lateness_then_caps() -> None:
    monthly = Cadence("month", 1)
    not_due = score(last_contacted=date(2024, 5, 1), cadence=monthly)
    assert not_due == score(last_contacted=date(2024, 5, 1))
    slightly = score(last_contacted=date(2024, 4, 5), cadence=monthly)
    more = score(last_contacted=date(2024, 3, 20), cadence=monthly)
    assert not_due < slightly < more
    capped = score(last_contacted=date(2023, 1, 1), cadence=monthly)
    assert capped - score(last_contacted=date(2023, 1, 1)) == 20.0


def test_never_contacted_with_cadence_is_due_but_not_overdue() -> None:
    assert score(last_contacted=None, cadence=Cadence("week", 1)) == score(last_contacted=None)


def test_ordering_matches_the_method() -> None:
    """A close friend gone quiet for years beats a stranger you spoke to yesterday."""
    dormant_strong = score(strength=5, last_contacted=date(2019, 1, 1))
    fresh_weak = score(strength=1, last_contacted=TODAY - timedelta(days=1))
    assert dormant_strong > fresh_weak


def test_score_is_rounded_to_one_decimal() -> None:
    value = score(last_contacted=date(2023, 1, 17))
    assert value == round(value, 1)


# --- properties -------------------------------------------------------------------------------


@given(
    strength=STRENGTHS,
    last=LAST,
    cadence=CADENCES,
    company=WORDS,
    title=WORDS,
    today=st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 1, 1)),
)
def test_score_is_within_bounds(
    strength: int | None,
    last: date | None,
    cadence: Cadence | None,
    company: str,
    title: str,
    today: date,
) -> None:
    value = score(
        strength=strength,
        last_contacted=last,
        cadence=cadence,
        company=company,
        title=title,
        targets=TARGETS,
        today=today,
    )
    assert 0.0 <= value <= 100.0
    assert value == round(value, 1)


@given(
    a=st.integers(min_value=1, max_value=5),
    b=st.integers(min_value=1, max_value=5),
    last=LAST,
    cadence=CADENCES,
    company=WORDS,
)
def test_stronger_tie_never_scores_lower(
    a: int, b: int, last: date | None, cadence: Cadence | None, company: str
) -> None:
    weak, strong = sorted((a, b))

    def at(strength: int) -> float:
        return score(
            strength=strength,
            last_contacted=last,
            cadence=cadence,
            company=company,
            targets=TARGETS,
        )

    assert at(strong) >= at(weak)


@given(
    days_a=st.integers(min_value=-400, max_value=40_000),
    days_b=st.integers(min_value=-400, max_value=40_000),
    strength=STRENGTHS,
    cadence=CADENCES,
)
def test_more_stale_never_scores_lower(
    days_a: int, days_b: int, strength: int | None, cadence: Cadence | None
) -> None:
    recent, older = sorted((days_a, days_b))

    def at(last: date | None, cadence: Cadence | None = cadence) -> float:
        return score(strength=strength, last_contacted=last, cadence=cadence)

    assert at(TODAY - timedelta(days=older)) >= at(TODAY - timedelta(days=recent))
    # Never contacted is the stalest of all (compared without a cadence, which cannot be
    # overdue for someone never contacted).
    assert at(None, None) >= at(TODAY - timedelta(days=older), None)


@given(strength=STRENGTHS, last=LAST, cadence=CADENCES)
def test_keyword_match_scores_higher(
    strength: int | None, last: date | None, cadence: Cadence | None
) -> None:
    def at(company: str, title: str = "Engineer") -> float:
        return score(
            strength=strength,
            last_contacted=last,
            cadence=cadence,
            company=company,
            title=title,
            targets=TARGETS,
        )

    assert at("Google") > at("Acme")
    assert at("Acme", "Head of Data Science") > at("Acme")


# --- target matching --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("Google", True),
        ("google cloud", True),
        ("GOOGLE", True),
        ("Googleplex Ltd", False),
        ("Alphabet (Google)", True),
        ("Head of Data Science", True),
        ("Data  Science lead", True),
        ("Data scientist", False),
        ("Fintech startup", True),
        ("Senior C++ Developer", True),
        ("C++", True),
        ("C developer", False),
        ("Acme", False),
        ("", False),
    ],
)
def test_target_matcher(text: str, matched: bool) -> None:
    assert TARGETS(text) is matched


def test_target_matcher_checks_every_text() -> None:
    assert TARGETS("Acme", "Fintech advisor")
    assert not TARGETS("Acme", "Engineer")
    assert not TARGETS()


def test_empty_matcher_matches_nothing() -> None:
    assert not NO_TARGETS
    assert not NO_TARGETS("Google", "anything")
    assert not compile_targets(["", "  "])("Google")
    assert not TargetMatcher(("", " "))("anything at all")


def test_compile_targets_cleans_keywords() -> None:
    matcher = compile_targets(["  Google ", "google", "", "data   science"])
    assert matcher.keywords == ("Google", "data science")
    assert matcher
    assert matcher == compile_targets(["Google", "data science"])


def test_keywords_are_literal_not_regex() -> None:
    matcher = compile_targets([".NET", "a.b"])
    assert matcher("Senior .NET developer")
    assert not matcher("axb corp")


# --- keyword settings -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ()),
        ("   ", ()),
        (",,, ,", ()),
        ("Google", ("Google",)),
        ("Google, Stripe,fintech", ("Google", "Stripe", "fintech")),
        ("  data   science , Google ,", ("data science", "Google")),
        ("Google, google, GOOGLE, Stripe", ("Google", "Stripe")),
    ],
)
def test_parse_keywords(text: str, expected: tuple[str, ...]) -> None:
    assert parse_keywords(text) == expected


@given(text=st.text())
def test_parse_keywords_properties(text: str) -> None:
    keywords = parse_keywords(text)
    assert all(k and k == k.strip() and "," not in k for k in keywords)
    assert len({k.casefold() for k in keywords}) == len(keywords)
    assert parse_keywords(", ".join(keywords)) == keywords
