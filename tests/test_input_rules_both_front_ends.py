"""One table of typed inputs, read alike by the domain rules, the CLI and the app's forms.

Every case runs three ways: through ``netui.domain.inputs`` itself (the table says what it
must give), through the ``netui`` command, and entered into the form in the running app.
Both front ends must store what the rule gives, or show its message word for word: after
the option's name on the command line, under the field in the form. A front end that reads
a field its own way fails here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from builders import AppFactory, WaitReady, store_raw
from cli_runner import Netui
from textual import events
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static

from netui.domain.clock import FakeClock, local_today, local_zone
from netui.domain.inputs import (
    InputError,
    read_cadence,
    read_emails,
    read_follow_up,
    read_last_contact,
    read_linkedin,
    read_list,
    read_phones,
    read_strength,
    read_when,
)
from netui.domain.listing import StatusFilter
from netui.domain.types import Contact, ContactDraft, DatePrecision, Interaction, LooseDate
from netui.services.context import Services

HERE = local_zone()
PROBE = "Probe Person"  # the contact each contact-form case adds
KNOWN = "Ann Lee"  # contact 1, whom each logging case logs a call with
NOTHING = object()  # what ``stored`` gives when nothing was saved


@pytest.fixture(autouse=True)
def _thursday_3pm_here(clock: FakeClock) -> None:
    """Thursday 26 Nov 2026, 15:00 in the local time zone, so the table holds in any zone."""
    clock.now = datetime(2026, 11, 26, 15, 0, tzinfo=HERE).astimezone(UTC)


def here(day: int, hour: int, minute: int = 0, month: int = 11, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=HERE)


# --- the rules and how each front end reaches them ------------------------------------------


Reading = Callable[[str, FakeClock], object]  # what a front end stores for the text


@dataclass(frozen=True)
class Rule:
    """A form field, its CLI option, the key that opens its form, and the rule for both."""

    field: str
    option: str
    key: str  # "n" opens the new-contact form, "c" logs a call with the selected contact
    read: Reading
    stored: Callable[[Services], object]  # what the newest save left, NOTHING before any

    def cli_args(self, text: str) -> list[str]:
        if self.key == "n":
            return ["add", PROBE, self.option, text]
        return ["log", "1", "--channel", "call", "--outcome", "talked", self.option, text]


def contact_rule(field: str, option: str, read: Reading, part: Callable[[Contact], object]) -> Rule:
    """A contact-form field; ``part`` is what it set on the newest contact called PROBE."""

    def stored(services: Services) -> object:
        probes = [c for c in services.contacts.find(StatusFilter.ALL) if c.full_name == PROBE]
        return part(max(probes, key=lambda c: c.id)) if probes else NOTHING

    return Rule(field, option, "n", read, stored)


def log_rule(field: str, option: str, read: Reading, part: Callable[[Interaction], object]) -> Rule:
    """A log-dialog field; ``part`` is what it set on the newest call logged with contact 1."""

    def stored(services: Services) -> object:
        history = services.interactions.history(1)
        return part(max(history, key=lambda i: i.id)) if history else NOTHING

    return Rule(field, option, "c", read, stored)


LAST_CONTACT = contact_rule(
    "last_contact",
    "--last-contact",
    lambda text, clock: read_last_contact(text, local_today(clock)),
    lambda contact: contact.to_draft().last_contacted,
)
STRENGTH = contact_rule(
    "strength", "--strength", lambda t, _: read_strength(t), lambda c: c.strength
)
CADENCE = contact_rule("cadence", "--cadence", lambda t, _: read_cadence(t), lambda c: c.cadence)
EMAILS = contact_rule("emails", "--email", lambda t, _: read_emails(t), lambda c: c.emails)
TAGS = contact_rule("tags", "--tag", lambda t, _: read_list(t), lambda c: c.tags)
PHONES = contact_rule("phones", "--phone", lambda t, _: read_phones(t), lambda c: c.phones)
LINKEDIN = contact_rule(
    "linkedin", "--linkedin", lambda t, _: read_linkedin(t), lambda c: c.linkedin_url
)
WHEN = log_rule(
    "when",
    "--when",
    lambda text, clock: read_when(text, clock(), local_zone()) or clock(),  # None means now
    lambda logged: logged.occurred_at,
)
FOLLOW_UP = log_rule(
    "follow_up",
    "--follow-up",
    lambda text, clock: read_follow_up(text, local_today(clock)),
    lambda logged: logged.follow_up,
)


@dataclass(frozen=True)
class Refused:
    """The rule refuses the text with a message containing ``words``."""

    words: str


DAY, MONTH, YEAR = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR

CASES: list[tuple[Rule, str, object]] = [
    (LAST_CONTACT, "2019", LooseDate(date(2019, 1, 1), YEAR)),
    (LAST_CONTACT, "Mar 2021", LooseDate(date(2021, 3, 1), MONTH)),
    (LAST_CONTACT, "3 weeks ago", LooseDate(date(2026, 11, 5), DAY)),
    (LAST_CONTACT, "never", None),
    (LAST_CONTACT, "in 2 years", Refused('"in 2 years" is 2028, in the future')),
    (LAST_CONTACT, "next month", Refused('"next month" is Dec 2026, in the future')),
    (LAST_CONTACT, "tomorrow", Refused("in the future")),
    (LAST_CONTACT, "blorp", Refused('could not read "blorp" as a date')),
    (WHEN, "now", here(26, 15)),
    (WHEN, "yesterday 14:30", here(25, 14, 30)),
    (WHEN, "2024-03-04 3pm", here(4, 15, month=3, year=2024)),
    (WHEN, "3pm", here(26, 15)),
    (WHEN, "3:04pm", here(26, 15, 4)),  # a few minutes ahead: clocks drift
    (WHEN, "last friday", here(20, 12)),
    (WHEN, "yesterday", here(25, 12)),
    (WHEN, "2019", Refused('"2019" is not a single day')),
    (WHEN, "Mar 2021 9am", Refused('"Mar 2021" is not a single day')),
    (WHEN, "3:10pm", Refused('"3:10pm" is in the future')),
    (WHEN, "tomorrow", Refused('"tomorrow" is in the future')),
    (WHEN, "yesterday 25:00", Refused('"25:00" is not a time of day')),
    (WHEN, "yesterday 13pm", Refused('"13pm" is not a time of day')),
    (WHEN, "blorp", Refused('could not read "blorp" as a date')),
    (FOLLOW_UP, "in 2 weeks", date(2026, 12, 10)),
    (FOLLOW_UP, "next friday", date(2026, 11, 27)),
    (FOLLOW_UP, "someday", Refused('could not read "someday" as a date')),
    (STRENGTH, "4", 4),
    (STRENGTH, "9", Refused("must be 1 to 5, not 9")),
    (STRENGTH, "three", Refused('"three" is not a number from 1 to 5')),
    (CADENCE, "every 2 weeks", "2w"),
    (CADENCE, "quarterly", "3m"),
    (CADENCE, "sometimes", Refused('could not read "sometimes" as a cadence')),
    (
        EMAILS,
        "ann@larkspur.example, ann@home.example",
        ("ann@larkspur.example", "ann@home.example"),
    ),
    (
        EMAILS,
        "ann@larkspur.example, bad@, bo@quill.example",
        Refused('"bad@" does not look like an email address'),
    ),
    (TAGS, "mentor, data,, mentor", ("mentor", "data")),
    (PHONES, "+1 (555) 010-4477, 555.010.4477 x12", ("+1 (555) 010-4477", "555.010.4477 x12")),
    (PHONES, "+49 30/1234-5 ext. 7", ("+49 30/1234-5 ext. 7",)),
    (PHONES, "abc", Refused('"abc" is not a phone number: use digits')),
    (PHONES, "555 0100, call after 6", Refused('"call after 6" is not a phone number')),
    (LINKEDIN, "https://www.linkedin.com/in/dana-w", "https://www.linkedin.com/in/dana-w"),
    (LINKEDIN, "uk.linkedin.com/in/dana-w", "https://uk.linkedin.com/in/dana-w"),
    (LINKEDIN, "dana-w", "https://www.linkedin.com/in/dana-w"),
    (LINKEDIN, "in/dana-w", "https://www.linkedin.com/in/dana-w"),
    (LINKEDIN, "javascript:alert(1)", Refused('"javascript:alert(1)" is not a LinkedIn address')),
    (LINKEDIN, "https://evil.example/in/dana", Refused("is not a LinkedIn address: give")),
]
CASE_IDS = [f"{rule.field}: {text}" for rule, text, _ in CASES]


def rule_outcome(rule: Rule, text: str, clock: FakeClock) -> object:
    """What the rule gives for the text: the value to store, or its InputError."""
    try:
        return rule.read(text, clock)
    except InputError as error:
        return error


# --- the domain rules -------------------------------------------------------------------------


@pytest.mark.parametrize(("rule", "text", "expected"), CASES, ids=CASE_IDS)
def test_the_rule(rule: Rule, text: str, expected: object, clock: FakeClock) -> None:
    outcome = rule_outcome(rule, text, clock)
    if isinstance(expected, Refused):
        assert isinstance(outcome, InputError)
        assert expected.words in str(outcome)
    else:
        assert outcome == expected


# --- the command line -------------------------------------------------------------------------


@pytest.fixture
def cmd(db_path: Path, clock: FakeClock) -> Netui:
    return Netui(db_path, clock)


@pytest.mark.parametrize(("rule", "text", "_expected"), CASES, ids=CASE_IDS)
def test_the_cli(
    rule: Rule,
    text: str,
    _expected: object,
    cmd: Netui,
    clock: FakeClock,
    services: Services,
    add: Callable[..., int],
) -> None:
    add(KNOWN)
    outcome = rule_outcome(rule, text, clock)
    if isinstance(outcome, InputError):
        assert cmd.fail(*rule.cli_args(text)) == f"netui: error: {rule.option}: {outcome}\n"
        assert rule.stored(services) is NOTHING
    else:
        cmd.ok(*rule.cli_args(text))
        assert rule.stored(services) == outcome


# --- the app's forms --------------------------------------------------------------------------


RULES = list(dict.fromkeys(rule for rule, _, _ in CASES))
# Typed key by key; the other cases are pasted (one event), as Pilot takes ~70 ms a key.
TYPED = frozenset({"in 2 years", "yesterday 14:30", "3pm", "2019"})


@pytest.mark.parametrize("rule", RULES, ids=[rule.field for rule in RULES])
async def test_the_form(
    rule: Rule,
    make_app: AppFactory,
    wait_ready: WaitReady,
    clock: FakeClock,
    services: Services,
    add: Callable[..., int],
) -> None:
    """Every case of one rule, entered into its form in one run of the app.

    A refused case leaves the form open with the message under the field, and the next
    case is entered into the same form; a saved one closes it.
    """
    add(KNOWN)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        # Any screen: the main one now, the rule's form once its key has opened it.
        form: Screen[Any] = app.screen
        for text in (text for case_rule, text, _ in CASES if case_rule is rule):
            outcome = rule_outcome(rule, text, clock)
            before = rule.stored(services)
            if app.screen is app.main_screen:  # the last save closed the form
                await pilot.press(rule.key)
                await pilot.pause()
                form = app.screen
                if rule.key == "n":
                    form.query_one("#name", Input).value = PROBE
            await enter(pilot, form.query_one(f"#{rule.field}", Input), text)
            await pilot.press("ctrl+s")
            await pilot.pause()
            if isinstance(outcome, InputError):
                error = form.query_one(f"#{rule.field}-error", Static)
                assert app.screen is form, text
                assert error.display, text
                assert str(error.render()) == str(outcome), text
                assert rule.stored(services) == before, text
            else:
                assert app.screen is app.main_screen, text
                assert rule.stored(services) == outcome, text


async def enter(pilot: Pilot[None], field: Input, text: str) -> None:
    """Empty the field and enter the text as a person would: typed, or pasted."""
    field.value = ""
    field.focus()
    if text in TYPED:
        await pilot.press(*text)
    else:
        field.post_message(events.Paste(text))
        await pilot.pause()
    assert field.value == text


# --- values stored before the rules ------------------------------------------------------------

OLD_PHONE, OLD_LINKEDIN = "ask reception", "bo.example/me"
"""A phone and a LinkedIn address the rules refuse, as an import or an older netui stored them."""


def stored_before_the_rules(services: Services, db_path: Path) -> int:
    contact_id = services.contacts.add(ContactDraft(full_name=KNOWN)).id
    store_raw(db_path, contact_id, phones=OLD_PHONE, linkedin_url=OLD_LINKEDIN)
    return contact_id


def test_the_cli_edits_a_contact_keeping_what_it_had(
    cmd: Netui, services: Services, db_path: Path
) -> None:
    contact_id = stored_before_the_rules(services, db_path)
    edited = cmd.json("edit", str(contact_id), "--company", "Acme")
    assert (edited["phones"], edited["linkedin_url"]) == ([OLD_PHONE], OLD_LINKEDIN)
    refused = cmd.fail("edit", str(contact_id), "--phone", "abc")
    assert refused.startswith('netui: error: --phone: "abc" is not a phone number')


async def test_the_form_edits_a_contact_keeping_what_it_had(
    services: Services, db_path: Path, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    contact_id = stored_before_the_rules(services, db_path)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#company", Input).value = "Acme"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is app.main_screen
    edited = services.contacts.get(contact_id)
    assert (edited.company, edited.phones, edited.linkedin_url) == (
        "Acme",
        (OLD_PHONE,),
        OLD_LINKEDIN,
    )
