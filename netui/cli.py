"""The ``netui`` command: the app with no subcommand, scriptable subcommands otherwise.

Every subcommand goes through :mod:`netui.services`. Problems a user can fix become one line
on stderr (``netui: error: ...``) and exit status 1; usage mistakes exit 2 (click); nothing
prints a traceback unless ``NETUI_DEBUG=1`` is set.

Heavy imports (SQLAlchemy through the services, Textual for the app) happen inside the
commands that need them, so ``netui --help`` and start-up stay quick.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from netui import __version__
from netui.config import DB_ENV_VAR, resolve_db_path
from netui.domain.cadence import Cadence, CadenceError, days_overdue, next_due, parse_cadence
from netui.domain.dates import DateParseError, format_loose_date, parse_loose_date, time_since
from netui.domain.listing import SortKey, StatusFilter, filter_rows, order_rows
from netui.domain.types import (
    TOP20_SIZE,
    Channel,
    Contact,
    ContactDraft,
    ContactRow,
    DatePrecision,
    Interaction,
    LooseDate,
    Outcome,
    TriageStatus,
)
from netui.domain.validation import parse_strength, split_list, split_name
from netui.errors import NetuiError, Top20FullError, ValidationError
from netui.services.clock import Clock, local_today, system_clock

if TYPE_CHECKING:
    from netui.services.context import Services

__all__ = ["CLOCK", "CONTACT_KEYS", "cli", "format_table", "main", "printable"]

DEBUG_ENV_VAR = "NETUI_DEBUG"
CLOCK: Clock = system_clock
"""The time every command works from; tests replace it."""

CONTACT_KEYS = (
    "id",
    "full_name",
    "first_name",
    "last_name",
    "company",
    "title",
    "emails",
    "phones",
    "linkedin_url",
    "how_we_met",
    "notes",
    "tags",
    "strength",
    "status",
    "top20_rank",
    "last_contacted",
    "last_contacted_precision",
    "next_follow_up",
)

# Which option to name when a service rejects a field.
FIELD_OPTIONS = {
    "name": "NAME",
    "email": "--email",
    "strength": "--strength",
    "cadence": "--cadence",
    "company": "--company",
    "title": "--title",
    "linkedin_url": "--linkedin",
    "how_we_met": "--met",
    "notes": "--notes",
    "note": "--note",
    "when": "--when",
    "follow-up": "--follow-up",
    "rank": "--rank",
    "contacts": "--contacts",
}

F = TypeVar("F", bound=Callable[..., Any])


# --- safe text ----------------------------------------------------------------------------

_CONTROLS = [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]
_BIDI = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
_DROPPED: dict[int, str | None] = dict.fromkeys((*_CONTROLS, *_BIDI))
_MULTI_LINE = _DROPPED | {0x0A: "\n", 0x09: "    "}
_ONE_LINE = _DROPPED | dict.fromkeys((0x09, 0x0A, 0x0D, 0x2028, 0x2029), " ")


def printable(text: str, *, multi_line: bool = False) -> str:
    """User text made safe for a terminal: no ESC or other control characters.

    Control characters (C0, DEL, C1) and bidirectional overrides are dropped, so a hostile
    name cannot move the cursor, recolour the screen or reorder what follows it. Everything
    else, markup-looking brackets included, is kept as typed. Line breaks and tabs become
    spaces unless ``multi_line`` (then tabs become four spaces and line breaks stay).
    """
    return text.translate(_MULTI_LINE if multi_line else _ONE_LINE)


_ASCII = dict.fromkeys(range(128))
_CHAR_WIDTHS: dict[str, int] = {}


def _char_width(char: str) -> int:
    width = _CHAR_WIDTHS.get(char)
    if width is None:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            width = 0
        elif unicodedata.east_asian_width(char) in ("W", "F"):
            width = 2
        else:
            width = 1
        _CHAR_WIDTHS[char] = width
    return width


def _cell_width(text: str) -> int:
    """Terminal columns a one-line string takes (wide East Asian characters take two)."""
    if text.isascii():
        return len(text)
    others = text.translate(_ASCII)
    return len(text) - len(others) + sum(map(_char_width, others))


def _truncate(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` columns, ending in an ellipsis."""
    kept: list[str] = []
    used = 0
    for char in text:
        char_width = _char_width(char)
        if used + char_width > width - 1:
            break
        kept.append(char)
        used += char_width
    return "".join(kept) + "…"


