"""``script``: reconnect scripts from the shell (list, show, render, edit, revisions).

Every command first makes sure netui's built-in scripts are there
(:meth:`~netui.services.scripts.ScriptService.ensure_builtins`). A command that only
reads opens the database as a reader, unless built-ins are due: then, once, as a writer.
Scripts are named by NAME, in any case.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from netui.cli.base import CliError, db_option, json_option, open_services
from netui.cli.output import echo_json, echo_lines, printable
from netui.cli.params import CONTACT_ID, read_option
from netui.cli.script_edit import EditedText, editor_text, read_editor_text
from netui.cli.script_output import (
    REVISION_HEADERS,
    SUMMARY_HEADERS,
    rendered_json,
    rendered_text,
    revision_json,
    revision_rows,
    script_json,
    show_lines,
    summary_json,
    summary_row,
)
from netui.cli.table import terminal_table
from netui.domain.script_inputs import read_script_name, read_script_text
from netui.domain.scripts import ScriptChannel
from netui.errors import NotFoundError, ValidationError

if TYPE_CHECKING:
    from netui.domain.script_types import Script
    from netui.services.context import Services

CHANNELS = click.Choice([channel.value for channel in ScriptChannel], case_sensitive=False)
NEW_SCRIPT_CHANNEL = ScriptChannel.LINKEDIN_MESSAGE


@contextmanager
def script_services(*, writing: bool) -> Iterator[Services]:
    """The services, with the built-in scripts in place."""
    if not writing:
        with open_services(writing=False) as services:
            if not services.scripts.builtins_due():
                yield services
                return
    with open_services(writing=True) as services:
        services.scripts.ensure_builtins()
        yield services


def _quoted(name: str) -> str:
    return f'"{printable(name)}"'


@click.group()
@db_option
def script() -> None:
    """Reconnect scripts: list, show, fill in for a contact, edit."""


@script.command("list")
@json_option
@db_option
def script_list(as_json: bool) -> None:
    """Every script, netui's built-ins first, with how often each was used."""
    with script_services(writing=False) as services:
        summaries = services.scripts.list()
    if as_json:
        echo_json([summary_json(summary) for summary in summaries])
        return
    if not summaries:
        click.echo("No scripts: make one with netui script edit NAME")
        return
    rows = [summary_row(summary) for summary in summaries]
    echo_lines(terminal_table(SUMMARY_HEADERS, rows, flexible=(1,), right=(0, 3, 4)))


@script.command("show")
@click.argument("name")
@json_option
@db_option
def script_show(name: str, as_json: bool) -> None:
    """A script's saved text, its channel and how it has done."""
    with script_services(writing=False) as services:
        found = services.scripts.find(name)
    if as_json:
        echo_json(script_json(found))
    else:
        echo_lines(show_lines(found))


@script.command("render")
@click.argument("name")
@click.option("--contact", "contact_id", metavar="ID", type=CONTACT_ID, required=True)
@json_option
@db_option
def script_render(name: str, contact_id: int, as_json: bool) -> None:
    """A script's saved text filled in for one contact, ready to paste.

    The text goes to standard output; what is missing or too long is said on standard
    error (netui: warning: ...), so the text alone can be piped on.
    """
    with script_services(writing=False) as services:
        found = services.scripts.find(name)
        rendered = services.scripts.render(found.id, contact_id)
    if as_json:
        echo_json(rendered_json(rendered))
        return
    click.echo(rendered_text(rendered))
    for warning in rendered.warnings:
        click.echo(f"netui: warning: {printable(warning)}", err=True)


@script.command("revisions")
@click.argument("name")
@json_option
@db_option
def script_revisions(name: str, as_json: bool) -> None:
    """Every saved text of a script, newest (the one in use) first."""
    with script_services(writing=False) as services:
        found = services.scripts.find(name)
        revisions = services.scripts.revisions(found.id)
    if as_json:
        echo_json([revision_json(revision) for revision in revisions])
        return
    click.echo(f"{_quoted(found.name)}: {len(revisions)} saved, newest first")
    echo_lines(terminal_table(REVISION_HEADERS, revision_rows(revisions), right=(0, 2)))


def _find_or_none(services: Services, name: str) -> Script | None:
    try:
        return services.scripts.find(name)
    except NotFoundError:
        return None


@script.command("edit")
@click.argument("name")
@click.option(
    "--channel",
    type=CHANNELS,
    help=f"How it is sent: changes it, or sets a new script's ({NEW_SCRIPT_CHANNEL} if not given).",
)
@db_option
def script_edit(name: str, channel: str | None) -> None:
    """Edit a script in $VISUAL or $EDITOR and save it as a new revision.

    A NAME no script has makes a new script. For an email the first line is
    "Subject: ...". Text left as it was saves nothing.
    """
    with script_services(writing=True) as services:
        existing = _find_or_none(services, name)
    if existing is None:
        read_option("NAME", read_script_name, name)  # before any typing is asked for
    target = ScriptChannel(channel.lower()) if channel else None
    if existing is None:
        _create(name, target or NEW_SCRIPT_CHANNEL)
    else:
        _edit(existing, target or existing.channel)


def _kept_text(edited: EditedText, error: ValidationError) -> CliError:
    """The service's refusal, naming the file that still holds what was typed."""
    kept = edited.keep()
    return CliError(f"{error.field}: {error.message}; your text is kept in {kept}")


def _create(name: str, channel: ScriptChannel) -> None:
    with EditedText(editor_text(channel, "", "")) as edited:
        subject, body = read_editor_text(channel, edited.edit())
        if not (subject or "").strip() and not body.strip():
            click.echo(f"Nothing written, so no script {_quoted(name)} was made")
            return
        try:
            with open_services(writing=True) as services:
                made = services.scripts.create(name, channel, subject or "", body)
        except ValidationError as error:
            raise _kept_text(edited, error) from None
    click.echo(f"Made {_quoted(made.name)} ({made.channel.label}), revision 1")


def _stored(subject: str, body: str) -> tuple[str, str] | None:
    """The text as saving would store it; None when it is too long (save says why)."""
    try:
        return read_script_text(subject, body)
    except ValueError:
        return None


def _edit(existing: Script, channel: ScriptChannel) -> None:
    """Edit the saved text, or the app's unsaved draft when there is one (nothing typed
    is lost). Text left as it was offered saves nothing, and a draft then stays."""
    start = existing.draft or existing
    if existing.draft is not None:
        click.echo("Starting from the unsaved draft the app kept", err=True)
    with EditedText(editor_text(channel, start.subject, start.body)) as edited:
        subject, body = read_editor_text(channel, edited.edit())
        subject = start.subject if subject is None else subject
        unchanged = _stored(subject, body) == _stored(start.subject, start.body)
        try:
            with open_services(writing=True) as services:
                if channel is not existing.channel:
                    services.scripts.set_channel(existing.id, channel)
                saved = None if unchanged else services.scripts.save(existing.id, subject, body)
        except ValidationError as error:
            raise _kept_text(edited, error) from None
    moved = f", now a {channel.label}" if channel is not existing.channel else ""
    if saved is not None and saved.revision_id != existing.revision_id:
        click.echo(f"Saved {_quoted(saved.name)} as revision {saved.revision_number}{moved}")
        return
    kept = ""
    if existing.draft is not None:
        kept = "; the app's draft is kept" if saved is None else "; the app's draft is dropped"
    click.echo(f"No change to the text of {_quoted(existing.name)}: nothing saved{moved}{kept}")
