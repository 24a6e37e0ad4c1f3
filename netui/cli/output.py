"""What commands print: safe text, JSON shapes, list rows and the ``show`` page."""

from __future__ import annotations

import json
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from enum import StrEnum
from json.encoder import encode_basestring
from typing import Any

import click

from netui import display
from netui.domain.cadence import Cadence, CadenceError, days_overdue, next_due
from netui.domain.contact_fields import FIELD_KINDS, PEOPLE_FIELDS
from netui.domain.dates import format_loose_date, time_since
from netui.domain.record_shape import ValueKind
from netui.domain.types import Contact, ContactRow, DatePrecision, Interaction, TriageStatus

#: The keys of a contact's JSON, in order: every field a person cares about.
CONTACT_KEYS = PEOPLE_FIELDS

LIST_HEADERS = ("ID", "Name", "Company · Title", "Last contact", "Status", "Str")


# --- safe text ----------------------------------------------------------------------------


def printable(text: str, *, multi_line: bool = False) -> str:
    """User text made safe for a terminal: no ESC or other control characters.

    Control characters (C0, DEL, C1) and bidirectional overrides are dropped, so a hostile
    name cannot move the cursor, recolour the screen or reorder what follows it. Everything
    else, markup-looking brackets included, is kept as typed. Line breaks and tabs become
    spaces unless ``multi_line`` (then tabs become four spaces and line breaks stay).
    """
    if multi_line:
        return display.printable(text, control="", tab="    ")
    return display.one_line(text, control="")


# JSON leaves every character but C0 controls, quotes and backslashes as it is; these
# also reach the terminal as \uXXXX: DEL, the C1 controls (U+009B starts a CSI sequence
# as ESC [ does), the bidirectional controls (they reorder what follows them on screen)
# and the line and paragraph separators. Any JSON reader turns them back into the same
# characters; every other letter, accented or not, stays as it is.
_JSON_ESCAPES = {
    code: f"\\u{code:04x}"
    for code in (
        0x7F,
        *range(0x80, 0xA0),
        0x061C,
        0x200E,
        0x200F,
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
        0x2028,
        0x2029,
    )
}


_NEEDS_ESCAPE = re.compile("[" + "".join(map(chr, _JSON_ESCAPES)) + "]")


def json_text(value: Any) -> str:
    """``value`` as the indented JSON the commands print, safe for a terminal as it is.

    The characters escaped can only occur inside JSON strings, where ``\\uXXXX`` means
    the same, so escaping them in the finished text is exact.
    """
    return json.dumps(value, ensure_ascii=False, indent=2).translate(_JSON_ESCAPES)


def echo_json(value: Any) -> None:
    click.echo(json_text(value))


def echo_lines(lines: Sequence[str]) -> None:
    if lines:
        click.echo("\n".join(lines))


# --- streamed JSON ------------------------------------------------------------------------
# ``json.dumps(indent=2)`` runs Python's own encoder, the C one only without an indent; a
# list of 100,000 contacts took seconds and held them all. A record of the shape commands
# print (a flat object of strings, numbers, null and lists of strings) is laid out here as
# ``json_text`` lays it out inside a list, each string encoded by the C encoder; any other
# value goes through ``json.dumps``, re-indented, so the bytes are the same either way.

_CHUNK = 512  # records written at a time


def _nested(value: Any) -> str:
    """A value as ``json_text`` writes it as a member of an object inside a list."""
    if type(value) is list and all(type(item) is str for item in value):
        if not value:
            return "[]"
        return "[\n      " + ",\n      ".join(map(encode_basestring, value)) + "\n    ]"
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n    ")


_MEMBER_STARTS: dict[str, str] = {}  # '\n    "key": ' for the keys seen so far


def _member_start(key: str) -> str:
    start = _MEMBER_STARTS.get(key)
    if start is None:
        start = f"\n    {encode_basestring(key)}: "
        if len(_MEMBER_STARTS) < 1000:
            _MEMBER_STARTS[key] = start
    return start