def format_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    width: int | None = None,
    flexible: Sequence[int] = (),
    right: Sequence[int] = (),
) -> list[str]:
    """Space-aligned columns (never tabs), one string per line, header first.

    With ``width``, the ``flexible`` columns are shortened (with an ellipsis) until every
    line fits in ``width`` columns; without it every cell is shown whole.
    """
    gap = "  "
    table = [list(headers), *rows]
    cell_widths = [[_cell_width(cell) for cell in cells] for cells in table]
    natural = [max(column) for column in zip(*cell_widths, strict=True)]
    widths = list(natural)
    if width is not None and sum(natural) + len(gap) * (len(headers) - 1) > width:
        fixed = sum(w for i, w in enumerate(natural) if i not in flexible)
        room = max(width - fixed - len(gap) * (len(headers) - 1), 4 * len(flexible))
        # Fair shares: narrow columns keep their natural width, wide ones split the rest.
        pending = sorted(flexible, key=lambda i: natural[i])
        while pending:
            share = room // len(pending)
            column = pending.pop(0)
            widths[column] = max(min(natural[column], share), 4)
            room -= widths[column]
    aligned_right = set(right)
    lines = []
    for cells, sizes in zip(table, cell_widths, strict=True):
        parts = []
        for i, (cell, size) in enumerate(zip(cells, sizes, strict=True)):
            if size > widths[i]:
                cell = _truncate(cell, widths[i])
                size = _cell_width(cell)
            padding = " " * (widths[i] - size)
            parts.append(padding + cell if i in aligned_right else cell + padding)
        lines.append(gap.join(parts).rstrip())
    return lines


def _terminal_width() -> int | None:
    """The terminal's width when stdout is one; None (no truncation) when piped."""
    if not sys.stdout.isatty():
        return None
    return max(shutil.get_terminal_size((80, 24)).columns, 40)


# --- errors -------------------------------------------------------------------------------


class CliError(click.ClickException):
    """A one-line message on stderr and exit status 1."""

    exit_code = 1

    def __init__(self, message: str, kind: str = "error") -> None:
        super().__init__(message)
        self.kind = kind

    def show(self, file: Any = None) -> None:
        click.echo(f"netui: {self.kind}: {printable(self.message)}", err=True)


def _option_message(error: ValidationError) -> str:
    return f"{FIELD_OPTIONS.get(error.field, error.field)}: {error.message}"


def _debugging() -> bool:
    return os.environ.get(DEBUG_ENV_VAR, "") not in ("", "0")


