"""The app's rows of the speed table (issue 11), each measured in the same run as its floor.

- ``launch``: from spawning the process to the first frame with the contact list's rows, at
  1 contact against a bare Textual app showing a Static (``floor_bare_app.py``, <= 1.5x),
  and at 30,000 / 100,000 contacts against 1 (<= 1.15x / <= 1.4x);
- ``session``: netui driven by keys as a user would type them, at 1, 30,000 and 100,000
  contacts, from the frame with the whole list (a large database shows its first rows
  sooner; the row says how much sooner) and a second's pause: each first switch to
  another sort key (<= 50 ms from the key to the frame in the new order), paging down
  through the list (the longest gap between frames <= 50 ms), typing searches and
  deleting them at 30,000 (from each key to the frame with the new list: median <= 20
  ms, p95 <= 35 ms), and the peak memory of it all at 100,000 against 1 contact (<= +80
  MiB).

Every app runs in a pseudo-terminal of 120x36 that the benchmark drains as a terminal
would, so frames are written as a user's would be; keys are written into the terminal as
bytes, so the driver reads and parses them as typed ones. ``tui_child.py`` runs the app and
notes its frames; the times compared are ``time.monotonic()`` in both processes.
"""

from __future__ import annotations

import fcntl
import itertools
import json
import os
import select
import statistics
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.harness import BENCH, Bench, Line, Run, measure, median, spread
from bench.rows_cli import demo_database, one_contact_database

COLUMNS, LINES = 120, 36
SIZES = (1, 30_000, 100_000)
SORT_KEYS = ("priority", "staleness", "name", "company")
"""The order the sort key cycles through with ``s`` (the list starts on the first)."""
PAGE_DOWN, BACKSPACE = b"\x1b[6~", b"\x7f"
PAGES, PAGE_EVERY = 150, 0.030
"""Page-down presses per session, and the time between them (a held key's repeat rate)."""
TYPE_EVERY = 0.120
"""The time between the keys of a search (a quick typist)."""
QUERIES = ("elena", "pebble eng", "recruit", "zq")
"""Searches the demo data answers with many rows, a few, and none."""


Frame = tuple[float, int]
"""When a frame went out, and how many list changes it shows."""
Change = tuple[float, str, str, str]
"""When the list was given rows, and their search, sort key and filter."""


class Terminal:
    """``tui_child.py`` in a pseudo-terminal; what it writes is read and thrown away."""

    def __init__(self, bench: Bench, *args: str, driven: bool = False) -> None:
        self.report_path = bench.folder / "tui-report.json"
        self.report_path.unlink(missing_ok=True)
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        env = {k: v for k, v in bench.env().items() if not k.startswith("TEXTUAL")}
        env.update(TERM="xterm-256color", COLUMNS=str(COLUMNS), LINES=str(LINES))
        env.pop("NO_COLOR", None)
        passed: list[int] = []
        self.ready = self.commands = -1
        if driven:
            self.ready, child_ready = os.pipe()
            child_commands, self.commands = os.pipe()
            env["NETUI_BENCH_READY"], env["NETUI_BENCH_COMMANDS"] = map(
                str, (child_ready, child_commands)
            )
            passed = [child_ready, child_commands]
        self.errors = open(bench.folder / "tui-stderr.txt", "w+b")  # noqa: SIM115
        argv = bench.script("tui_child.py", str(self.report_path), *args)
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=self.errors,
            env=env,
            pass_fds=passed,
            start_new_session=True,
        )
        os.close(slave)
        for fd in passed:
            os.close(fd)
        self.master = master
        self._drain = threading.Thread(target=self._read, daemon=True)
        self._drain.start()

    def _read(self) -> None:
        while True:
            try:
                ready, _, _ = select.select([self.master], [], [], 0.1)
                if ready and not os.read(self.master, 1 << 16):
                    return
            except OSError:  # the app closed its side
                return
            if self.process.poll() is not None and not ready:
                return

    def send(self, keys: bytes) -> float:
        """Type ``keys``; returns when they were written."""
        sent = time.monotonic()
        os.write(self.master, keys)
        return sent

    def wait_ready(self, timeout: float = 120) -> None:
        ready, _, _ = select.select([self.ready], [], [], timeout)
        if not ready or not os.read(self.ready, 64):
            self.fail("never showed its list")

    def finish(self, timeout: float = 120) -> dict[str, Any]:
        """Let the app exit (a driven one is told to) and return its report."""
        if self.commands >= 0:
            os.close(self.commands)
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.fail("did not exit")
        self._drain.join(5)
        os.close(self.master)
        if self.ready >= 0:
            os.close(self.ready)
        if code != 0 or not self.report_path.exists():
            self.fail(f"exited with {code}")
        self.errors.close()
        report: dict[str, Any] = json.loads(self.report_path.read_text())
        return report

    def fail(self, what: str) -> None:
        self.process.kill()
        self.process.wait(10)
        self.errors.seek(0)
        raise RuntimeError(f"tui_child.py {what}: {self.errors.read().decode()[-800:]}")


