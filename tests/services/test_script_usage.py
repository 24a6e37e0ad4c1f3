"""Scripts meet people: logged with a revision, counted, filled in from contact and profile."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from netui.domain.clock import FakeClock
from netui.domain.script_inputs import MAX_PROFILE_SITUATION
from netui.domain.script_render import SegmentKind
from netui.domain.script_values import Profile
from netui.domain.scripts import REPLY_OR_BETTER, ScriptChannel
from netui.domain.types import Channel, DatePrecision, InteractionDraft, LooseDate, Outcome
from netui.errors import NotFoundError, ValidationError
from netui.services.context import Services

HOSTILE = "[bold red]Zoë[/] \x1b]52;c;aGk=\x07O'Brien"


def log(services: Services, contact: int, outcome: Outcome, revision: int | None) -> None:
    draft = InteractionDraft(Channel.MESSAGE, outcome, script_revision_id=revision)
    services.interactions.log(contact, draft)


def test_an_interaction_records_its_script_revision(
    services: Services, add: Callable[..., int]
) -> None:
    person = add("Odile Marsh")
    script = services.scripts.create("Hello", ScriptChannel.LINKEDIN_MESSAGE, body="Hi")
    logged = services.interactions.log(
        person,
        InteractionDraft(Channel.MESSAGE, Outcome.REPLIED, script_revision_id=script.revision_id),
    )
    assert logged.script_revision_id == script.revision_id
    assert services.interactions.history(person)[0] == logged
    plain = services.interactions.log(person, InteractionDraft(Channel.CALL, Outcome.TALKED))
    assert plain.script_revision_id is None


@pytest.mark.parametrize("revision", [424242, 2**63, 2**80])
def test_an_unknown_revision_is_refused_and_nothing_logged(
    services: Services, add: Callable[..., int], revision: int
) -> None:
    person = add("Odile Marsh")
    with pytest.raises(ValidationError) as refused:
        log(services, person, Outcome.REPLIED, revision)
    assert refused.value.field == "script"
    assert str(revision) in refused.value.message
    assert services.interactions.history(person) == []
    assert services.contacts.get(person).last_contacted is None


def test_usage_counts_every_revision_and_replies_or_better(
    services: Services, add: Callable[..., int]
) -> None:
    ada, bruno = add("Ada Okafor"), add("Bruno Salas")
    script = services.scripts.create("Counted", ScriptChannel.EMAIL, body="One")
    first = script.revision_id
    second = services.scripts.save(script.id, "", "Two").revision_id
    other = services.scripts.create("Other", ScriptChannel.EMAIL, body="x")
    for outcome in Outcome:  # once with each outcome, over both revisions
        log(services, ada, outcome, first if outcome.reached else second)
    log(services, bruno, Outcome.TALKED, other.revision_id)
    log(services, bruno, Outcome.DECLINED, None)

    usage = services.scripts.get(script.id).usage
    assert (usage.used, usage.replied) == (len(Outcome), len(REPLY_OR_BETTER))
    assert usage.reply_rate == len(REPLY_OR_BETTER) / len(Outcome)
    listed = {s.name: s.usage for s in services.scripts.list()}
    assert listed["Counted"] == usage
    assert (listed["Other"].used, listed["Other"].replied) == (1, 1)
    reached = sum(outcome.reached for outcome in Outcome)
    assert [r.used for r in services.scripts.revisions(script.id)] == [
        len(Outcome) - reached,
        reached,
    ]
    assert {
        Outcome.REPLIED,
        Outcome.TALKED,
        Outcome.MEETING_SET,
        Outcome.REFERRAL,
    } == REPLY_OR_BETTER


def test_a_new_script_is_unused(services: Services) -> None:
    script = services.scripts.create("Fresh", ScriptChannel.TEXT)
    assert (script.usage.used, script.usage.replied, script.usage.reply_rate) == (0, 0, None)


def test_the_profile_is_cleaned_bounded_and_kept(services: Services) -> None:
    assert services.scripts.profile() == Profile()
    stored = services.scripts.set_profile(
        Profile(" Sam\nOrtega ", "moving into\x1b[31m data work", "[b]an intro[/b]")
    )
    assert stored == Profile("Sam Ortega", "moving into data work", "[b]an intro[/b]")
    assert services.scripts.profile() == stored
    with pytest.raises(ValidationError) as refused:
        services.scripts.set_profile(Profile("Sam", "s" * (MAX_PROFILE_SITUATION + 1), ""))
    assert refused.value.field == "situation"
    assert services.scripts.profile() == stored


def test_a_profile_setting_netui_did_not_write_reads_as_blank(services: Services) -> None:
    from netui.db.settings import SettingsRepository

    with services.db.session() as session:
        SettingsRepository(session).set("profile", {"name": 7, "ask": "help"})
    assert services.scripts.profile() == Profile(ask="help")
    with services.db.session() as session:
        SettingsRepository(session).set("profile", ["not", "an", "object"])
    assert services.scripts.profile() == Profile()


def test_values_come_from_the_contact_its_last_note_and_the_profile(
    services: Services, add: Callable[..., int], clock: FakeClock
) -> None:
    person = add(
        "Ada Okafor",
        company="Larkspur Analytics",
        title="Data Lead",
        how_we_met="the 2017 charity ride",
        last_contacted=LooseDate(date(2022, 10, 1), DatePrecision.MONTH),
    )
    services.scripts.set_profile(Profile("Sam Ortega", "leaving retail", "advice"))
    assert services.scripts.values_for(person)["last_note"] == ""
    for note in ("Older note", "Talked about her new team"):
        clock.advance(timedelta(minutes=1))
        services.interactions.log(person, InteractionDraft(Channel.CALL, Outcome.TALKED, note=note))
    values = services.scripts.values_for(person)
    assert values == {
        "first_name": "Ada",
        "last_name": "Okafor",
        "full_name": "Ada Okafor",
        "company": "Larkspur Analytics",
        "title": "Data Lead",
        "how_we_met": "the 2017 charity ride",
        "time_since": "a little while",  # logging the calls made it today
        "last_note": "Talked about her new team",
        "my_name": "Sam Ortega",
        "my_situation": "leaving retail",
        "my_ask": "advice",
    }
    with pytest.raises(NotFoundError, match="no contact with id 999"):
        services.scripts.values_for(999)


def test_time_since_follows_the_clock(
    services: Services, add: Callable[..., int], clock: FakeClock
) -> None:
    person = add("Chen Wu", last_contacted=LooseDate(date(2022, 11, 1), DatePrecision.MONTH))
    assert services.scripts.values_for(person)["time_since"] == "about four years"
    clock.advance(timedelta(days=366))
    assert services.scripts.values_for(person)["time_since"] == "about five years"


def test_render_fills_the_saved_text_and_keeps_hostile_text_literal(
    services: Services, add: Callable[..., int]
) -> None:
    person = add(HOSTILE, first_name=HOSTILE)
    script = services.scripts.create(
        "Mail", ScriptChannel.EMAIL, subject="Hi {first_name}", body="Dear {first_name}, {my_ask}"
    )
    services.scripts.save_draft(script.id, "", "Unsaved: not rendered")
    rendered = services.scripts.render(script.id, person)
    shown_name = services.contacts.get(person).first_name  # as stored: cleaned, markup kept
    assert "[bold red]" in shown_name
    assert "\x1b" not in shown_name
    assert rendered.subject is not None
    assert rendered.subject.text == f"Hi {shown_name}"
    assert rendered.body.text == f"Dear {shown_name}, "
    assert (rendered.revision_id, rendered.contact_id, rendered.limit) == (
        script.revision_id,
        person,
        None,
    )
    assert any("my_ask" in warning for warning in rendered.warnings)
    kinds = [segment.kind for segment in rendered.body.segments]
    assert kinds == [SegmentKind.TEXT, SegmentKind.VALUE, SegmentKind.TEXT, SegmentKind.MISSING]


def test_render_warns_when_a_short_channel_runs_over(
    services: Services, add: Callable[..., int]
) -> None:
    person = add("Ada Okafor")
    script = services.scripts.create("Long", ScriptChannel.TEXT, body="word " * 40)
    rendered = services.scripts.render(script.id, person)
    assert rendered.over_limit
    assert rendered.warnings[-1].startswith(f"{rendered.length} characters: over the 160")
    with pytest.raises(NotFoundError):
        services.scripts.render(script.id, 999)
