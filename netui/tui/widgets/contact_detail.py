"""Everything about the highlighted contact: fields, next steps and history."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from netui.domain.cadence import Cadence, next_due
from netui.domain.dates import format_loose_date, time_since
from netui.domain.types import Contact, DatePrecision, Interaction
from netui.tui.text import literal, literal_line, one_line, status_label, strength_dots

if TYPE_CHECKING:
    from netui.services.referrals import ContactReferrals

LABEL_WIDTH = 13
NO_HISTORY = "No calls or messages logged yet (press c to log one)."


def _field(label: str, value: str) -> Content:
    """A labelled value on one line: a line break in a field never spreads it over two."""
    return Content.assemble((f"{label:<{LABEL_WIDTH}}", "$text-muted"), one_line(value))


def _day(value: date) -> str:
    return format_loose_date(value, DatePrecision.DAY)


def _when(interaction: Interaction) -> str:
    local = interaction.occurred_at.astimezone()
    return f"{_day(local.date())} {local:%H:%M}"


def describe_follow_up(follow_up: date, today: date) -> str:
    wording = time_since(follow_up, DatePrecision.DAY, today)
    if follow_up < today:
        wording = f"overdue: {wording}" + ("" if wording == "yesterday" else " ago")
    return f"{follow_up:%a} {_day(follow_up)} ({wording})"


def referral_lines(about: ContactReferrals) -> list[Content]:
    """Who referred them, the chain that led to them, and whom they referred (if any)."""
    from netui.domain.referrals import describe_chain  # shown once the database is open

    lines: list[Content] = []
    if about.referred_by is not None:
        lines.append(_field("Referred by", about.referred_by.name))
        lines.append(_field("Chain", describe_chain(about.chain)))
    if about.referred:
        lines.append(_field("Referred", ", ".join(person.name for person in about.referred)))
    return lines


def render_contact(
    contact: Contact,
    history: list[Interaction],
    today: date,
    referrals: ContactReferrals | None = None,
) -> Content:
    """The detail text for one contact; every user value is literal, and each field but the
    notes keeps to one line (a name or company read with a line break in it included)."""
    lines: list[Content] = []
    badge = (
        f"{status_label(contact.status, contact.top20_rank)} · {strength_dots(contact.strength)}"
    )
    lines.append(Content.assemble((one_line(contact.full_name), "bold"), "   ", (badge, "$accent")))
    role = " · ".join(part for part in (contact.title, contact.company) if part)
    if role:
        lines.append(literal_line(role))
    if contact.job_changed_on:
        before = " at ".join(p for p in (contact.previous_title, contact.previous_company) if p)
        lines.append(
            Content.assemble(
                ("↗ Changed jobs", "bold $accent"),
                f" (was {one_line(before)})" if before else "",
                f", noticed {_day(contact.job_changed_on)}: a good reason to get in touch.",
            )
        )
    lines.append(Content(""))
    if contact.last_contacted:
        precision = contact.last_contacted_precision or DatePrecision.DAY
        since = time_since(contact.last_contacted, precision, today)
        shown = f"{format_loose_date(contact.last_contacted, precision)} ({since})"
    else:
        shown = "never recorded"
    lines.append(_field("Last contact", shown))
    if contact.next_follow_up:
        lines.append(_field("Follow up", describe_follow_up(contact.next_follow_up, today)))
    if contact.cadence:
        try:
            cadence = Cadence.from_code(contact.cadence)
        except ValueError:
            lines.append(_field("Cadence", contact.cadence))
        else:
            due = next_due(contact.last_contacted, cadence, today)
            when = "overdue since" if due < today else "next due"
            lines.append(_field("Cadence", f"{cadence.label}, {when} {_day(due)}"))
    for label, values in (("Email", contact.emails), ("Phone", contact.phones)):
        for value in values:
            lines.append(_field(label, value))
    for label, value in (
        ("LinkedIn", contact.linkedin_url),
        ("How we met", contact.how_we_met),
        ("Tags", ", ".join(contact.tags)),
    ):
        if value:
            lines.append(_field(label, value))
    if contact.connected_on:
        lines.append(_field("Connected", _day(contact.connected_on)))
    if referrals is not None:
        lines.extend(referral_lines(referrals))
    if contact.notes:
        lines.append(Content(""))
        lines.append(Content.styled("Notes", "$text-muted"))
        lines.extend(literal(line) for line in contact.notes.splitlines())
    lines.append(Content(""))
    if history:
        lines.append(Content.styled(f"History ({len(history)})", "$text-muted"))
        for item in history:
            follow = f" → follow up {_day(item.follow_up)}" if item.follow_up else ""
            lines.append(
                Content.assemble(
                    f"{_when(item)}  ",
                    (f"{item.channel.value} · {item.outcome.label}", "$secondary"),
                    follow,
                )
            )
            if item.note:
                lines.append(Content.assemble("    ", literal_line(item.note)))
    else:
        lines.append(
            Content.styled("No calls or messages logged yet (press c to log one).", "$text-muted")
        )
    return Content("\n").join(lines)


class ContactDetail(VerticalScroll, can_focus=False):
    """Shows one contact; the screen sets it with :meth:`show`."""

    DEFAULT_CSS = """
    ContactDetail {
        height: 1fr;
        padding: 0 1;
    }
    ContactDetail > #detail-body { width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="detail-body", markup=False)

    def show(
        self,
        contact: Contact | None,
        history: list[Interaction],
        today: date,
        referrals: ContactReferrals | None = None,
    ) -> None:
        body = self.query_one("#detail-body", Static)
        if contact is None:
            body.update(Content.styled("No contact selected.", "$text-muted"))
        else:
            body.update(render_contact(contact, history, today, referrals))
        self.scroll_home(animate=False)
