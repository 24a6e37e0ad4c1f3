"""One app process for the TUI rows: it notes when each frame reaches the terminal.

Run (by rows_tui.py, in a pseudo-terminal):
    python tui_child.py REPORT bare            floor_bare_app.py's bare app (the floor)
    python tui_child.py REPORT launch DB       netui, until its list is usable
    python tui_child.py REPORT drive DB        netui, until the parent closes its command pipe

Times are ``time.monotonic()`` (one clock for every process on the machine), so the parent
can compare them with its own: when it started this process, when it sent a key. A frame is
noted as ``App._display`` hands the screen update to the terminal driver.

``launch`` and ``bare`` write their report and exit at the first frame that counts (the
list's rows on screen, or the Static). ``drive`` writes ``ready`` to the file descriptor in
``NETUI_BENCH_READY`` at the first frame with the whole list (a large database may show
its first rows before), notes every frame and every time the list is given new rows (with
the search, sort and filter it was given them for), and exits when the descriptor in
``NETUI_BENCH_COMMANDS`` reaches its end. Only what the tree under test has had since the
issue was filed is used (``main_screen.contacts.loaded``, ``ContactTable.set_rows``, the
pane's ``query_text``, ``listing.sort_key`` and ``status_filter``), so an older tree can be
measured as well. The app is made as the ``netui`` command makes it (:func:`netui_app`).
"""

from __future__ import annotations

import gc
import json
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

from textual.app import App

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for bench.*

from bench.floor_bare_app import BareApp

REPORT = Path(sys.argv[1])
MODE = sys.argv[2]
frames: list[tuple[float, int, float]] = []
"""When each frame went out, how many times the list had been given rows by then, and the
UI thread's own CPU seconds so far (what it worked, not what it waited for the machine)."""
changes: list[tuple[float, str, str, str]] = []
"""When the list was given rows, and the search, sort key and filter they were for."""
report: dict[str, Any] = {}


def peak_mib() -> float:
    status = Path("/proc/self/status").read_text()
    return int(status.split("VmHWM:")[1].split()[0]) / 1024


def mark(name: str) -> None:
    report[name] = time.monotonic()
    report[f"{name}_cpu"] = time.process_time()  # every thread's CPU time
    report[f"{name}_mib"] = peak_mib()


collections: list[tuple[float, int, float]] = []
"""When the garbage collector ran, which generation, and for how long (seconds)."""


def watch_collections() -> None:
    started: list[float] = []

    def noted(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(time.monotonic())
        elif started:
            begun = started.pop()
            collections.append((begun, info["generation"], time.monotonic() - begun))

    gc.callbacks.append(noted)


def write_report() -> None:
    report["frames"] = frames
    report["changes"] = changes
    report["collections"] = collections
    report["peak_mib"] = peak_mib()
    REPORT.write_text(json.dumps(report))


def usable(app: App[Any]) -> bool:
    """Whether netui's contact list is on screen (its first rows drawn).

    The Contacts pane's own ``loaded``: the main screen's now also waits for the Script
    pane's list, which is read after the first frame, as the other panes' data is.
    """
    screen = getattr(app, "main_screen", None) if app.screen_stack else None
    return bool(screen is not None and screen.contacts.loaded)


def whole(app: App[Any]) -> bool:
    """Whether netui's list holds every contact (a tree that shows the first rows of a
    large database before reading everyone says so with ``complete``)."""
    return bool(getattr(getattr(app, "main_screen", None).contacts, "complete", True))  # type: ignore[union-attr]


def watch_frames(app: App[Any], ready: int | None) -> None:
    """Note every frame; at the first that counts, report (and exit, unless driven)."""
    display = App._display

    def displayed(self: App[Any], screen: Any, renderable: Any) -> None:
        display(self, screen, renderable)
        if renderable is None or self._batch_count:
            return
        frames.append((time.monotonic(), len(changes), time.thread_time()))
        if "usable" not in report and (MODE == "bare" or usable(self)):
            mark("usable")
            if ready is None:
                write_report()
                self.call_later(self.exit)
                return
        if ready is not None and "usable" in report and "whole" not in report and whole(self):
            mark("whole")  # the session's keys start from the whole list
            os.write(ready, b"ready\n")

    App._display = displayed  # type: ignore[method-assign]


def watch_list() -> None:
    """Note each time the contact list is given rows, and for which search and order."""
    from netui.tui.widgets.contact_table import ContactTable

    set_rows = ContactTable.set_rows

    def given(self: ContactTable, *args: Any, **kwargs: Any) -> None:
        set_rows(self, *args, **kwargs)
        pane: Any = next((n for n in self.ancestors if hasattr(n, "query_text")), None)
        if pane is not None:
            listing = pane.listing
            changes.append(
                (time.monotonic(), pane.query_text, str(listing.sort_key), str(pane.status_filter))
            )

    ContactTable.set_rows = given  # type: ignore[method-assign]


def exit_when_told(app: App[Any], commands: int) -> None:
    def wait() -> None:
        with os.fdopen(commands, "rb") as pipe:
            pipe.read()
        app.call_from_thread(app.exit)

    threading.Thread(target=wait, daemon=True).start()


def netui_app(path: Path, clock: Any) -> App[Any]:
    """The app as the ``netui`` command makes it: a tree that starts reading the file
    before it imports the app (``Opening``, handed over) does that here too."""
    try:
        from netui.tui.loading import WRITE_WAIT_MS, Opening
    except ImportError:  # an older tree: the app opens the file itself
        from netui.tui.app import NetuiApp

        return NetuiApp(path, clock)
    opening = Opening(path, clock, WRITE_WAIT_MS)
    opening.hold_collections()
    from netui.tui.app import NetuiApp

    return NetuiApp(path, clock, opening=opening)


def main() -> None:
    mark("started")
    app: App[Any]
    if MODE == "bare":
        app = BareApp()
        watch_frames(app, None)
        app.run()
        return
    from netui.domain.clock import system_clock

    app = netui_app(Path(sys.argv[3]), system_clock)
    if MODE == "launch":
        watch_frames(app, None)
        app.run()
        return
    watch_list()
    watch_collections()
    watch_frames(app, int(os.environ["NETUI_BENCH_READY"]))
    exit_when_told(app, int(os.environ["NETUI_BENCH_COMMANDS"]))
    profile = os.environ.get("NETUI_BENCH_PROFILE")  # a file: the UI thread's profile
    if profile:
        import cProfile

        cProfile.runctx("app.run()", globals(), {"app": app}, profile)
    else:
        app.run()
    write_report()


if __name__ == "__main__":
    main()
