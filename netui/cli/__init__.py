"""The ``netui`` command: the app with no subcommand, scriptable subcommands otherwise.

Every subcommand goes through :mod:`netui.services`. Problems a user can fix become one line
on stderr (``netui: error: ...``) and exit status 1; usage mistakes exit 2 (click); nothing
prints a traceback unless ``NETUI_DEBUG=1`` is set.

Heavy imports (SQLAlchemy through the services, Textual for the app) happen inside the
commands that need them, so ``netui --help`` and start-up stay quick.

Each command lives in its own module as a plain ``@click.command()`` (or group); adding one
is a new module plus one ``cli.add_command(...)`` line below.
"""

from __future__ import annotations

import sys

import click

from netui import __version__
from netui.cli.audit import audit
from netui.cli.base import CliContext, NetuiGroup, clock, db_option, db_path
from netui.cli.contacts import add, contacts, edit, show
from netui.cli.database import db
from netui.cli.demo import demo
from netui.cli.exporting import export
from netui.cli.importing import dupes, import_, merge
from netui.cli.interactions import log
from netui.cli.output import CONTACT_KEYS, LIST_HEADERS, printable
from netui.cli.profile import profile
from netui.cli.scripts import script
from netui.cli.settings import settings
from netui.cli.table import format_table
from netui.cli.timer import timer
from netui.cli.today import today
from netui.cli.triage import set_, top20, undo
from netui.domain.clock import system_clock

__all__ = [
    "CONTACT_KEYS",
    "LIST_HEADERS",
    "cli",
    "format_table",
    "main",
    "printable",
]


@click.group(
    "netui",
    cls=NetuiGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, "--version", prog_name="netui", message="%(prog)s %(version)s")
@db_option
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Get back in touch with the people who can help.

    With no command, opens the app. The commands below do the same things from a shell
    or a script; most take --json.
    """
    if ctx.obj is None:
        ctx.obj = CliContext(clock=system_clock)  # tests invoke the group with a fake one
    if ctx.invoked_subcommand is not None:
        return
    path = db_path()
    from netui.services.maintenance import ensure_openable

    ensure_openable(path)  # refuse a foreign or too-new file before the screen changes
    from netui.tui.app import NetuiApp

    app = NetuiApp(path, clock())
    app.run()
    if app.return_code:
        sys.exit(app.return_code)  # the app printed why as it closed


cli.add_command(add)
cli.add_command(edit)
cli.add_command(contacts)
cli.add_command(show)
cli.add_command(set_)
cli.add_command(undo)
cli.add_command(top20)
cli.add_command(log)
cli.add_command(settings)
cli.add_command(db)
cli.add_command(demo)
cli.add_command(export)
cli.add_command(import_)
cli.add_command(dupes)
cli.add_command(merge)
cli.add_command(script)
cli.add_command(profile)
cli.add_command(timer)
cli.add_command(today)
cli.add_command(audit)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="netui")
