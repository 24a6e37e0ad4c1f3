"""How a restore names problems: by their place in the file, with the domain's rules."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from netui.domain.record_rules import RecordRules
from netui.services.backup import BackupError, BackupService
from netui.services.context import Services

Document = dict[str, Any]


@pytest.fixture
def backup(services: Services, add: Callable[..., int], tmp_path: Path) -> Path:
    for number in range(8):
        add(f"Person {number}")
    path = tmp_path / "small.json"
    services.backup.export_json(path)
    return path


def refusal(
    service: BackupService, backup: Path, change: Callable[[Document], None]
) -> BackupError:
    """The BackupError restoring ``backup`` raises once ``change`` is made to it."""
    document = json.loads(backup.read_text("utf-8"))
    change(document)
    backup.write_text(json.dumps(document), "utf-8")
    with pytest.raises(BackupError) as caught:
        service.restore(backup)
    return caught.value


def test_places_count_the_records_already_refused(backup: Path, empty: Services) -> None:
    def change(document: Document) -> None:
        document["contacts"][0]["status"] = "vip"
        document["contacts"][6]["id"] = document["contacts"][3]["id"]

    assert refusal(empty.backup, backup, change).problems == [
        'contacts[0].status: "vip" is not one of new, top20, later, skip, archived',
        "contacts[6].id: 4 is used twice (also by contacts[3])",
    ]


def test_a_backup_without_settings_has_one_problem(backup: Path, empty: Services) -> None:
    error = refusal(empty.backup, backup, lambda document: document.pop("settings"))
    assert error.problems == ["settings: missing"]


def test_a_row_the_database_refuses_is_named(backup: Path, empty: Services) -> None:
    """A record past every check that the schema still refuses: the place is named."""
    unchecked = BackupService(empty.db, empty.clock, rules=RecordRules())
    error = refusal(unchecked, backup, lambda d: d["contacts"][5].update(status="vip"))
    assert str(error).startswith(f"{backup}: contacts[5]: cannot be restored: CHECK constraint")
    assert empty.contacts.is_empty()


def at_most_two_in_the_top20(
    records: Sequence[Mapping[str, Any]],
) -> Iterator[tuple[int, str, str]]:
    members = [position for position, r in enumerate(records) if r["status"] == "top20"]
    for position in members[2:]:
        yield position, "status", "the Top 20 is already full"


def test_section_rules_from_the_domain_name_the_records_that_break_them(
    backup: Path, empty: Services
) -> None:
    rules = RecordRules(sections={"contact": (at_most_two_in_the_top20,)})
    strict = BackupService(empty.db, empty.clock, rules=rules)

    def change(document: Document) -> None:
        document["contacts"][0]["full_name"] = None  # refused itself, so not counted
        for contact in document["contacts"][1:5]:
            contact["status"] = "top20"

    assert refusal(strict, backup, change).problems == [
        "contacts[0].full_name: must have a value, not null",
        "contacts[3].status: the Top 20 is already full",
        "contacts[4].status: the Top 20 is already full",
    ]