class NetuiGroup(click.Group):
    """The top-level group: turns every error from any subcommand into one line."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, BrokenPipeError):
            raise
        except ValidationError as error:
            raise CliError(_option_message(error)) from None
        except NetuiError as error:
            raise CliError(str(error)) from None
        except OSError as error:
            if _debugging():
                raise
            where = f": {error.filename}" if error.filename else ""
            raise CliError(f"{error.strerror or error}{where}") from None
        except Exception as error:
            if _debugging():
                raise
            raise CliError(
                f"{type(error).__name__}: {error} (run with {DEBUG_ENV_VAR}=1 for details)",
                kind="internal error",
            ) from None


# --- shared options and helpers -----------------------------------------------------------

_DB_KEY = "netui.db"


def _remember_db(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    """``--db`` works before or after the subcommand; the later one wins."""
    if value is not None:
        ctx.find_root().meta[_DB_KEY] = value


def db_option(func: F) -> F:
    option = click.option(
        "--db",
        type=click.Path(path_type=Path),
        metavar="PATH",
        expose_value=False,
        callback=_remember_db,
        help=f"Database file (default: ${DB_ENV_VAR}, else your user data folder).",
    )
    return option(func)


def json_option(func: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(func)


def _given_db() -> Path | None:
    return click.get_current_context().find_root().meta.get(_DB_KEY)


def _db_path() -> Path:
    return resolve_db_path(_given_db())


def _today() -> date:
    return local_today(CLOCK)


@contextmanager
def _services() -> Iterator[Services]:
    from netui.services.context import open_services

    services = open_services(_db_path(), CLOCK)
    try:
        yield services
    finally:
        services.close()


def _echo_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


def _echo_lines(lines: Sequence[str]) -> None:
    if lines:
        click.echo("\n".join(lines))


class ContactIdType(click.ParamType[int, Any]):
    """A contact id as shown in lists: ``12`` or ``#12``."""

    name = "ID"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip().removeprefix("#")
        if not text.isdigit() or int(text) < 1:
            self.fail(f"{value!r} is not a contact id (a number such as 12)", param, ctx)
        return int(text)


class OutcomeType(click.ParamType[Outcome, Any]):
    """An outcome, spelled with underscores, dashes or spaces (``left message``)."""

    name = "OUTCOME"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Outcome:
        if isinstance(value, Outcome):
            return value
        key = "_".join(re.split(r"[\s_-]+", str(value).strip().lower()))
        try:
            return Outcome(key)
        except ValueError:
            choices = ", ".join(o.value for o in Outcome)
            self.fail(f"{value!r} is not an outcome; choose one of {choices}", param, ctx)

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return "[" + "|".join(o.value for o in Outcome) + "]"


CONTACT_ID = ContactIdType()


def _loose_date(option: str, text: str) -> LooseDate | None:
    """A loosely typed date for ``option``; blank, ``never`` or ``none`` mean no date."""
    if text.strip().lower() in ("", "never", "none"):
        return None
    try:
        return parse_loose_date(text, _today())
    except DateParseError as error:
        raise ValidationError(option, str(error)) from None


def _day(option: str, text: str) -> date | None:
    loose = _loose_date(option, text)
    return loose.value if loose else None


_TIME_AT_END = re.compile(
    r"(?:^|\s+|(?<=\d)T)(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?$", re.IGNORECASE
)
_CLOCK_AT_END = re.compile(r"(?:^|\s+|(?<=\d)T)(?:at\s+)?(\d{1,2}):(\d{2})()$", re.IGNORECASE)


def _split_time(text: str) -> tuple[str, time | None]:
    """Split ``yesterday 14:30`` or ``2024-03-04 3pm`` into the date text and the time."""
    match = _CLOCK_AT_END.search(text) or _TIME_AT_END.search(text)
    if match is None:
        return text, None
    hour, minute, half = int(match[1]), int(match[2] or 0), (match[3] or "").lower()
    if half:
        if not 1 <= hour <= 12:
            raise ValidationError("when", f'"{match[0].strip()}" is not a time')
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        raise ValidationError("when", f'"{match[0].strip()}" is not a time')
    return text[: match.start()].strip() or "today", time(hour, minute)


def _when(text: str | None) -> datetime | None:
    """When an interaction happened, in the user's time zone; None means now.

    A day without a time is taken as noon that day (now, if the day is today).
    """
    if text is None or text.strip().lower() in ("", "now"):
        return None
    date_text, at = _split_time(text.strip())
    try:
        loose = parse_loose_date(date_text, _today())
    except DateParseError as error:
        raise ValidationError("when", str(error)) from None
    if loose.precision is not DatePrecision.DAY:
        raise ValidationError(
            "when", f'"{date_text}" is not a single day; try yesterday, last friday or 2024-03-04'
        )
    if at is None:
        if loose.value == _today():
            return None
        at = time(12, 0)
    return datetime.combine(loose.value, at).astimezone()


