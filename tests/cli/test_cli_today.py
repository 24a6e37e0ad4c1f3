"""``netui today``: the queue and today's progress, as text and as JSON."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import store_raw
from cli_runner import Netui
from timezones import local_zone_as


@pytest.fixture(autouse=True)
def in_lisbon() -> Iterator[None]:
    with local_zone_as("Europe/Lisbon"):
        yield


def fill(cmd: Netui) -> None:
    for name in ("Ada Okafor", "Bruno Salas", "Chen Wu"):
        cmd.ok("add", name, "--company", "Larkspur")
    cmd.ok("set", "1", "2", "3", "--status", "top20")
    cmd.ok("add", "Dalia Mertens", "--cadence", "monthly", "--last-contact", "2026-09-01")
    cmd.ok("add", "Emeka Brandt")
    cmd.ok("log", "5", "--channel", "call", "--outcome", "talked")


def test_the_queue_and_progress_in_words(cmd: Netui) -> None:
    assert cmd.ok("today") == "Nobody is due today.\nToday: 0 reached, 0 contacted\n"
    fill(cmd)
    lines = cmd.ok("today").splitlines()
    assert lines[0].split() == ["ID", "Name", "Company", "Why"]
    assert lines[1].split() == ["1", "Ada", "Okafor", "Larkspur", "Top", "20", "#1"]
    assert lines[2].split()[:3] == ["4", "Dalia", "Mertens"]
    assert lines[2].endswith("due by cadence (monthly), 56 days overdue")
    assert lines[3:] == [
        "Today: 1 reached, 1 contacted",
        "Top 20: 0 of 3 reached (goal 10); plan 1 by today over 4 weeks",
    ]


def test_the_queue_as_json(cmd: Netui) -> None:
    fill(cmd)
    found = cmd.json("today")
    assert [(i["contact_id"], i["reason"], i["top20_rank"]) for i in found["queue"]] == [
        (1, "top20", 1),
        (4, "cadence", None),
    ]
    assert set(found["queue"][0]) == {
        "contact_id",
        "name",
        "company",
        "reason",
        "why",
        "priority",
        "top20_rank",
        "days_overdue",
    }
    assert found["progress"] == {
        "contacted_today": 1,
        "reached_today": 1,
        "top20": {
            "size": 3,
            "capacity": 20,
            "reached": 0,
            "goal": 10,
            "weeks": 4,
            "expected_by_today": 1,
            "behind": 0,
            "asked_today": 1,
        },
    }


def test_a_long_queue_is_cut_to_a_days_work_unless_all(cmd: Netui) -> None:
    cmd.ok("demo", "--contacts", "40")
    for number in range(1, 41):
        cmd.ok("edit", str(number), "--cadence", "weekly", "--last-contact", "2026-01-05")
    lines = cmd.ok("today").splitlines()
    assert "… and " in lines[26]
    assert lines[26].endswith("more (netui today --all)")
    assert len(cmd.ok("today", "--all").splitlines()) > len(lines)


def test_hostile_names_are_shown_literally(cmd: Netui, db: Path) -> None:
    cmd.ok("add", "Person", "--cadence", "weekly")
    store_raw(db, 1, full_name="\x1b[31mEvil [bold]x[/]", company="\x1b]0;owned\x07Corp")
    out = cmd.ok("today")
    assert not any(char in out for char in "\x1b\x07")
    assert "[31mEvil [bold]x[/]" in out
    assert cmd.json("today")["queue"][0]["name"] == "\x1b[31mEvil [bold]x[/]"
