"""The progress figures as charts: one builder per figure, shared by every front end.

The stats screen, ``netui stats`` and the weekly report take their charts from here, so a
figure is labelled, rounded and measured against its goal the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from netui.domain.charts import Bar, Chart, Kind
from netui.domain.clean_text import clean_line
from netui.domain.referrals import ReferralChain, describe_chain
from netui.domain.stats import DoorsWeek, MinutesSeries, Stats, WeekCount, WeekSummary
from netui.domain.stats_outcomes import Funnel, ScriptRate
from netui.domain.types import Top20Progress

__all__ = [
    "CHAINS_SHOWN",
    "chain_texts",
    "doors_chart",
    "duration_text",
    "funnel_chart",
    "minutes_chart",
    "reached_chart",
    "scripts_chart",
    "stats_charts",
    "summary_text",
    "top20_chart",
    "week_label",
    "week_parts",
]


def _counted(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def duration_text(minutes: int) -> str:
    """``2h10``, ``45 min``: a length of time said briefly."""
    hours, rest = divmod(max(0, minutes), 60)
    if not hours:
        return f"{rest} min"
    return f"{hours}h{rest:02d}"


def week_label(week: date) -> str:
    """A week by its Monday: ``23 Nov``."""
    return f"{week.day} {week.strftime('%b')}"


def minutes_chart(series: MinutesSeries) -> Chart:
    days = series.days
    return Chart(
        title=f"Minutes a day, last {len(days)} days",
        bars=tuple(Bar(day.day.isoformat(), day.minutes) for day in days),
        kind=Kind.COLUMNS,
        target=series.goal_minutes or None,
        maximum=max([series.goal_minutes * 2, *(day.minutes for day in days)]) or None,
        note=(
            f"goal {series.goal_minutes} min a day: met on {series.days_met} of {len(days)} "
            f"days, {duration_text(series.total)} in all"
        ),
    )


def reached_chart(weeks: Sequence[WeekCount]) -> Chart:
    return Chart(
        "People reached per week",
        tuple(Bar(f"week of {week_label(w.week)}", w.count) for w in weeks),
    )


def funnel_chart(result: Funnel) -> Chart:
    return Chart(
        "How far conversations went",
        (
            Bar("contacted", result.contacted),
            *(Bar(stage.label, stage.people) for stage in result.stages),
        ),
        kind=Kind.FUNNEL,
        note="each person counted at the furthest stage they reached",
    )


def top20_chart(progress: Top20Progress) -> Chart:
    return Chart(
        "Top 20 reached",
        (Bar("reached", progress.reached, f"{progress.reached}/{progress.capacity}"),),
        target=progress.goal,
        maximum=progress.capacity,
        note=f"goal: {progress.goal} of {progress.capacity}, half of them"
        f" ({progress.size} on the list now)",
    )


def scripts_chart(rates: Sequence[ScriptRate]) -> Chart:
    return Chart(
        "Reply rate per script",
        tuple(
            Bar(rate.script, round(rate.rate * 100), f"{rate.rate:.0%} of {rate.uses}")
            for rate in rates
        ),
        maximum=100,
        note="replied or better, over the times it was used",
    )


def doors_chart(weeks: Sequence[DoorsWeek]) -> Chart:
    meetings = sum(w.meetings for w in weeks)
    referrals = sum(w.referrals for w in weeks)
    introductions = sum(w.introductions for w in weeks)
    return Chart(
        "Doors opened per week",
        tuple(Bar(f"week of {week_label(w.week)}", w.total) for w in weeks),
        note=", ".join(
            _counted(count, word)
            for count, word in (
                (meetings, "meeting"),
                (referrals, "referral"),
                (introductions, "introduction"),
            )
        ),
    )


CHAIN_CHARS = 300
"""A chain's line is cut there (names are bounded when typed, not when a file wrote them)."""
CHAINS_SHOWN = 12
"""Referral chains listed on the screen and in ``netui stats`` (``--json`` has them all)."""


def _cut(text: str) -> str:
    return text if len(text) <= CHAIN_CHARS else text[: CHAIN_CHARS - 1] + "…"


def chain_texts(chains: Sequence[ReferralChain], limit: int = CHAINS_SHOWN) -> list[str]:
    """``Ann Lee → Bo Park → a meeting at Acme``, one line each, names cleaned of controls;
    a last line says how many more there are."""
    lines = [_cut(clean_line(describe_chain(chain))) for chain in chains[:limit]]
    if len(chains) > limit:
        lines.append(f"… and {len(chains) - limit} more")
    return lines


def stats_charts(stats: Stats) -> tuple[Chart, ...]:
    """Every chart of the period, in the order the screen and the report show them."""
    return (
        minutes_chart(stats.minutes),
        reached_chart(stats.reached),
        funnel_chart(stats.funnel),
        top20_chart(stats.top20),
        scripts_chart(stats.scripts),
        doors_chart(stats.doors),
    )


def week_parts(week: WeekSummary) -> tuple[str, str, str, str]:
    """The week's line in pieces: ``2h10 of 2h30``, ``6 reached``, ``2 doors opened``, and
    ``Top 20: 7/20 (goal 10)``, for a front end that lays them out its own way."""
    doors = "1 door opened" if week.doors_opened == 1 else f"{week.doors_opened} doors opened"
    top20 = week.top20
    return (
        f"{duration_text(week.minutes)} of {duration_text(week.goal_minutes)}",
        f"{week.reached} reached",
        doors,
        f"Top 20: {top20.reached}/{top20.capacity} (goal {top20.goal})",
    )


def summary_text(week: WeekSummary, *, capital: bool = False) -> str:
    """``this week 2h10 of 2h30 · 6 reached · 2 doors opened · Top 20: 7/20 (goal 10)``."""
    time, reached, doors, top20 = week_parts(week)
    text = f"this week {time} · {reached} · {doors} · {top20}"
    return text[0].upper() + text[1:] if capital else text
