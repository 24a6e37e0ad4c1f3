"""Text typed with control characters is stored cleaned, alike from the CLI and the form.

Contact files have always been cleaned on the way in (netui.domain.clean_text); a person
typing or pasting into ``netui add``, ``netui edit`` or the app's contact form goes through
the same cleaning, in the domain's rule every saved contact passes. Each field is entered
raw through both front ends and must come back as the same cleaned value.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest
from builders import AppFactory, WaitReady
from cli_runner import Netui
from textual.widgets import Input, TextArea

from netui.domain.clock import FakeClock
from netui.domain.listing import StatusFilter
from netui.domain.types import Contact
from netui.services.context import Services

NAME = "Fay \x1b]0;PWNED\x07Ray\x9b1m\u202e"
CLEAN_NAME = "Fay Ray"


class Field(NamedTuple):
    """A contact field entered raw: its CLI option, its form field, what is stored."""

    option: str
    form_id: str
    typed: str
    stored: object
    part: Callable[[Contact], object]


FIELDS = [
    Field(
        "--company",
        "company",
        "Acme\x1b[31m Red\x1b[0m\u202e Co",
        "Acme Red Co",
        lambda c: c.company,
    ),
    Field("--title", "title", "Lead\x0bEngineer\x1b[2J", "Lead Engineer", lambda c: c.title),
    Field("--met", "met", "at\tLarkspur\x00 2016", "at Larkspur 2016", lambda c: c.how_we_met),
    Field("--email", "emails", "fay\x07@example.org", ("fay@example.org",), lambda c: c.emails),
    Field("--phone", "phones", "+1 555\x1b[2J 0100", ("+1 555 0100",), lambda c: c.phones),
    Field("--tag", "tags", "mentor\u202e, \x1b[1mdata", ("mentor", "data"), lambda c: c.tags),
    Field(
        "--linkedin",
        "linkedin",
        "https://www.linkedin.com/in/fay\x1b]8;;https://x.example\x07",
        "https://www.linkedin.com/in/fay",
        lambda c: c.linkedin_url,
    ),
    Field(
        "--notes",
        "notes",
        "line one\x1b[2J\r\nline two\x9b31m\t!",
        "line one\nline two !",
        lambda c: c.notes,
    ),
]
IDS = [field.option for field in FIELDS]


@pytest.fixture
def cmd(db_path: Path, clock: FakeClock) -> Netui:
    return Netui(db_path, clock)


def only_contact(services: Services) -> Contact:
    (contact,) = services.contacts.find(StatusFilter.ALL)
    return contact


def test_the_cli_add_cleans_the_name(cmd: Netui, services: Services) -> None:
    assert cmd.ok("add", NAME) == f"Added #1 {CLEAN_NAME}\n"
    contact = only_contact(services)
    assert (contact.full_name, contact.first_name, contact.last_name) == (CLEAN_NAME, "Fay", "Ray")


def test_a_byte_that_is_not_utf8_becomes_a_replacement_character(
    cmd: Netui, services: Services
) -> None:
    """Python hands such command-line bytes over as lone surrogates, which SQLite refuses."""
    assert cmd.ok("add", "Fay\udc9bRay") == "Added #1 Fay\ufffdRay\n"
    assert only_contact(services).full_name == "Fay\ufffdRay"


def test_a_logged_note_is_cleaned(cmd: Netui, services: Services) -> None:
    cmd.ok("add", "Bo Chen")
    note = "hi \x1b]0;PWNED\x07there\r\nnext \x9b2Jline\udc9b"
    cmd.ok("log", "1", "--channel", "call", "--outcome", "talked", "--note", note)
    [logged] = services.interactions.history(1)
    assert logged.note == "hi there\nnext line\ufffd"


@pytest.mark.parametrize("field", FIELDS, ids=IDS)
def test_the_cli_add_and_edit_clean_each_field(
    field: Field, cmd: Netui, services: Services
) -> None:
    cmd.ok("add", "Bo Chen", field.option, field.typed)
    assert field.part(only_contact(services)) == field.stored
    cmd.ok("edit", "1", field.option, "")
    cmd.ok("edit", "1", field.option, field.typed)
    assert field.part(only_contact(services)) == field.stored


async def test_the_form_cleans_every_field(
    services: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one("#name", Input).value = NAME
        for field in FIELDS:
            if field.form_id == "notes":
                form.query_one("#notes", TextArea).text = field.typed
            else:
                form.query_one(f"#{field.form_id}", Input).value = field.typed
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is app.main_screen
    contact = only_contact(services)
    assert (contact.full_name, contact.first_name, contact.last_name) == (CLEAN_NAME, "Fay", "Ray")
    for field in FIELDS:
        assert field.part(contact) == field.stored, field.option
