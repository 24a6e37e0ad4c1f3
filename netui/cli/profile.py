"""``profile``: who you are, for the scripts' ``{my_name}``, ``{my_situation}``, ``{my_ask}``."""

from __future__ import annotations

from dataclasses import replace

import click

from netui.cli.base import db_option, json_option, open_services
from netui.cli.output import echo_json, echo_lines
from netui.cli.script_output import profile_json, profile_lines
from netui.errors import ValidationError


@click.command()
@click.option("--name", help="Your name, as you sign a message.")
@click.option("--situation", help='Where you are in your work life: "moving into data work".')
@click.option("--ask", help='What you are asking for: "an introduction to a planning team".')
@json_option
@db_option
def profile(name: str | None, situation: str | None, ask: str | None, as_json: bool) -> None:
    """Show your profile, or change the parts given ("" clears one)."""
    changes = {
        field: value
        for field, value in (("name", name), ("situation", situation), ("ask", ask))
        if value is not None
    }
    with open_services(writing=bool(changes)) as services:
        current = services.scripts.profile()
        if changes:
            try:
                current = services.scripts.set_profile(replace(current, **changes))
            except ValidationError as error:
                raise ValidationError(f"--{error.field}", error.message) from None
    if as_json:
        echo_json(profile_json(current))
    else:
        echo_lines(profile_lines(current))
