"""NO_COLOR: the real app in a pseudo-terminal writes no colour, only shades of grey.

Textual 8.2.8 reads NO_COLOR itself (``App.__init__``: set at all, even empty) and adds
its Monochrome filter, which turns every colour of every theme into the grey of the same
lightness; with an ANSI theme it drops colours instead. netui adds no colour of its own
around it: this reads every SGR sequence the app writes and checks each colour in it.
Without NO_COLOR the same screen is in colour, which shows the check can see colour.
"""

from __future__ import annotations

import os
import re
import select
import time
from pathlib import Path

import pytest
from pty_netui import start_netui

from netui.services.context import Services

SGR = re.compile(rb"\x1b\[([0-9;:]*)m")


def colours(written: bytes) -> set[tuple[int, ...]]:
    """Every colour an SGR sequence in ``written`` sets (as its parameters), default aside."""
    found: set[tuple[int, ...]] = set()
    for match in SGR.finditer(written):
        params = [int(p) for p in re.split(rb"[;:]", match[1]) if p]
        at = 0
        while at < len(params):
            code = params[at]
            if code in (38, 48, 58) and at + 1 < len(params):
                size = 5 if params[at + 1] == 2 else 3
                found.add(tuple(params[at : at + size]))
                at += size
                continue
            if 30 <= code <= 37 or 40 <= code <= 47 or 90 <= code <= 97 or 100 <= code <= 107:
                found.add((code,))
            at += 1
    return found


def is_grey(colour: tuple[int, ...]) -> bool:
    if len(colour) == 5 and colour[1] == 2:  # 38;2;r;g;b
        return colour[2] == colour[3] == colour[4]
    if len(colour) == 3 and colour[1] == 5:  # 38;5;n: the grey ramp, black or white
        return colour[2] >= 232 or colour[2] in (0, 7, 8, 15, 16, 231)
    return colour[0] in (30, 37, 40, 47, 90, 97, 100, 107)


def run_in_a_terminal(db_path: Path, *, no_color: bool) -> bytes:
    """What ``python -m netui`` writes to a 100x30 terminal until it has drawn and quit."""
    changes = {"COLORTERM": "truecolor", "NO_COLOR": "1" if no_color else None}
    process, master = start_netui(db_path, 100, 30, changes)
    written = bytearray()
    try:
        deadline = time.monotonic() + 60
        quiet_since = time.monotonic()
        quit_sent = False
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    data = os.read(master, 65536)
                except OSError:
                    break
                if not data:
                    break
                written.extend(data)
                quiet_since = time.monotonic()
            elif b"Ada Okafor" in written and time.monotonic() - quiet_since > 1.0:
                if quit_sent:
                    break
                os.write(master, b"\x11")  # ctrl+q
                quit_sent = True
                quiet_since = time.monotonic()
        assert b"Ada Okafor" in written, "the app never drew its contact list"
    finally:
        if process.poll() is None:
            process.terminate()
        process.wait(timeout=15)
        os.close(master)
    return bytes(written)


@pytest.mark.parametrize("no_color", [True, False], ids=["NO_COLOR", "colour"])
def test_no_color_means_no_colour_in_the_terminal(
    seeded: Services, db_path: Path, no_color: bool
) -> None:
    seeded.close()
    written = run_in_a_terminal(db_path, no_color=no_color)
    coloured = {c for c in colours(written) if not is_grey(c)}
    if no_color:
        assert coloured == set()
        assert colours(written)  # greys are drawn: the screen is not blank
    else:
        assert len(coloured) > 3


def test_the_colour_reader_sees_each_kind_of_colour() -> None:
    written = b"\x1b[1;38;2;10;20;30m \x1b[48;5;196m \x1b[31m \x1b[38;2;9;9;9;48;5;240m \x1b[0m"
    assert {c for c in colours(written) if not is_grey(c)} == {
        (38, 2, 10, 20, 30),
        (48, 5, 196),
        (31,),
    }
