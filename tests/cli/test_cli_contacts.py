"""Adding, showing, listing and editing contacts from the command line."""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path

from builders import store_raw
from cli_runner import Netui

from netui.cli import CONTACT_KEYS, LIST_HEADERS, format_table, printable
from netui.cli.table import cell_width
from netui.domain.clock import FakeClock, local_today
from netui.services.context import Services

ANN = [
    "add",
    "Ann Lee",
    "--company",
    "Larkspur Analytics",
    "--title",
    "Product Manager",
    "--email",
    "ann@larkspur.example",
    "--email",
    "ann.lee@mailbox.example",
    "--phone",
    "+1 206 555-0142",
    "--linkedin",
    "https://www.linkedin.com/in/ann-lee-demo",
    "--met",
    "Same team at Larkspur",
    "--last-contact",
    "Mar 2021",
    "--strength",
    "4",
    "--tag",
    "fintech, mentor",
    "--tag",
    "alumni",
    "--cadence",
    "every 2 weeks",
    "--notes",
    "Knows everyone.\nAsk about the new team.",
]


def test_add_prints_id_and_name(cmd: Netui) -> None:
    assert cmd.ok("add", "Bo Chen") == "Added #1 Bo Chen\n"
    assert cmd.ok("add", "Cy Park") == "Added #2 Cy Park\n"


def test_add_json_has_every_key_in_order(cmd: Netui) -> None:
    contact = cmd.json(*ANN)
    assert tuple(contact) == CONTACT_KEYS
    assert str(uuid.UUID(contact["uid"])) == contact["uid"]  # a new random UID
    assert contact == {
        "id": 1,
        "full_name": "Ann Lee",
        "first_name": "Ann",
        "last_name": "Lee",
        "company": "Larkspur Analytics",
        "title": "Product Manager",
        "emails": ["ann@larkspur.example", "ann.lee@mailbox.example"],
        "phones": ["+1 206 555-0142"],
        "linkedin_url": "https://www.linkedin.com/in/ann-lee-demo",
        "how_we_met": "Same team at Larkspur",
        "notes": "Knows everyone.\nAsk about the new team.",
        "tags": ["fintech", "mentor", "alumni"],
        "strength": 4,
        "status": "new",
        "top20_rank": None,
        "last_contacted": "2021-03-01",
        "last_contacted_precision": "month",
        "cadence": "2w",
        "next_follow_up": None,
        "connected_on": None,
        "previous_company": "",
        "previous_title": "",
        "job_changed_on": None,
        "uid": contact["uid"],
    }


def test_add_stores_the_cadence_code(cmd: Netui, services: Services) -> None:
    cmd.ok(*ANN)
    assert services.contacts.get(1).cadence == "2w"


def test_show_json_adds_interactions(cmd: Netui) -> None:
    added = cmd.json(*ANN)
    shown = cmd.json("show", "1")
    assert list(shown) == [*CONTACT_KEYS, "interactions"]
    assert {k: v for k, v in shown.items() if k != "interactions"} == added
    assert shown["interactions"] == []


def test_show_text_has_every_field(cmd: Netui, clock: FakeClock) -> None:
    cmd.ok(*ANN)
    text = cmd.ok("show", "#1")
    assert text.startswith("#1  Ann Lee\n")
    for expected in (
        "Larkspur Analytics",
        "Product Manager",
        "ann@larkspur.example, ann.lee@mailbox.example",
        "+1 206 555-0142",
        "https://www.linkedin.com/in/ann-lee-demo",
        "Same team at Larkspur",
        "fintech, mentor, alumni",
        "4 of 5",
        "Mar 2021 (about 5 years ago)",
        "every 2 weeks",
        "Next follow-up: none",
        "  Knows everyone.\n  Ask about the new team.\n",
        "History: nothing logged yet",
    ):
        assert expected in text
    assert "\t" not in text


def test_contacts_json_lists_every_contact(cmd: Netui) -> None:
    cmd.ok(*ANN)
    cmd.ok("add", "Bo Chen", "--company", "Cobalt Finch Labs")
    listed = cmd.json("contacts")
    assert [c["full_name"] for c in listed] == ["Ann Lee", "Bo Chen"]
    assert all(tuple(c) == CONTACT_KEYS for c in listed)


