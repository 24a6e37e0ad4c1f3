"""Every row of the speed table (issue 11): each with its goal and a ratio measured in this run.

Run: python tests/bench/run_all.py [--cli] [--tui] [--rounds N] [--only NAME ...] [--tree DIR]
                                   [--before DIR]

With neither --cli nor --tui, every group runs. --tree measures another checkout of netui
(its folder goes first on PYTHONPATH) with these same floors: e.g. an older commit from
``git archive``. --before DIR measures that checkout too, in the same run, each of its
rounds between two of --tree's (every tree makes its own test data with its own commands),
and prints both side by side with the range of each row over the rounds.

Rows come from the modules in ROW_MODULES, each registering its measures with
:func:`bench.harness.measure`; a new group of rows is a new module there plus one line below.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for bench.*
sys.path.insert(1, str(Path(__file__).resolve().parents[2]))  # the repository, for netui

from bench.harness import REGISTRY, Bench, Line, Measure, Turns

#: The modules that register rows, in the order their rows are printed.
ROW_MODULES = ("bench.rows_cli", "bench.rows_tui")


def table(lines: list[tuple[str, Line]]) -> str:
    out = ["| row | measured | goal | met | detail |", "|---|---|---|---|---|"]
    for group, line in lines:
        met = "yes" if line.met else "**no**"
        out.append(
            f"| {group}: {line.what} | {line.shown()} | {line.goal()} | {met} | {line.detail} |"
        )
    return "\n".join(out)


def side_by_side(lines: list[tuple[str, Line, Line]]) -> str:
    """Before and after, each as its median and the range over the rounds."""
    out = [
        "| row | goal | before | after | met (after) | before: range | after: range | detail"
        " (after) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for group, before, after in lines:
        met = "yes" if after.met else "**no**"
        out.append(
            f"| {group}: {after.what} | {after.goal()} | {before.shown()} | {after.shown()}"
            f" | {met} | {before.shown_spread()} | {after.shown_spread()} | {after.detail} |"
        )
    return "\n".join(out)


def compared(item: Measure, benches: list[Bench]) -> list[tuple[str, Line, Line]]:
    before, after = Turns.together(benches, item.run)
    return [(item.group, b, a) for b, a in zip(before, after, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", action="store_true", help="the command-line rows")
    parser.add_argument("--tui", action="store_true", help="the app's rows")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds per measure")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="just these measures")
    parser.add_argument("--tree", type=Path, default=Path(__file__).resolve().parents[2])
    parser.add_argument("--before", type=Path, help="a checkout to compare, in the same run")
    parser.add_argument("--keep", type=Path, help="scratch folder to use and keep")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every round")
    args = parser.parse_args()
    for name in ROW_MODULES:
        importlib.import_module(name)
    groups = {g for g, wanted in (("cli", args.cli), ("tui", args.tui)) if wanted}
    chosen = [
        m
        for m in REGISTRY
        if (not groups or m.group in groups) and (not args.only or m.name in args.only)
    ]
    if not chosen:
        parser.error("no measure matches")
    with tempfile.TemporaryDirectory(prefix="netui-bench-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        bench = Bench(args.tree, folder, args.rounds, args.verbose)
        print(f"tree {bench.tree}, {args.rounds} interleaved rounds, medians", file=sys.stderr)
        benches = []
        if args.before:
            print(f"before: {args.before.resolve()}, its rounds in turn", file=sys.stderr)
            for name, tree in (("before", args.before), ("after", args.tree)):
                (folder / name).mkdir(exist_ok=True)
                benches.append(Bench(tree, folder / name, args.rounds, args.verbose))
        lines: list[tuple[str, Line]] = []
        pairs: list[tuple[str, Line, Line]] = []
        for item in chosen:
            started = time.perf_counter()
            print(f"- {item.group} {item.name} ...", file=sys.stderr, flush=True)
            if benches:
                pairs += compared(item, benches)
            else:
                lines += [(item.group, line) for line in item.run(bench)]
            print(f"  done in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    print(side_by_side(pairs) if benches else table(lines))


if __name__ == "__main__":
    main()
