"""The ``netui`` group: the app with no subcommand, the scriptable subcommands otherwise.

Each command lives in its own module as a plain ``@click.command()`` (or group), named in
:data:`COMMANDS`; a module is imported only when its command runs (or help lists it), so
a command pays for no other's imports. Adding one is a new module plus one line there.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator, MutableMapping

import click

from netui import __version__
from netui.cli.base import CliContext, NetuiGroup, clock, db_option, db_path, given_db
from netui.domain.clock import system_clock

#: Every subcommand: its name, and where it is defined (``module:attribute``).
COMMANDS = {
    "add": "netui.cli.contacts:add",
    "edit": "netui.cli.contacts:edit",
    "contacts": "netui.cli.contacts:contacts",
    "show": "netui.cli.contacts:show",
    "set": "netui.cli.triage:set_",
    "undo": "netui.cli.triage:undo",
    "top20": "netui.cli.triage:top20",
    "log": "netui.cli.interactions:log",
    "settings": "netui.cli.settings:settings",
    "config": "netui.cli.config:config",
    "db": "netui.cli.database:db",
    "demo": "netui.cli.demo:demo",
    "export": "netui.cli.exporting:export",
    "import": "netui.cli.importing:import_",
    "dupes": "netui.cli.importing:dupes",
    "merge": "netui.cli.importing:merge",
    "script": "netui.cli.scripts:script",
    "profile": "netui.cli.profile:profile",
    "timer": "netui.cli.timer:timer",
    "today": "netui.cli.today:today",
    "audit": "netui.cli.audit:audit",
    "stats": "netui.cli.stats:stats",
    "report": "netui.cli.report:report",
    "serve": "netui.cli.serve:serve",
}


class LazyCommands(MutableMapping[str, click.Command]):
    """The group's commands by name, each imported from its module on first use."""

    def __init__(self, where: dict[str, str]) -> None:
        self._where = dict(where)
        self._loaded: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        if name not in self._loaded:
            module, _, attribute = self._where[name].partition(":")
            command = getattr(importlib.import_module(module), attribute)
            if not isinstance(command, click.Command):
                raise TypeError(f"{self._where[name]} is not a click command")
            self._loaded[name] = command
        return self._loaded[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._where.pop(name, None)
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        if name not in self._where and name not in self._loaded:
            raise KeyError(name)
        self._where.pop(name, None)
        self._loaded.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter({**self._where, **self._loaded})

    def __len__(self) -> int:
        return len({**self._where, **self._loaded})

    def __contains__(self, name: object) -> bool:
        return name in self._where or name in self._loaded


@click.group(
    "netui",
    cls=NetuiGroup,
    commands=LazyCommands(COMMANDS),
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, "--version", prog_name="netui", message="%(prog)s %(version)s")
@db_option
@click.option(
    "--demo",
    is_flag=True,
    help="Open the app on invented people in a throwaway database (your data is not touched).",
)
@click.pass_context
def cli(ctx: click.Context, demo: bool) -> None:
    """Get back in touch with the people who can help.

    With no command, opens the app. The commands below do the same things from a shell
    or a script; most take --json.
    """
    if ctx.obj is None:
        ctx.obj = CliContext(clock=system_clock)  # tests invoke the group with a fake one
    if demo:
        if ctx.invoked_subcommand is not None or given_db() is not None:
            raise click.UsageError("--demo opens the app on its own database: give it alone")
        from netui.cli.demo import run_demo

        sys.exit(run_demo(clock(), ctx.command))  # help lists the commands, as below
    if ctx.invoked_subcommand is not None:
        from netui.cli.config import warn_about_settings

        warn_about_settings(ctx)  # the app shows them in a toast instead
        return
    path = db_path()
    from netui.services.maintenance import ensure_openable

    ensure_openable(path)  # refuse a foreign or too-new file before the screen changes
    from netui.tui.loading import WRITE_WAIT_MS, Opening

    now = clock()
    opening = Opening(path, now, WRITE_WAIT_MS)  # the first rows, while the app's modules load
    opening.hold_collections()  # nor a collection in the middle of loading them
    from netui.tui.app import NetuiApp

    app = NetuiApp(path, now, command_line=ctx.command, opening=opening)  # help lists commands
    app.run()
    if app.return_code:
        sys.exit(app.return_code)  # the app printed why as it closed
