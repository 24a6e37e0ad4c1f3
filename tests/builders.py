"""Builders shared by every test folder: the fixed moment, a small cast of invented people,
and contact files for the import tests, written on the fly (every person here is invented)."""

from __future__ import annotations

import csv
import io
import sqlite3
import subprocess
import sys
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.pilot import Pilot

from netui.domain.types import ContactDraft, DatePrecision, LooseDate
from netui.tui.app import NetuiApp
from netui.tui.screens.triage_mode import TriageModeScreen

if TYPE_CHECKING:
    from netui.services.context import Services

WaitReady = Callable[[NetuiApp, Pilot[None]], Awaitable[None]]
"""The ``wait_ready`` fixture: waits until the app shows its contact list."""
AppFactory = Callable[[], NetuiApp]
"""The ``make_app`` fixture: a new app on the test's database and clock."""

NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)
"""Where every test's clock starts (a Thursday afternoon)."""

# (name, company, title, strength, last contacted at month precision)
PEOPLE: tuple[tuple[str, str, str, int | None, date | None], ...] = (
    ("Ada Okafor", "Larkspur Analytics", "Data Lead", 5, date(2019, 3, 1)),
    ("Bruno Salas", "Quillfeather", "Product Manager", 3, date(2021, 6, 15)),
    ("Chen Wu", "Harbor & Finch", "Recruiter", 4, None),
    ("Dalia Mertens", "Northwind Cycles", "CTO", 2, date(2018, 1, 1)),
    ("Emeka Brandt", "Tallgrass Health", "Engineer", None, date(2024, 9, 9)),
    ("Farah Lindqvist", "Copperline", "Designer", 1, date(2016, 5, 5)),
)


def people_drafts() -> list[ContactDraft]:
    """:data:`PEOPLE` as drafts ready to add."""
    return [
        ContactDraft(
            full_name=name,
            company=company,
            title=title,
            strength=strength,
            last_contacted=LooseDate(last, DatePrecision.MONTH) if last else None,
        )
        for name, company, title, strength, last in PEOPLE
    ]


# --- contact files for the import tests ------------------------------------------------

LINKEDIN_HEADER = (
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
)
PREAMBLE = (
    "Notes:\n"
    '"Email addresses appear only for connections who let their contacts download them; '
    'for everyone else the column is left blank."\n\n'
)

# (first, last, url slug, email, company, position, connected on)
DANA = (
    "Dana",
    "Whitfield, PMP",
    "dana-whitfield-4821",
    "",
    "Tidewell Systems",
    "Director of Operations",
    "07 Feb 2025",
)
MARCUS = (
    "Marcus",
    "Oyelaran",
    "marcus-oyelaran",
    "marcus.oyelaran@example.com",
    "Bluefen Labs",
    "Founder",
    "21 Nov 2023",
)
LENA = (
    "Lena",
    "Voss (she/her)",
    "lenavoss",
    "",
    "Pinecrest Health",
    "Senior Recruiter",
    "03 Mar 2022",
)
PRIYA = (
    "Priya",
    "Raman, MBA",
    "priya-raman-ops",
    "",
    "Quarry & Vine, Inc.",
    "Program Manager",
    "30 Sep 2020",
)
#: The four LinkedIn connections above, in file order (:data:`PEOPLE` is the cast of
#: stored contacts; these are rows of an export).
CONNECTIONS = (DANA, MARCUS, LENA, PRIYA)


def linkedin_rows(*people: Sequence[str]) -> list[list[str]]:
    return [
        [first, last, f"https://www.linkedin.com/in/{slug}" if slug else "", *rest]
        for first, last, slug, *rest in people
    ]


def write_linkedin(path: Path, *people: Sequence[str], preamble: bool = True) -> Path:
    """A LinkedIn Connections.csv with these people (see CONNECTIONS for the tuple shape)."""
    out = io.StringIO()
    if preamble:
        out.write(PREAMBLE)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(LINKEDIN_HEADER)
    writer.writerows(linkedin_rows(*people))
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[str]]) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def store_raw(db_path: Path, row_id: int, *, table: str = "contact", **columns: str) -> None:
    """Overwrite a contact's (or another ``table``'s row's) text columns straight in the
    file, past the rules of netui's entry paths: text as an older netui, or another
    program, may have left it.

    Lists (emails, phones, tags) are one string, their items joined by newlines.
    """
    connection = sqlite3.connect(db_path)
    try:
        with connection:
            for column, value in columns.items():
                connection.execute(
                    f'UPDATE "{table}" SET "{column}" = ? WHERE id = ?', (value, row_id)
                )
    finally:
        connection.close()


def sql_rows(db_path: Path, sql: str) -> list[tuple[Any, ...]]:
    """The rows one query returns, read with the standard library (not netui's engine)."""
    connection = sqlite3.connect(db_path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def table_dump(db_path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to compare a database before and after."""
    connection = sqlite3.connect(db_path)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            table: connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
            for table in tables
        }
    finally:
        connection.close()


# --- another program on the same database ----------------------------------------------


async def came_true(
    pilot: Pilot[None], condition: Callable[[], object], seconds: float, step: float = 0.05
) -> bool:
    """Let the app run until ``condition()`` holds or ``seconds`` have gone by: whether it
    holds (for ``assert await came_true(...)``, whose message can say what was seen)."""
    for _ in range(max(1, int(seconds / step))):
        if condition():
            return True
        await pilot.pause(step)
    return bool(condition())


async def until(
    pilot: Pilot[None], done: Callable[[], object], what: str, seconds: float = 2.0
) -> None:
    """Let the app run until ``done()`` holds; fail naming ``what`` if it never does."""
    if not await came_true(pilot, done, seconds, 0.02):
        raise AssertionError(f"never happened: {what}")


def let_go(services: Services) -> None:
    """Close the test's own connections to its database before an app opens the same file.

    Opening checks the file with a plain open() and close(), and closing any descriptor of
    a file drops every POSIX lock the process holds on it, SQLite's included. A netui in
    another process would then take itself for the only one on the file and, as it closes,
    delete the WAL from under this process's connections, which go on reading old pages.
    (Only tests have connections open before the app opens the file.) Its engine's and its
    plain reading connections alike: the services can still be used afterwards, on new ones.
    """
    services.db.close()


class WriteLock:
    """Another program in the middle of a write: while taken, it holds SQLite's write lock.

    It connects when first taken, so after the app has opened the file (see :func:`let_go`).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.connection: sqlite3.Connection | None = None

    def take(self) -> None:
        if self.connection is None:
            self.connection = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False
            )
        self.connection.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        if self.connection is not None and self.connection.in_transaction:
            self.connection.execute("ROLLBACK")

    def close(self) -> None:
        self.release()
        if self.connection is not None:
            self.connection.close()


def toasts(app: NetuiApp) -> list[str]:
    """The messages the app has shown as toasts (and not yet timed out)."""
    return [notification.message for notification in app._notifications]


def netui_process(db_path: Path, *args: str) -> str:
    """Run ``netui --db DB ARGS...`` as a process of its own (another netui); its stdout."""
    done = subprocess.run(
        [sys.executable, "-m", "netui", "--db", str(db_path), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


async def open_triage_mode(app: NetuiApp, pilot: Pilot[None]) -> TriageModeScreen:
    """Press T on the main screen; the triage mode screen it opens."""
    await pilot.press("T")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, TriageModeScreen)
    return screen
