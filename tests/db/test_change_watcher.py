"""The change watcher: another process's commits are news, this process's own are not."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from netui.db.changes import ChangeWatcher
from netui.domain.clock import FakeClock
from netui.domain.types import ContactDraft, TriageStatus
from netui.services.context import Services, open_services


@pytest.fixture
def watcher(services: Services) -> Iterator[ChangeWatcher]:
    watching = services.db.watch_changes()
    yield watching
    watching.close()


@pytest.fixture
def other(db_path: Path, services: Services) -> Iterator[sqlite3.Connection]:
    """Another program's connection to the same file (it commits each statement)."""
    connection = sqlite3.connect(db_path, isolation_level=None)
    yield connection
    connection.close()


def test_nothing_is_news_at_first(watcher: ChangeWatcher) -> None:
    assert not watcher.others_wrote()


def test_own_writes_and_reads_are_not_news(services: Services, watcher: ChangeWatcher) -> None:
    contact = services.contacts.add(ContactDraft(full_name="Ann Lee"))
    services.triage.set_status([contact.id], TriageStatus.LATER)
    services.contacts.list_rows()
    services.contacts.get(contact.id)
    with services.db.unit_of_work() as work:
        work.session.connection().exec_driver_sql("UPDATE contact SET title = 'Lead'")
        work.commit()
    assert not watcher.others_wrote()


def test_another_connection_committing_is_news_once(
    services: Services, watcher: ChangeWatcher, other: sqlite3.Connection
) -> None:
    services.contacts.add(ContactDraft(full_name="Ann Lee"))
    other.execute("UPDATE contact SET company = 'Acme'")
    assert watcher.others_wrote()
    assert not watcher.others_wrote()


def test_news_from_just_before_an_own_write_is_kept(
    services: Services, watcher: ChangeWatcher, other: sqlite3.Connection
) -> None:
    """Another writer commits, then we write before the next look: theirs is still news."""
    contact = services.contacts.add(ContactDraft(full_name="Ann Lee"))
    other.execute("UPDATE contact SET company = 'Acme'")
    services.triage.set_status([contact.id], TriageStatus.LATER)
    assert watcher.others_wrote()


def test_a_rolled_back_write_by_another_connection_is_not_news(
    services: Services, watcher: ChangeWatcher, other: sqlite3.Connection
) -> None:
    services.contacts.add(ContactDraft(full_name="Ann Lee"))
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE contact SET company = 'Acme'")
    other.execute("ROLLBACK")
    assert not watcher.others_wrote()


def test_a_netui_command_in_another_process_is_news(
    db_path: Path, services: Services, watcher: ChangeWatcher
) -> None:
    subprocess.run(
        [sys.executable, "-m", "netui", "--db", str(db_path), "add", "Bea Ruiz"],
        check=True,
        capture_output=True,
    )
    assert watcher.others_wrote()
    assert [c.full_name for c in services.contacts.find()] == ["Bea Ruiz"]


def test_a_closed_watcher_answers_no_and_own_writes_still_work(
    services: Services, watcher: ChangeWatcher, other: sqlite3.Connection
) -> None:
    watcher.close()
    other.execute("INSERT INTO setting (key, value) VALUES ('x', '\"1\"')")
    services.contacts.add(ContactDraft(full_name="Ann Lee"))
    assert not watcher.others_wrote()


def test_watching_an_up_to_date_file_needs_no_sqlalchemy(services: Services, db_path: Path) -> None:
    """The app starts watching before its list is read; SQLAlchemy waits for a session."""
    services.contacts.add(ContactDraft(full_name="Ann Lee"))
    services.close()
    code = (
        "import sys; from pathlib import Path;"
        "from netui.domain.clock import system_clock;"
        "from netui.services.context import open_services;"
        f"s = open_services(Path({str(db_path)!r}), system_clock);"
        "s.changes.start(); s.contacts.list_rows();"
        "print('sqlalchemy' in sys.modules, s.changes.others_wrote())"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.split() == ["False", "False"], result.stderr


def test_a_watcher_taken_before_the_first_session_hears_of_own_writes(
    db_path: Path, clock: FakeClock, services: Services, other: sqlite3.Connection
) -> None:
    services.contacts.add(ContactDraft(full_name="Ann Lee"))
    services.close()
    reopened = open_services(db_path, clock)
    try:
        watching = reopened.db.watch_changes()  # no session made yet
        reopened.contacts.add(ContactDraft(full_name="Bea Ruiz"))
        assert not watching.others_wrote()
        other.execute("UPDATE contact SET company = 'Acme'")
        assert watching.others_wrote()
    finally:
        reopened.close()