# --- JSON shapes --------------------------------------------------------------------------


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def contact_json(contact: Contact) -> dict[str, Any]:
    """A contact as JSON, with exactly CONTACT_KEYS in that order."""
    return {
        "id": contact.id,
        "full_name": contact.full_name,
        "first_name": contact.first_name,
        "last_name": contact.last_name,
        "company": contact.company,
        "title": contact.title,
        "emails": list(contact.emails),
        "phones": list(contact.phones),
        "linkedin_url": contact.linkedin_url,
        "how_we_met": contact.how_we_met,
        "notes": contact.notes,
        "tags": list(contact.tags),
        "strength": contact.strength,
        "status": contact.status.value,
        "top20_rank": contact.top20_rank,
        "last_contacted": _iso(contact.last_contacted),
        "last_contacted_precision": (
            contact.last_contacted_precision.value if contact.last_contacted_precision else None
        ),
        "next_follow_up": _iso(contact.next_follow_up),
    }


def interaction_json(interaction: Interaction) -> dict[str, Any]:
    return {
        "id": interaction.id,
        "occurred_at": interaction.occurred_at.astimezone(UTC).isoformat(),
        "channel": interaction.channel.value,
        "outcome": interaction.outcome.value,
        "note": interaction.note,
        "follow_up": _iso(interaction.follow_up),
    }


# --- text shapes --------------------------------------------------------------------------

_NOT_A_SPAN = ("today", "yesterday", "tomorrow", "this month", "this year", "never")


def _ago(then: date | None, precision: DatePrecision | None, today: date) -> str:
    """``about 3 years ago``, ``in 2 days``, ``today``, ``never``."""
    words = time_since(then, precision, today)
    return words if words in _NOT_A_SPAN or words.startswith("in ") else f"{words} ago"


def _status_text(status: TriageStatus, rank: int | None) -> str:
    if status is TriageStatus.TOP20:
        return f"top20 #{rank}" if rank else "top20"
    return status.value


def _company_title(company: str, title: str) -> str:
    return " · ".join(part for part in (printable(company), printable(title)) if part)


def _list_cells(row: ContactRow, today: date) -> list[str]:
    return [
        str(row.id),
        printable(row.full_name),
        _company_title(row.company, row.title),
        time_since(row.last_contacted, row.last_contacted_precision, today),
        _status_text(row.status, row.top20_rank),
        str(row.strength) if row.strength else "-",
    ]


LIST_HEADERS = ("ID", "Name", "Company · Title", "Last contact", "Status", "Str")


def _follow_up_text(value: date | None, today: date) -> str:
    if value is None:
        return "none"
    words = _ago(value, DatePrecision.DAY, today)
    overdue = ", overdue" if value < today else ""
    return f"{format_loose_date(value, DatePrecision.DAY)} ({words}{overdue})"


def _cadence_text(contact: Contact, today: date) -> str:
    if not contact.cadence:
        return "none"
    try:
        cadence = Cadence.from_code(contact.cadence)
    except CadenceError:
        return contact.cadence
    due = next_due(contact.last_contacted, cadence, today)
    late = days_overdue(contact.last_contacted, cadence, today)
    state = f"{late} day{'s' if late != 1 else ''} overdue" if late else _ago(due, None, today)
    return f"{cadence.label} · next due {format_loose_date(due, DatePrecision.DAY)} ({state})"


