"""``netui stats``: the progress figures as terminal charts, and as JSON with stable keys."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import sql_rows, store_raw
from cli_runner import Netui
from timezones import local_zone_as

from netui.domain.clock import FakeClock
from netui.domain.scripts import ScriptChannel
from netui.domain.types import Channel, ContactDraft, InteractionDraft, Outcome
from netui.services.context import open_services

HOSTILE = "[bold red]Zoë[/] \x1b]52;c;aGk=\x07 <b>O'Brien</b>"


@pytest.fixture(autouse=True)
def in_lisbon() -> Iterator[None]:
    with local_zone_as("Europe/Lisbon"):
        yield


def fill(cmd: Netui) -> None:
    for name in ("Ada Okafor", "Bruno Salas", "Chen Wu"):
        cmd.ok("add", name)
    cmd.ok("set", "1", "2", "--status", "top20")
    cmd.ok("log", "1", "--channel", "call", "--outcome", "meeting_set", "--when", "yesterday")
    cmd.ok("log", "2", "--script", "Reconnect email", "--outcome", "replied")
    cmd.ok("log", "3", "--script", "Reconnect email", "--outcome", "no_answer")
    cmd.ok("log", "3", "--channel", "call", "--outcome", "referral", "--when", "60 days ago")
    cmd.ok("timer", "start", "--minutes", "25")
    cmd.clock.advance(minutes=25)
    cmd.ok("timer", "stop")


def test_the_json_has_its_documented_keys_and_the_figures(cmd: Netui) -> None:
    fill(cmd)
    found = cmd.json("stats")
    assert set(found) == {
        "today", "first_day", "days", "minutes", "people_reached", "reached_per_week",
        "funnel", "top20", "scripts", "doors_opened", "doors_per_week", "referral_chains",
        "week",
    }  # fmt: skip
    assert (found["today"], found["first_day"], found["days"]) == ("2026-11-26", "2026-10-28", 30)
    assert found["minutes"]["total"] == 25
    assert found["minutes"]["by_day"][-1] == {"day": "2026-11-26", "minutes": 25}
    assert len(found["minutes"]["by_day"]) == 30
    assert found["funnel"] == {
        "contacted": 3, "reached": 2, "replied": 2, "talked": 1, "meeting": 1, "referral": 0,
    }  # fmt: skip
    assert found["top20"] == {"size": 2, "reached": 1, "capacity": 20, "goal": 10}  # Ada before
    assert found["scripts"] == [
        {"script": "Reconnect email", "uses": 2, "replies": 1, "reply_rate": 0.5}
    ]
    assert found["doors_opened"] == 1
    assert found["doors_per_week"][-1] == {
        "week": "2026-11-23", "meetings": 1, "referrals": 0, "introductions": 0, "total": 1,
    }  # fmt: skip
    assert found["week"] == {
        "week": "2026-11-23", "minutes": 25, "goal_minutes": 150, "reached": 2,
        "doors_opened": 1, "top20_reached": 1,
    }  # fmt: skip
    assert cmd.json("stats", "--days", "90")["funnel"]["referral"] == 1


def test_the_text_shows_the_week_and_every_chart(cmd: Netui) -> None:
    fill(cmd)
    out = cmd.ok("stats")
    lines = out.splitlines()
    assert lines[0] == (
        "This week 25 min of 2h30 · 2 reached · 1 door opened · Top 20: 1/20 (goal 10)"
    )
    for title in (
        "Minutes a day, last 30 days",
        "People reached per week",
        "How far conversations went",
        "Top 20 reached",
        "Reply rate per script",
        "Doors opened per week",
    ):
        assert title in lines
    script_line = next(line for line in lines if line.startswith("Reconnect email"))
    assert script_line.endswith("50% of 2")


def test_an_empty_database_prints_charts_of_nothing(cmd: Netui) -> None:
    out = cmd.ok("stats")
    assert out.startswith("This week 0 min of 2h30 · 0 reached · 0 doors opened")
    assert "nothing yet" in out  # no script used yet
    assert cmd.json("stats")["scripts"] == []


def test_a_hostile_script_name_is_shown_as_typed_without_controls(
    cmd: Netui, db_path: Path, clock: FakeClock
) -> None:
    services = open_services(db_path, clock)
    try:
        person = services.contacts.add(ContactDraft(full_name="Ada Okafor")).id
        script = services.scripts.create(HOSTILE, ScriptChannel.EMAIL, body="Hi")
        draft = InteractionDraft(
            Channel.EMAIL, Outcome.REPLIED, script_revision_id=script.revision_id
        )
        services.interactions.log(person, draft)
    finally:
        services.close()
    out = cmd.ok("stats", env={"COLUMNS": "200"})
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "[bold red]Zoë[/]" in out
    assert "<b>O'Brien</b>" in out
    assert cmd.json("stats")["scripts"][0]["script"] == script.name


def test_names_of_100_000_characters_stay_bounded(cmd: Netui, db_path: Path) -> None:
    cmd.ok("add", "Ann Lee")
    cmd.ok("add", "Bo Park", "--referred-by", "1")
    cmd.ok("log", "2", "--script", "Reconnect email", "--outcome", "replied")
    huge = "[b]" + "x" * 100_000 + "\x1b[2J"
    store_raw(db_path, 2, full_name=huge)
    (script_id,) = sql_rows(db_path, "SELECT id FROM script WHERE name = 'Reconnect email'")[0]
    store_raw(db_path, script_id, table="script", name=huge)
    out = cmd.ok("stats", env={"COLUMNS": "100"})
    assert max(len(line) for line in out.splitlines()) <= 300
    assert "\x1b" not in out
    found = cmd.json("stats")
    assert found["referral_chains"][0]["people"][1]["name"] == huge
    assert len(found["scripts"][0]["script"]) == len(huge)  # the script used was renamed


@pytest.mark.parametrize("days", ["0", "367", "ten"])
def test_a_bad_period_is_one_line_naming_it(cmd: Netui, days: str) -> None:
    error = cmd.fail("stats", "--days", days, code=1 if days != "ten" else 2)
    assert "days" in error


def test_referral_chains_show_in_the_text_and_the_json(cmd: Netui) -> None:
    cmd.ok("add", "Ann Lee")
    cmd.ok("add", "Bo [b]Park[/b]", "--referred-by", "1", "--company", "Acme")
    cmd.ok("add", "Cy Ode", "--referred-by", "2", "--company", "Acme")
    cmd.ok("log", "3", "--channel", "call", "--outcome", "meeting_set")
    assert cmd.ok("stats").splitlines()[-2:] == [
        "Referral chains",
        "Ann Lee → Bo [b]Park[/b] → Cy Ode → a meeting at Acme",
    ]
    found = cmd.json("stats")
    assert found["referral_chains"] == [
        {
            "people": [
                {"id": 1, "name": "Ann Lee"},
                {"id": 2, "name": "Bo [b]Park[/b]"},
                {"id": 3, "name": "Cy Ode"},
            ],
            "led_to": "a meeting at Acme",
            "outcome": "meeting_set",
            "company": "Acme",
            "text": "Ann Lee → Bo [b]Park[/b] → Cy Ode → a meeting at Acme",
        }
    ]
    this_week = found["doors_per_week"][-1]
    assert (this_week["meetings"], this_week["introductions"], this_week["total"]) == (1, 2, 3)


def test_help_documents_the_json_keys(cmd: Netui) -> None:
    out = cmd.ok("stats", "--help", db=False)
    for key in ("people_reached", "reached_per_week", "doors_per_week", "referral_chains"):
        assert key in out
