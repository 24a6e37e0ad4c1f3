"""``demo`` fills a new database with invented people; ``netui --demo`` opens the app on one.

``netui --demo`` never touches the user's data: the database and the settings file live in
a fresh private temp folder, deleted when the app closes, and ``NETUI_DB`` and
``NETUI_CONFIG`` point into that folder while it runs (set before anything reads settings,
put back afterwards), so nothing can fall back on the user's own files.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from netui.cli.base import db_option, db_path, given_db, open_services
from netui.config import DB_ENV_VAR
from netui.domain.clock import Clock
from netui.settings_file import CONFIG_ENV_VAR

if TYPE_CHECKING:
    from netui.tui.app import NetuiApp

DEMO_APP_CONTACTS = 300
DEMO_APP_SEED = 7
DEMO_TITLE = "netui DEMO"
DEMO_SUB_TITLE = "invented people, nothing is saved"


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
    """Fill a new database with invented contacts and weeks of practice to try netui on.

    Needs --db PATH (or $NETUI_DB) and refuses a database that has contacts, so it never
    mixes invented people into real ones. To look around without a file of your own, run
    netui --demo instead.
    """
    if given_db() is None and not os.environ.get(DB_ENV_VAR):
        raise click.UsageError("give --db PATH for the demo database (a new file)")
    from netui.domain.demo_sessions import DEMO_WEEKS
    from netui.services.demo import fill_demo

    path = db_path()
    with open_services(writing=True) as services:
        summary = fill_demo(services, count, seed)
    click.echo(
        f"Filled {path} with {summary.contacts:,} invented contacts in {summary.seconds:.1f} s: "
        f"{summary.interactions:,} interactions, {summary.top20} in the Top 20, "
        f"{summary.later:,} for later, {summary.skip:,} skipped, {summary.archived:,} archived, "
        f"{summary.sessions} timer sessions over {DEMO_WEEKS} weeks."
    )
    click.echo(f"Try: netui --db {path}")


@contextmanager
def demo_home() -> Iterator[Path]:
    """A private temp folder for the demo, removed afterwards; meanwhile the database and
    settings variables point into it, and then they are put back as they were."""
    saved = {name: os.environ.get(name) for name in (DB_ENV_VAR, CONFIG_ENV_VAR)}
    with tempfile.TemporaryDirectory(prefix="netui-demo-") as folder:
        home = Path(folder)
        os.environ[CONFIG_ENV_VAR] = str(home / "settings.toml")
        os.environ[DB_ENV_VAR] = str(home / "demo.db")
        try:
            yield home
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


def demo_app(home: Path, clock: Clock, command_line: click.Command | None = None) -> NetuiApp:
    """The app on a new demo database in ``home``, saying on screen that it is a demo;
    ``command_line`` is the ``netui`` group, whose commands its help lists."""
    from netui.services.context import open_services as open_database
    from netui.services.demo import fill_demo
    from netui.tui.app import NetuiApp

    path = home / "demo.db"
    services = open_database(path, clock)
    try:
        fill_demo(services, DEMO_APP_CONTACTS, DEMO_APP_SEED)
    finally:
        services.close()
    app = NetuiApp(path, clock, command_line=command_line)
    app.title = DEMO_TITLE
    app.sub_title = DEMO_SUB_TITLE
    return app


def run_demo(clock: Clock, command_line: click.Command | None = None) -> int:
    """``netui --demo``: the app on a throwaway database; returns the app's exit status."""
    with demo_home() as home:
        app = demo_app(home, clock, command_line)
        app.run()
        return app.return_code or 0
