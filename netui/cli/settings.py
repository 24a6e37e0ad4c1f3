"""``settings``: change one preference (target keywords, the daily session) in the settings file.

Each command rewrites only its own key of the settings file (``netui config path``), keeping
the rest of the file as written; ``netui config show`` lists every setting and its source.
"""

from __future__ import annotations

import click

from netui.cli.base import db_option, json_option, open_services
from netui.cli.output import echo_json, printable


@click.group()
@db_option
def settings() -> None:
    """Preferences, kept in the settings file (see netui config)."""


@settings.command("targets")
@click.argument("keywords")
@db_option
def settings_targets(keywords: str) -> None:
    """Set target keywords (comma-separated) that raise a contact's priority.

    A contact whose company or title contains one, e.g. "fintech, product manager",
    ranks higher. An empty string clears them.
    """
    with open_services(writing=True) as services:
        saved = services.settings.set_target_keywords(keywords)
    if saved:
        click.echo("Target keywords: " + ", ".join(printable(k) for k in saved))
    else:
        click.echo("Target keywords cleared")


@settings.command("goal")
@click.argument("minutes", type=int)
@db_option
def settings_goal(minutes: int) -> None:
    """Set the daily networking goal in minutes (30 unless you choose another)."""
    with open_services(writing=True) as services:
        saved = services.settings.set_daily_goal(minutes)
    click.echo(f"Daily goal: {saved} minutes")


@settings.command("weeks")
@click.argument("weeks", type=int)
@db_option
def settings_weeks(weeks: int) -> None:
    """Set over how many weeks of weekdays Today spreads the Top 20 (4 unless changed)."""
    with open_services(writing=True) as services:
        saved = services.settings.set_top20_weeks(weeks)
    click.echo(f"Top 20 spread over {saved} weeks")


@settings.command("bell")
@click.argument("state", type=click.Choice(["on", "off"], case_sensitive=False))
@db_option
def settings_bell(state: str) -> None:
    """Ring the terminal bell when the goal is reached or the planned time is over."""
    with open_services(writing=True) as services:
        services.settings.set_bell(state.lower() == "on")
    click.echo(f"Bell: {state.lower()}")


@settings.command("show")
@json_option
@db_option
def settings_show(as_json: bool) -> None:
    """Show the current settings."""
    with open_services(writing=False) as services:
        stored = services.settings
        targets, theme = stored.target_keywords(), stored.theme()
        goal, weeks, bell = stored.daily_goal(), stored.top20_weeks(), stored.bell()
    if as_json:
        echo_json(
            {
                "target_keywords": list(targets),
                "theme": theme,
                "daily_goal_minutes": goal,
                "top20_weeks": weeks,
                "bell": bell,
            }
        )
        return
    click.echo("Target keywords: " + (", ".join(printable(k) for k in targets) or "none"))
    click.echo(f"Theme: {printable(theme) if theme else 'default'}")
    click.echo(f"Daily goal: {goal} minutes")
    click.echo(f"Top 20 spread over: {weeks} weeks")
    click.echo(f"Bell: {'on' if bell else 'off'}")
