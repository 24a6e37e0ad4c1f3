"""Measure read_contacts on a generated LinkedIn export against plain csv loops.

Run: ``python tests/bench/bench_io_readers.py [ROWS]`` (not collected by pytest).
Reports the best CPU time of several runs for:

* ``csv.reader``  - a bare ``for row in csv.reader(f): pass`` loop
* ``DictReader``  - a bare ``csv.DictReader`` loop
* ``floor``       - csv.reader plus building one ImportedContact per row from raw cells,
  with no cleaning at all: the least any reader returning these records can cost
* ``read_contacts`` - the real thing (detection, cleaning, names, dates, records)
"""

from __future__ import annotations

import csv
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from netui.io import ImportedContact, read_contacts

FIRST = [
    "Dana",
    "Marcus",
    "Priya",
    "Tomasz",
    "Aiko",
    "Lena",
    "Oren",
    "Sofia",
    "Kwame",
    "Ines",
    "Ravi",
    "Maren",
    "Jonah",
    "Talia",
]
LAST = [
    "Whitfield",
    "Oyelaran",
    "Raman",
    "Kowalczyk, PMP",
    "Tanabe",
    "Voss (she/her)",
    "Adler",
    "Brandt 🚀",
    "Müller",
    "Quiroga",
    "Soriano, MBA",
]
COMPANIES = ["Tidewell Systems", "Quarry & Vine", "Bluefen Labs", "Corvid Logistics, Inc."]
TITLES = ["Engineering Manager", "Senior Recruiter", "Product Designer", "VP, Operations"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def write_export(path: Path, rows: int) -> None:
    rng = random.Random(7)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write('Notes:\n"Email addresses are listed only for people who shared them."\n\n')
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(
            [
                "First Name",
                "Last Name",
                "URL",
                "Email Address",
                "Company",
                "Position",
                "Connected On",
            ]
        )
        for i in range(rows):
            day = f"{rng.randint(1, 28):02d} {rng.choice(MONTHS)} {rng.randint(2008, 2025)}"
            if i % 97 == 0:
                writer.writerow(["", "", "", "", "", "", day])
                continue
            first, last = rng.choice(FIRST), rng.choice(LAST)
            email = f"{first.lower()}.{i}@example.com" if i % 9 == 0 else ""
            url = f"https://www.linkedin.com/in/{first.lower()}-{i:06d}"
            writer.writerow(
                [first, last, url, email, rng.choice(COMPANIES), rng.choice(TITLES), day]
            )


def best_of(runs: int, action: Callable[[], None]) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        action()
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 30_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "Connections.csv"
        write_export(path, rows)

        def plain() -> None:
            with path.open(newline="", encoding="utf-8") as f:
                for _ in csv.reader(f):
                    pass

        def dict_reader() -> None:
            with path.open(newline="", encoding="utf-8") as f:
                for _ in csv.DictReader(f):
                    pass

        def floor() -> None:
            with path.open(newline="", encoding="utf-8") as f:
                for r in csv.reader(f):
                    if len(r) == 7:
                        ImportedContact(1, r[0], r[0], r[1], r[4], r[5], (), (), r[2])

        def ours() -> None:
            for _ in read_contacts(path):
                pass

        timings = {
            "csv.reader": best_of(7, plain),
            "DictReader": best_of(7, dict_reader),
            "floor": best_of(7, floor),
            "read_contacts": best_of(7, ours),
        }
    base = timings["csv.reader"]
    print(f"{rows:,} LinkedIn rows, best CPU time of 7 runs")
    for name, seconds in timings.items():
        print(f"  {name:14} {seconds * 1000:8.1f} ms  {seconds / base:5.2f}x csv.reader")


if __name__ == "__main__":
    main()
