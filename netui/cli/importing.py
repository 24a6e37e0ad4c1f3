"""``import``, ``dupes`` and ``merge``: bring contacts in from files, then tidy up duplicates."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from netui.cli.base import CliError, db_option, json_option, open_services
from netui.cli.output import contact_json, echo_json, echo_lines, printable
from netui.cli.params import BATCH_ID, CONTACT_ID
from netui.cli.table import terminal_table

if TYPE_CHECKING:
    from netui.domain.types import Contact
    from netui.services.importer import ImportBatchInfo, ImportSummary, UndoSummary

FILE_FORMATS = ("auto", "linkedin", "google", "outlook", "csv", "vcard", "json")
#: How many job changes, possible duplicates, problems and warnings the text lists.
SHOWN = 50


def _mapping(values: Sequence[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for value in values:
        column, sep, field = value.rpartition("=")
        if not sep or not column.strip() or not field.strip():
            raise click.UsageError(f'--map takes COLUMN=FIELD, e.g. "Nom=last_name", not {value!r}')
        mapping[column.strip()] = field.strip()
    return mapping


def _is_backup(path: Path, file_format: str) -> bool:
    """Whether to restore ``path`` as a netui JSON backup rather than read it as contacts."""
    if file_format == "json":
        return True
    if file_format != "auto":
        return False
    if path.suffix.lower() == ".json":
        return True
    try:
        with path.open("rb") as handle:
            start = handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return False
    return start[:1] == b"{"


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _more(lines: list[str], total: int, shown: int) -> None:
    if total > shown:
        lines.append(f"  … and {total - shown:,} more (--json lists them all)")


def _job(company: str, title: str) -> str:
    return " at ".join(printable(p) for p in (title, company) if p) or "-"


def summary_json(summary: ImportSummary) -> dict[str, Any]:
    """An import summary as stable JSON."""
    return {
        "batch_id": summary.batch_id,
        "dry_run": summary.dry_run,
        "path": str(summary.path),
        "format": summary.format,
        "rows": summary.rows,
        "added": summary.added,
        "updated": summary.updated,
        "unchanged": summary.unchanged,
        "in_file_duplicates": summary.in_file_duplicates,
        "skipped_blank": summary.skipped_blank,
        "job_changes": [
            {
                "contact_id": j.contact_id,
                "full_name": j.full_name,
                "old_company": j.old_company,
                "old_title": j.old_title,
                "new_company": j.new_company,
                "new_title": j.new_title,
            }
            for j in summary.changed_jobs
        ],
        "possible_duplicates": [
            {
                "row": d.row_number,
                "name": d.name,
                "new_contact_id": d.new_contact_id,
                "contact_id": d.contact_id,
                "contact_name": d.contact_name,
            }
            for d in summary.duplicates
        ],
        "problems": [{"row": p.row_number, "reason": p.reason} for p in summary.problems],
        "warnings": [{"row": w.row_number, "reason": w.reason} for w in summary.warnings],
        "warning_count": summary.warning_count,
    }


def summary_lines(summary: ImportSummary) -> list[str]:
    """An import summary in words: counts, job changes, possible duplicates, problems."""
    name = printable(summary.path.name)
    rows = _plural(summary.rows, "row")
    if summary.dry_run:
        lines = [f"Dry run of {name} ({summary.format}, {rows}): nothing was written."]
    else:
        lines = [f"Imported {name} ({summary.format}, {rows}) as import #{summary.batch_id}."]
    have = "has" if summary.job_changes == 1 else "have"
    counts = [
        ("added", summary.added, "new contacts"),
        ("updated", summary.updated, "contacts you had, with new details"),
        ("unchanged", summary.unchanged, "contacts you had already"),
        ("merged", summary.in_file_duplicates, "rows naming someone an earlier row named"),
        ("skipped", summary.skipped_blank, "blank rows"),
        ("problems", len(summary.problems), "rows not imported (listed below)"),
    ]
    for label, count, what in counts:
        if count or label in ("added", "updated", "unchanged"):
            lines.append(f"  {label:<10}{count:>8,}  {what}")
    if summary.changed_jobs:
        lines.append("")
        lines.append(
            f"{_plural(summary.job_changes, 'contact')} {have} changed jobs "
            "(a reason to get in touch; marked ↗ in the list):"
        )
        for job in summary.changed_jobs[:SHOWN]:
            lines.append(
                f"  #{job.contact_id} {printable(job.full_name)}: "
                f"{_job(job.old_company, job.old_title)} → {_job(job.new_company, job.new_title)}"
            )
        _more(lines, len(summary.changed_jobs), SHOWN)
    if summary.duplicates:
        lines.append("")
        lines.append(
            "Possible duplicates (added, but named like someone you have; review with netui dupes):"
        )
        for dupe in summary.duplicates[:SHOWN]:
            new = f" (#{dupe.new_contact_id})" if dupe.new_contact_id else ""
            lines.append(
                f"  row {dupe.row_number:,} {printable(dupe.name)}{new} looks like "
                f"#{dupe.contact_id} {printable(dupe.contact_name)}"
            )
        _more(lines, len(summary.duplicates), SHOWN)
    if summary.problems:
        lines.append("")
        lines.append("Problems (these rows were not imported; the others were):")
        for problem in summary.problems[:SHOWN]:
            lines.append(f"  row {problem.row_number:,}: {printable(problem.reason)}")
        _more(lines, len(summary.problems), SHOWN)
    if summary.warning_count:
        lines.append("")
        lines.append(f"Warnings ({summary.warning_count:,}; those rows were imported):")
        for warning in summary.warnings[:10]:
            lines.append(f"  row {warning.row_number:,}: {printable(warning.reason)}")
        _more(lines, summary.warning_count, min(10, len(summary.warnings)))
    lines.append("")
    if summary.dry_run:
        lines.append("Run it again without --dry-run to import.")
    elif summary.added or summary.updated:
        lines.append(f"Undo this whole import with: netui import --undo {summary.batch_id}")
    else:
        lines.append("Nothing changed: everyone in the file was already here.")
    return lines


def _undo_json(result: UndoSummary) -> dict[str, Any]:
    return {
        "batch_id": result.batch_id,
        "removed": result.removed,
        "kept": result.kept,
        "kept_with_interactions": result.kept_with_interactions,
        "kept_triaged": result.kept_triaged,
        "kept_edited": result.kept_edited,
        "reverted_contacts": result.reverted_contacts,
        "reverted_fields": result.reverted_fields,
        "fields_edited_since": result.fields_edited_since,
    }


def _batch_json(batch: ImportBatchInfo) -> dict[str, Any]:
    return {
        "id": batch.id,
        "source_path": batch.source_path,
        "format": batch.format,
        "created_at": batch.created_at.isoformat(),
        "added": batch.added,
        "updated": batch.updated,
        "unchanged": batch.unchanged,
        "skipped": batch.skipped,
        "problems": batch.problems,
        "job_changes": batch.job_changes,
        "undone_at": batch.undone_at.isoformat() if batch.undone_at else None,
    }


def _list_batches(as_json: bool) -> None:
    with open_services(writing=False) as services:
        batches = services.imports.batches()
    if as_json:
        echo_json([_batch_json(b) for b in batches])
        return
    if not batches:
        click.echo("No imports yet: netui import FILE brings contacts in.")
        return
    rows = [
        [
            str(b.id),
            b.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            b.format,
            printable(Path(b.source_path).name),
            f"{b.added:,}",
            f"{b.updated:,}",
            f"{b.unchanged:,}",
            f"{b.problems:,}",
            b.undone_at.astimezone().strftime("undone %Y-%m-%d") if b.undone_at else "",
        ]
        for b in batches
    ]
    headers = ("ID", "When", "Format", "File", "Added", "Updated", "Same", "Problems", "")
    echo_lines(terminal_table(headers, rows, flexible=(3,), right=(0, 4, 5, 6, 7)))


def _restore_backup(path: Path, as_json: bool) -> None:
    with open_services(writing=True) as services:
        restored = services.backup.restore(path)
    if as_json:
        echo_json(
            {
                "restored": str(restored.path),
                "schema": restored.schema,
                "tables": dict(restored.tables),
            }
        )
    else:
        click.echo(f"Restored the backup {printable(path.name)}: {printable(str(restored))}")


@click.command("import")
@click.argument("path", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--format",
    "file_format",
    type=click.Choice(FILE_FORMATS, case_sensitive=False),
    default="auto",
    show_default=True,
    help="What the file is (json: a netui backup, restored into an empty database).",
)
@click.option(
    "--map",
    "mappings",
    multiple=True,
    metavar="COLUMN=FIELD",
    help='Read a CSV column as a field, e.g. --map "Nom=last_name" (repeatable; '
    "field ignore drops a column).",
)
@click.option("--dry-run", is_flag=True, help="Report what the import would do; write nothing.")
@click.option("--undo", "undo_batch", type=BATCH_ID, metavar="BATCH", help="Undo a whole import.")
@click.option("--list", "list_batches", is_flag=True, help="List past imports.")
@json_option
@db_option
def import_(
    path: Path | None,
    file_format: str,
    mappings: tuple[str, ...],
    dry_run: bool,
    undo_batch: int | None,
    list_batches: bool,
    as_json: bool,
) -> None:
    """Import contacts from PATH: a LinkedIn, Google or Outlook export, any CSV, or vCards.

    People already here are matched (email, LinkedIn profile, phone, then name and
    company) and updated, never duplicated; a new company or title is flagged as a job
    change, and what you wrote yourself (notes, how you met, strength, status) is kept.
    Rows that cannot be imported are listed with their row numbers; the rest go in, all
    in one transaction. Undo a whole import with --undo BATCH (see --list).
    """
    chosen = [name for name, given in (("PATH", path), ("--undo", undo_batch)) if given]
    if list_batches:
        chosen.append("--list")
    if len(chosen) != 1:
        raise click.UsageError(
            "give a file to import, --undo BATCH or --list"
            if not chosen
            else f"{' and '.join(chosen)} cannot be combined"
        )
    if (dry_run or mappings or file_format != "auto") and path is None:
        raise click.UsageError("--dry-run, --map and --format go with a file to import")
    if list_batches:
        _list_batches(as_json)
        return
    if undo_batch is not None:
        with open_services(writing=True) as services:
            result = services.imports.undo(undo_batch)
        if as_json:
            echo_json(_undo_json(result))
        else:
            click.echo(f"Undid import #{undo_batch}: {result.message}")
        return
    assert path is not None
    file_format = file_format.lower()
    if _is_backup(path, file_format):
        if mappings or dry_run:
            raise click.UsageError("--map and --dry-run do not apply to a netui JSON backup")
        _restore_backup(path, as_json)
        return
    mapping = _mapping(mappings)
    from netui.io import ImportFileError, sniff

    try:  # an unusable file is refused before the database is even opened
        sniff(path, file_format, mapping)
    except ImportFileError as error:
        raise CliError(str(error)) from None
    with open_services(writing=True) as services:
        summary = services.imports.run(path, file_format, mapping or None, dry_run=dry_run)
    if as_json:
        echo_json(summary_json(summary))
    else:
        echo_lines(summary_lines(summary))


def _side(contact: Contact) -> str:
    details = " · ".join(printable(p) for p in (contact.company, contact.title) if p)
    return f"#{contact.id} {printable(contact.full_name)}" + (f" ({details})" if details else "")


@click.command()
@json_option
@db_option
def dupes(as_json: bool) -> None:
    """List contacts that look like one person twice (merge them with netui merge)."""
    with open_services(writing=False) as services:
        pairs = services.merge.find_duplicates()
    if as_json:
        echo_json(
            [
                {
                    "first": contact_json(p.first),
                    "second": contact_json(p.second),
                    "reason": p.reason,
                }
                for p in pairs
            ]
        )
        return
    if not pairs:
        click.echo("No likely duplicates.")
        return
    for pair in pairs:
        click.echo(f"{_side(pair.first)}  ⇄  {_side(pair.second)}  ({pair.reason})")
    click.echo("")
    click.echo(
        f"{_plural(len(pairs), 'pair')}. Merge one into another with: netui merge KEEP OTHER"
    )


@click.command()
@click.argument("keep_id", metavar="KEEP", type=CONTACT_ID)
@click.argument("other_id", metavar="OTHER", type=CONTACT_ID)
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@json_option
@db_option
def merge(keep_id: int, other_id: int, yes: bool, as_json: bool) -> None:
    """Merge contact OTHER into KEEP, then delete OTHER.

    Every call and message, email, phone, tag and note of both is kept; KEEP's empty
    fields are filled from OTHER, and the better triage status (and Top 20 rank) stays.
    """
    with open_services(writing=True) as services:
        if not yes:
            keep, other = services.contacts.get_many([keep_id, other_id])
            click.echo(f"Keep:  {_side(keep)}")
            click.echo(f"Merge: {_side(other)}  (then deleted)")
            if not click.confirm("Merge them?", default=False):
                raise CliError("nothing merged")
        merged = services.merge.merge(keep_id, other_id)
    if as_json:
        echo_json(contact_json(merged))
    else:
        click.echo(f"Merged #{other_id} into {_side(merged)}")