def _show_lines(contact: Contact, history: Sequence[Interaction], today: date) -> list[str]:
    def joined(values: Sequence[str]) -> str:
        return ", ".join(printable(v) for v in values) or "-"

    last = "never"
    if contact.last_contacted:
        precision = contact.last_contacted_precision or DatePrecision.DAY
        last = (
            f"{format_loose_date(contact.last_contacted, precision)}"
            f" ({_ago(contact.last_contacted, precision, today)})"
        )
    status = {
        TriageStatus.TOP20: f"Top 20, #{contact.top20_rank}",
        TriageStatus.NEW: "new (not triaged yet)",
    }.get(contact.status, contact.status.value)
    fields = [
        ("Company", printable(contact.company) or "-"),
        ("Title", printable(contact.title) or "-"),
        ("Emails", joined(contact.emails)),
        ("Phones", joined(contact.phones)),
        ("LinkedIn", printable(contact.linkedin_url) or "-"),
        ("How we met", printable(contact.how_we_met) or "-"),
        ("Tags", joined(contact.tags)),
        ("Strength", f"{contact.strength} of 5" if contact.strength else "unknown"),
        ("Status", status),
        ("Last contact", last),
        ("Cadence", _cadence_text(contact, today)),
        ("Next follow-up", _follow_up_text(contact.next_follow_up, today)),
    ]
    label_width = max(len(label) for label, _ in fields) + 2
    lines = [f"#{contact.id}  {printable(contact.full_name)}"]
    lines += [f"{label + ':':<{label_width}}{value}" for label, value in fields]
    notes = printable(contact.notes, multi_line=True).strip("\n")
    lines.append("Notes:" + ("" if notes else " -"))
    lines += [f"  {line}".rstrip() for line in notes.splitlines()]
    lines.append("")
    lines.append(f"History ({len(history)}):" if history else "History: nothing logged yet")
    for item in history:
        when = item.occurred_at.astimezone().strftime("%Y-%m-%d %H:%M")
        text = f"  {when}  {item.channel.value:<7}  {item.outcome.label:<12}"
        if item.note:
            text += f"  {printable(item.note)}"
        if item.follow_up:
            text += f"  (follow up {format_loose_date(item.follow_up, DatePrecision.DAY)})"
        lines.append(text.rstrip())
    return lines


# --- the commands -------------------------------------------------------------------------


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
    if ctx.invoked_subcommand is not None:
        return
    path = _db_path()
    from netui.services.maintenance import ensure_openable

    ensure_openable(path)  # refuse a foreign or too-new file before the screen changes
    from netui.tui.app import NetuiApp  # type: ignore[import-not-found, unused-ignore]

    NetuiApp(db_path=path).run()


