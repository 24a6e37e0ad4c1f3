"""What a command loads: only what it uses, so start-up stays short.

Each command runs in a process of its own, which then reports the heavy packages it
imported: listing contacts needs no SQLAlchemy (nor Alembic, nor Textual), ``--version``
not even click. Timing is the benchmarks' job (tests/bench/run_all.py); this checks the
imports that the times depend on.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import Netui

from netui.cli import VERSION_TEXT
from netui.services.context import Services

HEAVY = ("sqlalchemy", "alembic", "textual", "click", "vobject", "charset_normalizer")

CHILD = """
import json, sys
watched = set(json.loads(sys.argv[2]))
sys.argv = ["netui", *json.loads(sys.argv[1])]
from netui.cli import main
try:
    main()
except SystemExit as stop:
    assert not stop.code, stop.code
heavy = {name.partition(".")[0] for name in sys.modules} & watched
sys.stderr.write("\\nLOADED " + json.dumps(sorted(heavy)))
"""


def loaded(*args: str) -> tuple[str, set[str]]:
    """A command's standard output, and which of HEAVY it imported."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(args), json.dumps(HEAVY)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = done.stderr.rpartition("\nLOADED ")[2]
    return done.stdout, set(json.loads(report))


@pytest.fixture
def filled(cmd: Netui, db: Path) -> Path:
    cmd.ok("demo", "--contacts", "30")
    return db


@pytest.mark.parametrize(
    "args",
    [
        ("contacts",),
        ("contacts", "--json"),
        ("contacts", "--status", "top20", "--sort", "name", "--search", "a"),
    ],
    ids=" ".join,
)
def test_listing_contacts_needs_no_sqlalchemy(filled: Path, args: tuple[str, ...]) -> None:
    out, heavy = loaded("--db", str(filled), *args)
    assert out
    assert heavy == {"click"}


def test_a_new_database_is_made_with_alembic(db: Path) -> None:
    out, heavy = loaded("--db", str(db), "contacts")
    assert out.startswith("No contacts yet")
    assert {"sqlalchemy", "alembic"} <= heavy
    assert "textual" not in heavy


def test_version_answers_without_click() -> None:
    out, heavy = loaded("--version")
    assert out == VERSION_TEXT + "\n"
    assert heavy == set()


def test_version_says_what_click_says(cmd: Netui) -> None:
    assert cmd.ok("--version", db=False) == VERSION_TEXT + "\n"


def test_help_loads_no_database_layer() -> None:
    out, heavy = loaded("--help")
    assert "Commands:" in out
    assert heavy == {"click"}


def test_services_are_built_when_first_used(services: Services) -> None:
    assert services.built() == []
    services.contacts.list_rows()
    assert sorted(services.built()) == ["contacts", "settings"]
    assert services.export.backup is services.backup  # built from each other, once
    assert sorted(services.built()) == ["backup", "contacts", "export", "settings"]
