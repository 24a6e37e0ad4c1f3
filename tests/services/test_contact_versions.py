"""An update made from a version of a contact: written only if it is still the stored one."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from netui.db.contacts import ContactRepository
from netui.domain.types import Contact
from netui.errors import ContactChangedError
from netui.services.context import Services


def test_an_update_from_an_older_version_writes_nothing(
    services: Services, add: Callable[..., int]
) -> None:
    contact_id = add("Ann Lee", company="Acme")
    seen = services.contacts.get(contact_id).to_draft()
    services.contacts.update(contact_id, replace(seen, company="Copperline"))  # another netui
    with pytest.raises(ContactChangedError, match="nothing was written"):
        services.contacts.update(contact_id, replace(seen, title="Lead"), expected=seen)
    stored = services.contacts.get(contact_id)
    assert (stored.company, stored.title) == ("Copperline", "")


def test_an_update_from_the_stored_version_is_written(
    services: Services, add: Callable[..., int]
) -> None:
    contact_id = add("Ann Lee", company="Acme")
    seen = services.contacts.get(contact_id).to_draft()
    saved = services.contacts.update(contact_id, replace(seen, title="Lead"), expected=seen)
    assert (saved.company, saved.title) == ("Acme", "Lead")


def test_no_one_can_write_between_the_look_and_the_write(
    services: Services,
    add: Callable[..., int],
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    contact_id = add("Ann Lee", company="Acme")
    seen = services.contacts.get(contact_id).to_draft()
    other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    attempts: list[str] = []
    real_get = ContactRepository.get

    def get_while_another_writes(repository: ContactRepository, wanted: int) -> Contact:
        try:
            other.execute("UPDATE contact SET company = 'Sneaky'")
            attempts.append("written")
        except sqlite3.OperationalError:
            attempts.append("locked out")
        return real_get(repository, wanted)

    monkeypatch.setattr(ContactRepository, "get", get_while_another_writes)
    services.contacts.update(contact_id, replace(seen, title="Lead"), expected=seen)
    other.close()
    assert attempts == ["locked out"]