def contact_fields(func: F) -> F:
    """The options add and edit share (edit changes only the ones given)."""
    options = [
        click.option("--company", help="Where they work now."),
        click.option("--title", help="Their job title."),
        click.option(
            "--email", "emails", multiple=True, help="Email address (repeat or comma-separate)."
        ),
        click.option("--phone", "phones", multiple=True, help="Phone number (repeatable)."),
        click.option("--linkedin", help="LinkedIn profile URL."),
        click.option("--met", help="How you know each other."),
        click.option(
            "--last-contact",
            metavar="DATE",
            help='When you last spoke, loosely: "2019", "Mar 2021", "3 years ago", "never".',
        ),
        click.option("--strength", metavar="1-5", help="How well you know them (1-5)."),
        click.option("--tag", "tags", multiple=True, help="Tag (repeat or comma-separate)."),
        click.option(
            "--cadence", help='How often to keep in touch: "monthly", "every 2 weeks", "none".'
        ),
        click.option("--notes", help="Free-form notes."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _list_option(values: Sequence[str]) -> tuple[str, ...]:
    """Repeated and comma-separated values as one list (an empty value clears it)."""
    return tuple(dict.fromkeys(item for value in values for item in split_list(value)))


def _field_changes(options: dict[str, Any]) -> dict[str, Any]:
    """The draft fields set by the options given (None or empty means not given)."""
    changes: dict[str, Any] = {}
    for name in ("company", "title", "notes"):
        if options[name] is not None:
            changes[name] = options[name]
    if options["linkedin"] is not None:
        changes["linkedin_url"] = options["linkedin"]
    if options["met"] is not None:
        changes["how_we_met"] = options["met"]
    for name in ("emails", "phones", "tags"):
        if options[name]:
            changes[name] = _list_option(options[name])
    if options["last_contact"] is not None:
        changes["last_contacted"] = _loose_date("--last-contact", options["last_contact"])
    if options["strength"] is not None:
        changes["strength"] = parse_strength(options["strength"])
    if options["cadence"] is not None:
        try:
            cadence = parse_cadence(options["cadence"])
        except CadenceError as error:
            raise ValidationError("cadence", str(error)) from None
        changes["cadence"] = cadence.code if cadence else None
    return changes


@cli.command()
@click.argument("name")
@contact_fields
@json_option
@db_option
def add(name: str, as_json: bool, **options: Any) -> None:
    """Add a contact called NAME."""
    first, last = split_name(name)
    draft = dataclasses.replace(
        ContactDraft(full_name=name, first_name=first, last_name=last), **_field_changes(options)
    )
    with _services() as services:
        contact = services.contacts.add(draft)
    if as_json:
        _echo_json(contact_json(contact))
    else:
        click.echo(f"Added #{contact.id} {printable(contact.full_name)}")


@cli.command()
@click.argument("contact_id", metavar="ID", type=CONTACT_ID)
@click.option("--name", help="A new full name.")
@contact_fields
@json_option
@db_option
def edit(contact_id: int, name: str | None, as_json: bool, **options: Any) -> None:
    """Change a contact's details; only the options given change.

    Repeated options (--email, --phone, --tag) replace the whole list; give an empty
    value (--tag "") to clear it. --last-contact never and --strength "" clear those.
    """
    changes = _field_changes(options)
    if name is not None:
        first, last = split_name(name)
        changes.update(full_name=name, first_name=first, last_name=last)
    if not changes:
        raise click.UsageError("nothing to change: give at least one option (see --help)")
    with _services() as services:
        draft = dataclasses.replace(services.contacts.get(contact_id).to_draft(), **changes)
        contact = services.contacts.update(contact_id, draft)
    if as_json:
        _echo_json(contact_json(contact))
    else:
        changed = ", ".join(sorted(k.replace("_", " ") for k in changes if k != "first_name"))
        click.echo(f"Updated #{contact.id} {printable(contact.full_name)} ({changed})")


@cli.command()
@click.option(
    "--status",
    type=click.Choice([s.value for s in StatusFilter], case_sensitive=False),
    default=StatusFilter.ACTIVE.value,
    show_default=True,
    help="Which contacts: active is everyone not archived.",
)
@click.option("--search", "query", default="", metavar="TEXT", help="Words that must all appear.")
@click.option(
    "--sort",
    type=click.Choice([k.value for k in SortKey], case_sensitive=False),
    default=SortKey.PRIORITY.value,
    show_default=True,
    help="Order (the Top 20 is always in rank order).",
)
@json_option
@db_option
def contacts(status: str, query: str, sort: str, as_json: bool) -> None:
    """List contacts, highest priority first."""
    status_filter, sort_key = StatusFilter(status.lower()), SortKey(sort.lower())
    with _services() as services:
        if as_json:
            found = services.contacts.find(status_filter, query, sort_key)
            _echo_json([contact_json(c) for c in found])
            return
        rows = order_rows(
            filter_rows(services.contacts.list_rows(), status_filter, query),
            sort_key,
            status_filter,
        )
    if not rows:
        everyone = status_filter in (StatusFilter.ALL, StatusFilter.ACTIVE) and not query.strip()
        click.echo(
            "No contacts yet: add one with netui add NAME" if everyone else "No contacts match."
        )
        return
    today = _today()
    table = format_table(
        LIST_HEADERS,
        [_list_cells(row, today) for row in rows],
        width=_terminal_width(),
        flexible=(1, 2),
        right=(0,),
    )
    _echo_lines(table)


@cli.command()
@click.argument("contact_id", metavar="ID", type=CONTACT_ID)
@json_option
@db_option
def show(contact_id: int, as_json: bool) -> None:
    """Everything about one contact, with what was logged."""
    with _services() as services:
        contact = services.contacts.get(contact_id)
        history = services.interactions.history(contact_id)
    if as_json:
        _echo_json(
            {**contact_json(contact), "interactions": [interaction_json(i) for i in history]}
        )
    else:
        _echo_lines(_show_lines(contact, history, _today()))


def _room_hint(services: Services) -> str:
    """Who to move out of a full Top 20: the lowest-ranked member."""
    members = services.contacts.find(StatusFilter.TOP20)
    if not members:
        return ""
    last = members[-1]
    return (
        f"; make room first, e.g. netui set {last.id} --status later"
        f" (#{last.top20_rank} {printable(last.full_name)})"
    )


@cli.command("set")
@click.argument("contact_ids", metavar="ID...", nargs=-1, required=True, type=CONTACT_ID)
@click.option(
    "--status",
    type=click.Choice([s.value for s in TriageStatus], case_sensitive=False),
    help="The triage decision.",
)
@click.option(
    "--rank",
    type=click.IntRange(1, TOP20_SIZE),
    help="Place in the Top 20 at this rank (implies --status top20; one ID only).",
)
@click.option("--strength", metavar="1-5", help="How well you know them (1-5).")
@db_option
def set_(
    contact_ids: tuple[int, ...], status: str | None, rank: int | None, strength: str | None
) -> None:
    """Triage contacts: set their status, Top 20 rank or strength (undo with netui undo)."""
    if status is None and rank is None and strength is None:
        raise click.UsageError("give --status, --rank or --strength")
    if rank is not None and status not in (None, TriageStatus.TOP20.value):
        raise click.UsageError("--rank goes only with --status top20")
    if rank is not None and len(contact_ids) > 1:
        raise click.UsageError("--rank takes a single ID")
    level = parse_strength(strength) if strength is not None else None
    if strength is not None and level is None:
        raise ValidationError("strength", "give a number from 1 to 5")
    messages: list[str] = []
    with _services() as services:
        try:
            if rank is not None:
                messages.append(services.triage.set_rank(contact_ids[0], rank).message)
            elif status is not None:
                result = services.triage.set_status(contact_ids, TriageStatus(status.lower()))
                messages.append(result.message)
        except Top20FullError as error:
            raise CliError(f"{error}{_room_hint(services)}") from None
        if level is not None:
            messages.append(services.triage.set_strength(contact_ids, level).message)
    for message in messages:
        click.echo(printable(message))


@cli.command()
@db_option
def undo() -> None:
    """Undo the last triage decision (status, rank or strength)."""
    with _services() as services:
        result = services.triage.undo()
    click.echo(printable(result.message) if result else "Nothing to undo")


@cli.command()
@click.argument("contact_id", metavar="ID", type=CONTACT_ID)
@click.option(
    "--channel",
    type=click.Choice([c.value for c in Channel], case_sensitive=False),
    required=True,
    help="How you got in touch.",
)
@click.option("--outcome", type=OutcomeType(), required=True, help="What came of it.")
@click.option("--note", default="", help="What was said.")
@click.option(
    "--when",
    metavar="WHEN",
    help='When it happened (default now): "yesterday 3pm", "2024-03-04 14:30", "last friday".',
)
@click.option(
    "--follow-up",
    "follow_up",
    metavar="DATE",
    help='When to follow up: "next friday", "in 2 weeks".',
)
@json_option
@db_option
def log(
    contact_id: int,
    channel: str,
    outcome: Outcome,
    note: str,
    when: str | None,
    follow_up: str | None,
    as_json: bool,
) -> None:
    """Log a call, email, message or meeting with a contact."""
    from netui.domain.types import InteractionDraft

    draft = InteractionDraft(
        channel=Channel(channel.lower()),
        outcome=outcome,
        note=note,
        occurred_at=_when(when),
        follow_up=_day("follow-up", follow_up) if follow_up is not None else None,
    )
    with _services() as services:
        logged = services.interactions.log(contact_id, draft)
        contact = services.contacts.get(contact_id)
    if as_json:
        _echo_json(interaction_json(logged))
        return
    click.echo(
        f"Logged {logged.channel.value} with #{contact.id} {printable(contact.full_name)}: "
        f"{logged.outcome.label}"
    )
    if logged.follow_up:
        click.echo(f"Follow up: {_follow_up_text(logged.follow_up, _today())}")


@cli.command()
@json_option
@db_option
def top20(as_json: bool) -> None:
    """The Top 20 in rank order, and how many of them you have reached."""
    with _services() as services:
        members = services.contacts.find(StatusFilter.TOP20)
        progress = services.triage.top20_progress()
    if as_json:
        _echo_json(
            {
                "size": progress.size,
                "capacity": progress.capacity,
                "reached": progress.reached,
                "goal": progress.goal,
                "contacts": [contact_json(c) for c in members],
            }
        )
        return
    today = _today()
    if members:
        rows = [
            [
                str(c.top20_rank or ""),
                str(c.id),
                printable(c.full_name),
                _company_title(c.company, c.title),
                time_since(c.last_contacted, c.last_contacted_precision, today),
            ]
            for c in members
        ]
        headers = ("Rank", "ID", "Name", "Company · Title", "Last contact")
        table = format_table(headers, rows, width=_terminal_width(), flexible=(2, 3), right=(0, 1))
        _echo_lines(table)
    else:
        click.echo("The Top 20 is empty: add someone with netui set ID --status top20")
    click.echo(f"{progress.reached} of {progress.capacity} reached (goal {progress.goal})")


@cli.group()
@db_option
def settings() -> None:
    """Preferences stored in the database."""


@settings.command("targets")
@click.argument("keywords")
@db_option
def settings_targets(keywords: str) -> None:
    """Set target keywords (comma-separated) that raise a contact's priority.

    A contact whose company or title contains one, e.g. "fintech, product manager",
    ranks higher. An empty string clears them.
    """
    with _services() as services:
        saved = services.settings.set_target_keywords(keywords)
    if saved:
        click.echo("Target keywords: " + ", ".join(printable(k) for k in saved))
    else:
        click.echo("Target keywords cleared")


@settings.command("show")
@json_option
@db_option
def settings_show(as_json: bool) -> None:
    """Show the current settings."""
    with _services() as services:
        targets = services.settings.target_keywords()
        theme = services.settings.theme()
    if as_json:
        _echo_json({"target_keywords": list(targets), "theme": theme})
        return
    click.echo("Target keywords: " + (", ".join(printable(k) for k in targets) or "none"))
    click.echo(f"Theme: {printable(theme) if theme else 'default'}")


@cli.group()
@db_option
def db() -> None:
    """The database file: where it is, is it sound, back it up."""


@db.command("path")
@db_option
def db_path() -> None:
    """Print the database file this netui uses (--db, else $NETUI_DB, else the default)."""
    click.echo(str(_db_path()))


@db.command("check")
@json_option
@db_option
def db_check(as_json: bool) -> None:
    """Check the database file read-only: schema version, contacts, integrity."""
    from netui.services.maintenance import check_database

    report = check_database(_db_path())
    if as_json:
        _echo_json(
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
        raise CliError(f"{report.path} failed SQLite's integrity check")


@db.command("backup")
@click.argument("dest", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Replace DEST if it exists.")
@db_option
def db_backup(dest: Path, force: bool) -> None:
    """Copy the database to DEST safely, even while the app is open."""
    from netui.services.maintenance import backup_database

    copy = backup_database(_db_path(), dest, force=force)
    click.echo(f"Backed up {_db_path()} to {copy}")


@cli.command()
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
    if _given_db() is None and not os.environ.get(DB_ENV_VAR):
        raise click.UsageError("give --db PATH for the demo database (a new file)")
    from netui.services.demo import fill_demo

    path = _db_path()
    with _services() as services:
        summary = fill_demo(services, count, seed)
    click.echo(
        f"Filled {path} with {summary.contacts:,} invented contacts in {summary.seconds:.1f} s: "
        f"{summary.interactions:,} interactions, {summary.top20} in the Top 20, "
        f"{summary.later:,} for later, {summary.skip:,} skipped, {summary.archived:,} archived."
    )
    click.echo(f"Try: netui --db {path}")


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="netui")
