"""``contacts --json`` and ``top20 --json`` print exactly the bytes they always have.

However the commands make their JSON, it is compared here, byte for byte, with the
original way of making it, kept as the reference: every contact loaded
(``ContactService.find``), shaped by ``contact_json`` and dumped whole by ``json_text``.
The database is a ``netui demo`` one with hostile text stored in every kind of field: control
characters, the C1 and bidirectional controls JSON leaves alone (printed as ``\\uXXXX``),
quotes, backslashes, markup and wide characters.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import store_raw
from cli_runner import Netui

from netui.cli.output import contact_json, json_text
from netui.domain.listing import SortKey, StatusFilter
from netui.services.context import Services

HOSTILE_COLUMNS = {
    "full_name": "C1 \x9b31m bidi \u202eevil \u2066x\u2069 del \x7f [bold]Zoë[/]",
    "company": "\x1b]0;owned\x07Corp “Quoted”",
    "title": "王小明 🎉 \u200fright\u200e",
    "notes": 'line\u2028sep\u2029 "quoted" back\\slash\ttab\nnew \x00 \x85 \u061c',
    "emails": "first@hostile.example\n\u202ebackwards@hostile.example",
    "phones": "+1 206 555-0100",
    "tags": "evil\x1b[2J\nzoë",
    "how_we_met": "\\u202e is not a control, just text",
}

CASES = [
    (StatusFilter.ACTIVE, "", SortKey.PRIORITY),
    (StatusFilter.ALL, "", SortKey.PRIORITY),
    (StatusFilter.ACTIVE, "", SortKey.STALENESS),
    (StatusFilter.ACTIVE, "", SortKey.NAME),
    (StatusFilter.ACTIVE, "", SortKey.COMPANY),
    (StatusFilter.TOP20, "", SortKey.NAME),
    (StatusFilter.NEW, "", SortKey.PRIORITY),
    (StatusFilter.LATER, "", SortKey.STALENESS),
    (StatusFilter.SKIP, "", SortKey.COMPANY),
    (StatusFilter.ARCHIVED, "", SortKey.NAME),
    (StatusFilter.ALL, "an", SortKey.PRIORITY),
    (StatusFilter.ACTIVE, "eng  LABS", SortKey.COMPANY),
    (StatusFilter.ALL, "zoë", SortKey.NAME),
    (StatusFilter.ACTIVE, "nobody-has-this-word", SortKey.PRIORITY),
]


@pytest.fixture
def demo(cmd: Netui, db: Path) -> Netui:
    cmd.ok("demo", "--contacts", "240", "--seed", "5")
    for contact_id in (3, 17, 150):
        store_raw(db, contact_id, **HOSTILE_COLUMNS)
    store_raw(db, 40, full_name="zoë", company="  ", title="")  # blank company sorts last
    return cmd


def reference(services: Services, status: StatusFilter, query: str, sort: SortKey) -> str:
    """What ``contacts --json`` printed before it streamed: the whole list dumped at once."""
    found = services.contacts.find(status, query, sort)
    return json_text([contact_json(contact) for contact in found]) + "\n"


@pytest.mark.parametrize(("status", "query", "sort"), CASES)
def test_contacts_json_is_byte_identical(
    demo: Netui, services: Services, status: StatusFilter, query: str, sort: SortKey
) -> None:
    printed = demo.ok("contacts", "--json", "--status", status, "--search", query, "--sort", sort)
    expected = reference(services, status, query, sort)
    assert expected.count('"id": ') > 0 or query
    assert printed == expected


def test_hostile_text_is_escaped_the_same_way(demo: Netui) -> None:
    printed = demo.ok("contacts", "--json", "--search", "hostile.example")
    assert printed.count('"full_name": "C1 \\u009b31m bidi \\u202eevil \\u2066x\\u2069') == 3
    assert '"notes": "line\\u2028sep\\u2029 \\"quoted\\" back\\\\slash\\ttab\\nnew' in printed
    assert not any(char in printed for char in "\x1b\x9b\u202e\u2066\u2069\x7f\u2028\x85")


def test_an_empty_list_is_an_empty_array(cmd: Netui) -> None:
    assert cmd.ok("contacts", "--json") == "[]\n"


def test_top20_json_is_byte_identical(demo: Netui, services: Services, db: Path) -> None:
    store_raw(db, 3, status="top20", top20_rank="1")  # a hostile member
    members = services.contacts.find(StatusFilter.TOP20)
    progress = services.triage.top20_progress()
    expected = {
        "size": progress.size,
        "capacity": progress.capacity,
        "reached": progress.reached,
        "goal": progress.goal,
        "contacts": [contact_json(c) for c in members],
    }
    assert len(members) > 1
    assert demo.ok("top20", "--json") == json_text(expected) + "\n"