def _record_text(record: Any) -> str:
    """One item of a list, as ``json_text`` of the list writes it (its indent included)."""
    if type(record) is dict and record and all(type(key) is str for key in record):
        members = []
        for key, value in record.items():
            kind = type(value)
            if kind is str:
                text = encode_basestring(value)
            elif value is None:
                text = "null"
            elif kind is int:
                text = int.__repr__(value)
            else:
                text = _nested(value)
            members.append(_member_start(key) + text)
        text = "  {" + ",".join(members) + "\n  }"
    else:
        text = "  " + json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n  ")
    return text.translate(_JSON_ESCAPES) if _NEEDS_ESCAPE.search(text) else text


def json_list_chunks(records: Iterable[Any]) -> Iterator[str]:
    """``json_text(list(records))`` and a line end, in pieces made as the records come.

    For long lists (``contacts --json``): the same bytes as :func:`echo_json`, without the
    list, its text or the pure-Python encoder.
    """
    chunk: list[str] = []
    opening = "[\n"
    for record in records:
        chunk.append(_record_text(record))
        if len(chunk) == _CHUNK:
            yield opening + ",\n".join(chunk)
            opening, chunk = ",\n", []
    if chunk:
        yield opening + ",\n".join(chunk)
        opening = ""
    yield "[]\n" if opening == "[\n" else "\n]\n"


def echo_json_list(records: Iterable[Any]) -> None:
    """Print ``records`` as :func:`echo_json` prints a list of them, a chunk at a time."""
    for chunk in json_list_chunks(records):
        click.echo(chunk, nl=False)


# --- JSON shapes --------------------------------------------------------------------------


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _moment(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value else None


def _same(value: Any) -> Any:
    return value


def _list(values: tuple[str, ...]) -> list[str]:
    return list(values)


def _choice(value: StrEnum | None) -> str | None:
    return None if value is None else value.value


_JSON_VALUE: dict[ValueKind, Callable[[Any], Any]] = {
    ValueKind.TEXT: _same,
    ValueKind.INT: _same,
    ValueKind.LIST: _list,
    ValueKind.CHOICE: _choice,
    ValueKind.DATE: _iso,
    ValueKind.MOMENT: _moment,
}
_CONTACT_VALUES = operator.attrgetter(*CONTACT_KEYS)
# Where a value needs turning into JSON's kind, and how (text and numbers are as they are).
_CONVERT_AT = tuple(
    (at, _JSON_VALUE[FIELD_KINDS[key]])
    for at, key in enumerate(CONTACT_KEYS)
    if _JSON_VALUE[FIELD_KINDS[key]] is not _same
)


def contact_json(contact: Contact) -> dict[str, Any]:
    """A contact as JSON, with exactly CONTACT_KEYS in that order."""
    values = list(_CONTACT_VALUES(contact))
    for at, as_json in _CONVERT_AT:
        values[at] = as_json(values[at])
    return dict(zip(CONTACT_KEYS, values, strict=True))


def interaction_json(interaction: Interaction) -> dict[str, Any]:
    return {
        "id": interaction.id,
        "occurred_at": interaction.occurred_at.astimezone(UTC).isoformat(),
        "channel": interaction.channel.value,
        "outcome": interaction.outcome.value,
        "note": interaction.note,
        "follow_up": _iso(interaction.follow_up),
        "script_revision_id": interaction.script_revision_id,
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


def company_title(company: str, title: str) -> str:
    return " · ".join(part for part in (printable(company), printable(title)) if part)


def list_cells(row: ContactRow, today: date) -> list[str]:
    return [
        str(row.id),
        printable(row.full_name),
        company_title(row.company, row.title),
        time_since(row.last_contacted, row.last_contacted_precision, today),
        _status_text(row.status, row.top20_rank),
        str(row.strength) if row.strength else "-",
    ]


def follow_up_text(value: date | None, today: date) -> str:
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


def show_lines(
    contact: Contact,
    history: Sequence[Interaction],
    today: date,
    extra: Sequence[tuple[str, str]] = (),
) -> list[str]:
    """The ``show`` page; ``extra`` are labelled lines (already safe) after the fields."""

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
        ("Next follow-up", follow_up_text(contact.next_follow_up, today)),
        *extra,
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
