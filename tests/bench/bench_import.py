"""Benchmark importing a LinkedIn export against a raw csv + sqlite3 baseline.

Run: python tests/bench/bench_import.py [--sizes 30000 100000] [--runs 5] [--profile]

For each size, on a seeded LinkedIn-shaped Connections.csv of invented people:

- raw baseline: the csv module reading the file and sqlite3 ``executemany`` of the same rows
  into a bare seven-column table in a fresh database, committed;
- import: ``ImportService.run`` into a fresh netui database (created before the clock
  starts), committed;
- re-import: the same file again into that database (every row a duplicate).

Times are the best wall-clock of ``--runs`` runs, each in a fresh database; the ratios
are import / baseline and re-import / baseline. Peak memory of a 100,000-row import is
measured in a subprocess, as the rise of VmHWM (peak resident set) over the process
after start-up, and with tracemalloc (peak Python allocations).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from netui.domain.demo_words import COMPANY_KINDS, COMPANY_WORDS, FIRST_NAMES, LAST_NAMES, TITLES

HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SUFFIXES = ("", "", "", ", Inc.", " Ltd", " GmbH", " LLC")
NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)


def write_linkedin(path: Path, rows: int, seed: int = 11) -> None:
    """A Connections.csv as LinkedIn writes it (preamble, 7 columns), of invented people."""
    rng = random.Random(seed)
    start = date(2008, 1, 1)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(
            'Notes:\n"Email addresses appear only for connections who let their contacts '
            'download them; for everyone else the column is left blank."\n\n'
        )
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(HEADER)
        for number in range(rows):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            slug = f"{first}-{last}-{number:06x}".lower().replace(" ", "-").replace("'", "")
            email = f"{slug}@example.com" if rng.random() < 0.12 else ""
            company = (
                f"{rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_KINDS)}{rng.choice(SUFFIXES)}"
            )
            day = start + timedelta(days=rng.randrange(6500))
            writer.writerow(
                [
                    first,
                    last,
                    f"https://www.linkedin.com/in/{slug}",
                    email,
                    company,
                    rng.choice(TITLES),
                    f"{day.day:02d} {MONTHS[day.month - 1]} {day.year}",
                ]
            )


def raw_baseline(csv_path: Path, db_path: Path) -> None:
    connection = sqlite3.connect(db_path)
    connection.execute(
        "CREATE TABLE connection (first_name TEXT, last_name TEXT, url TEXT, email TEXT,"
        " company TEXT, position TEXT, connected_on TEXT)"
    )
    with csv_path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        for row in reader:
            if row == HEADER:
                break
        connection.executemany("INSERT INTO connection VALUES (?, ?, ?, ?, ?, ?, ?)", reader)
    connection.commit()
    connection.close()


def bench_size(folder: Path, rows: int, runs: int) -> dict[str, float]:
    from netui.domain.clock import FakeClock
    from netui.services.context import open_services

    csv_path = folder / f"Connections-{rows}.csv"
    write_linkedin(csv_path, rows)
    baseline: list[float] = []
    first: list[float] = []
    again: list[float] = []
    added = unchanged = 0
    for run in range(runs):
        started = time.perf_counter()
        raw_baseline(csv_path, folder / f"raw-{rows}-{run}.db")
        baseline.append(time.perf_counter() - started)
        services = open_services(folder / f"netui-{rows}-{run}.db", FakeClock(NOW))
        try:
            started = time.perf_counter()
            added = services.imports.run(csv_path).added
            first.append(time.perf_counter() - started)
            started = time.perf_counter()
            unchanged = services.imports.run(csv_path).unchanged
            again.append(time.perf_counter() - started)
        finally:
            services.close()
    result = {
        "raw": min(baseline),
        "import": min(first),
        "reimport": min(again),
        "added": added,
        "unchanged": unchanged,
    }
    return result


MEMORY_SCRIPT = """
import json, sys, tracemalloc
from datetime import UTC, datetime
from pathlib import Path
from netui.domain.clock import FakeClock
from netui.services.context import open_services

def hwm_kib():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0

csv_path, db_path, trace = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "1"
services = open_services(db_path, FakeClock(datetime(2026, 11, 26, 15, tzinfo=UTC)))
services.imports.preview(csv_path)  # load every module the import uses
before = hwm_kib()
if trace:
    tracemalloc.start()
summary = services.imports.run(csv_path)
peak = tracemalloc.get_traced_memory()[1] if trace else 0
print(json.dumps({"before_kib": before, "after_kib": hwm_kib(), "traced_peak": peak,
                  "added": summary.added}))
"""


def measure_memory(folder: Path, rows: int, trace: bool) -> dict[str, int]:
    csv_path = folder / f"Connections-{rows}.csv"
    if not csv_path.exists():
        write_linkedin(csv_path, rows)
    db_path = folder / f"memory-{rows}-{int(trace)}.db"
    result = subprocess.run(
        [sys.executable, "-c", MEMORY_SCRIPT, str(csv_path), str(db_path), "1" if trace else "0"],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    data: dict[str, int] = json.loads(result.stdout)
    return data


def profile(folder: Path, rows: int) -> None:
    import cProfile
    import pstats

    from netui.domain.clock import FakeClock
    from netui.services.context import open_services

    csv_path = folder / f"Connections-{rows}.csv"
    if not csv_path.exists():
        write_linkedin(csv_path, rows)
    services = open_services(folder / "profile.db", FakeClock(NOW))
    for label in ("import", "re-import"):
        profiler = cProfile.Profile()
        profiler.runcall(services.imports.run, csv_path)
        print(f"\n--- profile: {label} of {rows:,} rows ---")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(18)
    services.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[30_000, 100_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="print cProfile of 30,000 rows")
    parser.add_argument("--no-memory", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        if args.profile:
            profile(folder, 30_000)
            return
        print(f"best wall-clock of {args.runs} runs, each into a fresh database")
        print(
            f"{'rows':>8} {'raw ms':>8} {'import ms':>10} {'ratio':>6}"
            f" {'re-import ms':>13} {'ratio':>6}"
        )
        for rows in args.sizes:
            r = bench_size(folder, rows, args.runs)
            print(
                f"{rows:>8,} {r['raw'] * 1000:>8.0f} {r['import'] * 1000:>10.0f}"
                f" {r['import'] / r['raw']:>6.2f} {r['reimport'] * 1000:>13.0f}"
                f" {r['reimport'] / r['raw']:>6.2f}"
                f"   (added {r['added']:,}, then {r['unchanged']:,} unchanged)"
            )
        if not args.no_memory:
            for rows in sorted(set(args.sizes) | {100_000}):
                rss = measure_memory(folder, rows, trace=False)
                traced = measure_memory(folder, rows, trace=True)
                rise = (rss["after_kib"] - rss["before_kib"]) / 1024
                print(
                    f"memory, {rows:,} rows: peak RSS {rss['after_kib'] / 1024:.0f} MiB "
                    f"(+{rise:.0f} MiB over the process before the import); "
                    f"tracemalloc peak {traced['traced_peak'] / 2**20:.0f} MiB"
                )


if __name__ == "__main__":
    main()
