"""``demo``: a new database filled with invented contacts to try netui on."""

from __future__ import annotations

import os

import click

from netui.cli.base import db_option, db_path, given_db, open_services
from netui.config import DB_ENV_VAR


@click.command()
@click.option(
    "--contacts",
    "count",
    type=click.IntRange(1),
    default=1000,
    show_default=True,
    help="How many invented contacts.",
)
@click.option("--seed", type=int, default=7, show_default=True, help="Same seed, same people.")
@db_option
def demo(count: int, seed: int) -> None:
    """Fill a new database with invented contacts to try netui on.

    Needs --db PATH (or $NETUI_DB) and refuses a database that has contacts, so it never
    mixes invented people into real ones.
    """
    if given_db() is None and not os.environ.get(DB_ENV_VAR):
        raise click.UsageError("give --db PATH for the demo database (a new file)")
    from netui.services.demo import fill_demo

    path = db_path()
    with open_services(writing=True) as services:
        summary = fill_demo(services, count, seed)
    click.echo(
        f"Filled {path} with {summary.contacts:,} invented contacts in {summary.seconds:.1f} s: "
        f"{summary.interactions:,} interactions, {summary.top20} in the Top 20, "
        f"{summary.later:,} for later, {summary.skip:,} skipped, {summary.archived:,} archived."
    )
    click.echo(f"Try: netui --db {path}")
