"""The JSON backup: complete, exact through a restore, and refused when it cannot be exact."""

from __future__ import annotations

import json
import sqlite3
import stat
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from netui.db.backup import SECTION_KEYS, column_kind, sections
from netui.db.models import (
    Base,
    ImportBatchModel,
    TimerPauseModel,
    TimerSessionModel,
)
from netui.db.schema_version import HEAD
from netui.db.settings import SettingsRepository
from netui.domain.clean_text import clean_multiline
from netui.domain.clock import FakeClock
from netui.domain.listing import SortKey, StatusFilter
from netui.domain.script_values import Profile
from netui.domain.scripts import ScriptChannel
from netui.domain.types import (
    Channel,
    ContactDraft,
    DatePrecision,
    InteractionDraft,
    LooseDate,
    Outcome,
    TriageStatus,
)
from netui.errors import NetuiError
from netui.services.backup import BackupError, RestoreRefusedError, RestoreSummary
from netui.services.context import Services, open_services
from netui.services.demo import fill_demo

NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)
HOSTILE_NOTES = 'Line one\nline two\r\n"quoted", semi; back\\slash \x00 nul 🎉 \u202e bidi'


def fill_everything(services: Services) -> None:
    """Demo contacts plus a row in every other table, and some awkward text."""
    fill_demo(services, 200, seed=3, practice=False)
    hostile = services.contacts.add(
        ContactDraft(
            full_name="Zoë “Ziggy” O'Brien-Ngata",
            first_name="Zoë",
            last_name="O'Brien-Ngata",
            company="Café Noël, GmbH; Paris",
            emails=("zoe@mailbox.example", "z.obrien@work.example"),
            phones=("+64 21 555 0199",),
            notes=HOSTILE_NOTES,
            tags=("ñandú", "=SUM(A1)"),
            strength=5,
            last_contacted=LooseDate(date(2019, 1, 1), DatePrecision.YEAR),
            cadence="3m",
        )
    )
    # Scripts: one with two revisions and a draft, one deleted but kept for the call it made.
    reconnect = services.scripts.create("Reconnect", ScriptChannel.LINKEDIN_MESSAGE, body="Hi")
    services.scripts.save(reconnect.id, "", "Hi {first},\n…")
    services.scripts.save_draft(reconnect.id, "", "Hi {first}, [b]draft[/b]")
    old_email = services.scripts.create(
        "Old email", ScriptChannel.EMAIL, subject="Hello \u202e again", body=HOSTILE_NOTES
    )
    services.interactions.log(
        hostile.id,
        InteractionDraft(
            Channel.CALL,
            Outcome.TALKED,
            note="Good chat; follow up",
            occurred_at=NOW - timedelta(days=2, microseconds=123456),
            follow_up=date(2026, 12, 10),
            script_revision_id=old_email.revision_id,
        ),
    )
    services.scripts.delete(old_email.id)
    services.scripts.set_profile(Profile("Sam Ortega", "leaving fintech", "an intro"))
    services.triage.set_status([hostile.id], TriageStatus.LATER)
    services.triage.set_strength([hostile.id], 4)
    with services.db.session() as session:
        # As an older netui stored them (they live in the settings file now): a backup
        # carries the database's settings, and a restore brings them back.
        SettingsRepository(session).set("target_keywords", ["fintech", "product", "café"])
        SettingsRepository(session).set("theme", "gruvbox")
        batch = ImportBatchModel(source_path="/home/someone/Connections.csv", format="linkedin")
        session.add(batch)
        timer = TimerSessionModel(
            planned_minutes=30,
            started_at=NOW - timedelta(hours=1),
            ended_at=NOW - timedelta(minutes=30),  # one session at most may still run
            active_seconds=1500,
        )
        session.add(timer)
        session.flush()
        session.add(
            TimerPauseModel(
                session_id=timer.id,
                started_at=NOW - timedelta(minutes=40),
                ended_at=NOW - timedelta(minutes=35),
            )
        )
        session.add(
            TimerSessionModel(planned_minutes=45, started_at=NOW - timedelta(minutes=5))
        )  # still running
    services.triage.undo()  # an undone step stays in the history
    changes = Base.metadata.tables.get("import_change")
    if changes is not None:  # the import change log (migration 0003)
        with services.db.session() as session:
            session.execute(
                changes.insert().values(
                    batch_id=1, contact_id=hostile.id, field="company", old_value='"Old, Co"'
                )
            )


