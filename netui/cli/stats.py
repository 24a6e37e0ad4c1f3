"""``stats``: the progress figures, as terminal charts or as JSON.

The charts come from :mod:`netui.domain.stats_charts`, the ones the stats screen and the
weekly report draw, so the three never disagree.
"""

from __future__ import annotations

from typing import Any

import click

from netui.cli.base import db_option, json_option, open_services
from netui.cli.output import echo_json, echo_lines, printable
from netui.cli.table import terminal_columns
from netui.domain.charts import charts_text
from netui.domain.referrals import ReferralChain, describe_chain
from netui.domain.stats import Stats, WeekSummary
from netui.domain.stats_charts import chain_texts, stats_charts, summary_text

__all__ = ["chain_json", "stats", "stats_json", "week_json"]

JSON_HELP = """
With --json, one object with these keys (stable; new keys may be added):

\b
  today, first_day        the period's last and first local day (YYYY-MM-DD)
  days                    the period's length in days
  minutes                 {goal_per_day, total, days_met, days_worked, average,
                           by_day: [{day, minutes}]}  oldest day first
  people_reached          distinct people reached over the period
  reached_per_week        [{week, people}]  week = its Monday
  funnel                  {contacted, reached, replied, talked, meeting, referral}:
                          people at that stage or further
  top20                   {size, reached, capacity, goal}
  scripts                 [{script, uses, replies, reply_rate}]  most used first
  doors_opened            meetings + referrals + introductions over the period
  doors_per_week          [{week, meetings, referrals, introductions, total}]
  referral_chains         [{people: [{id, name}], led_to, outcome, company, text}]
                          every chain of two people or more, longest first
  week                    this week so far: {week, minutes, goal_minutes, reached,
                          doors_opened, top20_reached}
"""


def stats_json(stats: Stats) -> dict[str, Any]:
    series = stats.minutes
    return {
        "today": stats.today.isoformat(),
        "first_day": stats.first_day.isoformat(),
        "days": stats.days,
        "minutes": {
            "goal_per_day": series.goal_minutes,
            "total": series.total,
            "days_met": series.days_met,
            "days_worked": series.days_worked,
            "average": round(series.average, 1),
            "by_day": [{"day": d.day.isoformat(), "minutes": d.minutes} for d in series.days],
        },
        "people_reached": stats.people_reached,
        "reached_per_week": [
            {"week": w.week.isoformat(), "people": w.count} for w in stats.reached
        ],
        "funnel": {
            "contacted": stats.funnel.contacted,
            **{stage.label: stage.people for stage in stats.funnel.stages},
        },
        "top20": {
            "size": stats.top20.size,
            "reached": stats.top20.reached,
            "capacity": stats.top20.capacity,
            "goal": stats.top20.goal,
        },
        "scripts": [
            {
                "script": rate.script,
                "uses": rate.uses,
                "replies": rate.replies,
                "reply_rate": round(rate.rate, 4),
            }
            for rate in stats.scripts
        ],
        "doors_opened": stats.doors_opened,
        "referral_chains": [chain_json(chain) for chain in stats.chains],
        "doors_per_week": [
            {
                "week": w.week.isoformat(),
                "meetings": w.meetings,
                "referrals": w.referrals,
                "introductions": w.introductions,
                "total": w.total,
            }
            for w in stats.doors
        ],
    }


def chain_json(chain: ReferralChain) -> dict[str, Any]:
    return {
        "people": [{"id": person.id, "name": person.name} for person in chain.people],
        "led_to": chain.led_to,
        "outcome": None if chain.outcome is None else chain.outcome.value,
        "company": chain.company,
        "text": describe_chain(chain),
    }


def week_json(week: WeekSummary) -> dict[str, Any]:
    return {
        "week": week.week.isoformat(),
        "minutes": week.minutes,
        "goal_minutes": week.goal_minutes,
        "reached": week.reached,
        "doors_opened": week.doors_opened,
        "top20_reached": week.top20.reached,
    }


@click.command(epilog=JSON_HELP)
@click.option(
    "--days",
    type=int,
    default=30,
    show_default=True,
    metavar="N",
    help="How many days back, today included (30 and 90 on the stats screen; up to 366).",
)
@json_option
@db_option
def stats(days: int, as_json: bool) -> None:
    """Progress: minutes against the goal, people reached, the funnel, scripts, doors opened."""
    with open_services(writing=False) as services:
        figures = services.stats.overview(days)
        week = services.stats.week()
    if as_json:
        echo_json({**stats_json(figures), "week": week_json(week)})
        return
    width = min(terminal_columns(), 100)
    click.echo(printable(summary_text(week, capital=True)))
    click.echo("")
    echo_lines([printable(line) for line in charts_text(stats_charts(figures), width)])
    click.echo("")
    click.echo("Referral chains")
    chains = chain_texts(figures.chains) or ["none yet: log a referral and add the person"]
    echo_lines([printable(line) for line in chains])