def test_contacts_json_matches_show(cmd: Netui) -> None:
    cmd.ok(*ANN)
    [listed] = cmd.json("contacts")
    shown = cmd.json("show", "1")
    del shown["interactions"]
    assert listed == shown


def test_contacts_json_empty_is_an_empty_array(cmd: Netui) -> None:
    assert cmd.json("contacts") == []


def test_search_matches_every_word_anywhere(cmd: Netui) -> None:
    cmd.ok(*ANN)
    cmd.ok("add", "Bo Chen", "--company", "Cobalt Finch Labs", "--tag", "fintech")
    cmd.ok("add", "Cy Park", "--notes", "met at a Larkspur party")

    def names(*args: str) -> list[str]:
        return [c["full_name"] for c in cmd.json("contacts", "--sort", "name", *args)]

    assert names("--search", "fintech") == ["Ann Lee", "Bo Chen"]
    assert names("--search", "LARKSPUR") == ["Ann Lee", "Cy Park"]
    assert names("--search", "larkspur party") == ["Cy Park"]
    assert names("--search", "nobody") == []


def test_status_filter(cmd: Netui) -> None:
    for name in ("Ann Lee", "Bo Chen", "Cy Park", "Di Nowak"):
        cmd.ok("add", name)
    cmd.ok("set", "2", "--status", "later")
    cmd.ok("set", "3", "--status", "archived")
    cmd.ok("set", "4", "--status", "top20")

    def names(status: str) -> list[str]:
        return sorted(c["full_name"] for c in cmd.json("contacts", "--status", status))

    assert names("all") == ["Ann Lee", "Bo Chen", "Cy Park", "Di Nowak"]
    assert names("active") == ["Ann Lee", "Bo Chen", "Di Nowak"]
    assert names("new") == ["Ann Lee"]
    assert names("later") == ["Bo Chen"]
    assert names("archived") == ["Cy Park"]
    assert names("top20") == ["Di Nowak"]
    assert names("skip") == []
    # The default is active: archived people stay out of the way.
    assert sorted(c["full_name"] for c in cmd.json("contacts")) == names("active")


def test_sort_orders(cmd: Netui) -> None:
    cmd.ok("add", "Zed Young", "--company", "Alderbank Bank", "--last-contact", "2016")
    cmd.ok("add", "Amy Xu", "--company", "Zephyrine Labs", "--last-contact", "yesterday")
    cmd.ok("add", "Mo Kim", "--strength", "5")

    def names(sort: str) -> list[str]:
        return [c["full_name"] for c in cmd.json("contacts", "--sort", sort)]

    assert names("name") == ["Amy Xu", "Mo Kim", "Zed Young"]
    assert names("company") == ["Zed Young", "Amy Xu", "Mo Kim"]
    assert names("staleness") == ["Mo Kim", "Zed Young", "Amy Xu"]
    assert names("priority")[0] == "Mo Kim"


def test_contacts_text_table(cmd: Netui) -> None:
    cmd.ok(*ANN)
    cmd.ok("add", "Bo Chen")
    cmd.ok("set", "1", "--status", "top20")
    lines = cmd.ok("contacts", "--sort", "name").splitlines()
    assert lines[0].split() == [
        "ID",
        "Name",
        "Company",
        "·",
        "Title",
        "Last",
        "contact",
        "Status",
        "Str",
    ]
    assert lines[1].split("  ")[:2] == [" 1", "Ann Lee"]
    assert "Larkspur Analytics · Product Manager" in lines[1]
    assert "about 5 years" in lines[1]
    assert "top20 #1" in lines[1]
    assert lines[1].rstrip().endswith("4")
    assert "never" in lines[2]
    assert lines[2].rstrip().endswith("-")
    # Aligned with spaces: every column starts at the same place on each line.
    assert lines[0].index("Name") == lines[1].index("Ann Lee") == lines[2].index("Bo Chen")
    assert all("\t" not in line for line in lines)


