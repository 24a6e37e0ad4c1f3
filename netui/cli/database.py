"""``db``: the database file itself (where it is, whether it is sound, a safe copy)."""

from __future__ import annotations

from pathlib import Path

import click

from netui.cli.base import CliError, clock, db_option, db_path, json_option
from netui.cli.output import echo_json, echo_lines, printable
from netui.cli.table import format_table


@click.group()
@db_option
def db() -> None:
    """The database file: where it is, is it sound, back it up, put a backup back."""


@db.command("path")
@db_option
def db_show_path() -> None:
    """Print the database file this netui uses (--db, else $NETUI_DB, else the default)."""
    click.echo(str(db_path()))


@db.command("check")
@json_option
@db_option
def db_check(as_json: bool) -> None:
    """Check the database file read-only: schema version, contacts, integrity."""
    from netui.services.maintenance import check_database

    report = check_database(db_path())
    if as_json:
        echo_json(
            {
                "path": str(report.path),
                "exists": report.exists,
                "state": report.state,
                "revision": report.revision,
                "head": report.head,
                "contacts": report.contacts,
                "integrity": report.integrity,
            }
        )
        return
    click.echo(f"Database: {report.path}")
    if report.state == "new":
        existing = "is empty" if report.exists else "does not exist yet"
        click.echo(f"State:    new (the file {existing}; netui creates it on first use)")
        return
    state = {
        "current": f"current (schema {report.revision})",
        "outdated": (
            f"outdated (schema {report.revision}; netui upgrades it to {report.head} on next"
            " use, after a backup)"
        ),
    }[report.state]
    click.echo(f"State:    {state}")
    click.echo(f"Contacts: {report.contacts:,}")
    click.echo(f"Integrity: {printable(report.integrity or '')}")
    if report.integrity != "ok":
        raise CliError(
            f"{report.path} is damaged (it failed SQLite's check); put a backup back with "
            "netui db restore (netui db backups lists them)"
        )


@db.command("backup")
@click.argument("dest", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Replace DEST if it exists.")
@db_option
def db_backup(dest: Path, force: bool) -> None:
    """Copy the database to DEST safely, even while the app is open."""
    from netui.services.maintenance import backup_database

    copy = backup_database(db_path(), dest, clock(), force=force)
    click.echo(f"Backed up {db_path()} to {copy}")


def _size(count: int) -> str:
    return f"{count / 1024:,.0f} KB" if count < 1024 * 1024 else f"{count / 1024**2:,.1f} MB"


@db.command("backups")
@json_option
@db_option
def db_backups(as_json: bool) -> None:
    """List the daily backups netui keeps beside the database (one a day, the last 7).

    A backup is made when the app or a command that writes first opens the database on a
    day; put one back with netui db restore.
    """
    from netui.services.safekeeping import KEEP, backups_folder, daily_backups

    path = db_path()
    found = daily_backups(path)
    if as_json:
        echo_json(
            [
                {
                    "path": str(b.path),
                    "day": b.day.isoformat(),
                    "bytes": b.size,
                    "contacts": b.contacts,
                }
                for b in found
            ]
        )
        return
    folder = printable(str(backups_folder(path)))
    if not found:
        click.echo(f"No backups yet in {folder}: netui makes one a day when it writes.")
        return
    rows = [
        [
            b.day.isoformat(),
            "unreadable" if b.contacts is None else f"{b.contacts:,}",
            _size(b.size),
            printable(str(b.path)),
        ]
        for b in found
    ]
    headers = ("Day", "Contacts", "Size", "Backup")
    echo_lines(format_table(headers, rows, right=(1, 2)))  # paths whole, to copy
    click.echo(
        f"Newest first; the last {KEEP} days are kept. Put one back with: netui db restore BACKUP"
    )


@db.command("restore")
@click.argument("backup", type=click.Path(path_type=Path))
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@db_option
def db_restore(backup: Path, yes: bool) -> None:
    """Put BACKUP back in place of the database; the file there now is kept beside it.

    BACKUP must be a sound netui database (see netui db backups). It is refused while
    another netui has the database open: close the app first.
    """
    from netui.services.restore import plan_restore, restore_database

    path = db_path()
    plan = plan_restore(path, backup, clock())
    if not yes:
        now = "no file" if plan.kept is None else _count(plan.current_contacts)
        click.echo(f"Put back: {printable(str(backup))} ({_count(plan.backup_contacts)})")
        click.echo(f"Over:     {printable(str(path))} ({now})")
        if plan.kept is not None:
            click.echo(f"Keeping the file there now as {printable(str(plan.kept))}")
        if not click.confirm("Restore?", default=False):
            raise CliError("nothing restored")
    done = restore_database(path, backup, clock())
    click.echo(
        f"Restored {printable(str(backup))} to {printable(str(path))} "
        f"({_count(done.backup_contacts)})"
    )
    if done.kept is not None:
        click.echo(f"The file that was there is kept as {printable(str(done.kept))}")


def _count(contacts: int | None) -> str:
    if contacts is None:
        return "unreadable"
    return f"{contacts:,} contact{'' if contacts == 1 else 's'}"