def launched(bench: Bench, *args: str) -> tuple[Run, float]:
    """Seconds from spawn to the first frame that counts, its CPU time, peak MiB by then."""
    terminal = Terminal(bench, *args)
    report = terminal.finish()
    return Run(report["usable"] - terminal.started, report["usable_cpu"]), report["usable_mib"]


# -- what a session's report says ----------------------------------------------------------


@dataclass
class Session:
    """A driven app's frames and list changes, and the keys sent to it."""

    frames: list[Frame]
    changes: list[Change]
    peak_mib: float
    whole_after: float
    """Seconds from the list's first rows on screen to the whole list (0 when at once)."""
    busy: list[float] = field(default_factory=list)
    """The UI thread's CPU seconds at each frame (``frames``' order)."""
    sorts: list[tuple[float, str]] = field(default_factory=list)
    pages: list[float] = field(default_factory=list)
    searches: list[tuple[float, str]] = field(default_factory=list)

    def shown(self, sent: float, test: Callable[[Change], bool]) -> float:
        """Seconds from a key sent at ``sent`` to the first frame with a list change after
        it that passes ``test`` (infinite if there was none)."""
        for index, change in enumerate(self.changes):
            if change[0] >= sent and test(change):
                for moment, count in self.frames:
                    if moment >= change[0] and count > index:
                        return moment - sent
                break
        return float("inf")

    def sort_latencies(self) -> list[float]:
        return [self.shown(sent, field_is(2, key)) for sent, key in self.sorts]

    def search_latencies(self) -> list[float]:
        """Each key's wait for the list of its search, or of a later key's when keys came
        faster than frames (the list then goes straight to the later search: what the
        user typed is on screen, so the wait ends there too)."""
        return [self._search_shown(index) for index in range(len(self.searches))]

    def _search_shown(self, index: int) -> float:
        sent = self.searches[index][0]
        later = self.searches[index:]

        def answers(change: Change) -> bool:
            return any(change[1] == text and change[0] >= at for at, text in later)

        return self.shown(sent, answers)

    def longest_gap(self) -> float:
        """The longest wait for a frame while paging: from the first key to the frame
        after the last key (what comes later, a moment after the keys stop, is not
        paging)."""
        start, last = self.pages[0], self.pages[-1]
        moments = [start] + [t for t, _ in self.frames if start <= t <= last]
        moments += [t for t, _ in self.frames if t > last][:1]
        return max(b - a for a, b in itertools.pairwise(moments))

    def longest_work(self) -> float:
        """The UI thread's most CPU time between two frames while paging: the part of a
        gap that is the app's own work, whatever the machine's load added."""
        start, last = self.pages[0], self.pages[-1]
        used = [c for (t, _), c in zip(self.frames, self.busy, strict=True) if start <= t <= last]
        return max((b - a for a, b in itertools.pairwise(used)), default=0.0)


