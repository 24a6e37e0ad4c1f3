"""``settings``: preferences stored in the database (target keywords, theme)."""

from __future__ import annotations

import click

from netui.cli.base import db_option, json_option, open_services
from netui.cli.output import echo_json, printable


@click.group()
@db_option
def settings() -> None:
    """Preferences stored in the database."""


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


@settings.command("show")
@json_option
@db_option
def settings_show(as_json: bool) -> None:
    """Show the current settings."""
    with open_services(writing=False) as services:
        targets = services.settings.target_keywords()
        theme = services.settings.theme()
    if as_json:
        echo_json({"target_keywords": list(targets), "theme": theme})
        return
    click.echo("Target keywords: " + (", ".join(printable(k) for k in targets) or "none"))
    click.echo(f"Theme: {printable(theme) if theme else 'default'}")
