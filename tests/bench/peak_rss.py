"""Run a Python program and write its peak resident memory (VmHWM, KiB) to a file at exit.

Run: python tests/bench/peak_rss.py REPORT PROGRAM [ARGS...]   (or REPORT -m MODULE [ARGS...])

The program runs in this process (``runpy``), so the figure is its own: a child's
``ru_maxrss`` as its parent sees it can start from the parent's memory, copied at fork.
This wrapper adds only ``runpy`` and ``atexit`` to what the program loads.
"""

from __future__ import annotations

import atexit
import runpy
import sys
from pathlib import Path


def _report(path: Path) -> None:
    status = Path("/proc/self/status").read_text()
    path.write_text(status.split("VmHWM:")[1].split()[0])


def main() -> None:
    report, program = Path(sys.argv[1]), sys.argv[2]
    atexit.register(_report, report)
    if program == "-m":
        module = sys.argv[3]
        sys.argv = [module, *sys.argv[4:]]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    else:
        sys.argv = sys.argv[2:]
        runpy.run_path(program, run_name="__main__")


if __name__ == "__main__":
    main()
