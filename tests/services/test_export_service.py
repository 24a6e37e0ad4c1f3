"""ExportService: which contacts go out, in which format, and what it says it did."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
import vobject

from netui.db.exporting import ExportRepository
from netui.domain.clock import local_today
from netui.domain.listing import StatusFilter
from netui.domain.types import Channel, InteractionDraft, Outcome, TriageStatus
from netui.errors import NetuiError, ValidationError
from netui.io import ImportedContact, read_contacts
from netui.services.context import Services
from netui.services.export import (
    FORMAT_SUFFIXES,
    ExportFormat,
    ExportSummary,
    format_for_path,
)


@pytest.fixture
def people(services: Services, add: Callable[..., int]) -> dict[str, int]:
    ids = {
        "ana": add("Ana Lima", company="Larkspur Labs", title="Recruiter"),
        "ben": add("Ben Okafor", phones=("+1 206 555 0101",)),
        "cleo": add("Cleo Vance", notes='=HYPERLINK("http://evil.example")'),
        "dev": add("Dev Iyer"),
    }
    services.triage.set_status([ids["ana"]], TriageStatus.TOP20)
    services.triage.set_status([ids["dev"]], TriageStatus.ARCHIVED)
    return ids


def csv_names(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [row["Name"] for row in csv.DictReader(handle)]


def test_csv_of_everyone_or_one_status(
    services: Services, people: dict[str, int], tmp_path: Path
) -> None:
    summary = services.export.export(tmp_path / "all.csv")
    assert summary.format is ExportFormat.CSV
    assert summary.contacts == 4
    assert str(summary) == "4 contacts"
    assert csv_names(tmp_path / "all.csv") == ["Ana Lima", "Ben Okafor", "Cleo Vance", "Dev Iyer"]

    services.export.export(tmp_path / "active.csv", "csv", StatusFilter.ACTIVE)
    assert csv_names(tmp_path / "active.csv") == ["Ana Lima", "Ben Okafor", "Cleo Vance"]
    one = services.export.export(tmp_path / "top.csv", status="top20")
    assert (one.contacts, str(one)) == (1, "1 contact")
    assert csv_names(tmp_path / "top.csv") == ["Ana Lima"]


def test_vcard_export_reads_back(
    services: Services, people: dict[str, int], tmp_path: Path
) -> None:
    path = tmp_path / "contacts.vcf"
    summary = services.export.export(path, status=StatusFilter.ACTIVE)
    assert (summary.format, summary.contacts) == (ExportFormat.VCARD, 3)
    cards = list(vobject.readComponents(path.read_text("utf-8")))
    assert [c.fn.value for c in cards] == ["Ana Lima", "Ben Okafor", "Cleo Vance"]
    read = [c for c in read_contacts(path) if isinstance(c, ImportedContact)]
    assert read[0].company == "Larkspur Labs"
    assert read[1].phones == ("+1 206 555 0101",)
    assert read[2].notes == '=HYPERLINK("http://evil.example")'  # vCard has no formulas


def test_json_goes_to_the_backup(
    services: Services, people: dict[str, int], tmp_path: Path
) -> None:
    summary = services.export.export(tmp_path / "backup.json")
    assert summary.format is ExportFormat.JSON
    assert (summary.contacts, summary.interactions) == (4, 0)
    assert str(summary) == "backup of 4 contacts and 0 interactions"
    assert json.loads((tmp_path / "backup.json").read_text("utf-8"))["format"] == "netui-backup"
    with pytest.raises(ValidationError, match="a JSON backup always holds everything"):
        services.export.export(tmp_path / "partial.json", status=StatusFilter.TOP20)
    assert services.export.export(tmp_path / "all.json", status="all").contacts == 4


def test_ics_holds_every_follow_up_and_puts_the_overdue_ones_on_today(
    services: Services, people: dict[str, int], tmp_path: Path
) -> None:
    today = local_today(services.clock)
    log = services.interactions.log
    log(
        people["ana"],
        InteractionDraft(
            Channel.CALL, Outcome.LEFT_MESSAGE, note="Voicemail", follow_up=today + timedelta(7)
        ),
    )
    log(people["ben"], InteractionDraft(Channel.EMAIL, Outcome.REPLIED, follow_up=today))
    log(
        people["cleo"],
        InteractionDraft(
            Channel.MESSAGE,
            Outcome.NO_ANSWER,
            occurred_at=services.clock() - timedelta(days=20),
            follow_up=today - timedelta(days=3),
        ),
    )
    path = tmp_path / "follow-ups.ics"
    summary = services.export.export(path)
    assert (summary.format, summary.events, summary.contacts, summary.overdue) == (
        ExportFormat.ICS,
        3,
        3,
        1,
    )
    assert str(summary) == "3 follow-ups (1 overdue, on today)"
    calendar = vobject.readOne(path.read_text("utf-8"))
    events = calendar.vevent_list
    assert [e.summary.value for e in events] == [
        "Overdue: follow up with Cleo Vance",
        "Follow up with Ben Okafor",
        "Follow up with Ana Lima",
    ]
    assert [e.dtstart.value for e in events] == [today, today, today + timedelta(7)]
    due = today - timedelta(days=3)
    assert events[0].uid.value == f"followup-{people['cleo']}-{due:%Y%m%d}@netui"
    assert events[0].description.value.startswith(f"Overdue: it was due on {due.isoformat()}\n")
    assert events[1].uid.value == f"followup-{people['ben']}-{today:%Y%m%d}@netui"
    assert events[2].description.value == (
        f"Recruiter at Larkspur Labs\nLast contact {today.isoformat()} (call, left message): "
        "Voicemail"
    )
    # The status filter applies to follow-ups too.
    top = services.export.export(tmp_path / "top.ics", status=StatusFilter.TOP20)
    assert top.events == 1


def test_format_comes_from_the_name_or_is_asked_for(
    services: Services, people: dict[str, int], tmp_path: Path
) -> None:
    assert format_for_path("x.CSV") is ExportFormat.CSV
    assert format_for_path("x.vcard") is ExportFormat.VCARD
    assert format_for_path("x.txt") is None
    assert set(FORMAT_SUFFIXES.values()) == set(ExportFormat)
    with pytest.raises(ValidationError, match=r'cannot tell the format from the name "x\.txt"'):
        services.export.export(tmp_path / "x.txt")
    summary = services.export.export(tmp_path / "x.txt", "vcard")
    assert summary.format is ExportFormat.VCARD
    with pytest.raises(ValidationError, match='"xlsx" is not an export format'):
        services.export.export(tmp_path / "y.csv", "xlsx")
    with pytest.raises(ValidationError, match='"vip" is not a status'):
        services.export.export(tmp_path / "y.csv", status="vip")


def test_existing_files_and_the_database_itself(
    services: Services, people: dict[str, int], tmp_path: Path
) -> None:
    path = tmp_path / "out.csv"
    path.write_text("precious")
    with pytest.raises(NetuiError, match="already exists"):
        services.export.export(path)
    assert path.read_text() == "precious"
    assert services.export.export(path, force=True).contacts == 4
    with pytest.raises(NetuiError, match="is the netui database itself"):
        services.export.export(services.db.path, "csv", force=True)
    assert services.contacts.counts().total == 4


def test_contacts_stream_in_chunks(services: Services, add: Callable[..., int]) -> None:
    ids = [add(f"Person {n:02}") for n in range(23)]
    with services.db.session() as session:
        streamed = list(ExportRepository(session).iter_contacts(None, chunk_size=5))
    assert [c.id for c in streamed] == ids
    assert streamed == services.contacts.get_many(ids)


def test_summary_text_for_an_empty_export(services: Services, tmp_path: Path) -> None:
    summary = services.export.export(tmp_path / "none.ics")
    assert summary == ExportSummary(
        path=tmp_path / "none.ics",
        format=ExportFormat.ICS,
        contacts=0,
        bytes_written=summary.bytes_written,
        seconds=summary.seconds,
    )
    assert str(summary) == "0 follow-ups"
    assert summary.bytes_written == (tmp_path / "none.ics").stat().st_size > 0
    assert "BEGIN:VCALENDAR" in (tmp_path / "none.ics").read_text()
