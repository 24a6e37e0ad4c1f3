"""``report``: the weekly review, as Markdown or one self-contained HTML file."""

from __future__ import annotations

from pathlib import Path

import click

from netui.cli.base import CliError, db_option, open_services
from netui.cli.output import printable
from netui.errors import ValidationError

FORMAT_NAMES = ("md", "html")
STDOUT = "-"


def _size(count: int) -> str:
    return f"{count:,} bytes" if count < 1024 else f"{count / 1024:,.0f} KB"


@click.command("report")
@click.option(
    "--week",
    "week_text",
    is_flag=False,
    flag_value="this",
    default=None,
    metavar="[DAY]",
    help="The week to review, Monday to Sunday: this one (the default), `last`, or any "
    "day inside it (2026-11-23, `last friday`, `3 weeks ago`).",
)
@click.option(
    "--format",
    "file_format",
    type=click.Choice(FORMAT_NAMES, case_sensitive=False),
    help="md (Markdown) or html (one self-contained file). Default: from --output's "
    "ending (.html, .htm), else md.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, allow_dash=True),
    help="Write the review to this file (replacing it if it is there) instead of printing it.",
)
@db_option
def report(week_text: str | None, file_format: str | None, output: Path | None) -> None:
    """A review of the week to read or send to a coach: time against your goal, people
    reached, outcomes, doors opened, follow-ups coming and who is next.

    The file is written all or nothing and readable only by you. The HTML file has its
    styles and charts inside it, no scripts and no links out, so it can be attached to
    an email as it is.
    """
    from netui.services.report import format_for_path, parse_format

    destination = None if output is None or str(output) == STDOUT else output
    implied = format_for_path(destination) if destination is not None else None
    chosen = parse_format(file_format or implied or "md")
    with open_services(writing=False) as services:
        # The file is checked first: a bad PATH is said at once, before any work.
        target = None if destination is None else services.report.check_output(destination)
        try:
            week = services.report.week(week_text)
        except ValidationError as error:
            raise CliError(f"--week: {error.message}") from None
        text = services.report.render(services.report.week_report(week), chosen)
        if target is None:
            click.echo(text, nl=False)
            return
        written = services.report.write(text, target)
    click.echo(
        f"Wrote the review of {week.label} to {printable(str(written))} "
        f"({chosen.value}, {_size(written.stat().st_size)})."
    )
