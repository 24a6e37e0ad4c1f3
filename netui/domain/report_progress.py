"""The parts of the weekly review that look back: time against the goal, people reached,
outcomes and doors opened.

Every figure and chart here comes from the stats helper's :class:`Stats` (one for the week,
one for the four weeks ending with it, for the trend) and its chart builders, so the review
says what the stats screen and ``netui stats`` say, drawn by the same renderer.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from netui.domain.report import Row, Section, UserText, Week, plural, table_or_none
from netui.domain.stats import WEEK_GOAL_DAYS, Stage, Stats
from netui.domain.stats_charts import (
    CHAINS_SHOWN,
    chain_texts,
    doors_chart,
    duration_text,
    funnel_chart,
    minutes_chart,
    reached_chart,
    scripts_chart,
)

__all__ = [
    "TREND_WEEKS",
    "doors_section",
    "glance",
    "outcomes_section",
    "progress_sections",
    "reached_section",
    "time_section",
]

TREND_WEEKS = 4
"""How many weeks, this one included, the per-week charts show."""

# How far each stage got, in words, for the outcomes sentence.
_STAGE_WORDS = {
    Stage.REACHED: "reached",
    Stage.REPLIED: "replied",
    Stage.TALKED: "talked",
    Stage.MEETING: "got to a meeting",
    Stage.REFERRAL: "gave a referral",
}


def _so_far(week: Week, made_on: date) -> int | None:
    """Days of ``week`` lived by ``made_on`` while it is still going; None once it is over."""
    return (made_on - week.start).days + 1 if made_on in week else None


def _week_before(counts: list[int]) -> str:
    return f" The week before: {counts[-2]:,}." if len(counts) >= 2 else ""


def time_section(week_stats: Stats, week: Week, made_on: date) -> Section:
    """Minutes per day of the week against the daily goal, and the week's total against
    :data:`WEEK_GOAL_DAYS` days of it (the goal Today's summary uses)."""
    series = week_stats.minutes
    goal = series.goal_minutes
    lines = []
    if goal > 0:
        week_goal = goal * WEEK_GOAL_DAYS
        share = round(100 * series.total / week_goal)
        met = " Goal met." if series.total >= week_goal else ""
        lines.append(
            f"{duration_text(series.total)} of the week's goal of {duration_text(week_goal)} "
            f"({goal} min a day, {WEEK_GOAL_DAYS} days a week): {share}%.{met}"
        )
    else:
        lines.append(f"{duration_text(series.total)} in all; no daily goal is set.")
    lived = _so_far(week, made_on)
    days = f"the {plural(lived, 'day')} so far" if lived is not None else "7 days"
    lines.append(
        f"The daily goal was met on {series.days_met} of {days}; "
        f"time was spent on {plural(series.days_worked, 'day')}."
        if goal > 0
        else f"Time was spent on {plural(series.days_worked, 'day')} of {days}."
    )
    chart = replace(minutes_chart(series), title="Minutes a day, Monday to Sunday")
    return Section(key="time", title="Time spent", lines=tuple(lines), charts=(chart,))


def reached_section(week_stats: Stats, trend: Stats) -> Section:
    """Distinct people reached in the week, and per week over the last few."""
    reached, contacted = week_stats.people_reached, week_stats.funnel.contacted
    line = (
        f"{plural(reached, 'person', 'people')} reached this week, of "
        f"{plural(contacted, 'person', 'people')} contacted."
        + _week_before([w.count for w in trend.reached])
    )
    chart = replace(reached_chart(trend.reached), title=f"People reached, last {TREND_WEEKS} weeks")
    return Section(key="reached", title="People reached", lines=(line,), charts=(chart,))


def outcomes_section(week_stats: Stats) -> Section:
    """How far the week's conversations went (the funnel), and replies per script used."""
    result = week_stats.funnel
    stages = ", ".join(f"{result.people(stage):,} {words}" for stage, words in _STAGE_WORDS.items())
    lines = (
        f"Of {plural(result.contacted, 'person', 'people')} contacted: {stages} "
        "(each counted at the furthest stage they got to).",
    )
    charts = [funnel_chart(result)]
    if week_stats.scripts:
        charts.append(scripts_chart(week_stats.scripts))
    return Section(key="outcomes", title="Outcomes", lines=lines, charts=tuple(charts))


def doors_section(week_stats: Stats, trend: Stats) -> Section:
    """Meetings set, referrals and introductions: the doors the week opened; then every
    referral chain so far ("Ann Lee → Bo Park → a meeting at Acme"), as the stats screen
    lists them."""
    doors = week_stats.doors
    meetings = sum(w.meetings for w in doors)
    referrals = sum(w.referrals for w in doors)
    introductions = sum(w.introductions for w in doors)
    line = (
        f"{plural(week_stats.doors_opened, 'door')} opened: "
        f"{plural(meetings, 'meeting')} set, {plural(referrals, 'referral')}, "
        f"{plural(introductions, 'introduction')}." + _week_before([w.total for w in trend.doors])
    )
    chart = replace(doors_chart(trend.doors), title=f"Doors opened, last {TREND_WEEKS} weeks")
    chains = week_stats.chains
    rows = [Row((UserText(text),)) for text in chain_texts(chains[:CHAINS_SHOWN])]
    hidden = len(chains) - len(rows)
    return Section(
        key="doors",
        title="Doors opened",
        lines=(line,),
        table=table_or_none(("Referral chains so far",), rows),
        more=f"… and {hidden:,} more chains (netui stats --json lists them all)." if hidden else "",
        charts=(chart,),
    )


def glance(week_stats: Stats) -> str:
    """``45 min of 2h30 · 3 people reached · 1 door opened · Top 20: 6 of 8 reached (goal 10)``."""
    series, top20 = week_stats.minutes, week_stats.top20
    time = duration_text(series.total)
    if series.goal_minutes > 0:
        time += f" of {duration_text(series.goal_minutes * WEEK_GOAL_DAYS)}"
    parts = [
        time,
        f"{plural(week_stats.people_reached, 'person', 'people')} reached",
        f"{plural(week_stats.doors_opened, 'door')} opened",
    ]
    if top20.size:
        parts.append(f"Top 20: {top20.reached} of {top20.size} reached (goal {top20.goal})")
    return " · ".join(parts)


def progress_sections(
    week_stats: Stats, trend: Stats, week: Week, made_on: date
) -> tuple[Section, ...]:
    """The four looking-back sections, in the order the review shows them."""
    return (
        time_section(week_stats, week, made_on),
        reached_section(week_stats, trend),
        outcomes_section(week_stats),
        doors_section(week_stats, trend),
    )
