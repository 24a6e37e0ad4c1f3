"""What every row of the benchmark table shares: the registry, timing, memory, test data.

A row of the table (issue 11) is a :class:`Line`: what was measured, its goal, and a value
measured in the same run as the floor it is compared with. Rows come from *measures*,
functions registered with :func:`measure` under a group (``cli``, ``tui``); one measure may
give several lines when they share their runs (time and memory of one command).

The machine is shared and noisy, so a measure runs its commands *interleaved*: each round
runs every command once, in a rotating order, so a burst of load hits them all alike; the
value is a median over the rounds. Commands run as fresh processes of the tree under test
(``--tree``: its folder goes first on ``PYTHONPATH``), so an older checkout can be measured
by the same harness with the same floors.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

BENCH = Path(__file__).resolve().parent
PEAK_RSS = BENCH / "peak_rss.py"


@dataclass(frozen=True, slots=True)
class Line:
    """One row of the table: ``value`` (in ``unit``) against the goal ``value <= limit``."""

    what: str
    value: float
    unit: str  # "x" (a ratio), "s", "ms" or "MiB" (more than a floor's)
    limit: float
    detail: str = ""
    spread: tuple[float, float] | None = None
    """The lowest and highest of the values the median was taken over (one a round)."""

    @property
    def met(self) -> bool:
        return self.value <= self.limit

    def goal(self) -> str:
        return f"<= {self.limit:g}{' ' if self.unit != 'x' else ''}{self.unit}"

    def shown(self) -> str:
        return self.format(self.value)

    def format(self, value: float) -> str:
        if self.unit == "x":
            return f"{value:.2f}x"
        if self.unit == "ms":
            return f"{value:.0f} ms"
        if self.unit == "MiB":
            return f"{value:+.0f} MiB"
        return f"{value:.2f} s"

    def shown_spread(self) -> str:
        """The range over the rounds, or nothing when the measure gives none."""
        if self.spread is None:
            return ""
        low, high = self.spread
        return f"{self.format(low)} to {self.format(high)}"


@dataclass(frozen=True, slots=True)
class Measure:
    group: str
    name: str
    run: Callable[[Bench], list[Line]]


REGISTRY: list[Measure] = []


def measure(
    group: str, name: str
) -> Callable[[Callable[[Bench], list[Line]]], Callable[..., list[Line]]]:
    """Register a measure: ``@measure("cli", "top20")`` over ``def top20(bench) -> [Line]``."""

    def register(run: Callable[[Bench], list[Line]]) -> Callable[[Bench], list[Line]]:
        REGISTRY.append(Measure(group, name, run))
        return run

    return register


class Run(NamedTuple):
    """One process: seconds from spawn to exit, and the CPU seconds it used (user + system).

    Ratios are of wall time; the CPU ratio, shown beside them, moves far less when other
    work shares the machine.
    """

    wall: float
    cpu: float


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def spread(values: Sequence[float]) -> tuple[float, float]:
    return min(values), max(values)


def walls(runs: Sequence[Run]) -> list[float]:
    return [run.wall for run in runs]


def cpus(runs: Sequence[Run]) -> list[float]:
    return [run.cpu for run in runs]


def less(runs: Sequence[Run], fixed: Sequence[Run]) -> Run:
    """The median, over rounds, of what each run took beyond the fixed run of its round."""
    return Run(
        median([a.wall - b.wall for a, b in zip(runs, fixed, strict=True)]),
        median([a.cpu - b.cpu for a, b in zip(runs, fixed, strict=True)]),
    )


def medians(runs: Sequence[Run]) -> Run:
    return Run(median(walls(runs)), median(cpus(runs)))


def cpu_note(top: Run, bottom: Run) -> str:
    return f"CPU {top.cpu / bottom.cpu:.2f}x"


class Turns:
    """Two or more trees measured in one run, on threads of their own taking turns.

    Only the thread whose turn it is runs anything (its commands, its test data); it hands
    over after each round of :meth:`Bench.interleaved`, so the trees' rounds alternate and
    a measure's code needs no change to compare them.
    """

    def __init__(self, count: int) -> None:
        self._lock = threading.Condition()
        self._waiting = list(range(count))
        """Whose turn it is first, then who comes next; a tree that is done leaves."""

    def wait(self, index: int) -> None:
        with self._lock:
            self._lock.wait_for(lambda: self._waiting[0] == index)

    def hand_over(self, index: int) -> None:
        """The next tree's turn; returns when it is this one's again."""
        with self._lock:
            self._waiting.append(self._waiting.pop(0))
            self._lock.notify_all()
        self.wait(index)

    def leave(self, index: int) -> None:
        with self._lock:
            self._waiting.remove(index)
            self._lock.notify_all()

    @staticmethod
    def together(benches: Sequence[Bench], run: Callable[[Bench], list[Line]]) -> list[list[Line]]:
        """``run`` for every bench, their rounds alternating; each one's lines, in order."""
        turns = Turns(len(benches))
        results: list[list[Line] | BaseException] = [[] for _ in benches]

        def one(index: int, bench: Bench) -> None:
            bench.turns, bench.turn = turns, index
            turns.wait(index)
            try:
                results[index] = run(bench)
            except BaseException as error:  # raised again on the caller's thread
                results[index] = error
            finally:
                turns.leave(index)

        threads = [
            threading.Thread(target=one, args=(index, bench), daemon=True)
            for index, bench in enumerate(benches)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for result in results:
            if isinstance(result, BaseException):
                raise result
        return [result for result in results if not isinstance(result, BaseException)]


class Bench:
    """One run of the benchmarks: the tree under test, a scratch folder, rounds per measure."""

    def __init__(self, tree: Path, folder: Path, rounds: int, verbose: bool = False) -> None:
        self.tree = tree.resolve()
        self.folder = folder
        self.rounds = rounds
        self.verbose = verbose
        self.turns: Turns | None = None
        """Set when trees are measured together: each round then hands the machine over."""
        self.turn = 0
        self.python = sys.executable
        script = Path(sys.executable).with_name("netui")
        # The console script users run; PYTHONPATH makes it load the tree under test.
        self.netui_program = [str(script)] if script.is_file() else ["-m", "netui"]
        self._made: dict[str, Path] = {}

    # -- processes -----------------------------------------------------------------------

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            [str(self.tree), *filter(None, [os.environ.get("PYTHONPATH")])]
        )
        env.pop("NETUI_DB", None)
        env.pop("NETUI_DEBUG", None)
        # Measured as installed: bytecode cached (pip compiles it), here outside the tree.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(self.folder / "pycache")
        env["XDG_DATA_HOME"] = str(self.folder / "xdg-data")  # never the user's own data
        return env

    def netui(self, *args: str) -> list[str]:
        return [self.python, *self.netui_program, *args]

    def script(self, name: str, *args: str) -> list[str]:
        """A program in tests/bench (a floor)."""
        return [self.python, str(BENCH / name), *args]

    def run(self, argv: Sequence[str], stdout: Path | None = None) -> None:
        """Run a command to completion; its output is kept only if ``stdout`` names a file."""
        with open(stdout, "wb") if stdout else open(os.devnull, "wb") as out:
            result = subprocess.run(
                list(argv), stdout=out, stderr=subprocess.PIPE, env=self.env(), check=False
            )
        if result.returncode != 0:
            raise RuntimeError(
                f"{' '.join(argv)} failed ({result.returncode}): {result.stderr.decode()[-500:]}"
            )

    def timed(self, argv: Sequence[str]) -> Run:
        """The process's wall and CPU time, its output thrown away."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        self.run(argv)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return Run(wall, cpu)

    def peak_mib(self, argv: Sequence[str]) -> float:
        """Peak resident memory (VmHWM) of a Python program, reported as it exits.

        ``argv`` is ``[python, program, args...]``; the program runs under peak_rss.py, which
        reads /proc/self/status at exit (a child's ru_maxrss would start from the parent's).
        """
        report = self.folder / "peak.txt"
        self.run([argv[0], str(PEAK_RSS), str(report), *argv[1:]])
        return int(report.read_text()) / 1024

    def interleaved(
        self, steps: Sequence[Callable[[], Run]], warm: bool = True, rounds: int | None = None
    ) -> list[list[Run]]:
        """Each step's runs over the rounds, the steps in a rotating order every round.

        A warm-up round first (not kept) puts the files in the OS cache and compiles the
        bytecode. When trees are compared (``turns``), every round is followed by the other
        tree's, so both see the machine's load alike.
        """
        if warm:
            for step in steps:
                step()
        results: list[list[Run]] = [[] for _ in steps]
        for round_ in range(rounds or self.rounds):
            order = list(range(len(steps)))
            shift = round_ % len(steps)
            for index in order[shift:] + order[:shift]:
                results[index].append(steps[index]())
            if self.verbose:
                print("   ", [f"{r[-1].wall:.3f}" for r in results], file=sys.stderr)
            if self.turns is not None:
                self.turns.hand_over(self.turn)
        return results

    # -- test data -----------------------------------------------------------------------

    def made(self, name: str, build: Callable[[Path], None]) -> Path:
        """A file in the scratch folder, built once per run by ``build(path)``."""
        if name not in self._made:
            path = self.folder / name
            for leftover in self.folder.glob(f"{name}*"):  # from an earlier run (--keep)
                leftover.unlink()
            started = time.perf_counter()
            build(path)
            if self.verbose:
                print(f"  (made {name} in {time.perf_counter() - started:.1f} s)", file=sys.stderr)
            self._made[name] = path
        return self._made[name]

    def copy(self, source: Path, name: str) -> Path:
        """A fresh copy of a database file (closed, so it is one file)."""
        target = self.folder / name
        for leftover in self.folder.glob(f"{name}*"):
            leftover.unlink()
        shutil.copyfile(source, target)
        return target
