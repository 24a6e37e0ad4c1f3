"""Building today's queue (query, scoring, pacing, order) at 30,000 contacts and more.

Run on demand (not collected by pytest):
    python tests/bench/bench_today_queue.py [--sizes 30000 100000] [--runs 30]

Each size gets a database of invented people from the demo (its Top 20, cadences for about
one in twelve, follow-ups and a history of calls), then a second, harsher one where every
contact has a weekly cadence, so every row is a candidate that must be scored. Prints the
median and worst wall time, and the median CPU time, of ``TodayService.overview`` (queue and
progress together): with the first 50 items made, as the Today pane asks, and whole, as
``netui today --all`` does. Target (issue 9): well under 50 ms at 30,000 contacts.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from netui.domain.clock import FakeClock
from netui.services.context import open_services
from netui.services.demo import fill_demo

NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)
PANE_ITEMS = 50


def make_database(folder: Path, count: int, every_cadence: bool) -> Path:
    path = folder / f"today-{count}-{int(every_cadence)}.db"
    services = open_services(path, FakeClock(NOW))
    try:
        fill_demo(services, count)
    finally:
        services.close()
    if every_cadence:
        connection = sqlite3.connect(path)
        with connection:
            connection.execute("UPDATE contact SET cadence = '1w'")
        connection.close()
    return path


def measure(path: Path, runs: int, limit: int | None) -> tuple[list[float], list[float], int]:
    services = open_services(path, FakeClock(NOW), writing=False)
    try:
        queue, _ = services.today.overview(limit=limit)  # warm: first connection, caches
        wall, cpu = [], []
        for _ in range(runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            queue, _ = services.today.overview(limit=limit)
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        return wall, cpu, queue.due
    finally:
        services.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[30_000])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            for every_cadence in (False, True):
                path = make_database(Path(folder), size, every_cadence)
                label = "every contact on a cadence" if every_cadence else "demo data"
                for limit in (PANE_ITEMS, None):
                    wall, cpu, due = measure(path, args.runs, limit)
                    made = f"first {limit}" if limit else "whole"
                    print(
                        f"{size:>7,} contacts, {label:<26} {due:>6,} due, {made:<8}: "
                        f"median {statistics.median(wall):6.1f} ms (CPU "
                        f"{statistics.median(cpu):6.1f}), worst {max(wall):6.1f} ms"
                    )


if __name__ == "__main__":
    main()