def field_is(index: int, value: str) -> Callable[[Change], bool]:
    """A test of a list change: its search (1) or sort key (2) is ``value``."""
    return lambda change: change[index] == value


def at(moment: float) -> None:
    """Sleep until ``moment`` (monotonic), so the keys keep their pace however long a
    write took."""
    delay = moment - time.monotonic()
    if delay > 0:
        time.sleep(delay)


def drive(bench: Bench, database: Path) -> Session:
    terminal = Terminal(bench, "drive", str(database), driven=True)
    terminal.wait_ready()
    time.sleep(1.0)  # a user reads the screen before the first key
    sorts: list[tuple[float, str]] = []
    for step in range(1, len(SORT_KEYS) + 1):
        sorts.append((terminal.send(b"s"), SORT_KEYS[step % len(SORT_KEYS)]))
        time.sleep(0.6)
    pages: list[float] = []
    begin = time.monotonic()
    for press in range(PAGES):
        at(begin + press * PAGE_EVERY)
        pages.append(terminal.send(PAGE_DOWN))
    time.sleep(0.5)
    searches: list[tuple[float, str]] = []
    terminal.send(b"/")
    time.sleep(0.4)
    for query in QUERIES:
        typed = [query[:end] for end in range(1, len(query) + 1)]
        steps = [(text[-1].encode(), text) for text in typed]
        steps += [(BACKSPACE, text) for text in reversed(["", *typed[:-1]])]
        begin = time.monotonic()
        for press, (key, text) in enumerate(steps):
            at(begin + press * TYPE_EVERY)
            searches.append((terminal.send(key), text))
        time.sleep(0.3)
    report = terminal.finish()
    return Session(
        [(f[0], f[1]) for f in report["frames"]],
        [(c[0], c[1], c[2], c[3]) for c in report["changes"]],
        report["peak_mib"],
        report["whole"] - report["usable"],
        [f[2] for f in report["frames"]],
        sorts,
        pages,
        searches,
    )


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def ms(seconds: float) -> float:
    return seconds * 1000


# -- the rows -------------------------------------------------------------------------------


def databases(bench: Bench) -> dict[int, str]:
    made = {1: one_contact_database(bench)}
    made.update({n: demo_database(bench, n) for n in SIZES if n != 1})
    return {n: str(path) for n, path in made.items()}


@measure("tui", "launch")
def launch(bench: Bench) -> list[Line]:
    paths = databases(bench)
    memory: dict[int, list[float]] = {n: [] for n in SIZES}

    def netui(size: int) -> Callable[[], Run]:
        def step() -> Run:
            run, mib = launched(bench, "launch", paths[size])
            memory[size].append(mib)
            return run

        return step

    bare_runs, *netui_runs = bench.interleaved(
        [lambda: launched(bench, "bare")[0], *(netui(n) for n in SIZES)]
    )
    bare = median([r.wall for r in bare_runs])
    times = {n: median([r.wall for r in runs]) for n, runs in zip(SIZES, netui_runs, strict=True)}
    walls = {n: [r.wall for r in runs] for n, runs in zip(SIZES, netui_runs, strict=True)}

    def rounds(top: list[float], bottom: list[float]) -> tuple[float, float]:
        return spread([a / b for a, b in zip(top, bottom, strict=True)])

    cpu = {n: median([r.cpu for r in runs]) for n, runs in zip(SIZES, netui_runs, strict=True)}
    bare_cpu = median([r.cpu for r in bare_runs])
    lines = [
        Line(
            "launch to a usable list, 1 contact, vs a bare Textual app showing a Static",
            times[1] / bare,
            "x",
            1.5,
            f"{ms(times[1]):.0f} ms vs {ms(bare):.0f} ms; CPU {cpu[1] / bare_cpu:.2f}x",
            rounds(walls[1], [r.wall for r in bare_runs]),
        )
    ]
    for size, limit in ((30_000, 1.15), (100_000, 1.4)):
        lines.append(
            Line(
                f"launch to a usable list, {size:,} vs 1 contact",
                times[size] / times[1],
                "x",
                limit,
                f"{ms(times[size]):.0f} ms; CPU {cpu[size] / cpu[1]:.2f}x;"
                f" peak {median(memory[size]):.0f} MiB by then",
                rounds(walls[size], walls[1]),
            )
        )
    return lines


