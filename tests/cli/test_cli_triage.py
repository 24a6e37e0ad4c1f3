"""Triage from the command line: status, Top 20 rank and its cap, strength, undo."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from cli_runner import Netui

from netui.domain.types import TriageStatus
from netui.services.context import Services


@pytest.fixture
def five(add: Callable[..., int]) -> list[int]:
    return [add(name) for name in ("Ann Lee", "Bo Chen", "Cy Park", "Di Nowak", "Ed Mensah")]


def statuses(cmd: Netui) -> dict[str, tuple[str, int | None]]:
    return {
        c["full_name"]: (c["status"], c["top20_rank"])
        for c in cmd.json("contacts", "--status", "all")
    }


def test_set_status_for_several(cmd: Netui, five: list[int]) -> None:
    assert cmd.ok("set", "1", "2", "--status", "later") == "2 contacts: saved for later\n"
    assert cmd.ok("set", "3", "--status", "SKIP") == "Cy Park: skipped\n"
    assert statuses(cmd) == {
        "Ann Lee": ("later", None),
        "Bo Chen": ("later", None),
        "Cy Park": ("skip", None),
        "Di Nowak": ("new", None),
        "Ed Mensah": ("new", None),
    }


def test_top20_ranks_follow_the_order_added(cmd: Netui, five: list[int]) -> None:
    cmd.ok("set", "3", "1", "--status", "top20")
    cmd.ok("set", "5", "--status", "top20")
    assert [c["full_name"] for c in cmd.json("top20")["contacts"]] == [
        "Cy Park",
        "Ann Lee",
        "Ed Mensah",
    ]
    assert [c["top20_rank"] for c in cmd.json("top20")["contacts"]] == [1, 2, 3]


def test_set_rank_places_and_moves(cmd: Netui, five: list[int]) -> None:
    cmd.ok("set", "1", "2", "3", "--status", "top20")
    assert cmd.ok("set", "4", "--rank", "1") == "Di Nowak: Top 20 #1\n"
    assert cmd.ok("set", "2", "--rank", "4", "--status", "top20") == "Bo Chen: Top 20 #4\n"
    ranked = cmd.json("contacts", "--status", "top20")
    assert [(c["full_name"], c["top20_rank"]) for c in ranked] == [
        ("Di Nowak", 1),
        ("Ann Lee", 2),
        ("Cy Park", 3),
        ("Bo Chen", 4),
    ]


def test_leaving_the_top20_closes_ranks(cmd: Netui, five: list[int]) -> None:
    cmd.ok("set", "1", "2", "3", "--status", "top20")
    cmd.ok("set", "1", "--status", "later")
    assert [(c["id"], c["top20_rank"]) for c in cmd.json("top20")["contacts"]] == [(2, 1), (3, 2)]


def test_rank_usage_errors(cmd: Netui, five: list[int]) -> None:
    assert "--rank goes only with --status top20" in cmd.fail(
        "set", "1", "--rank", "2", "--status", "later", code=2
    )
    assert "single ID" in cmd.fail("set", "1", "2", "--rank", "2", code=2)
    assert "21" in cmd.fail("set", "1", "--rank", "21", code=2)
    assert "give --status, --rank or --strength" in cmd.fail("set", "1", code=2)
    assert "Missing argument" in cmd.fail("set", "--status", "new", code=2)
    assert "bogus" in cmd.fail("set", "1", "--status", "bogus", code=2)


def test_21st_member_is_refused_with_a_way_out(
    cmd: Netui, add: Callable[..., int], services: Services
) -> None:
    ids = [add(f"Person {n:02d}") for n in range(1, 22)]
    cmd.ok("set", *map(str, ids[:20]), "--status", "top20")
    err = cmd.fail("set", str(ids[20]), "--status", "top20")
    assert err.startswith("netui: error: the Top 20 is full (20 of 20)")
    assert f"netui set {ids[19]} --status later" in err
    assert "#20 Person 20" in err
    # Nothing changed, and following the advice works.
    assert services.contacts.get(ids[20]).status is TriageStatus.NEW
    cmd.ok("set", str(ids[19]), "--status", "later")
    cmd.ok("set", str(ids[20]), "--status", "top20")
    assert services.contacts.get(ids[20]).top20_rank == 20


def test_too_many_at_once_says_how_many_fit(cmd: Netui, add: Callable[..., int]) -> None:
    ids = [str(add(f"Person {n:02d}")) for n in range(1, 23)]
    cmd.ok("set", *ids[:18], "--status", "top20")
    err = cmd.fail("set", *ids[18:], "--status", "top20")
    assert "only 2 place(s) left" in err


def test_set_strength(cmd: Netui, five: list[int], services: Services) -> None:
    assert cmd.ok("set", "1", "2", "--strength", "5") == "2 contacts: strength 5\n"
    assert services.contacts.get(2).strength == 5
    err = cmd.fail("set", "1", "--strength", "6")
    assert err == "netui: error: --strength: must be 1 to 5, not 6\n"
    assert "--strength" in cmd.fail("set", "1", "--strength", "")


def test_status_and_strength_together(cmd: Netui, five: list[int], services: Services) -> None:
    out = cmd.ok("set", "4", "--status", "top20", "--strength", "3")
    assert out == "Di Nowak: added to the Top 20\nDi Nowak: strength 3\n"
    contact = services.contacts.get(4)
    assert (contact.status, contact.top20_rank, contact.strength) == (TriageStatus.TOP20, 1, 3)


def test_set_unknown_contact(cmd: Netui, five: list[int]) -> None:
    assert cmd.fail("set", "1", "99", "--status", "skip") == "netui: error: no contact with id 99\n"
    assert statuses(cmd)["Ann Lee"] == ("new", None)


def test_undo_walks_back_one_decision_at_a_time(cmd: Netui, five: list[int]) -> None:
    assert cmd.ok("undo") == "Nothing to undo\n"
    cmd.ok("set", "1", "2", "--status", "top20")
    cmd.ok("set", "3", "--rank", "1")
    cmd.ok("set", "2", "--status", "skip")
    assert cmd.ok("undo") == "undid: skipped\n"
    assert statuses(cmd)["Bo Chen"] == ("top20", 3)
    assert cmd.ok("undo") == "undid: Top 20 #1\n"
    assert statuses(cmd)["Cy Park"] == ("new", None)
    assert cmd.ok("undo") == "undid: added to the Top 20\n"
    assert set(statuses(cmd).values()) == {("new", None)}
    assert cmd.ok("undo") == "Nothing to undo\n"


def test_undo_strength(cmd: Netui, five: list[int], services: Services) -> None:
    cmd.ok("set", "1", "--strength", "2")
    cmd.ok("set", "1", "--strength", "4")
    cmd.ok("undo")
    assert services.contacts.get(1).strength == 2


def test_top20_text_and_progress(cmd: Netui, five: list[int]) -> None:
    assert cmd.ok("top20") == (
        "The Top 20 is empty: add someone with netui set ID --status top20\n"
        "0 of 20 reached (goal 10)\n"
    )
    cmd.ok("set", "2", "5", "--status", "top20")
    cmd.ok("log", "5", "--channel", "call", "--outcome", "talked")
    lines = cmd.ok("top20").splitlines()
    assert lines[0].split()[:3] == ["Rank", "ID", "Name"]
    assert lines[1].split()[:4] == ["1", "2", "Bo", "Chen"]
    assert lines[2].split()[:4] == ["2", "5", "Ed", "Mensah"]
    assert "today" in lines[2]
    assert lines[3] == "1 of 20 reached (goal 10)"


def test_top20_json(cmd: Netui, five: list[int]) -> None:
    cmd.ok("set", "3", "--status", "top20")
    data = cmd.json("top20")
    assert list(data) == ["size", "capacity", "reached", "goal", "contacts"]
    assert (data["size"], data["capacity"], data["reached"], data["goal"]) == (1, 20, 0, 10)
    assert [c["full_name"] for c in data["contacts"]] == ["Cy Park"]
