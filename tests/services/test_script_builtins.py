"""Built-in scripts: added once, refreshed only while unedited, reset only when asked."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import event

from netui.domain import builtin_scripts
from netui.domain.builtin_scripts import BUILTIN_SCRIPTS, BuiltinScript
from netui.domain.clean_text import clean_multiline
from netui.domain.clock import FakeClock
from netui.domain.scripts import ScriptChannel
from netui.errors import ValidationError
from netui.services import scripts as script_service
from netui.services.context import Services, open_services

KEYS = [script.key for script in BUILTIN_SCRIPTS]


def by_key(services: Services, key: str) -> int:
    return next(s.id for s in services.scripts.list() if s.builtin_key == key)


def improved(script: BuiltinScript) -> BuiltinScript:
    return dataclasses.replace(script, version=2, body=f"Better words for {script.key}.")


@pytest.fixture
def newer_netui(monkeypatch: pytest.MonkeyPatch) -> tuple[BuiltinScript, ...]:
    """netui upgraded: every built-in's text improved (version 2)."""
    shipped = tuple(improved(script) for script in BUILTIN_SCRIPTS)
    monkeypatch.setattr(builtin_scripts, "BUILTIN_SCRIPTS", shipped)
    monkeypatch.setattr(script_service, "BUILTIN_SCRIPTS", shipped)
    return shipped


def installed_by_the_older_netui(services: Services) -> None:
    with pytest.MonkeyPatch.context() as older:
        older.setattr(builtin_scripts, "BUILTIN_SCRIPTS", BUILTIN_SCRIPTS)
        older.setattr(script_service, "BUILTIN_SCRIPTS", BUILTIN_SCRIPTS)
        services.scripts.ensure_builtins()


def test_builtins_arrive_once_in_netuis_order_before_the_users(services: Services) -> None:
    services.scripts.create("Aardvark", ScriptChannel.TEXT)
    services.scripts.ensure_builtins()
    services.scripts.ensure_builtins()
    listed = services.scripts.list()
    assert [s.builtin_key for s in listed] == [*KEYS, None]
    assert [s.name for s in listed] == [*(s.name for s in BUILTIN_SCRIPTS), "Aardvark"]
    assert not any(s.edited for s in listed[:-1])
    assert listed[-1].edited
    email = services.scripts.get(by_key(services, "email"))
    assert email.channel is ScriptChannel.EMAIL
    assert email.subject == BUILTIN_SCRIPTS[1].subject
    assert email.body == clean_multiline(BUILTIN_SCRIPTS[1].body)


def test_nothing_to_do_is_one_read_and_no_write(services: Services) -> None:
    assert services.scripts.builtins_due()
    services.scripts.ensure_builtins()
    assert not services.scripts.builtins_due()
    statements: list[str] = []

    def record(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(services.db.engine, "before_cursor_execute", record)
    try:
        services.scripts.ensure_builtins()
    finally:
        event.remove(services.db.engine, "before_cursor_execute", record)
    assert len(statements) == 1
    assert statements[0].lstrip().startswith("SELECT")


def test_a_name_the_user_already_uses_gets_a_marked_builtin(services: Services) -> None:
    mine = services.scripts.create("reconnect EMAIL", ScriptChannel.PHONE)
    services.scripts.ensure_builtins()
    assert services.scripts.get(by_key(services, "email")).name == "Reconnect email (netui)"
    assert services.scripts.get(mine.id).name == "reconnect EMAIL"


def test_only_unedited_builtins_are_refreshed_when_netui_improves_them(
    services: Services, newer_netui: tuple[BuiltinScript, ...]
) -> None:
    installed_by_the_older_netui(services)
    phone, email, message, invite = (
        by_key(services, key) for key in ("phone", "email", "linkedin_message", "linkedin_invite")
    )
    services.scripts.rename(phone, "My talking points")  # a new name is not new words
    services.scripts.save(email, "Subject", "My own words, {first_name}.")
    services.scripts.save_draft(message, "", "Half-typed")
    services.scripts.delete(invite)
    before = {key: services.scripts.get(by_key(services, key)) for key in ("email", "follow_up")}

    services.scripts.ensure_builtins()

    refreshed = services.scripts.get(phone)
    assert (refreshed.name, refreshed.body) == ("My talking points", "Better words for phone.")
    assert (refreshed.revision_number, refreshed.edited) == (2, False)
    assert services.scripts.get(email) == before["email"]
    kept = services.scripts.get(message)
    assert (kept.revision_number, kept.draft is not None) == (1, True)
    assert services.scripts.get(by_key(services, "follow_up")).body == "Better words for follow_up."
    assert "linkedin_invite" not in [s.builtin_key for s in services.scripts.list()]


def test_saving_netuis_own_text_again_makes_it_unedited(
    services: Services, newer_netui: tuple[BuiltinScript, ...]
) -> None:
    services.scripts.ensure_builtins()
    phone = services.scripts.get(by_key(services, "phone"))
    assert services.scripts.save(phone.id, "", "Mine").edited
    assert not services.scripts.save(phone.id, "", phone.body).edited
    old = services.scripts.restore_revision(phone.id, phone.revision_id)
    assert not old.edited


def test_a_deleted_builtin_stays_deleted(services: Services) -> None:
    services.scripts.ensure_builtins()
    invite = by_key(services, "linkedin_invite")
    services.scripts.delete(invite)
    services.scripts.ensure_builtins()
    assert "linkedin_invite" not in [s.builtin_key for s in services.scripts.list()]
    # Its name is free for a script of the user's own.
    assert services.scripts.create("LinkedIn invitation note", ScriptChannel.LINKEDIN_INVITE)


def test_reset_puts_netuis_text_and_channel_back(services: Services) -> None:
    services.scripts.ensure_builtins()
    phone = services.scripts.get(by_key(services, "phone"))
    services.scripts.save(phone.id, "", "Scribbles")
    services.scripts.set_channel(phone.id, ScriptChannel.TEXT)
    reset = services.scripts.reset_to_builtin(phone.id)
    assert (reset.body, reset.channel, reset.edited) == (phone.body, ScriptChannel.PHONE, False)
    assert reset.revision_number == 3
    assert services.scripts.reset_to_builtin(phone.id).revision_number == 3  # nothing new

    mine = services.scripts.create("[b]Mine[/b]", ScriptChannel.TEXT)
    with pytest.raises(ValidationError) as refused:
        services.scripts.reset_to_builtin(mine.id)
    assert refused.value.field == "script"
    assert '"[b]Mine[/b]" did not start as one of netui' in refused.value.message
    copy = services.scripts.duplicate(phone.id)
    with pytest.raises(ValidationError):
        services.scripts.reset_to_builtin(copy.id)  # a copy is the user's own


def test_two_netuis_adding_builtins_make_one_set(db_path: Path, clock: FakeClock) -> None:
    first, second = open_services(db_path, clock), open_services(db_path, clock)
    try:
        first.scripts.ensure_builtins()
        second.scripts.ensure_builtins()
        assert [s.builtin_key for s in second.scripts.list()] == KEYS
    finally:
        first.close()
        second.close()
