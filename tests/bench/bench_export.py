"""Benchmark the exports at 30,000 and 100,000 contacts.

Run: python tests/bench/bench_export.py [--sizes 30000 100000]

Fills a demo database (invented people) per size, then times each export format and the
restore of the JSON backup into a new database. With --memory, each step runs once more
under tracemalloc to report its peak Python allocations (slower; SQLite's page cache is
not counted).
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from netui.domain.clock import FakeClock
from netui.services.context import open_services
from netui.services.demo import fill_demo

NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)


def measure(step: Callable[[], Any], memory: bool) -> tuple[Any, float, str]:
    """(result, seconds, "peak N MB" of Python allocations in a second run, or "")."""
    started = time.perf_counter()
    result = step()
    seconds = time.perf_counter() - started
    if not memory:
        return result, seconds, ""
    tracemalloc.start()
    step()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, seconds, f"  peak {peak / 1e6:6.1f} MB"


def bench(size: int, folder: Path, memory: bool) -> None:
    services = open_services(folder / f"bench-{size}.db", FakeClock(NOW))
    fill_demo(services, size)
    print(f"\n{size:,} contacts")
    for name in ("csv", "vcard", "ics", "json"):
        path = folder / f"export-{size}.{name}"
        # partial binds this round's path and format now, as the loop moves on.
        summary, seconds, peak = measure(
            functools.partial(services.export.export, path, name, force=True), memory
        )
        print(
            f"  {name:<7} {seconds:6.2f} s{peak}  {summary.bytes_written / 1e6:6.1f} MB  "
            f"({summary})"
        )

    def restore() -> Any:
        target = folder / f"restored-{size}.db"
        for leftover in folder.glob(f"restored-{size}.db*"):
            leftover.unlink()
        restored = open_services(target, FakeClock(NOW))
        try:
            return restored.backup.restore(folder / f"export-{size}.json")
        finally:
            restored.close()

    summary, seconds, peak = measure(restore, memory)
    print(f"  {'restore':<7} {seconds:6.2f} s{peak}  ({summary})")
    services.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[30_000, 100_000])
    parser.add_argument("--memory", action="store_true", help="Also report peak memory.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            bench(size, Path(folder), args.memory)


if __name__ == "__main__":
    main()
