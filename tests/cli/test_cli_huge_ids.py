"""An id too large for SQLite (2^63 or more) names no contact; it used to be an OverflowError."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from cli_runner import Netui

HUGE = str(2**63)
VERY_HUGE = "9" * 5000  # more digits than Python turns into an int by default
LARGEST = str(2**63 - 1)  # SQLite can hold it; no contact has it

LOG = ["--channel", "call", "--outcome", "talked"]
CONTACT_COMMANDS = [
    ["show", "{id}"],
    ["show", "#{id}"],
    ["show", "{id}", "--json"],
    ["edit", "{id}", "--title", "CTO"],
    ["set", "{id}", "--status", "later"],
    ["set", "1", "{id}", "--status", "skip"],
    ["set", "{id}", "1", "--status", "archived"],
    ["set", "{id}", "--rank", "2"],
    ["set", "{id}", "--strength", "3"],
    ["log", "{id}", *LOG],
    ["log", "{id}", *LOG, "--follow-up", "next friday"],
    ["merge", "{id}", "1", "--yes"],
    ["merge", "1", "{id}", "--yes"],
    ["merge", "{id}", "1"],
    ["merge", "1", "{id}"],
]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def one_contact(cmd: Netui, db: Path) -> str:
    cmd.ok("add", "Ann Lee")
    return digest(db)


@pytest.mark.parametrize("number", [HUGE, VERY_HUGE, LARGEST])
@pytest.mark.parametrize("args", CONTACT_COMMANDS, ids=" ".join)
def test_a_huge_contact_id_is_no_contact(
    cmd: Netui, db: Path, one_contact: str, args: list[str], number: str
) -> None:
    err = cmd.fail(*(a.format(id=number) for a in args))
    assert err == f"netui: error: no contact with id {number}\n"
    assert digest(db) == one_contact


@pytest.mark.parametrize("number", [HUGE, VERY_HUGE, LARGEST])
def test_a_huge_import_id_is_no_import(cmd: Netui, db: Path, one_contact: str, number: str) -> None:
    assert cmd.fail("import", "--undo", number) == f"netui: error: no import with id {number}\n"
    assert (
        cmd.fail("import", "--undo", f"#{number}") == f"netui: error: no import with id {number}\n"
    )
    assert digest(db) == one_contact


def test_leading_zeros_are_the_same_id(cmd: Netui, one_contact: str) -> None:
    assert cmd.json("show", "0001")["full_name"] == "Ann Lee"
    assert cmd.fail("show", "000" + HUGE) == f"netui: error: no contact with id {HUGE}\n"


@pytest.mark.parametrize("text", ["0", "000", "²", "١٢", "1e3", ""])
def test_what_is_not_an_id_is_a_usage_error(cmd: Netui, one_contact: str, text: str) -> None:
    assert "is not a contact id" in cmd.fail("show", text, code=2)
    assert "is not an import id" in cmd.fail("import", "--undo", text, code=2)
