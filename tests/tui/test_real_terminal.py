"""The real app in a real terminal: hostile names never reach it as terminal commands.

The other hostile-name tests read what Textual would draw; this one reads what netui really
writes. ``python -m netui`` runs in a pseudo-terminal (xterm-256color, 120x36) on a database
whose contacts carry Textual markup, OSC 52 (clipboard), OSC 0 (window title), OSC 8
(hyperlinks), a CSI screen clear, a C1 CSI, a bidi override and a 100,000-character name,
written straight into the file as an older netui or another program may have left them
(netui's own entry paths clean such text). Keys then open every screen, dialog and toast
that shows a name, and every byte the app writes is searched for the payloads.
"""

from __future__ import annotations

import codecs
import os
import re
import select
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import store_raw
from pty_netui import start_netui
from rich.cells import get_character_cell_size

from netui.domain.types import ContactDraft, TriageStatus
from netui.services.context import Services

COLUMNS, LINES = 120, 36
MARKUP = "[bold]x[/] [/] [link=https://x.example]y[/link] [@click=app.quit]z[/]"
CONTROLS = (
    "\x1b]52;c;aGk=\x07 \x1b]0;PWNED\x07 \x1b]8;;https://x.example\x07L\x1b]8;;\x07"
    " \x1b[2J \x9b31m \u202eevil"
)
HOSTILE = f"{MARKUP} {CONTROLS}"
"""Every payload, in every name: each screen that shows any name meets all of them."""
LONG_NAME = f"Long {HOSTILE} " + "o" * 100_000
LONG_NAME = LONG_NAME[:100_000]
COMPANY = f"[red]Co[/red] {CONTROLS}"
TITLE = f"{CONTROLS} [i]Boss[/i]"
NOTES = f"Owes me a call\n{HOSTILE}\n[b]Friday[/b]"

RAW_PAYLOADS = {
    "OSC 52 (clipboard)": b"\x1b]52;",
    "OSC 0 (window title)": b"\x1b]0;PWNED",
    "OSC 8 (hyperlink)": b"\x1b]8;;https://x.example",
    "CSI screen clear": b"\x1b[2J",
    "C1 CSI": "\x9b".encode(),
    "bidi override": "\u202e".encode(),
}
TEXTUAL_OSC = {b"22"}
"""The one OSC command Textual itself sends (the mouse pointer's shape)."""
OSC = re.compile(rb"\x1b\](\d*)")
LINK = re.compile(rb"\x1b\]8;[^;\x07\x1b]*;[^\x07\x1b]*x\.example")
"""A hyperlink to x.example in any form, as Textual would write one for ``[link=...]``."""


def payloads_in(written: bytes) -> list[str]:
    """Which hostile payloads reached the terminal as they are (none, when all is well)."""
    found = [what for what, payload in RAW_PAYLOADS.items() if payload in written]
    if LINK.search(written):
        found.append("a hyperlink made from markup")
    if not set(OSC.findall(written)) <= TEXTUAL_OSC:
        found.append("an OSC command Textual does not send")
    if any("\x80" <= char <= "\x9f" for char in written.decode("utf-8", "replace")):
        found.append("a C1 control")
    return found


class Screen:
    """Just enough of a terminal to know what is on screen: Textual places every piece of
    text with a cursor move (CSI row;col H) and styles it with SGR, so the rest is skipped."""

    SEQUENCE = re.compile(
        r"\x1b\[([0-9;]*)[?<>=$:]*[0-9;]*[ -/]*([@-~])"  # CSI
        r"|\x1b[\]P_^X][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC and other strings
        r"|\x1b(?![\[\]P_^X])[ -/]*[0-~]"  # two-byte escapes
        r"|[^\x1b]+"
    )

    def __init__(self) -> None:
        self.rows = [[" "] * COLUMNS for _ in range(LINES)]
        self.row = self.col = 0
        self.pending = ""
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")

    def feed(self, data: bytes) -> None:
        text = self.pending + self.decoder.decode(data)
        at = 0
        while at < len(text):
            match = self.SEQUENCE.match(text, at)
            if match is None:  # an escape sequence still arriving
                break
            at = match.end()
            if match[2] == "H":
                row, _, col = match[1].partition(";")
                self.row, self.col = int(row or 1) - 1, int(col or 1) - 1
            elif not match[0].startswith("\x1b"):
                self.put(match[0])
        self.pending = text[at:]

    def put(self, text: str) -> None:
        for char in text:
            width = get_character_cell_size(char)
            if 0 <= self.row < LINES and 0 <= self.col < COLUMNS and width:
                self.rows[self.row][self.col] = char
                if width == 2 and self.col + 1 < COLUMNS:
                    self.rows[self.row][self.col + 1] = ""
            self.col += width

    def text(self) -> str:
        return "\n".join("".join(row) for row in self.rows)