@pytest.fixture
def filled(tmp_path: Path) -> Iterator[Services]:
    opened = open_services(tmp_path / "filled.db", FakeClock(NOW))
    fill_everything(opened)
    yield opened
    opened.close()


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Services]:
    opened = open_services(tmp_path / "fresh.db", FakeClock(NOW + timedelta(days=1)))
    yield opened
    opened.close()


def table_contents(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows exactly as SQLite stores them (Alembic's table aside)."""
    connection = sqlite3.connect(path)
    try:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version' ORDER BY name"
            )
        ]
        return {
            name: connection.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall()
            for name in names
        }
    finally:
        connection.close()


def without_exported_at(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if '"exported_at"' not in line)


# --- the round trip ---------------------------------------------------------------------------


def test_round_trip_is_exact(filled: Services, fresh: Services, tmp_path: Path) -> None:
    first = tmp_path / "backup.json"
    summary = filled.backup.export_json(first)
    assert summary.contacts == 201
    assert (summary.scripts, summary.script_revisions) == (2, 3)
    assert (summary.timer_sessions, summary.timer_pauses) == (2, 1)
    assert summary.settings == 3
    assert summary.import_batches == 1
    assert summary.triage_events >= 2
    assert summary.bytes_written == first.stat().st_size

    restored = fresh.backup.restore(first)
    assert isinstance(restored, RestoreSummary)
    assert restored.tables == summary.tables
    assert restored.exported_at == NOW
    assert restored.schema == HEAD
    assert str(restored).startswith("201 contacts, ")
    assert str(restored).endswith(" interactions, 2 scripts, 2 daily sessions and 3 settings")
    assert str(summary) == "backup of " + str(restored)

    second = tmp_path / "again.json"
    fresh.backup.export_json(second)
    assert without_exported_at(second.read_text("utf-8")) == without_exported_at(
        first.read_text("utf-8")
    )
    assert second.read_text("utf-8") != first.read_text("utf-8")  # only exported_at differs
    assert table_contents(fresh.db.path) == table_contents(filled.db.path)


def test_restored_database_works_on(filled: Services, fresh: Services, tmp_path: Path) -> None:
    path = tmp_path / "backup.json"
    filled.backup.export_json(path)
    fresh.backup.restore(path)
    assert fresh.contacts.find(StatusFilter.ALL, sort=SortKey.NAME) == filled.contacts.find(
        StatusFilter.ALL, sort=SortKey.NAME
    )
    assert fresh.settings.target_keywords() == ("fintech", "product", "café")
    assert fresh.triage.undo_depth() == filled.triage.undo_depth()
    # New rows continue after the restored ids.
    new = fresh.contacts.add(ContactDraft(full_name="After Restore"))
    assert new.id == 202
    zoe = fresh.contacts.get(201)
    assert zoe.notes == clean_multiline(HOSTILE_NOTES)  # as adding her stored them
    assert len(fresh.interactions.history(201)) == 1