def test_contacts_text_when_empty(cmd: Netui) -> None:
    assert cmd.ok("contacts") == "No contacts yet: add one with netui add NAME\n"
    cmd.ok("add", "Bo Chen")
    assert cmd.ok("contacts", "--search", "zzz") == "No contacts match.\n"


def test_table_fits_80_columns() -> None:
    long = "Bartholomew Alexander Fitzgerald-Okonkwo " * 3
    rows = [
        ["12345", long, f"{long} · {long}", "about 10 years", "top20 #20", "5"],
        ["7", "Wei Chen", "", "never", "new", "-"],
        ["8", "王小明 陈静 林", "株式会社 " * 20, "2 weeks", "later", "3"],
    ]
    lines = format_table(LIST_HEADERS, rows, width=80, flexible=(1, 2), right=(0,))
    assert len(lines) == 4
    assert all(cell_width(line) <= 80 for line in lines)
    assert "…" in lines[1]
    assert "…" in lines[3]
    assert all("\t" not in line for line in lines)
    # Short cells are left whole.
    assert "Wei Chen" in lines[2]
    assert "never" in lines[2]


def test_table_without_width_keeps_everything() -> None:
    rows = [["1", "A" * 120, "B" * 90, "never", "new", "-"]]
    lines = format_table(LIST_HEADERS, rows, width=None, flexible=(1, 2))
    assert "A" * 120 in lines[1]
    assert "B" * 90 in lines[1]


def test_table_columns_are_never_wider_than_max_column() -> None:
    rows = [
        ["1", "Ann Lee", "C" * 10_000, "never", "new", "-"],
        ["2", "Bo", "", "never", "new", "-"],
    ]
    lines = format_table(LIST_HEADERS, rows, flexible=(1, 2), max_column=30)
    assert "C" * 29 + "…  never" in lines[1]
    assert lines[0].index("Last contact") == lines[1].index("never") == lines[2].index("never")
    assert max(map(cell_width, lines)) < 80


def test_a_long_company_never_widens_the_list_past_the_terminal(cmd: Netui) -> None:
    cmd.ok("add", "Ann Lee", "--company", "Acme " * 2000)
    cmd.ok("add", "Bo Chen")
    lines = cmd.ok("contacts", "--sort", "name", env={"COLUMNS": "100"}).splitlines()
    assert lines[1].startswith(" 1  Ann Lee  Acme Acme")
    assert "Acme…  never" in lines[1]
    assert max(map(cell_width, lines)) < 160  # the company's column is at most 100 wide


def test_edit_changes_only_given_fields(cmd: Netui) -> None:
    before = cmd.json(*ANN)
    out = cmd.ok("edit", "1", "--title", "Director of Product", "--strength", "5")
    assert out == "Updated #1 Ann Lee (strength, title)\n"
    after = cmd.json("show", "1")
    del after["interactions"]
    assert after == before | {"title": "Director of Product", "strength": 5}


def test_edit_replaces_and_clears_lists_and_dates(cmd: Netui) -> None:
    cmd.ok(*ANN)
    edited = cmd.json(
        "edit",
        "1",
        "--name",
        "Ann Lee-Okafor",
        "--tag",
        "",
        "--email",
        "new@cedarline.example",
        "--last-contact",
        "never",
        "--strength",
        "",
    )
    assert edited["full_name"] == "Ann Lee-Okafor"
    assert (edited["first_name"], edited["last_name"]) == ("Ann", "Lee-Okafor")
    assert edited["tags"] == []
    assert edited["emails"] == ["new@cedarline.example"]
    assert edited["last_contacted"] is None
    assert edited["last_contacted_precision"] is None
    assert edited["strength"] is None
    assert edited["phones"] == ["+1 206 555-0142"]


def test_edit_keeps_precision_of_untouched_date(cmd: Netui, clock: FakeClock) -> None:
    cmd.ok(*ANN)
    edited = cmd.json("edit", "1", "--company", "Cedarline Labs")
    assert (edited["last_contacted"], edited["last_contacted_precision"]) == ("2021-03-01", "month")
    relative = cmd.json("edit", "1", "--last-contact", "3 weeks ago")
    today = local_today(clock)
    assert date.fromisoformat(relative["last_contacted"]) == date.fromordinal(
        today.toordinal() - 21
    )
    assert relative["last_contacted_precision"] == "day"


