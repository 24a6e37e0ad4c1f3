"""Interactions: ``log`` a call, email, message or meeting."""

from __future__ import annotations

import click

from netui.cli.base import clock, db_option, json_option, open_services, today
from netui.cli.output import echo_json, follow_up_text, interaction_json, printable
from netui.cli.params import CONTACT_ID, OutcomeType, read_option
from netui.domain.clock import local_zone
from netui.domain.inputs import read_follow_up, read_when
from netui.domain.types import Channel, InteractionDraft, Outcome


@click.command()
@click.argument("contact_id", metavar="ID", type=CONTACT_ID)
@click.option(
    "--channel",
    type=click.Choice([c.value for c in Channel], case_sensitive=False),
    required=True,
    help="How you got in touch.",
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
@json_option
@db_option
def log(
    contact_id: int,
    channel: str,
    outcome: Outcome,
    note: str,
    when: str | None,
    follow_up: str | None,
    as_json: bool,
) -> None:
    """Log a call, email, message or meeting with a contact."""
    draft = InteractionDraft(
        channel=Channel(channel.lower()),
        outcome=outcome,
        note=note,
        occurred_at=read_option("--when", read_when, when or "", clock()(), local_zone()),
        follow_up=read_option("--follow-up", read_follow_up, follow_up or "", today()),
    )
    with open_services(writing=True) as services:
        logged = services.interactions.log(contact_id, draft)
        contact = services.contacts.get(contact_id)
    if as_json:
        echo_json(interaction_json(logged))
        return
    click.echo(
        f"Logged {logged.channel.value} with #{contact.id} {printable(contact.full_name)}: "
        f"{logged.outcome.label}"
    )
    if logged.follow_up:
        click.echo(f"Follow up: {follow_up_text(logged.follow_up, today())}")
