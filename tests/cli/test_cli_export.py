"""``netui export PATH [--format] [--status] [--force] [--json]``."""

from __future__ import annotations

import csv
import json
import stat
from collections.abc import Callable
from datetime import date
from pathlib import Path

import icalendar
import pytest
import vobject
from builders import sql_rows
from cli_runner import Netui

from netui.cli.exporting import FORMAT_NAMES
from netui.domain.clock import FakeClock, local_today
from netui.domain.types import TriageStatus
from netui.services.context import Services
from netui.services.export import ExportFormat


@pytest.fixture
def three(services: Services, add: Callable[..., int]) -> list[int]:
    ids = [add("Ana Lima", company="Larkspur Labs"), add("Ben Okafor"), add("Cleo Vance")]
    services.triage.set_status([ids[0]], TriageStatus.TOP20)
    services.triage.set_status([ids[2]], TriageStatus.ARCHIVED)
    return ids


def names_in_csv(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [row["Name"] for row in csv.DictReader(handle)]


def test_the_cli_knows_every_format() -> None:
    assert set(FORMAT_NAMES) == {f.value for f in ExportFormat}


def test_export_csv_by_its_name(cmd: Netui, three: list[int], tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    out = cmd.ok("export", str(path))
    assert out == f"Exported 3 contacts to {path} (csv, {path.stat().st_size} bytes).\n"
    assert names_in_csv(path) == ["Ana Lima", "Ben Okafor", "Cleo Vance"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_export_with_a_status_and_a_format(cmd: Netui, three: list[int], tmp_path: Path) -> None:
    path = tmp_path / "people.txt"
    out = cmd.ok("export", str(path), "--format", "vcard", "--status", "active")
    assert out.startswith(f"Exported 2 contacts to {path} (vcard, ")
    cards = list(vobject.readComponents(path.read_text("utf-8")))
    assert [c.fn.value for c in cards] == ["Ana Lima", "Ben Okafor"]


def test_export_json_prints_counts(cmd: Netui, three: list[int], tmp_path: Path) -> None:
    path = tmp_path / "backup.json"
    result = cmd.json("export", str(path))
    assert result == {
        "path": str(path),
        "format": "json",
        "contacts": 3,
        "events": 0,
        "interactions": 0,
        "overdue": 0,
        "bytes": path.stat().st_size,
    }
    text = cmd.ok("export", str(tmp_path / "again.json"))
    assert text.startswith(f"Backed up everything to {tmp_path / 'again.json'} (3 contacts, ")


def test_export_ics(cmd: Netui, three: list[int], tmp_path: Path) -> None:
    cmd.ok(
        "log",
        str(three[1]),
        "--channel",
        "call",
        "--outcome",
        "talked",
        "--follow-up",
        "in 2 weeks",
    )
    path = tmp_path / "follow-ups.ics"
    assert cmd.ok("export", str(path)).startswith(f"Exported 1 follow-up to {path} (ics, ")
    calendar = vobject.readOne(path.read_text("utf-8"))
    assert calendar.vevent.summary.value == "Follow up with Ben Okafor"


def test_export_ics_of_a_demo_database_holds_every_follow_up(
    cmd: Netui, db: Path, clock: FakeClock, tmp_path: Path
) -> None:
    """Read by the icalendar package: every event complete, the overdue ones on today."""
    cmd.ok("demo", "--contacts", "300", "--seed", "5")
    today = local_today(clock)
    due = [
        date.fromisoformat(day)
        for (day,) in sql_rows(db, "SELECT next_follow_up FROM contact WHERE next_follow_up")
    ]
    overdue = sum(1 for day in due if day < today)
    assert 0 < overdue < len(due)

    path = tmp_path / "x.ics"
    out = cmd.ok("export", str(path))
    assert out.startswith(
        f"Exported {len(due)} follow-ups ({overdue} overdue, on today) to {path} (ics, "
    )
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == len(due)
    for event in events:
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            assert name in event, (name, event)
        assert event.decoded("DTSTART") >= today
    late = [e for e in events if str(e["SUMMARY"]).startswith("Overdue: follow up with ")]
    assert len(late) == overdue
    assert all(e.decoded("DTSTART") == today for e in late)
    assert sorted(
        date.fromisoformat(
            str(e["DESCRIPTION"]).splitlines()[0].removeprefix("Overdue: it was due on ")
        )
        for e in late
    ) == sorted(day for day in due if day < today)
    assert cmd.json("export", str(tmp_path / "y.ics"))["overdue"] == overdue


def test_an_existing_file_needs_force(cmd: Netui, three: list[int], tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text("precious")
    error = cmd.fail("export", str(path))
    assert error == f"netui: error: {path}: already exists; choose another name, or use --force\n"
    assert path.read_text() == "precious"
    cmd.ok("export", str(path), "--force")
    assert names_in_csv(path) == ["Ana Lima", "Ben Okafor", "Cleo Vance"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["notes.txt"], "cannot tell the format from the name 'notes.txt'; add --format"),
        (["x.csv", "--format", "xlsx"], "Invalid value for '--format'"),
        (["x.csv", "--status", "vip"], "Invalid value for '--status'"),
        (["x.json", "--status", "top20"], "--status applies to csv, vcard and ics"),
    ],
)
def test_usage_mistakes_exit_2(cmd: Netui, tmp_path: Path, args: list[str], message: str) -> None:
    args[0] = str(tmp_path / args[0])
    error = cmd.fail("export", *args, code=2)
    assert message in error
    assert list(tmp_path.iterdir()) == []


def test_unwritable_places_exit_1(cmd: Netui, three: list[int], tmp_path: Path, db: Path) -> None:
    missing = tmp_path / "no" / "such" / "folder" / "x.csv"
    assert "does not exist" in cmd.fail("export", str(missing))
    assert "is a folder" in cmd.fail("export", str(tmp_path), "--format", "csv")
    assert "is the netui database itself" in cmd.fail(
        "export", str(db), "--format", "json", "--force"
    )


def test_export_appears_in_help(cmd: Netui) -> None:
    assert "export" in cmd.ok("--help")
    help_text = cmd.ok("export", "--help")
    for word in ("--format", "--status", "--force", "--json", "csv", "vcard", "json", "ics"):
        assert word in help_text


def test_backup_then_restore_round_trip_via_the_service(
    cmd: Netui, three: list[int], tmp_path: Path, services: Services
) -> None:
    path = tmp_path / "backup.json"
    cmd.ok("export", str(path))
    from netui.services.context import open_services

    restored = open_services(tmp_path / "restored.db", services.clock)
    try:
        summary = restored.backup.restore(path)
        assert summary.contacts == 3
        assert [c.full_name for c in restored.contacts.find()] == [
            c.full_name for c in services.contacts.find()
        ]
    finally:
        restored.close()
    assert json.loads(path.read_text("utf-8"))["contacts"][0]["full_name"] == "Ana Lima"
