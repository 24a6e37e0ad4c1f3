"""``contacts --json`` and ``top20 --json`` print exactly the bytes they always have.

However the commands make their JSON, it is compared here, byte for byte, with the
original way of making it, kept as the reference: the list rows filtered and ordered by
the list's rules, every contact loaded through the ORM (``get_many``), shaped by
``contact_json`` and dumped whole by ``json_text``.
The database is a ``netui demo`` one with hostile text stored in every kind of field: control
characters, the C1 and bidirectional controls JSON leaves alone (printed as ``\\uXXXX``),
quotes, backslashes, markup and wide characters.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from builders import store_raw
from cli_runner import Netui
from hypothesis import given
from hypothesis import strategies as st

from netui.cli.output import contact_json, json_list_chunks, json_text
from netui.domain.listing import SortKey, StatusFilter, filter_rows, order_rows
from netui.domain.types import Contact
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


def found(services: Services, status: StatusFilter, query: str, sort: SortKey) -> list[Contact]:
    """The contacts ``contacts --json`` lists, the way it found them before it streamed."""
    rows = order_rows(filter_rows(services.contacts.list_rows(), status, query), sort, status)
    return services.contacts.get_many([row.id for row in rows])


def reference(services: Services, status: StatusFilter, query: str, sort: SortKey) -> str:
    """What ``contacts --json`` printed before it streamed: the whole list dumped at once."""
    contacts = found(services, status, query, sort)
    return json_text([contact_json(contact) for contact in contacts]) + "\n"


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
    members = found(services, StatusFilter.TOP20, "", SortKey.PRIORITY)
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
    assert services.contacts.find(StatusFilter.TOP20) == members


# Any JSON value, with keys of every kind json.dumps takes, and text from all of Unicode
# (the C1 and bidirectional controls included).
_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_KEYS = st.text() | st.integers() | st.booleans() | st.none()
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=3),
    max_leaves=12,
)
_RECORDS = st.dictionaries(st.text(), _VALUES, max_size=6) | _VALUES


@given(st.lists(_RECORDS, max_size=6))
def test_a_streamed_list_is_json_text_of_the_list(records: list[Any]) -> None:
    assert "".join(json_list_chunks(records)) == json_text(records) + "\n"


def test_a_list_longer_than_a_chunk_is_whole() -> None:
    records = [{"id": n, "name": f"\u202eperson {n}", "tags": ["a"] * (n % 3)} for n in range(1300)]
    chunks = list(json_list_chunks(records))
    assert len(chunks) > 3
    assert "".join(chunks) == json_text(records) + "\n"
