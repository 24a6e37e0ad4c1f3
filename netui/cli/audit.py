"""``audit``: the time audit (where a weekday goes, the goal it allows) and calendar gaps."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from netui.cli.base import db_option, json_option, open_services
from netui.cli.output import echo_json, echo_lines, printable
from netui.domain.clock import local_zone
from netui.domain.free_gaps import WakingHours, parse_waking_hours
from netui.errors import ValidationError

if TYPE_CHECKING:
    from netui.services.audit import CalendarGaps, SavedAudit


def _waking(text: str) -> WakingHours:
    try:
        return parse_waking_hours(text)
    except ValueError as error:
        raise ValidationError("--waking", str(error)) from None


def audit_json(saved: SavedAudit) -> dict[str, Any]:
    result = saved.result
    return {
        "saved_at": saved.saved_at.isoformat() if saved.saved_at else None,
        "blocks": [
            {"name": b.name, "minutes": b.minutes, "discretionary": b.discretionary}
            for b in saved.blocks
        ],
        "planned_minutes": result.planned_minutes,
        "discretionary_minutes": result.discretionary_minutes,
        "unplanned_minutes": result.unplanned_minutes,
        "suggested_goal": result.suggested_goal,
        "advice": result.advice,
        "month_hours": result.month_hours,
        "month_conversations": result.month_conversations,
        "daily_goal": saved.daily_goal,
    }


def gaps_json(found: CalendarGaps) -> dict[str, Any]:
    return {
        "first_day": found.first_day.isoformat(),
        "days": found.days,
        "waking_hours": str(found.waking),
        "events": found.events,
        "warnings": list(found.warnings),
        "gaps": [
            {
                "start": gap.start.isoformat(),
                "end": gap.end.isoformat(),
                "minutes": gap.minutes,
                "fits_goal": gap.minutes >= found.goal_minutes,
            }
            for gap in found.gaps
        ],
    }


def audit_lines(saved: SavedAudit) -> list[str]:
    result = saved.result
    when = "the common blocks (not saved yet)"
    if saved.saved_at:
        when = f"saved {saved.saved_at.astimezone(local_zone()):%Y-%m-%d}"
    lines = [f"A typical weekday, {when}:"]
    width = max(len(printable(b.name)) for b in saved.blocks)
    for block in saved.blocks:
        kind = "could give way" if block.discretionary else "fixed"
        lines.append(f"  {printable(block.name):<{width}}  {block.minutes:>4} min  {kind}")
    lines.append(
        f"Discretionary: {result.discretionary_minutes} minutes a day "
        f"({result.unplanned_minutes} not accounted for)"
    )
    lines.append(result.advice)
    if result.suggested_goal:
        month = f"{result.month_hours:g} hours a month"
        if result.month_conversations is not None:
            month += f", about {result.month_conversations} conversations at your pace"
        lines.append(f"Suggested goal: {result.suggested_goal} minutes a day ({month}).")
        if result.suggested_goal != saved.daily_goal:
            lines.append(f"Your daily goal is {saved.daily_goal}: netui audit --accept takes it.")
    return lines


def gap_lines(found: CalendarGaps) -> list[str]:
    zone = local_zone()
    lines = [f"Free time in the next {found.days} days ({found.waking}):"]
    if not found.gaps:
        lines.append("  none of at least 15 minutes")
    for gap in found.gaps:
        start, end = gap.start.astimezone(zone), gap.end.astimezone(zone)
        fits = "  fits a session" if gap.minutes >= found.goal_minutes else ""
        lines.append(f"  {start:%a %d %b}  {start:%H:%M}-{end:%H:%M}  {gap.minutes:>4} min{fits}")
    lines += [f"Warning: {printable(w)}" for w in found.warnings]
    return lines


@click.command()
@click.option(
    "--ics",
    "ics",
    type=click.Path(path_type=Path, dir_okay=True),
    metavar="FILE",
    help="A calendar export (.ics): show the free time of the coming 7 days.",
)
@click.option(
    "--waking",
    metavar="HH:MM-HH:MM",
    help="The hours you could network in, for --ics (default: [working_hours] in the"
    " settings file, else 07:00-22:00).",
)
@click.option("--accept", is_flag=True, help="Make the suggested goal your daily goal.")
@json_option
@db_option
def audit(ics: Path | None, waking: str | None, accept: bool, as_json: bool) -> None:
    """Where a typical weekday goes, the daily goal it allows, and your calendar's gaps."""
    hours = _waking(waking) if waking is not None else None
    with open_services(writing=accept) as services:
        saved = services.audit.load()
        goal = saved.result.suggested_goal
        if accept:
            if goal is None:
                raise ValidationError("--accept", "the audit suggests no goal to accept")
            services.audit.accept_goal(goal)
            saved = services.audit.load()
        found = services.audit.calendar_gaps(ics, waking=hours) if ics is not None else None
    if as_json:
        document = audit_json(saved)
        if found is not None:
            document["calendar"] = gaps_json(found)
        echo_json(document)
        return
    echo_lines(audit_lines(saved))
    if accept:
        click.echo(f"Daily goal set to {saved.daily_goal} minutes.")
    if found is not None:
        echo_lines(gap_lines(found))
