"""Scripts in a JSON backup: restored exactly, and held to the Script pane's rules first."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from netui.domain.script_types import MAX_SCRIPT_NAME
from netui.domain.scripts import ScriptChannel
from netui.domain.types import Channel, InteractionDraft, Outcome
from netui.services.backup import BackupError
from netui.services.context import Services

Document = dict[str, Any]


@pytest.fixture
def backup(services: Services, add: Callable[..., int], tmp_path: Path) -> Path:
    """Two live scripts and a hidden one of the same name as the first, used by a call."""
    person = add("Odile Marsh")
    kept = services.scripts.create("Hello", ScriptChannel.EMAIL, subject="Hi", body="Body")
    services.interactions.log(
        person,
        InteractionDraft(Channel.CALL, Outcome.TALKED, script_revision_id=kept.revision_id),
    )
    services.scripts.delete(kept.id)
    services.scripts.create("hello", ScriptChannel.TEXT, body="Short")
    services.scripts.create("Other", ScriptChannel.PHONE, body="Points")
    path = tmp_path / "scripts.json"
    services.backup.export_json(path)
    return path


def problems(empty: Services, backup: Path, change: Callable[[Document], None]) -> list[str]:
    document = json.loads(backup.read_text("utf-8"))
    change(document)
    backup.write_text(json.dumps(document), "utf-8")
    with pytest.raises(BackupError) as caught:
        empty.backup.restore(backup)
    return caught.value.problems


def test_scripts_and_the_revision_a_call_used_come_back(backup: Path, empty: Services) -> None:
    empty.backup.restore(backup)
    assert [s.name for s in empty.scripts.list()] == ["hello", "Other"]
    (call,) = empty.interactions.history(1)
    revision = empty.scripts.revision(call.script_revision_id or 0)
    assert (revision.subject, revision.body, revision.used) == ("Hi", "Body", 1)


def test_live_names_must_differ_in_more_than_case(backup: Path, empty: Services) -> None:
    def clash(document: Document) -> None:
        document["scripts"][2]["name"] = "HELLO"

    assert problems(empty, backup, clash) == [
        'scripts[2].name: "HELLO" is taken (by the script with id 2)'
    ]


def test_script_fields_keep_the_panes_rules(backup: Path, empty: Services) -> None:
    def break_them(document: Document) -> None:
        document["scripts"][1]["channel"] = "message"
        document["scripts"][2]["name"] = "\x1b[0m "
        document["script_revisions"][1]["number"] = 0
        document["scripts"][1]["draft_body"] = "x" * 30_000

    assert problems(empty, backup, break_them) == [
        'scripts[1].channel: "message" is not one of phone, email, linkedin_message,'
        " linkedin_invite, text",
        "scripts[1].draft_body: is 30,000 characters long (the limit is 20,000)",
        "scripts[2].name: a script needs a name",
        "script_revisions[1].number: 0 is not a number from 1 up",
        "script_revisions[2].script_id: 3 is not the id of any script in the backup",
    ]


def test_text_is_cleaned_on_the_way_in(backup: Path, empty: Services) -> None:
    def dirty(document: Document) -> None:
        document["scripts"][2]["name"] = "Oth\x1b[31mer  \u202e"
        document["script_revisions"][2]["subject"] = "line\nbreak"

    document = json.loads(backup.read_text("utf-8"))
    dirty(document)
    backup.write_text(json.dumps(document), "utf-8")
    empty.backup.restore(backup)
    assert [s.name for s in empty.scripts.list()] == ["hello", "Other"]
    assert empty.scripts.revision(3).subject == "line break"


def test_a_name_too_long_is_named(backup: Path, empty: Services) -> None:
    def long(document: Document) -> None:
        document["scripts"][0]["name"] = "n" * (MAX_SCRIPT_NAME + 1)

    assert problems(empty, backup, long) == [
        f"scripts[0].name: is {MAX_SCRIPT_NAME + 1} characters long"
        f" (the limit is {MAX_SCRIPT_NAME})",
        "script_revisions[0].script_id: 1 is not the id of any script in the backup",
    ]


def test_two_revisions_of_one_number_are_refused(backup: Path, empty: Services) -> None:
    def twice(document: Document) -> None:
        document["script_revisions"][1]["script_id"] = 1
        document["script_revisions"][1]["number"] = 1

    assert problems(empty, backup, twice) == [
        "script_revisions[1].script_id: 1, 1 is used twice (also by script_revisions[0])"
    ]
