"""Scripts through the service: names, text, revisions, drafts, delete, as the pane uses them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from builders import store_raw

from netui.domain.clock import FakeClock
from netui.domain.script_types import MAX_SCRIPT_BODY, MAX_SCRIPT_NAME, MAX_SCRIPT_SUBJECT
from netui.domain.scripts import ScriptChannel
from netui.domain.types import Channel, InteractionDraft, Outcome
from netui.errors import NotFoundError, ValidationError
from netui.services.context import Services, open_services

LINKEDIN = ScriptChannel.LINKEDIN_MESSAGE
EMAIL = ScriptChannel.EMAIL


def names(services: Services) -> list[str]:
    return [summary.name for summary in services.scripts.list()]


def test_a_new_script_has_its_first_revision(services: Services, clock: FakeClock) -> None:
    script = services.scripts.create("Warm hello", EMAIL, subject="Hi {first_name}", body="Body")
    assert (script.name, script.channel, script.subject, script.body) == (
        "Warm hello",
        EMAIL,
        "Hi {first_name}",
        "Body",
    )
    assert (script.revision_number, script.builtin_key, script.edited) == (1, None, True)
    assert script.draft is None
    assert script.updated_at == clock()
    assert services.scripts.get(script.id) == script
    (revision,) = services.scripts.revisions(script.id)
    assert (revision.id, revision.number, revision.subject, revision.body) == (
        script.revision_id,
        1,
        "Hi {first_name}",
        "Body",
    )


def test_names_are_cleaned_and_unique_in_any_case(services: Services) -> None:
    script = services.scripts.create("  Straße \x1b[31mcall\x1b[0m  ", ScriptChannel.PHONE)
    assert script.name == "Straße call"
    for taken in ("STRASSE CALL", "straße   call"):
        with pytest.raises(ValidationError) as refused:
            services.scripts.create(taken, LINKEDIN)
        assert refused.value.field == "name"
        assert "is taken" in refused.value.message
    for blank in ("", "   ", "\x1b[0m"):
        with pytest.raises(ValidationError, match="needs a name"):
            services.scripts.create(blank, LINKEDIN)
    with pytest.raises(ValidationError, match=f"at most {MAX_SCRIPT_NAME}"):
        services.scripts.create("n" * (MAX_SCRIPT_NAME + 1), LINKEDIN)
    assert names(services) == ["Straße call"]


def test_find_ignores_case_and_names_what_it_did_not_find(services: Services) -> None:
    script = services.scripts.create("Straße call", ScriptChannel.PHONE)
    assert services.scripts.find("STRASSE CALL").id == script.id
    assert services.scripts.find("  straße   call ").id == script.id
    with pytest.raises(NotFoundError) as missing:
        services.scripts.find("[red]No such[/red]\n" + "x" * 500)
    message = str(missing.value)
    assert message.startswith('no script named "[red]No such[/red] xxx')
    assert len(message) < 100
    assert "\n" not in message


def test_a_name_stored_uncleaned_is_found_by_what_it_shows(
    services: Services, db_path: Path
) -> None:
    script = services.scripts.create("Placeholder", LINKEDIN)
    store_raw(db_path, script.id, table="script", name="\x1b[1mLoud\x1b[0m hello")
    assert services.scripts.find("loud HELLO").id == script.id


def test_text_is_cleaned_and_bounded(services: Services) -> None:
    script = services.scripts.create(
        "Cleaned",
        EMAIL,
        subject="Hello\nthere \x07",
        body="\n\nLine one\x1b]0;title\x07  \r\nLine\ttwo\n\n",
    )
    assert (script.subject, script.body) == ("Hello there", "Line one\nLine two")
    with pytest.raises(ValidationError) as refused:
        services.scripts.save(script.id, "s" * (MAX_SCRIPT_SUBJECT + 1), "")
    assert refused.value.field == "subject"
    with pytest.raises(ValidationError) as refused:
        services.scripts.save(script.id, "", "b" * (MAX_SCRIPT_BODY + 1))
    assert refused.value.field == "body"
    with pytest.raises(ValidationError) as refused:
        services.scripts.save_draft(script.id, "", "b" * (MAX_SCRIPT_BODY + 1))
    assert refused.value.field == "body"
    assert services.scripts.get(script.id) == script


def test_rename_and_channel(services: Services, clock: FakeClock) -> None:
    first = services.scripts.create("First", LINKEDIN)
    services.scripts.create("Second", LINKEDIN)
    clock.advance(minutes=1)
    assert services.scripts.rename(first.id, "FIRST").name == "FIRST"  # its own name, in capitals
    with pytest.raises(ValidationError) as refused:
        services.scripts.rename(first.id, "second")
    assert refused.value.field == "name"
    changed = services.scripts.set_channel(first.id, ScriptChannel.TEXT)
    assert changed.channel is ScriptChannel.TEXT
    assert changed.updated_at == clock()
    assert changed.revision_number == 1  # neither is a new text
    with pytest.raises(NotFoundError, match="no script with id 999"):
        services.scripts.rename(999, "Anything")


def test_saving_makes_a_revision_only_when_the_text_changes(
    services: Services, clock: FakeClock
) -> None:
    script = services.scripts.create("Notes", ScriptChannel.PHONE, body="One")
    clock.advance(minutes=1)
    second = services.scripts.save(script.id, "", "Two")
    assert (second.body, second.revision_number) == ("Two", 2)
    assert second.revision_id != script.revision_id
    again = services.scripts.save(script.id, "", "  Two\n")
    assert again.revision_id == second.revision_id
    history = services.scripts.revisions(script.id)
    assert [(r.number, r.body) for r in history] == [(2, "Two"), (1, "One")]
    assert history[0].saved_at == clock()
    assert services.scripts.revision(history[1].id) == history[1]


def test_a_draft_is_kept_apart_from_the_saved_text_until_saved(
    services: Services, clock: FakeClock, db_path: Path
) -> None:
    script = services.scripts.create("Drafty", EMAIL, subject="S", body="Saved")
    clock.advance(minutes=3)
    draft = services.scripts.save_draft(script.id, "S2", "Typing\x1b[2J…")
    assert (draft.subject, draft.body, draft.saved_at) == ("S2", "Typing…", clock())

    # Another netui (or the app after a kill) finds it; the saved text is unchanged.
    other = open_services(db_path, clock)
    found = other.scripts.get(script.id)
    other.close()
    assert found.draft == draft
    assert (found.subject, found.body, found.revision_number) == ("S", "Saved", 1)
    assert found.updated_at == script.updated_at  # a draft is not a saved change
    assert [s.has_draft for s in services.scripts.list()] == [True]

    saved = services.scripts.save(script.id, draft.subject, draft.body)
    assert saved.draft is None
    assert (saved.subject, saved.body, saved.revision_number) == ("S2", "Typing…", 2)


def test_discarding_a_draft_and_a_draft_equal_to_the_saved_text(services: Services) -> None:
    script = services.scripts.create("Drafty", LINKEDIN, body="Saved")
    services.scripts.save_draft(script.id, "", "Changed")
    assert services.scripts.discard_draft(script.id).draft is None
    services.scripts.save_draft(script.id, "", "Changed")
    services.scripts.save_draft(script.id, "", "Saved\n")  # typed back to what was saved
    assert services.scripts.get(script.id).draft is None
    services.scripts.save_draft(script.id, "", "Changed")
    assert services.scripts.save(script.id, "", "Saved").draft is None  # same text: no revision
    assert services.scripts.get(script.id).revision_number == 1


def test_restore_saves_an_old_text_as_a_new_revision(services: Services) -> None:
    script = services.scripts.create("Restorable", LINKEDIN, body="First")
    services.scripts.save(script.id, "", "Second")
    restored = services.scripts.restore_revision(script.id, script.revision_id)
    assert (restored.body, restored.revision_number) == ("First", 3)
    assert [r.body for r in services.scripts.revisions(script.id)] == ["First", "Second", "First"]
    other = services.scripts.create("Other", LINKEDIN, body="Elsewhere")
    with pytest.raises(ValidationError) as refused:
        services.scripts.restore_revision(script.id, other.revision_id)
    assert refused.value.field == "revision"
    with pytest.raises(NotFoundError, match="no script revision with id 12345"):
        services.scripts.restore_revision(script.id, 12345)


def test_duplicate_copies_the_saved_text_under_a_free_name(services: Services) -> None:
    script = services.scripts.create("Intro", EMAIL, subject="Subj", body="Saved")
    services.scripts.save_draft(script.id, "", "Unsaved draft")
    copy = services.scripts.duplicate(script.id)
    assert (copy.name, copy.channel, copy.subject, copy.body) == (
        "Intro (copy)",
        EMAIL,
        "Subj",
        "Saved",
    )
    assert (copy.draft, copy.revision_number, copy.builtin_key) == (None, 1, None)
    assert services.scripts.duplicate(script.id).name == "Intro (copy 2)"
    assert services.scripts.duplicate(script.id, "  Mine ").name == "Mine"
    with pytest.raises(ValidationError) as refused:
        services.scripts.duplicate(script.id, "INTRO")
    assert refused.value.field == "name"
    long = services.scripts.create("L" * MAX_SCRIPT_NAME, LINKEDIN)
    long_copy = services.scripts.duplicate(long.id).name
    assert long_copy.endswith(" (copy)")
    assert len(long_copy) == MAX_SCRIPT_NAME


def test_an_unused_script_is_deleted_with_its_revisions(services: Services) -> None:
    script = services.scripts.create("Short-lived", LINKEDIN, body="One")
    services.scripts.save(script.id, "", "Two")
    services.scripts.delete(script.id)
    assert names(services) == []
    with pytest.raises(NotFoundError):
        services.scripts.get(script.id)
    with pytest.raises(NotFoundError):
        services.scripts.revision(script.revision_id)
    with pytest.raises(NotFoundError):
        services.scripts.delete(script.id)


def test_a_used_script_is_hidden_and_its_history_kept(
    services: Services, add: Callable[..., int], clock: FakeClock
) -> None:
    person = add("Odile Marsh")
    script = services.scripts.create("Used once", LINKEDIN, body="Hello {first_name}")
    services.interactions.log(
        person,
        InteractionDraft(Channel.MESSAGE, Outcome.REPLIED, script_revision_id=script.revision_id),
    )
    clock.advance(minutes=1)
    services.scripts.delete(script.id)

    assert names(services) == []
    with pytest.raises(NotFoundError):
        services.scripts.find("Used once")
    kept = services.scripts.revision(script.revision_id)
    assert (kept.body, kept.used) == ("Hello {first_name}", 1)
    (logged,) = services.interactions.history(person)
    assert logged.script_revision_id == script.revision_id
    # Its name is free again.
    assert services.scripts.create("USED ONCE", LINKEDIN).name == "USED ONCE"


def test_a_huge_id_names_no_script(services: Services) -> None:
    with pytest.raises(NotFoundError, match="no script with id"):
        services.scripts.get(2**63)
    with pytest.raises(NotFoundError, match="no script revision with id"):
        services.scripts.revision(2**70)


def test_updated_at_moves_with_a_save_only(services: Services, clock: FakeClock) -> None:
    script = services.scripts.create("Timed", LINKEDIN, body="One")
    clock.advance(timedelta(hours=1))
    services.scripts.save_draft(script.id, "", "Two")
    assert services.scripts.get(script.id).updated_at == script.updated_at
    assert services.scripts.save(script.id, "", "Two").updated_at == clock()