class Terminal:
    """``python -m netui`` in a pseudo-terminal, everything it has written, and its screen."""

    def __init__(self, db_path: Path) -> None:
        self.process, self.master = start_netui(db_path, COLUMNS, LINES)
        self.output = bytearray()
        self.screen = Screen()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        """Drain the terminal as a real one would, so the app never blocks on a full pty."""
        while True:
            try:
                ready, _, _ = select.select([self.master], [], [], 0.1)
                data = os.read(self.master, 65536) if ready else b""
            except OSError:  # the app closed its side
                return
            if ready and not data:
                return
            with self._lock:
                self.output.extend(data)
                self.screen.feed(data)

    def written(self) -> bytes:
        with self._lock:
            return bytes(self.output)

    def shown(self) -> str:
        with self._lock:
            return self.screen.text()

    def press(self, keys: str, *shows: str, gone: str = "", timeout: float = 15) -> None:
        """Type ``keys``; wait until each of ``shows`` is on a line of the screen and ``gone``
        is not, then until the app has finished drawing."""
        os.write(self.master, keys.encode())
        deadline = time.monotonic() + timeout
        while not self._showing(shows, gone):
            assert self.process.poll() is None, f"netui exited after {keys!r}"
            if time.monotonic() > deadline:
                found = payloads_in(self.written())
                assert not found, f"reached the terminal by {keys!r}"
                raise AssertionError(f"not shown after {keys!r}:\n{self.shown()}")
            time.sleep(0.05)
        self.settle()
        assert self.process.poll() is None, f"netui exited after {keys!r}"

    def _showing(self, shows: tuple[str, ...], gone: str) -> bool:
        screen = self.shown()
        return all(part in screen for part in shows) and not (gone and gone in screen)

    def settle(self, quiet: float = 0.3, timeout: float = 5) -> None:
        """Wait until nothing has been written for ``quiet`` seconds (the screen is drawn)."""
        deadline = time.monotonic() + timeout
        size, since = len(self.written()), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.05)
            now = len(self.written())
            if now != size:
                size, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(5)
        self._reader.join(5)
        os.close(self.master)


@pytest.fixture
def terminal(db_path: Path) -> Iterator[Terminal]:
    opened = Terminal(db_path)
    yield opened
    opened.close()


def add_raw(services: Services, db_path: Path, name: str, **fields: object) -> int:
    """A contact whose name, company, title and notes are stored exactly as given."""
    draft = ContactDraft(full_name="Placeholder [/]", **fields)  # type: ignore[arg-type]
    contact_id = services.contacts.add(draft).id
    store_raw(db_path, contact_id, full_name=name, company=COMPANY, title=TITLE, notes=NOTES)
    return contact_id


@pytest.fixture
def hostile_db(services: Services, db_path: Path) -> Path:
    """A full Top 20 (the long name among them), new contacts to triage, two duplicates."""
    members = [add_raw(services, db_path, LONG_NAME)]
    members += [add_raw(services, db_path, f"T{i} {HOSTILE}") for i in range(1, 20)]
    services.triage.set_status(members, TriageStatus.TOP20)
    add_raw(services, db_path, f"N0 {HOSTILE}", strength=5)  # first in triage mode
    for i in range(1, 4):
        add_raw(services, db_path, f"N{i} {HOSTILE}", strength=4)
    for _ in range(2):
        add_raw(services, db_path, f"D {HOSTILE}", strength=1, emails=("dup@example.org",))
    services.close()  # the app has the file to itself
    return db_path


def test_no_name_reaches_the_terminal_as_a_command(hostile_db: Path, terminal: Terminal) -> None:
    terminal.press("", "T1 [bold]x[/]", "[@click=app.quit]z[/]", timeout=30)  # list, detail
    terminal.press("/", "▔▔▔")  # the search box opens
    terminal.press("[/]", "search: [/]")
    terminal.press("\x1b", "26 shown", gone="search:")  # esc clears the search
    terminal.press("T", "20 of 26 triaged", "N0 [bold]x[/]")  # triage mode: the newcomer
    terminal.press("l", "21 of 26 triaged", "saved")  # and the toast saying so
    terminal.press("\x1b", "26 shown", gone="Priority ")  # triage mode closes
    terminal.press("f", "New (untriaged) (f)")  # only new contacts
    terminal.press("c", "Log: N1")
    terminal.press("\x13", "Logged call with N1", gone="Log: ")  # ctrl+s
    terminal.press("e", "Edit N", "Owes me a call")  # its boxes, the notes too
    terminal.press("\x13", "Saved N", gone="Edit ")
    terminal.press("t", "The Top 20 is full", "#1  Long [bold]x[/]")  # the swap dialog
    terminal.press("\x1b", "5 shown", gone="Top 20 is full")
    terminal.press("\x10", "Search for commands")  # ctrl+p: the command palette
    terminal.press("Find duplicates", "Review people who may be")
    terminal.press("\r", "D [bold]x[/]")
    terminal.press("1", "Merged into D [bold]x[/]")
    terminal.press("\x1b", "shown")
    assert terminal.process.poll() is None, "netui stopped before it was told to"
    os.write(terminal.master, b"q")
    assert terminal.process.wait(15) == 0
    terminal.settle()

    found = payloads_in(terminal.written())
    assert not found, "reached the terminal"
