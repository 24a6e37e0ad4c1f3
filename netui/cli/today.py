"""``today``: whom to reach today, and how today and the Top 20 are going."""

from __future__ import annotations

from typing import Any

import click

from netui.cli.base import db_option, json_option, open_services
from netui.cli.output import echo_json, echo_lines, printable
from netui.cli.table import terminal_table
from netui.domain.queue import QueueItem, TodayProgress

SHOWN = 25
"""Rows the text form lists unless --all: a day's work, not every cadence ever missed."""


def item_json(item: QueueItem) -> dict[str, Any]:
    return {
        "contact_id": item.contact_id,
        "name": item.name,
        "company": item.company,
        "reason": item.reason.value,
        "why": item.why,
        "priority": item.priority,
        "top20_rank": item.top20_rank,
        "days_overdue": item.days_overdue,
    }


def progress_json(progress: TodayProgress) -> dict[str, Any]:
    pace = progress.top20
    return {
        "contacted_today": progress.contacted_today,
        "reached_today": progress.reached_today,
        "top20": {
            "size": pace.size,
            "capacity": progress.top20_capacity,
            "reached": pace.reached,
            "goal": progress.top20_goal,
            "weeks": pace.weeks,
            "expected_by_today": pace.target,
            "behind": pace.behind,
            "asked_today": pace.ask_today,
        },
    }


def progress_lines(progress: TodayProgress) -> list[str]:
    pace = progress.top20
    lines = [f"Today: {progress.reached_today} reached, {progress.contacted_today} contacted"]
    if pace.size:
        behind = f", {pace.behind} behind plan" if pace.behind else ""
        lines.append(
            f"Top 20: {pace.reached} of {pace.size} reached (goal {progress.top20_goal}); "
            f"plan {pace.target} by today over {pace.weeks} weeks{behind}"
        )
    return lines


@click.command()
@click.option("--all", "show_all", is_flag=True, help=f"List everyone due, not the first {SHOWN}.")
@json_option
@db_option
def today(show_all: bool, as_json: bool) -> None:
    """Today's queue (Top 20, follow-ups due, cadences due) and today's progress."""
    with open_services(writing=False) as services:
        queue, progress = services.today.overview(limit=None if show_all or as_json else SHOWN)
    if as_json:
        echo_json(
            {"queue": [item_json(i) for i in queue.items], "progress": progress_json(progress)}
        )
        return
    if queue.items:
        rows = [
            [str(i.contact_id), printable(i.name), printable(i.company), i.why] for i in queue.items
        ]
        echo_lines(terminal_table(("ID", "Name", "Company", "Why"), rows, flexible=(1, 2, 3)))
        if queue.due > len(queue.items):
            click.echo(f"… and {queue.due - len(queue.items)} more (netui today --all)")
    else:
        click.echo("Nobody is due today.")
    echo_lines(progress_lines(progress))
