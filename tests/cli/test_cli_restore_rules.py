"""``netui import backup.json`` holds a backup to the app's own rules and cleans its text.

A restore writes records straight into the tables, so a backup edited by hand (or made by
something else) could hold what no form would let through: 60 contacts at rank 1 of the
Top 20, a rank of -5, a name of nothing or of 100,000 characters. Each is refused in one
line naming the first record at fault, with exit status 1, and nothing is written.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from builders import sql_rows
from cli_runner import Netui

from netui.domain.types import ContactDraft, TriageStatus
from netui.services.context import Services

Document = dict[str, Any]
Change = Callable[[Document], None]


@pytest.fixture
def backup(services: Services, tmp_path: Path) -> Path:
    """A backup of 60 contacts: the first five on the Top 20 (ranks 1 to 5), the sixth later."""
    ids = [services.contacts.add(ContactDraft(full_name=f"Person {n:02}")).id for n in range(60)]
    services.triage.set_status(ids[:5], TriageStatus.TOP20)
    services.triage.set_status(ids[5:6], TriageStatus.LATER)
    path = tmp_path / "backup.json"
    services.backup.export_json(path)
    return path


def edited(backup: Path, change: Change) -> Path:
    document = json.loads(backup.read_text("utf-8"))
    change(document)
    path = backup.with_name("edited.json")
    path.write_text(json.dumps(document), "utf-8")
    return path


def contacts(change: Callable[[list[Document]], None]) -> Change:
    return lambda document: change(document["contacts"])


def set_field(index: int, name: str, value: Any) -> Change:
    return contacts(lambda records: records[index].update({name: value}))


def all_at_rank_one(records: list[Document]) -> None:
    for record in records:
        record.update(status="top20", top20_rank=1)


def twenty_one_members(records: list[Document]) -> None:
    for rank, record in enumerate(records[:21], start=1):
        record.update(status="top20", top20_rank=rank if rank <= 20 else None)


REFUSED = [
    (
        contacts(all_at_rank_one),
        "contacts[1].top20_rank: rank 1 is taken (by the contact with id 1)",
    ),
    (contacts(twenty_one_members), "contacts[20].status: the Top 20 holds at most 20 contacts"),
    (set_field(3, "top20_rank", -5), "contacts[3].top20_rank: -5 is not a Top 20 rank (1 to 20)"),
    (set_field(3, "top20_rank", 999), "contacts[3].top20_rank: 999 is not a Top 20 rank (1 to 20)"),
    (
        set_field(5, "top20_rank", 6),
        "contacts[5].top20_rank: a contact that is later, not top20, has no rank",
    ),
    (set_field(2, "full_name", ""), "contacts[2].full_name: a contact needs a name"),
    (set_field(2, "full_name", " \x1b[2J\x07 "), "contacts[2].full_name: a contact needs a name"),
    (
        set_field(2, "full_name", "N" * 100_000),
        "contacts[2].full_name: is 100,000 characters long (a name is at most 200)",
    ),
    (set_field(0, "strength", 0), "contacts[0].strength: 0 is not a strength from 1 to 5"),
    (set_field(0, "strength", 6), "contacts[0].strength: 6 is not a strength from 1 to 5"),
    (
        set_field(4, "notes", "n" * 10_001),
        "contacts[4].notes: is 10,001 characters long (the limit is 10,000)",
    ),
    (
        set_field(7, "cadence", "fortnightly"),
        'contacts[7].cadence: "fortnightly" is not a cadence (such as 2w or 3m)',
    ),
    (set_field(8, "uid", " "), "contacts[8].uid: a contact needs a UID"),
    (
        lambda d: d["triage_events"][0].update(after_rank=0),
        "triage_events[0].after_rank: 0 is not a Top 20 rank (1 to 20)",
    ),
]


@pytest.mark.parametrize(("change", "message"), REFUSED, ids=[m for _, m in REFUSED])
def test_a_backup_that_breaks_a_rule_is_refused_in_one_line(
    cmd: Netui, backup: Path, tmp_path: Path, change: Change, message: str
) -> None:
    fresh = tmp_path / "fresh.db"
    path = edited(backup, change)
    error = cmd.fail("import", str(path), db=fresh)  # one line, exit status 1
    assert error.startswith(f"netui: error: {path}: {message}")
    assert sql_rows(fresh, "SELECT count(*) FROM contact") == [(0,)]
    assert sql_rows(fresh, "SELECT count(*) FROM triage_event") == [(0,)]


def test_a_uid_used_twice_is_refused(cmd: Netui, backup: Path, tmp_path: Path) -> None:
    document = json.loads(backup.read_text("utf-8"))
    uid = document["contacts"][5]["uid"]
    path = edited(backup, set_field(9, "uid", f" {uid}\x07"))  # the same once cleaned
    error = cmd.fail("import", str(path), db=tmp_path / "fresh.db")
    assert (
        error
        == f'netui: error: {path}: contacts[9].uid: "{uid}" is used twice (also by contacts[5])\n'
    )


def test_the_backup_as_made_is_restored(cmd: Netui, backup: Path, tmp_path: Path) -> None:
    out = cmd.ok("import", str(backup), db=tmp_path / "fresh.db")
    assert out.startswith("Restored the backup backup.json: 60 contacts")


def test_control_characters_are_cleaned_out_as_on_every_other_way_in(
    cmd: Netui, backup: Path, tmp_path: Path
) -> None:
    def hostile(document: Document) -> None:
        document["contacts"][0].update(
            full_name="Ana\x1b[31m  Lima\x07",
            first_name="\u202eAna",
            company="Acme\x00 Corp\r\n",
            emails=["ana@larkspur.example\x1b[0m", "\x07"],
            tags=["fin\x07tech", " "],
            notes="Line one\r\nline two\x00  \n\n",
            how_we_met="Data\x1b]0;pwned\x07 meetup",
        )
        document["interactions"].append(
            {
                "id": 1,
                "contact_id": document["contacts"][0]["id"],
                "occurred_at": "2026-11-20T10:00:00+00:00",
                "channel": "call",
                "outcome": "talked",
                "note": "Call\x1b[2J back\tlater",
                "follow_up": None,
                "created_at": "2026-11-20T10:00:00+00:00",
            }
        )

    fresh = tmp_path / "fresh.db"
    cmd.ok("import", str(edited(backup, hostile)), db=fresh)
    shown = cmd.json("show", "1", db=fresh)
    assert (shown["full_name"], shown["first_name"], shown["company"]) == (
        "Ana Lima",
        "Ana",
        "Acme Corp",
    )
    assert (shown["emails"], shown["tags"]) == (["ana@larkspur.example"], ["fintech"])
    assert (shown["notes"], shown["how_we_met"]) == ("Line one\nline two", "Data meetup")
    assert [i["note"] for i in shown["interactions"]] == ["Call back later"]
