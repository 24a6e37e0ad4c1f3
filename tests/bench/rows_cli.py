"""The command-line rows of the speed table (issue 11), each against a floor in the same run.

- ``fixed``: ``netui contacts`` on an empty database less ``python -c pass`` (<= 0.4 s), and
  ``netui --version`` (<= 80 ms);
- ``contacts-json``: ``netui contacts --json`` at 100,000 contacts against
  ``floor_contacts_json.py`` (a plain sqlite3 + json script), in time and peak memory (<= 2x);
- ``top20``: ``netui top20`` at 100,000 contacts against 1 contact (<= 1.1x);
- ``import``: ``netui import`` of a 30,000-row LinkedIn file, and again (every row already
  there), less the same command's cost for a one-row file, against ``floor_import.py`` less
  its cost for that one-row file (<= 1.5x, re-import <= 1.2x).

The databases are made by the tree under test's own commands (``netui demo``, ``add``), so
an older tree is measured on databases it made itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.harness import Bench, Line, measure, median

BIG = 100_000
IMPORT_ROWS = 30_000


def empty_database(bench: Bench) -> Path:
    """A new netui database with nothing in it (created and migrated by ``netui``)."""
    return bench.made(
        "empty.db", lambda path: bench.run(bench.netui("--db", str(path), "contacts"))
    )


def demo_database(bench: Bench, count: int) -> Path:
    def build(path: Path) -> None:
        bench.run(bench.netui("--db", str(path), "demo", "--contacts", str(count), "--seed", "11"))

    return bench.made(f"demo-{count}.db", build)


def one_contact_database(bench: Bench) -> Path:
    """One contact, in the Top 20 (so ``top20`` has a member to show at both sizes)."""

    def build(path: Path) -> None:
        bench.run(bench.netui("--db", str(path), "add", "Solo Contact", "--company", "Only Co"))
        bench.run(bench.netui("--db", str(path), "set", "1", "--status", "top20"))

    return bench.made("one.db", build)


def linkedin_file(bench: Bench, rows: int) -> Path:
    from bench.bench_import import write_linkedin

    return bench.made(f"Connections-{rows}.csv", lambda path: write_linkedin(path, rows))


@measure("cli", "fixed")
def fixed_cost(bench: Bench) -> list[Line]:
    empty = str(empty_database(bench))
    contacts, bare, version = bench.interleaved(
        [
            lambda: bench.timed(bench.netui("--db", empty, "contacts")),
            lambda: bench.timed([bench.python, "-c", "pass"]),
            lambda: bench.timed(bench.netui("--version")),
        ]
    )
    extra = median(contacts) - median(bare)
    return [
        Line(
            "fixed cost of a database command: netui contacts (empty database) - python -c pass",
            extra,
            "s",
            0.4,
            f"{median(contacts) * 1000:.0f} ms vs {median(bare) * 1000:.0f} ms",
        ),
        Line(
            "netui --version",
            median(version) * 1000,
            "ms",
            80,
            f"{(median(version) - median(bare)) * 1000:.0f} ms over python -c pass",
        ),
    ]


@measure("cli", "contacts-json")
def contacts_json(bench: Bench) -> list[Line]:
    big = str(demo_database(bench, BIG))
    command = bench.netui("--db", big, "contacts", "--json")
    floor = bench.script("floor_contacts_json.py", big)
    # Once with the output kept: the floor must write the same bytes (in id order).
    ours, theirs = bench.folder / "contacts.json", bench.folder / "floor.json"
    bench.run(command, stdout=ours)
    bench.run(floor, stdout=theirs)
    same = ours.stat().st_size == theirs.stat().st_size
    size = f"{ours.stat().st_size / 2**20:.0f} MiB" + ("" if same else " (FLOOR DIFFERS IN SIZE)")
    ours.unlink()
    theirs.unlink()
    netui_s, floor_s = bench.interleaved(
        [lambda: bench.timed(command), lambda: bench.timed(floor)], warm=False
    )
    memory_rounds = max(1, min(3, bench.rounds))
    netui_mib: list[float] = []
    floor_mib: list[float] = []
    for _ in range(memory_rounds):
        netui_mib.append(bench.peak_mib(command))
        floor_mib.append(bench.peak_mib(floor))
    return [
        Line(
            f"netui contacts --json at {BIG:,} vs a plain sqlite3 + json script",
            median(netui_s) / median(floor_s),
            "x",
            2.0,
            f"{median(netui_s):.2f} s vs {median(floor_s):.2f} s, {size}",
        ),
        Line(
            f"netui contacts --json at {BIG:,}, peak memory vs that script's",
            median(netui_mib) / median(floor_mib),
            "x",
            2.0,
            f"{median(netui_mib):.0f} MiB vs {median(floor_mib):.0f} MiB",
        ),
    ]


@measure("cli", "top20")
def top20(bench: Bench) -> list[Line]:
    big, one = str(demo_database(bench, BIG)), str(one_contact_database(bench))
    at_big, at_one = bench.interleaved(
        [
            lambda: bench.timed(bench.netui("--db", big, "top20")),
            lambda: bench.timed(bench.netui("--db", one, "top20")),
        ]
    )
    return [
        Line(
            f"netui top20 at {BIG:,} vs 1 contact",
            median(at_big) / median(at_one),
            "x",
            1.1,
            f"{median(at_big) * 1000:.0f} ms vs {median(at_one) * 1000:.0f} ms",
        )
    ]


@measure("cli", "import")
def import_file(bench: Bench) -> list[Line]:
    template = empty_database(bench)
    rows, one = str(linkedin_file(bench, IMPORT_ROWS)), str(linkedin_file(bench, 1))
    again: list[float] = []

    def netui_import() -> float:
        target = str(bench.copy(template, "import.db"))
        seconds = bench.timed(bench.netui("--db", target, "import", rows))
        again.append(bench.timed(bench.netui("--db", target, "import", rows)))
        return seconds

    def netui_one() -> float:
        return bench.timed(
            bench.netui("--db", str(bench.copy(template, "one-row.db")), "import", one)
        )

    def floor(csv_path: str) -> float:
        target = str(bench.copy(template, "floor.db"))
        return bench.timed(bench.script("floor_import.py", csv_path, target))

    first, fixed, floor_rows, floor_one = bench.interleaved(
        [netui_import, netui_one, lambda: floor(rows), lambda: floor(one)]
    )
    again = again[1:]  # the warm-up round's
    ours, reimport = median(first) - median(fixed), median(again) - median(fixed)
    theirs = median(floor_rows) - median(floor_one)
    detail = (
        f"floor {theirs * 1000:.0f} ms (fixed costs taken off: netui {median(fixed) * 1000:.0f} ms)"
    )
    return [
        Line(
            f"netui import of {IMPORT_ROWS:,} LinkedIn rows, less a command's cost, vs the floor",
            ours / theirs,
            "x",
            1.5,
            f"{ours * 1000:.0f} ms vs {detail}",
        ),
        Line(
            "the same file imported again (every row already there), vs the floor",
            reimport / theirs,
            "x",
            1.2,
            f"{reimport * 1000:.0f} ms",
        ),
    ]


if __name__ == "__main__":
    sys.exit("run tests/bench/run_all.py --cli")
