"""Contacts: ``add``, ``edit``, ``contacts`` (the list) and ``show``."""

from __future__ import annotations

import dataclasses
from contextlib import closing
from typing import Any

import click

from netui.cli.base import F, db_option, json_option, open_services, today
from netui.cli.output import (
    LIST_HEADERS,
    contact_json,
    echo_json,
    echo_json_list,
    echo_lines,
    interaction_json,
    list_cells,
    printable,
    show_lines,
)
from netui.cli.params import CONTACT_ID, read_option
from netui.cli.referral_output import person_text, referral_fields
from netui.cli.table import terminal_table
from netui.domain.inputs import (
    read_cadence,
    read_emails,
    read_last_contact,
    read_linkedin,
    read_list,
    read_phones,
    read_strength,
)
from netui.domain.listing import SortKey, StatusFilter, filter_rows, order_rows
from netui.domain.types import ContactDraft
from netui.domain.validation import split_name


def contact_fields(func: F) -> F:
    """The options add and edit share (edit changes only the ones given)."""
    options = [
        click.option("--company", help="Where they work now."),
        click.option("--title", help="Their job title."),
        click.option(
            "--email", "emails", multiple=True, help="Email address (repeat or comma-separate)."
        ),
        click.option(
            "--phone", "phones", multiple=True, help="Phone number (repeat or comma-separate)."
        ),
        click.option("--linkedin", help="LinkedIn profile: its address, or the name after /in/."),
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


def _field_changes(options: dict[str, Any]) -> dict[str, Any]:
    """The draft fields set by the options given (None or empty means not given).

    Values are read by the same rules as the app's contact form (netui.domain.inputs).
    """
    changes: dict[str, Any] = {}
    for name in ("company", "title", "notes"):
        if options[name] is not None:
            changes[name] = options[name]
    if options["linkedin"] is not None:
        changes["linkedin_url"] = read_option("--linkedin", read_linkedin, options["linkedin"])
    if options["met"] is not None:
        changes["how_we_met"] = options["met"]
    if options["emails"]:
        changes["emails"] = read_option("--email", read_emails, *options["emails"])
    if options["phones"]:
        changes["phones"] = read_option("--phone", read_phones, *options["phones"])
    if options["tags"]:
        changes["tags"] = read_list(*options["tags"])
    if options["last_contact"] is not None:
        changes["last_contacted"] = read_option(
            "--last-contact", read_last_contact, options["last_contact"], today()
        )
    if options["strength"] is not None:
        changes["strength"] = read_option("--strength", read_strength, options["strength"])
    if options["cadence"] is not None:
        changes["cadence"] = read_option("--cadence", read_cadence, options["cadence"])
    return changes


@click.command()
@click.argument("name")
@contact_fields
@click.option(
    "--referred-by",
    "referred_by",
    type=CONTACT_ID,
    metavar="ID",
    help="The contact who referred you to them (see netui show ID for the chain).",
)
@json_option
@db_option
def add(name: str, referred_by: int | None, as_json: bool, **options: Any) -> None:
    """Add a contact called NAME."""
    first, last = split_name(name)
    draft = dataclasses.replace(
        ContactDraft(full_name=name, first_name=first, last_name=last), **_field_changes(options)
    )
    referrer = None
    with open_services(writing=True) as services:
        if referred_by is None:
            contact = services.contacts.add(draft)
        else:
            contact = services.referrals.add_referred(referred_by, draft)
            referrer = services.contacts.get(referred_by)
    if as_json:
        echo_json(contact_json(contact))
        return
    by = f", referred by {person_text(referrer)}" if referrer is not None else ""
    click.echo(f"Added #{contact.id} {printable(contact.full_name)}{by}")


@click.command()
@click.argument("contact_id", metavar="ID", type=CONTACT_ID)
@click.option("--name", help="A new full name.")
@contact_fields
@click.option(
    "--referred-by",
    "referred_by",
    type=CONTACT_ID,
    metavar="ID",
    help="The contact who referred you to them.",
)
@click.option("--not-referred", is_flag=True, help="Forget who referred them.")
@json_option
@db_option
def edit(
    contact_id: int,
    name: str | None,
    referred_by: int | None,
    not_referred: bool,
    as_json: bool,
    **options: Any,
) -> None:
    """Change a contact's details; only the options given change.

    Repeated options (--email, --phone, --tag) replace the whole list; give an empty
    value (--tag "") to clear it. --last-contact never and --strength "" clear those.
    """
    changes = _field_changes(options)
    if name is not None:
        first, last = split_name(name)
        changes.update(full_name=name, first_name=first, last_name=last)
    if referred_by is not None and not_referred:
        raise click.UsageError("--referred-by and --not-referred cannot go together")
    if not changes and referred_by is None and not not_referred:
        raise click.UsageError("nothing to change: give at least one option (see --help)")
    with open_services(writing=True) as services:
        contact = services.contacts.get(contact_id)
        if referred_by is not None:
            services.referrals.link(contact_id, referred_by)
        elif not_referred:
            services.referrals.unlink(contact_id)
        if changes:
            draft = dataclasses.replace(contact.to_draft(), **changes)
            contact = services.contacts.update(contact_id, draft)
    if as_json:
        echo_json(contact_json(contact))
        return
    changed = sorted(k.replace("_", " ") for k in changes if k != "first_name")
    if referred_by is not None or not_referred:
        changed.append("referred by")
    click.echo(f"Updated #{contact.id} {printable(contact.full_name)} ({', '.join(changed)})")


@click.command()
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
    with open_services(writing=False) as services:
        if as_json:  # streamed: at 100,000 contacts, no list of them is held
            with closing(services.contacts.stream(status_filter, query, sort_key)) as found:
                echo_json_list(contact_json(contact) for contact in found)
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
    day = today()
    table = terminal_table(
        LIST_HEADERS, [list_cells(row, day) for row in rows], flexible=(1, 2), right=(0,)
    )
    echo_lines(table)


@click.command()
@click.argument("contact_id", metavar="ID", type=CONTACT_ID)
@json_option
@db_option
def show(contact_id: int, as_json: bool) -> None:
    """Everything about one contact, with what was logged."""
    with open_services(writing=False) as services:
        contact = services.contacts.get(contact_id)
        history = services.interactions.history(contact_id)
        about = None if as_json else services.referrals.about(contact_id)
    if about is None:
        echo_json({**contact_json(contact), "interactions": [interaction_json(i) for i in history]})
    else:
        echo_lines(show_lines(contact, history, today(), referral_fields(about)))