@measure("tui", "session")
def session(bench: Bench) -> list[Line]:
    paths = databases(bench)
    sessions: dict[int, list[Session]] = {n: [] for n in SIZES}

    def driven(size: int) -> Callable[[], Run]:
        def step() -> Run:
            sessions[size].append(drive(bench, Path(paths[size])))
            return Run(0.0, 0.0)

        return step

    for size in SIZES:  # the files in the OS cache, the bytecode compiled
        launched(bench, "launch", paths[size])
    bench.interleaved([driven(n) for n in SIZES], warm=False)
    lines: list[Line] = []
    for size in (30_000, 100_000):
        # The first switch to each key, in every round (the last key is back to the first).
        firsts = [s.sort_latencies()[:-1] for s in sessions[size]]
        worst = [max(f) for f in firsts]
        lines.append(
            Line(
                f"first switch to each sort key at {size:,}, key to frame (worst of the keys)",
                ms(median(worst)),
                "ms",
                50,
                "per key, medians: "
                + ", ".join(
                    f"{key} {ms(median([f[i] for f in firsts])):.0f} ms"
                    for i, key in enumerate(SORT_KEYS[1:])
                )
                + f"; the whole list came {ms(median([s.whole_after for s in sessions[size]])):.0f}"
                " ms after its first rows",
                spread([ms(w) for w in worst]),
            )
        )
    for size in (30_000, 100_000):
        gaps = [s.longest_gap() for s in sessions[size]]
        lines.append(
            Line(
                f"longest gap between frames paging down at {size:,}"
                f" ({PAGES} pages, a key every {ms(PAGE_EVERY):.0f} ms)",
                ms(median(gaps)),
                "ms",
                50,
                f"worst round {ms(max(gaps)):.0f} ms; the UI thread's own work between two"
                " frames at most"
                f" {ms(median([s.longest_work() for s in sessions[size]])):.0f} ms (CPU, median)",
                spread([ms(g) for g in gaps]),
            )
        )
    each = [s.search_latencies() for s in sessions[30_000]]
    latencies = [x for one in each for x in one]
    typing = statistics.median(latencies)
    lines += [
        Line(
            "search keystroke to the new list on screen at 30,000, median",
            ms(typing),
            "ms",
            20,
            f"{len(latencies)} keys (typing and deleting {len(QUERIES)} searches);"
            " range: each round's median",
            spread([ms(statistics.median(one)) for one in each]),
        ),
        Line(
            "search keystroke to the new list on screen at 30,000, p95",
            ms(percentile(latencies, 0.95)),
            "ms",
            35,
            f"slowest {ms(max(latencies)):.0f} ms; range: each round's p95",
            spread([ms(percentile(one, 0.95)) for one in each]),
        ),
    ]
    peak = {n: median([s.peak_mib for s in sessions[n]]) for n in SIZES}
    lines.append(
        Line(
            "TUI peak memory at 100,000 vs 1 contact (a whole session)",
            peak[100_000] - peak[1],
            "MiB",
            80,
            f"{peak[100_000]:.0f} MiB vs {peak[1]:.0f} MiB; 30,000: {peak[30_000]:.0f} MiB",
            spread(
                [
                    big.peak_mib - one.peak_mib
                    for big, one in zip(sessions[100_000], sessions[1], strict=True)
                ]
            ),
        )
    )
    return lines


if __name__ == "__main__":
    sys.exit(f"run {BENCH / 'run_all.py'} --tui")