def test_the_document_shape(filled: Services, tmp_path: Path) -> None:
    path = tmp_path / "backup.json"
    filled.backup.export_json(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    document = json.loads(path.read_text("utf-8"))
    assert list(document)[:5] == ["format", "version", "schema", "netui", "exported_at"]
    assert (document["format"], document["version"], document["schema"]) == (
        "netui-backup",
        1,
        HEAD,
    )
    assert document["exported_at"] == "2026-11-26T15:00:00+00:00"
    for key in (
        "contacts",
        "interactions",
        "scripts",
        "script_revisions",
        "timer_sessions",
        "timer_pauses",
        "import_batches",
        "triage_events",
    ):
        assert isinstance(document[key], list), key
    assert document["settings"] == {
        "profile": {"name": "Sam Ortega", "situation": "leaving fintech", "ask": "an intro"},
        "target_keywords": ["fintech", "product", "café"],
        "theme": "gruvbox",
    }
    zoe = next(c for c in document["contacts"] if c["id"] == 201)
    assert zoe["emails"] == ["zoe@mailbox.example", "z.obrien@work.example"]
    assert zoe["last_contacted"] == "2026-11-24"  # moved on by the call logged
    assert zoe["created_at"].endswith("+00:00")
    running = document["timer_sessions"][1]
    assert running["ended_at"] is None
    interaction = next(i for i in document["interactions"] if i["contact_id"] == 201)
    assert interaction["occurred_at"] == "2026-11-24T14:59:59.876544+00:00"
    # Rows in id order, one a line.
    ids = [c["id"] for c in document["contacts"]]
    assert ids == sorted(ids)
    assert path.read_text("utf-8").count("\n") > 201


def test_every_table_and_column_is_backed_up(tmp_path: Path) -> None:
    """New tables and columns from later migrations are included without code changes."""
    assert {s.table.name for s in sections()} == set(Base.metadata.tables)
    for table in Base.metadata.tables.values():
        for column in table.columns:
            column_kind(column)  # every column type has a rule
    opened = open_services(tmp_path / "tables.db", FakeClock(NOW))
    try:
        path = tmp_path / "backup.json"
        opened.backup.export_json(path)
        document = json.loads(path.read_text("utf-8"))
        for name in table_contents(opened.db.path):
            assert SECTION_KEYS.get(name, name) in document, name
    finally:
        opened.close()


def test_an_empty_database_backs_up_and_restores(
    tmp_path: Path, fresh: Services, clock: FakeClock
) -> None:
    empty = open_services(tmp_path / "empty.db", clock)
    try:
        path = tmp_path / "empty.json"
        assert empty.backup.export_json(path).contacts == 0
        assert fresh.backup.restore(path).contacts == 0
    finally:
        empty.close()


# --- refusals ---------------------------------------------------------------------------------


@pytest.fixture
def backup_file(filled: Services, tmp_path: Path) -> Path:
    path = tmp_path / "backup.json"
    filled.backup.export_json(path)
    return path


def test_restore_refuses_a_database_with_data(
    filled: Services, backup_file: Path, fresh: Services
) -> None:
    fresh.contacts.add(ContactDraft(full_name="Already Here"))
    before = table_contents(fresh.db.path)
    with pytest.raises(RestoreRefusedError, match=r"already holds data \(1 contacts\).*new --db"):
        fresh.backup.restore(backup_file)
    assert table_contents(fresh.db.path) == before
    with pytest.raises(RestoreRefusedError):
        filled.backup.restore(backup_file)


def test_restore_refuses_settings_alone(backup_file: Path, fresh: Services) -> None:
    with fresh.db.session() as session:
        SettingsRepository(session).set("theme", "nord")  # an older netui's setting
    with pytest.raises(RestoreRefusedError, match="1 settings"):
        fresh.backup.restore(backup_file)


def edited(path: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    document = json.loads(path.read_text("utf-8"))
    change(document)
    out = path.with_name("edited.json")
    out.write_text(json.dumps(document), "utf-8")
    return out


def test_a_newer_schema_is_refused(backup_file: Path, fresh: Services) -> None:
    path = edited(backup_file, lambda d: d.update(schema="9999"))
    with pytest.raises(BackupError) as caught:
        fresh.backup.restore(path)
    assert str(caught.value) == (
        f"{path}: was made by a newer netui (database schema 9999; this netui knows up to "
        f"{HEAD}): upgrade netui to restore it"
    )
    assert fresh.contacts.is_empty()


def test_a_newer_backup_version_is_refused(backup_file: Path, fresh: Services) -> None:
    path = edited(backup_file, lambda d: d.update(version=2))
    with pytest.raises(BackupError, match=r"newer netui.*backup version 2"):
        fresh.backup.restore(path)


def _set(section: str, index: int, field: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        document[section][index][field] = value

    return change


def _drop(section: str, index: int, field: str) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        del document[section][index][field]

    return change


def _unknown_contact(document: dict[str, Any]) -> None:
    document["interactions"][0]["contact_id"] = 99999


def _duplicate_contact(document: dict[str, Any]) -> None:
    document["contacts"].append(dict(document["contacts"][3]))


BAD_DOCUMENTS = [
    (
        _set("contacts", 12, "status", "vip"),
        'contacts[12].status: "vip" is not one of new, top20, later, skip, archived',
    ),
    (_set("contacts", 0, "strength", 9), "contacts[0].strength: 9 is not a strength from 1 to 5"),
    (_set("contacts", 1, "full_name", None), "contacts[1].full_name: must have a value, not null"),
    (_set("contacts", 2, "emails", "a@x.example"), "contacts[2].emails: must be a list of strings"),
    (
        _set("contacts", 2, "strength", "3"),
        "contacts[2].strength: must be a whole number, not a string",
    ),
    (
        _set("contacts", 4, "last_contacted", "last week"),
        'contacts[4].last_contacted: "last week" is not a date (YYYY-MM-DD)',
    ),
    (
        _set("contacts", 5, "created_at", "2026-11-26T15:00:00"),
        'contacts[5].created_at: "2026-11-26T15:00:00" has no UTC offset (such as +00:00)',
    ),
    (
        _set("contacts", 6, "favourite_colour", "teal"),
        "contacts[6].favourite_colour: is not a field of a contact",
    ),
    (_drop("contacts", 7, "full_name"), "contacts[7].full_name: missing"),
    (_drop("contacts", 7, "id"), "contacts[7].id: missing"),
    (
        _set("interactions", 0, "channel", "carrier pigeon"),
        'interactions[0].channel: "carrier pigeon" is not one of call, email, message, '
        "meeting, other",
    ),
    (
        _unknown_contact,
        "interactions[0].contact_id: 99999 is not the id of any contact in the backup",
    ),
    (_duplicate_contact, "contacts[201].id: 4 is used twice (also by contacts[3])"),
    (lambda d: d.pop("contacts"), "contacts: missing"),
    (lambda d: d.update(contacts={}), "contacts: must be a list, not {}"),
    (lambda d: d.update(settings=[]), "settings: must be an object of settings, not []"),
    (lambda d: d.update(mystery=[]), "mystery: is not a section of a netui backup"),
    (lambda d: d.pop("exported_at"), "exported_at: missing"),
    (
        lambda d: d.update(format="something-else"),
        'is not a netui backup (it has no "format": "netui-backup")',
    ),
    (lambda d: d.update(version="1"), 'version: "1" is not a backup version'),
]


@pytest.mark.parametrize(
    ("change", "message"), BAD_DOCUMENTS, ids=[m.split(":")[0] for _, m in BAD_DOCUMENTS]
)
def test_bad_documents_are_refused_naming_the_place(
    backup_file: Path,
    fresh: Services,
    change: Callable[[dict[str, Any]], None],
    message: str,
) -> None:
    path = edited(backup_file, change)
    with pytest.raises(BackupError) as caught:
        fresh.backup.restore(path)
    assert str(caught.value).startswith(f"{path}: {message}")
    assert caught.value.problems[0] == message
    assert isinstance(caught.value, NetuiError)
    assert not any(table_contents(fresh.db.path).values())  # nothing written


def test_every_problem_is_counted(backup_file: Path, fresh: Services) -> None:
    def change(document: dict[str, Any]) -> None:
        for contact in document["contacts"][:3]:
            contact["status"] = "vip"

    with pytest.raises(BackupError, match=r"\(and 2 more problems\)$") as caught:
        fresh.backup.restore(edited(backup_file, change))
    assert len(caught.value.problems) == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is not a netui backup (not valid JSON: Expecting value on line 1, column 1)"),
        (b'{"format": "netui-backup",', "is not a netui backup (not valid JSON"),
        (b"[1, 2]", 'is not a netui backup (it has no "format": "netui-backup")'),
        (b"\xff\xfe\x00garbage", "is not a netui backup (it is not UTF-8 text)"),
    ],
)
def test_files_that_are_not_backups(
    tmp_path: Path, fresh: Services, content: bytes, message: str
) -> None:
    path = tmp_path / "not-a-backup.json"
    path.write_bytes(content)
    with pytest.raises(BackupError, match="^" + str(path).replace(".", r"\.") + ": ") as caught:
        fresh.backup.restore(path)
    assert message in str(caught.value)


def test_a_missing_file(tmp_path: Path, fresh: Services) -> None:
    with pytest.raises(BackupError, match=r"nowhere\.json: does not exist"):
        fresh.backup.restore(tmp_path / "nowhere.json")


def test_an_older_backup_restores_with_defaults(backup_file: Path, fresh: Services) -> None:
    """A backup made before migration 0002 has no job-change columns: they get defaults."""

    def as_0001(document: dict[str, Any]) -> None:
        document["schema"] = "0001"
        for contact in document["contacts"]:
            for column in ("previous_company", "previous_title", "job_changed_on"):
                del contact[column]
        for key in list(document):
            if key not in SECTION_KEYS.values() or key in ("contacts", "settings"):
                continue
            if key not in (
                "import_batches",
                "interactions",
                "scripts",
                "script_revisions",
                "timer_sessions",
                "timer_pauses",
                "triage_events",
            ):
                del document[key]  # tables added after 0001

    summary = fresh.backup.restore(edited(backup_file, as_0001))
    assert summary.schema == "0001"
    assert summary.contacts == 201
    contact = fresh.contacts.get(1)
    assert (contact.previous_company, contact.previous_title, contact.job_changed_on) == (
        "",
        "",
        None,
    )


def test_export_refuses_to_write_over_the_database(filled: Services) -> None:
    with pytest.raises(NetuiError, match="is the netui database itself"):
        filled.backup.export_json(filled.db.path, force=True)
