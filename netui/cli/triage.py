"""Triage: ``set`` (status, Top 20 rank, strength), ``undo`` and ``top20``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from netui.cli.base import CliError, db_option, json_option, open_services, today
from netui.cli.output import company_title, contact_json, echo_json, echo_lines, printable
from netui.cli.params import CONTACT_ID, read_option
from netui.cli.table import terminal_table
from netui.domain.dates import time_since
from netui.domain.inputs import read_strength
from netui.domain.listing import StatusFilter
from netui.domain.types import TOP20_SIZE, TriageStatus
from netui.errors import Top20FullError, ValidationError

if TYPE_CHECKING:
    from netui.services.context import Services


def _room_hint(services: Services) -> str:
    """Who to move out of a full Top 20: the lowest-ranked member."""
    members = services.contacts.find(StatusFilter.TOP20)
    if not members:
        return ""
    last = members[-1]
    return (
        f"; make room first, e.g. netui set {last.id} --status later"
        f" (#{last.top20_rank} {printable(last.full_name)})"
    )


@click.command("set")
@click.argument("contact_ids", metavar="ID...", nargs=-1, required=True, type=CONTACT_ID)
@click.option(
    "--status",
    type=click.Choice([s.value for s in TriageStatus], case_sensitive=False),
    help="The triage decision.",
)
@click.option(
    "--rank",
    type=click.IntRange(1, TOP20_SIZE),
    help="Place in the Top 20 at this rank (implies --status top20; one ID only).",
)
@click.option("--strength", metavar="1-5", help="How well you know them (1-5).")
@db_option
def set_(
    contact_ids: tuple[int, ...], status: str | None, rank: int | None, strength: str | None
) -> None:
    """Triage contacts: set their status, Top 20 rank or strength (undo with netui undo)."""
    if status is None and rank is None and strength is None:
        raise click.UsageError("give --status, --rank or --strength")
    if rank is not None and status not in (None, TriageStatus.TOP20.value):
        raise click.UsageError("--rank goes only with --status top20")
    if rank is not None and len(contact_ids) > 1:
        raise click.UsageError("--rank takes a single ID")
    level = read_option("--strength", read_strength, strength) if strength is not None else None
    if strength is not None and level is None:
        raise ValidationError("strength", "give a number from 1 to 5")
    messages: list[str] = []
    with open_services(writing=True) as services:
        try:
            if rank is not None:
                messages.append(services.triage.set_rank(contact_ids[0], rank).message)
            elif status is not None:
                result = services.triage.set_status(contact_ids, TriageStatus(status.lower()))
                messages.append(result.message)
        except Top20FullError as error:
            raise CliError(f"{error}{_room_hint(services)}") from None
        if level is not None:
            messages.append(services.triage.set_strength(contact_ids, level).message)
    for message in messages:
        click.echo(printable(message))


@click.command()
@db_option
def undo() -> None:
    """Undo the last triage decision (status, rank or strength)."""
    with open_services(writing=True) as services:
        result = services.triage.undo()
    click.echo(printable(result.message) if result else "Nothing to undo")


@click.command()
@json_option
@db_option
def top20(as_json: bool) -> None:
    """The Top 20 in rank order, and how many of them you have reached."""
    with open_services(writing=False) as services:
        members = services.contacts.find(StatusFilter.TOP20)
        progress = services.triage.top20_progress()
    if as_json:
        echo_json(
            {
                "size": progress.size,
                "capacity": progress.capacity,
                "reached": progress.reached,
                "goal": progress.goal,
                "contacts": [contact_json(c) for c in members],
            }
        )
        return
    day = today()
    if members:
        rows = [
            [
                str(c.top20_rank or ""),
                str(c.id),
                printable(c.full_name),
                company_title(c.company, c.title),
                time_since(c.last_contacted, c.last_contacted_precision, day),
            ]
            for c in members
        ]
        headers = ("Rank", "ID", "Name", "Company · Title", "Last contact")
        table = terminal_table(headers, rows, flexible=(2, 3), right=(0, 1))
        echo_lines(table)
    else:
        click.echo("The Top 20 is empty: add someone with netui set ID --status top20")
    click.echo(f"{progress.reached} of {progress.capacity} reached (goal {progress.goal})")
