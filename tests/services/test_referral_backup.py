"""The JSON backup keeps who referred whom, and a restore checks those links first."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from builders import NOW, table_dump

from netui.domain.clock import FakeClock
from netui.domain.types import ContactDraft
from netui.services.backup import BackupError
from netui.services.context import Services, open_services


@pytest.fixture
def referred(services: Services, add: Callable[..., int]) -> list[int]:
    """Four people; the newest referred the oldest, so a link points at a later record."""
    ann, bo, cy = add("Ann Lee"), add("Bo Park"), add("Cy Dunmore")
    di = services.referrals.add_referred(bo, ContactDraft(full_name="Di Faro")).id
    services.referrals.link(ann, di)  # Ann (id 1) was referred by Di (id 4)
    services.referrals.link(cy, bo)
    return [ann, bo, cy, di]


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Services]:
    opened = open_services(tmp_path / "fresh.db", FakeClock(NOW + timedelta(days=1)))
    yield opened
    opened.close()


def backup(services: Services, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    path = tmp_path / "backup.json"
    services.backup.export_json(path)
    return path, json.loads(path.read_text("utf-8"))


def rewrite(path: Path, document: dict[str, Any]) -> Path:
    out = path.with_name("edited.json")
    out.write_text(json.dumps(document), "utf-8")
    return out


def test_referrals_come_back_exactly(
    services: Services, fresh: Services, referred: list[int], tmp_path: Path
) -> None:
    path, document = backup(services, tmp_path)
    ann, bo, cy, di = referred
    links = {c["id"]: c["referred_by_id"] for c in document["contacts"]}
    assert links == {ann: di, bo: None, cy: bo, di: bo}

    fresh.backup.restore(path)
    assert table_dump(fresh.db.path)["contact"] == table_dump(services.db.path)["contact"]
    assert fresh.referrals.chain_for(ann).ids == (bo, di, ann)
    assert [chain.ids for chain in fresh.referrals.chains()] == [(bo, di, ann), (bo, cy)]


def test_a_referrer_missing_from_the_backup_is_named(
    services: Services, fresh: Services, referred: list[int], tmp_path: Path
) -> None:
    path, document = backup(services, tmp_path)
    document["contacts"][2]["referred_by_id"] = 999
    with pytest.raises(BackupError) as refused:
        fresh.backup.restore(rewrite(path, document))
    assert str(refused.value).endswith(
        "edited.json: contacts[2].referred_by_id: 999 is not the id of any contact in the backup"
    )
    assert fresh.contacts.counts().total == 0


def test_a_loop_of_referrals_is_refused(
    services: Services, fresh: Services, referred: list[int], tmp_path: Path
) -> None:
    path, document = backup(services, tmp_path)
    ann, bo, _, _ = referred
    document["contacts"][bo - 1]["referred_by_id"] = ann  # Bo → Di → Ann → Bo
    with pytest.raises(BackupError) as refused:
        fresh.backup.restore(rewrite(path, document))
    assert "contacts[3].referred_by_id: 2 closes a loop of referrals" in str(refused.value)
    assert fresh.contacts.counts().total == 0


def test_a_contact_referred_by_themselves_is_refused(
    services: Services, fresh: Services, referred: list[int], tmp_path: Path
) -> None:
    path, document = backup(services, tmp_path)
    document["contacts"][1]["referred_by_id"] = document["contacts"][1]["id"]
    with pytest.raises(BackupError, match=r"contacts\[1\]\.referred_by_id: .*by themselves"):
        fresh.backup.restore(rewrite(path, document))


def test_a_backup_from_before_referrals_still_restores(
    services: Services, fresh: Services, referred: list[int], tmp_path: Path
) -> None:
    path, document = backup(services, tmp_path)
    document["schema"] = "0006"
    for contact in document["contacts"]:
        del contact["referred_by_id"]
    fresh.backup.restore(rewrite(path, document))
    assert fresh.contacts.counts().total == 4
    assert fresh.referrals.chains() == []


def test_the_database_names_a_reference_that_got_past_the_checks(fresh: Services) -> None:
    from netui.db.backup import BackupRepository, RestoreConflictError

    contact = {
        "id": 1,
        "full_name": "Ann Lee",
        "uid": "uid-ann",
        "referred_by_id": 7,
        "created_at": NOW,
        "updated_at": NOW,
    }
    with pytest.raises(RestoreConflictError) as refused, fresh.db.session() as session:
        BackupRepository(session).restore({"contact": [contact]}, {})
    assert str(refused.value) == "contacts (row 1): points at a missing contact"
    assert fresh.contacts.counts().total == 0