def test_edit_with_nothing_to_change_is_a_usage_error(cmd: Netui) -> None:
    cmd.ok("add", "Bo Chen")
    assert "nothing to change" in cmd.fail("edit", "1", code=2)


def test_edit_unknown_contact(cmd: Netui) -> None:
    assert cmd.fail("edit", "5", "--title", "CTO") == "netui: error: no contact with id 5\n"


HOSTILE = ("[bold]Ann[/]", "\x1b[31mEvil", "Bell\x07 \x9b2JC1 \u202egnp.exe")


def add_hostile(cmd: Netui, db: Path) -> None:
    """The HOSTILE names, stored as they may be in a file from before text was cleaned."""
    for number, name in enumerate(HOSTILE, 1):
        cmd.ok("add", f"Person {number}")
        store_raw(db, number, full_name=name, company="\x1b]0;owned\x07Corp", notes="a\x1b[2Jb")


def test_hostile_names_are_literal_and_escape_free_in_text(cmd: Netui, db: Path) -> None:
    add_hostile(cmd, db)
    outputs = [
        cmd.ok("contacts"),
        cmd.ok("show", "1"),
        cmd.ok("show", "2"),
        cmd.ok("show", "3"),
        cmd.ok("set", "1", "2", "3", "--status", "top20"),
        cmd.ok("set", "2", "--status", "later"),
        cmd.ok("top20"),
        cmd.ok("undo"),
        cmd.ok("edit", "2", "--title", "CTO"),
    ]
    for out in outputs:
        assert not any(char in out for char in "\x1b\x07\x9b\u202e"), out
    listing = outputs[0]
    assert "[bold]Ann[/]" in listing
    assert "[31mEvil" in listing
    assert "]0;ownedCorp" in listing
    assert "a[2Jb" in outputs[1]


def test_hostile_names_are_exact_in_json(cmd: Netui, db: Path) -> None:
    add_hostile(cmd, db)
    listed = cmd.json("contacts", "--sort", "name")
    assert sorted(c["full_name"] for c in listed) == sorted(HOSTILE)
    assert all(c["notes"] == "a\x1b[2Jb" for c in listed)
    assert cmd.json("show", "2")["full_name"] == "\x1b[31mEvil"
    # JSON escapes control characters, so even the raw JSON text holds no ESC byte.
    assert "\x1b" not in cmd.ok("contacts", "--json")


def test_json_escapes_c1_and_bidi_controls_and_keeps_other_text(cmd: Netui, db: Path) -> None:
    cmd.ok("add", "Zoë “Ziggy” 王小明 🎉", "--notes", 'Two\nlines, a \\ and a "')
    plain = cmd.ok("contacts", "--json")
    assert plain == json.dumps(cmd.json("contacts"), ensure_ascii=False, indent=2) + "\n"
    hostile = "C1 \x9b31m bidi \u202eevil \u2066x\u2069 del \x7f line \u2028 Zoë"
    store_raw(db, 1, full_name=hostile)
    out = cmd.ok("contacts", "--json")
    assert '"full_name": "C1 \\u009b31m bidi \\u202eevil \\u2066x\\u2069 del \\u007f' in out
    assert "line \\u2028 Zoë" in out
    assert not any(char in out for char in "\x9b\u202e\u2066\u2069\x7f\u2028")
    assert json.loads(out)[0]["full_name"] == hostile
    assert cmd.json("show", "1")["full_name"] == hostile


def test_printable() -> None:
    assert printable("[bold]Ann[/]") == "[bold]Ann[/]"
    assert printable("\x1b[31mEvil\x1b[0m") == "[31mEvil[0m"
    assert printable("tab\there\nnext\r") == "tab here next "
    assert printable("a\tb\nc\x00", multi_line=True) == "a    b\nc"
    assert printable("Zo\u00eb \u738b \U0001f600\u200d") == "Zo\u00eb \u738b \U0001f600\u200d"
    assert printable("\u202eevil\u2066") == "evil"
    assert printable("\x9b31m") == "31m"
