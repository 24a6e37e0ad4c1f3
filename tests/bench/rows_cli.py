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

from bench.harness import Bench, Line, Run, cpu_note, less, measure, median, medians

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
    contacts, bare, version = map(
        medians,
        bench.interleaved(
            [
                lambda: bench.timed(bench.netui("--db", empty, "contacts")),
                lambda: bench.timed([bench.python, "-c", "pass"]),
                lambda: bench.timed(bench.netui("--version")),
            ]
        ),
    )
    return [
        Line(
            "fixed cost of a database command: netui contacts (empty database) - python -c pass",
            contacts.wall - bare.wall,
            "s",
            0.4,
            f"{contacts.wall * 1000:.0f} ms vs {bare.wall * 1000:.0f} ms;"
            f" CPU {(contacts.cpu - bare.cpu) * 1000:.0f} ms extra",
        ),
        Line(
            "netui --version",
            version.wall * 1000,
            "ms",
            80,
            f"{(version.wall - bare.wall) * 1000:.0f} ms over python -c pass",
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
    netui_runs, floor_runs = bench.interleaved(
        [lambda: bench.timed(command), lambda: bench.timed(floor)], warm=False
    )
    netui_s, floor_s = medians(netui_runs), medians(floor_runs)
    memory_rounds = max(1, min(3, bench.rounds))
    netui_mib: list[float] = []
    floor_mib: list[float] = []
    for _ in range(memory_rounds):
        netui_mib.append(bench.peak_mib(command))
        floor_mib.append(bench.peak_mib(floor))
    return [
        Line(
            f"netui contacts --json at {BIG:,} vs a plain sqlite3 + json script",
            netui_s.wall / floor_s.wall,
            "x",
            2.0,
            f"{netui_s.wall:.2f} s vs {floor_s.wall:.2f} s, {size}; {cpu_note(netui_s, floor_s)}",
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
    at_big, at_one = map(
        medians,
        bench.interleaved(
            [
                lambda: bench.timed(bench.netui("--db", big, "top20")),
                lambda: bench.timed(bench.netui("--db", one, "top20")),
            ]
        ),
    )
    return [
        Line(
            f"netui top20 at {BIG:,} vs 1 contact",
            at_big.wall / at_one.wall,
            "x",
            1.1,
            f"{at_big.wall * 1000:.0f} ms vs {at_one.wall * 1000:.0f} ms;"
            f" {cpu_note(at_big, at_one)}",
        )
    ]


@measure("cli", "import")
def import_file(bench: Bench) -> list[Line]:
    """Each round imports both files with netui and with the floor; what the big file costs
    beyond the one-row file is taken round by round, and the medians compared."""
    template = empty_database(bench)
    rows, one = str(linkedin_file(bench, IMPORT_ROWS)), str(linkedin_file(bench, 1))
    again: list[Run] = []

    def netui_import() -> Run:
        target = str(bench.copy(template, "import.db"))
        first = bench.timed(bench.netui("--db", target, "import", rows))
        again.append(bench.timed(bench.netui("--db", target, "import", rows)))
        return first

    def netui_one() -> Run:
        return bench.timed(
            bench.netui("--db", str(bench.copy(template, "one-row.db")), "import", one)
        )

    def floor(csv_path: str) -> Run:
        target = str(bench.copy(template, "floor.db"))
        return bench.timed(bench.script("floor_import.py", csv_path, target))

    first, fixed, floor_rows, floor_one = bench.interleaved(
        [netui_import, netui_one, lambda: floor(rows), lambda: floor(one)],
        rounds=2 * bench.rounds,  # cheap rounds, and a difference of two times is noisier
    )
    again = again[1:]  # the warm-up round's
    ours, reimport, theirs = less(first, fixed), less(again, fixed), less(floor_rows, floor_one)
    return [
        Line(
            f"netui import of {IMPORT_ROWS:,} LinkedIn rows, less a command's cost, vs the floor",
            ours.wall / theirs.wall,
            "x",
            1.5,
            f"{ours.wall * 1000:.0f} ms vs {theirs.wall * 1000:.0f} ms"
            f" (a one-row file's cost taken off: netui {medians(fixed).wall * 1000:.0f} ms);"
            f" {cpu_note(ours, theirs)}",
        ),
        Line(
            "the same file imported again (every row already there), vs the floor",
            reimport.wall / theirs.wall,
            "x",
            1.2,
            f"{reimport.wall * 1000:.0f} ms; {cpu_note(reimport, theirs)}",
        ),
    ]


if __name__ == "__main__":
    sys.exit("run tests/bench/run_all.py --cli")
