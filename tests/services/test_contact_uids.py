"""Every contact gets a UID when it is created, whichever way it comes in, and keeps it."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from builders import CONNECTIONS, write_linkedin

from netui.domain.clock import FakeClock
from netui.domain.types import ContactDraft
from netui.services.context import Services, open_services
from netui.services.demo import fill_demo


def every_uid(services: Services) -> list[str]:
    ids = [row.id for row in services.contacts.list_rows()]
    return [contact.uid for contact in services.contacts.get_many(ids)]


def is_uuid(value: str) -> bool:
    return str(uuid.UUID(value)) == value


def test_an_added_contact_has_a_uid_it_keeps_through_edits(
    services: Services, add: Callable[..., int]
) -> None:
    ana = add("Ana Lima")
    uid = services.contacts.get(ana).uid
    assert is_uuid(uid)
    services.contacts.update(ana, ContactDraft(full_name="Ana Lima-Sousa", company="Larkspur"))
    assert services.contacts.get(ana).uid == uid
    assert services.contacts.get(add("Ben Okafor")).uid != uid


def test_demo_people_each_have_their_own_uid(services: Services) -> None:
    fill_demo(services, 50)
    uids = every_uid(services)
    assert len(set(uids)) == 50
    assert all(map(is_uuid, uids))


def test_imported_contacts_each_have_their_own_uid(services: Services, tmp_path: Path) -> None:
    services.imports.run(write_linkedin(tmp_path / "Connections.csv", *CONNECTIONS))
    uids = every_uid(services)
    assert len(set(uids)) == len(CONNECTIONS)
    assert all(map(is_uuid, uids))


@pytest.fixture
def backup(services: Services, add: Callable[..., int], tmp_path: Path) -> Path:
    """A backup of three contacts."""
    for name in ("Ana Lima", "Ben Okafor", "Cleo Vance"):
        add(name)
    path = tmp_path / "backup.json"
    services.backup.export_json(path)
    return path


def test_a_restore_keeps_the_uids_of_the_backup(
    services: Services, backup: Path, tmp_path: Path, clock: FakeClock
) -> None:
    assert [c["uid"] for c in json.loads(backup.read_text("utf-8"))["contacts"]] == every_uid(
        services
    )
    restored = open_services(tmp_path / "restored.db", clock)
    try:
        restored.backup.restore(backup)
        assert every_uid(restored) == every_uid(services)
    finally:
        restored.close()


def test_a_backup_made_before_uids_is_restored_with_new_ones(
    services: Services, backup: Path, tmp_path: Path, clock: FakeClock
) -> None:
    document = json.loads(backup.read_text("utf-8"))
    document["schema"] = "0003"
    for contact in document["contacts"]:
        del contact["uid"]
    backup.write_text(json.dumps(document), "utf-8")
    restored = open_services(tmp_path / "restored.db", clock)
    try:
        restored.backup.restore(backup)
        uids = every_uid(restored)
    finally:
        restored.close()
    assert len(set(uids)) == 3
    assert all(map(is_uuid, uids))
    assert not set(uids) & set(every_uid(services))


def test_a_uid_is_never_handed_on(
    services: Services, add: Callable[..., int], tmp_path: Path
) -> None:
    """Contacts that go (merged away, an import undone) take their UIDs with them."""
    keep, other = add("Ana Lima"), add("Ana Lima", company="Larkspur")
    seen = set(every_uid(services))
    kept_uid = services.contacts.get(keep).uid
    services.merge.merge(keep, other)
    assert services.contacts.get(keep).uid == kept_uid
    summary = services.imports.run(write_linkedin(tmp_path / "Connections.csv", *CONNECTIONS))
    assert summary.batch_id is not None
    seen |= set(every_uid(services))
    services.imports.undo(summary.batch_id)
    for name in ("Ben Okafor", "Cleo Vance"):
        add(name)
    new = set(every_uid(services)) - {kept_uid}
    assert len(seen) == 2 + len(CONNECTIONS)
    assert len(new) == 2
    assert not new & seen
