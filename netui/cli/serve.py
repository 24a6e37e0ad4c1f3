"""``serve``: the app in a web browser on this computer, one netui per tab, no password."""

from __future__ import annotations

import click

from netui.cli.base import db_option, db_path
from netui.cli.output import printable

DEFAULT_PORT = 8000
DEFAULT_HOST = "127.0.0.1"


@click.command()
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=DEFAULT_PORT,
    show_default=True,
    help="The port to listen on.",
)
@click.option(
    "--host",
    default=DEFAULT_HOST,
    show_default=True,
    help="A loopback address to listen on (127.0.0.1, ::1 or localhost); others are refused.",
)
@db_option
def serve(port: int, host: str) -> None:
    """Open netui in a web browser on this computer.

    Serves the app at http://127.0.0.1:PORT/: each browser tab runs its own netui on the
    same database, and they agree with each other and with netui in a terminal.

    There is no authentication: anyone who can reach the port can use netui and read your
    contacts. So it listens on this computer only (a loopback address) and is not for
    sharing on a network. Ctrl+C stops it and closes every tab's netui.
    """
    from netui import serve as serving
    from netui.services.maintenance import ensure_openable

    listen_on = serving.loopback_host(host)
    serving.check_port(listen_on, port)  # both before the database is touched
    path = db_path().absolute()
    ensure_openable(path)  # refuse a foreign or too-new file here, not in every tab

    def ready(url: str) -> None:
        click.echo(f"netui is serving {printable(str(path))} at {url}")
        click.echo("This computer only, no password. Press Ctrl+C to stop.")

    serving.serve(path, host=listen_on, port=port, on_ready=ready)
    click.echo("netui serve stopped.")
