"""Launch-to-usable-list time and peak memory, 1 vs 30,000 vs 100,000 contacts.

Run on demand (not collected by pytest):  python tests/bench/bench_startup.py [--runs N]

Each launch is a fresh `python` process that starts the real app headless at 120x36 and
exits as soon as the contact list has rendered its first rows. Times run from just before
the process is spawned, so interpreter start-up and imports count, as they do for a user.
Targets (issue #2): 30,000 contacts within 1.3x of one contact; peak memory within +40 MB.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import json, sys, time
from pathlib import Path

t0 = float(sys.argv[2])
from netui.domain.clock import system_clock
from netui.tui.app import NetuiApp

marks = {}

class BenchApp(NetuiApp):
    def on_mount(self) -> None:
        super().on_mount()
        self.call_after_refresh(lambda: marks.setdefault("first_frame", time.time() - t0))

    def services_ready(self, services, count) -> None:
        super().services_ready(services, count)
        self.call_after_refresh(self._done)

    def _done(self) -> None:
        marks["usable"] = time.time() - t0
        marks["cpu"] = time.process_time()  # every thread's CPU time: robust to I/O waits
        marks["rows"] = self.main_screen.table.row_count
        self.exit()

BenchApp(Path(sys.argv[1]), system_clock).run(headless=True, size=(120, 36))
# VmHWM, not ru_maxrss: the latter survives exec and would report the parent's peak.
status = Path("/proc/self/status").read_text()
marks["max_rss_mb"] = int(status.split("VmHWM:")[1].split()[0]) / 1024
print(json.dumps(marks))
"""


def make_database(folder: Path, count: int) -> Path:
    from netui.domain.clock import system_clock
    from netui.domain.types import ContactDraft
    from netui.services.context import open_services
    from netui.services.demo import fill_demo

    path = folder / f"bench-{count}.db"
    services = open_services(path, system_clock)
    if count == 1:
        services.contacts.add(ContactDraft(full_name="Solo Contact", company="Only Co"))
    elif count:
        fill_demo(services, count, seed=11)
    services.close()
    return path


def launch(path: Path) -> dict[str, float]:
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), repr(started)],
        capture_output=True,
        text=True,
        check=True,
    )
    marks: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", default="0,1,30000,100000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        paths = {n: make_database(Path(tmp), n) for n in sizes}
        results: dict[int, list[dict[str, float]]] = {n: [] for n in sizes}
        for n in sizes:  # warm the OS file cache once per database
            launch(paths[n])
        for _ in range(args.runs):
            for n in sizes:  # interleaved, so machine noise hits every size alike
                results[n].append(launch(paths[n]))
    report(results, args.runs)


def report(results: dict[int, list[dict[str, float]]], runs: int) -> None:
    columns = ("contacts", "first frame", "usable", "best", "CPU", "peak RSS")
    print("  ".join(f"{c:>11}" for c in columns), f"  (medians of {runs}; best = fastest)")
    med: dict[int, dict[str, float]] = {}
    for n, runs_of_n in results.items():
        med[n] = {
            key: statistics.median(r[key] for r in runs_of_n)
            for key in ("first_frame", "usable", "cpu", "max_rss_mb")
        }
        med[n]["best"] = min(r["usable"] for r in runs_of_n)
        m = med[n]
        cells = [f"{n:,}"] + [
            f"{m[key] * 1000:.0f} ms" for key in ("first_frame", "usable", "best", "cpu")
        ]
        cells.append(f"{m['max_rss_mb']:.1f} MB")
        print("  ".join(f"{c:>11}" for c in cells))
    if 1 in med and 30000 in med:
        ratios = ", ".join(
            f"{label} {med[30000][key] / med[1][key]:.2f}x"
            for label, key in (("median", "usable"), ("best", "best"), ("CPU", "cpu"))
        )
        print(f"30,000 vs 1 contact, launch to a usable list: {ratios} (target <= 1.3x)")
    base = 0 if 0 in med else 1
    if base in med and 30000 in med:
        extra = med[30000]["max_rss_mb"] - med[base]["max_rss_mb"]
        label = "empty" if base == 0 else "1 contact"
        print(f"30,000 vs {label}: +{extra:.1f} MB peak RSS (target <= 40 MB)")


if __name__ == "__main__":
    main()
