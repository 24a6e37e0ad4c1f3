"""``export``: contacts to a CSV, vCard, JSON backup or calendar (ICS) file."""

from __future__ import annotations

from pathlib import Path

import click

from netui.cli.base import db_option, json_option, open_services
from netui.cli.output import echo_json, printable
from netui.domain.listing import StatusFilter

#: The formats, as the service names them (a test checks they match).
FORMAT_NAMES = ("csv", "vcard", "json", "ics")


def _size(count: int) -> str:
    if count < 1024:
        return f"{count} bytes"
    if count < 1024 * 1024:
        return f"{count / 1024:.0f} KB"
    return f"{count / (1024 * 1024):.1f} MB"


@click.command("export")
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "file_format",
    type=click.Choice(FORMAT_NAMES, case_sensitive=False),
    help="What to write (default: from PATH's ending: .csv, .vcf, .json, .ics).",
)
@click.option(
    "--status",
    type=click.Choice([s.value for s in StatusFilter], case_sensitive=False),
    help="Only contacts with this status (default: all). Not for json: a backup has all.",
)
@click.option("--force", is_flag=True, help="Replace PATH if it exists.")
@json_option
@db_option
def export(
    path: Path, file_format: str | None, status: str | None, force: bool, as_json: bool
) -> None:
    """Export contacts to PATH.

    \b
    csv    every field, for spreadsheets (formulas neutralised, UTF-8 with BOM)
    vcard  names, company, title, emails, phones, LinkedIn, notes, how you
           met and tags, for phone and desktop address books (vCard 3.0)
    json   a complete backup of everything; `netui import` restores it
           into a new database
    ics    follow-ups as all-day calendar events, the overdue ones
           on today

    The file is written all or nothing and readable only by you; an existing PATH is
    replaced only with --force.
    """
    from netui.io.export_files import check_destination
    from netui.services.export import ExportFormat, format_for_path

    check_destination(path, force=force)  # a folder is said to be one, not a name without a format
    chosen = ExportFormat(file_format.lower()) if file_format else format_for_path(path)
    if chosen is None:
        raise click.UsageError(
            f"cannot tell the format from the name {printable(path.name)!r}; add --format "
            f"{'|'.join(FORMAT_NAMES)} (or name the file .csv, .vcf, .json or .ics)"
        )
    wanted = StatusFilter(status.lower()) if status else None
    if chosen is ExportFormat.JSON and wanted not in (None, StatusFilter.ALL):
        raise click.UsageError("--status applies to csv, vcard and ics; a JSON backup has all")
    with open_services(writing=False) as services:
        summary = services.export.export(path, chosen, wanted, force=force)
    if as_json:
        echo_json(
            {
                "path": str(summary.path),
                "format": summary.format.value,
                "contacts": summary.contacts,
                "events": summary.events,
                "interactions": summary.interactions,
                "overdue": summary.overdue,
                "bytes": summary.bytes_written,
            }
        )
        return
    where = printable(str(summary.path))
    size = _size(summary.bytes_written)
    if chosen is ExportFormat.JSON:
        click.echo(
            f"Backed up everything to {where} ({summary.contacts:,} contacts, "
            f"{summary.interactions:,} interactions, {size})."
        )
        click.echo(f"Restore it into a new database with: netui --db NEW.db import {where}")
    else:
        click.echo(f"Exported {summary} to {where} ({chosen.value}, {size}).")
