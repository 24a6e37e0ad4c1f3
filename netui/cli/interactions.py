"""Interactions: ``log`` a call, email, message or meeting."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from netui.cli.base import clock, db_option, json_option, open_services, today
from netui.cli.output import echo_json, follow_up_text, interaction_json, printable
from netui.cli.params import CONTACT_ID, OutcomeType, read_option
from netui.cli.referral_output import referral_hint
from netui.domain.clock import local_zone
from netui.domain.inputs import read_follow_up, read_when
from netui.domain.types import Channel, InteractionDraft, Outcome

if TYPE_CHECKING:
    from netui.domain.script_types import Script
    from netui.services.context import Services


MISSING_CHANNEL = "Missing option '--channel' (or name the --script used)."


def _script_used(services: Services, name: str | None) -> Script | None:
    """The script named by --script (the built-ins count), or None when none was."""
    if name is None:
        return None
    services.scripts.ensure_builtins()
    return services.scripts.find(name)


@click.command()
@click.argument("contact_id", metavar="ID", type=CONTACT_ID)
@click.option(
    "--channel",
    type=click.Choice([c.value for c in Channel], case_sensitive=False),
    help="How you got in touch (with --script, the script's channel if not given).",
)
@click.option("--outcome", type=OutcomeType(), required=True, help="What came of it.")
@click.option("--note", default="", help="What was said.")
@click.option(
    "--when",
    metavar="WHEN",
    help='When it happened (default now): "yesterday 3pm", "2024-03-04 14:30", "last friday".',
)
@click.option(
    "--follow-up",
    "follow_up",
    metavar="DATE",
    help='When to follow up: "next friday", "in 2 weeks".',
)
@click.option(
    "--script",
    "script_name",
    metavar="NAME",
    help="The script you used: its latest saved revision is recorded with the interaction.",
)
@json_option
@db_option
def log(
    contact_id: int,
    channel: str | None,
    outcome: Outcome,
    note: str,
    when: str | None,
    follow_up: str | None,
    script_name: str | None,
    as_json: bool,
) -> None:
    """Log a call, email, message or meeting with a contact."""
    if channel is None and script_name is None:
        raise click.UsageError(MISSING_CHANNEL)
    occurred_at = read_option("--when", read_when, when or "", clock()(), local_zone())
    follow_up_on = read_option("--follow-up", read_follow_up, follow_up or "", today())
    with open_services(writing=True) as services:
        script = _script_used(services, script_name)
        if channel is not None:
            how = Channel(channel.lower())
        elif script is not None:
            how = script.channel.logged_as
        else:  # refused above, before the database was opened
            raise click.UsageError(MISSING_CHANNEL)
        draft = InteractionDraft(
            channel=how,
            outcome=outcome,
            note=note,
            occurred_at=occurred_at,
            follow_up=follow_up_on,
            script_revision_id=script.revision_id if script else None,
        )
        logged = services.interactions.log(contact_id, draft)
        contact = services.contacts.get(contact_id)
    if as_json:
        echo_json(interaction_json(logged))
        return
    used = ""
    if script is not None:
        used = f' (script "{printable(script.name)}", revision {script.revision_number})'
    click.echo(
        f"Logged {logged.channel.value} with #{contact.id} {printable(contact.full_name)}: "
        f"{logged.outcome.label}{used}"
    )
    if logged.follow_up:
        click.echo(f"Follow up: {follow_up_text(logged.follow_up, today())}")
    if logged.outcome is Outcome.REFERRAL:
        click.echo(referral_hint(contact))
