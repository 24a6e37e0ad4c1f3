"""CPU used by the app while a session runs and nobody touches a key, measured from outside.

Run on demand (not collected by pytest):
    python tests/bench/bench_timer_idle.py [--contacts 30000] [--seconds 10]

A child process runs the real app headless on a demo database (real clock), starts a
session from the Today pane and then sits idle. The parent reads the child's CPU time from
``/proc/<pid>/stat`` (user + system, every thread) over the measured window and prints it
as a share of one core, in three situations: the Today pane in view (the digits tick once a
second), Today hidden behind the Contacts pane on an 80x24 terminal (nothing ticks but the
heartbeat and the watch for other netuis), and no session at all. Target (issue 9): at most
2% of one core while a session runs idle.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

CHILD = r"""
import sys
from pathlib import Path

from netui.domain.clock import system_clock
from netui.tui.app import NetuiApp

situation = sys.argv[2]


class IdleApp(NetuiApp):
    def services_ready(self, services, count) -> None:
        super().services_ready(services, count)
        self.call_after_refresh(self._begin)

    def _begin(self) -> None:
        screen = self.main_screen
        screen.show_pane("today-pane")
        today = screen.today
        if situation != "no session":
            today.action_start()
        if situation == "today hidden":  # once Today's focus has landed, as a tab would
            self.set_timer(0.5, lambda: screen.show_pane("contacts-pane"))
        self.set_timer(1.5, self._say_ready)

    def _say_ready(self) -> None:
        status = self.main_screen.today.status
        running = status is not None and status.running
        ticking = self.main_screen.today.timer_display.ticking
        print(f"ready running={running} ticking={ticking}", flush=True)


size = (80, 24) if situation == "today hidden" else (120, 36)
IdleApp(Path(sys.argv[1]), system_clock).run(headless=True, size=size)
"""

SITUATIONS = ("today in view", "today hidden", "no session")
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of every thread of ``pid`` so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


def make_database(folder: Path, count: int) -> Path:
    from netui.domain.clock import system_clock
    from netui.services.context import open_services
    from netui.services.demo import fill_demo

    path = folder / f"idle-{count}.db"
    services = open_services(path, system_clock)
    try:
        fill_demo(services, count, seed=11)
    finally:
        services.close()
    return path


def measure(template: Path, folder: Path, situation: str, seconds: float) -> float:
    """The share of one core the app used over ``seconds`` of idling, in percent."""
    path = folder / f"{situation.replace(' ', '-')}.db"
    path.write_bytes(template.read_bytes())
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), situation],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert child.stdout is not None
        said = child.stdout.readline().split()
        if not said or said[0] != "ready":
            raise SystemExit(f"the app did not start ({situation})")
        print(f"  {situation:<14} {' '.join(said[1:])}", end="")
        time.sleep(2.0)  # whatever opening left to do (a first backup, the list) settles
        cpu_before, wall_before = cpu_seconds(child.pid), time.monotonic()
        time.sleep(seconds)
        cpu_after, wall_after = cpu_seconds(child.pid), time.monotonic()
    finally:
        child.kill()
        child.wait(timeout=30)
    return 100 * (cpu_after - cpu_before) / (wall_after - wall_before)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        template = make_database(Path(folder), args.contacts)
        print(f"{args.contacts:,} contacts, {args.seconds:g} s idle, CPU as % of one core")
        worst = 0.0
        for situation in SITUATIONS:
            share = measure(template, Path(folder), situation, args.seconds)
            print(f"  {share:5.2f} %")
            if situation != "no session":
                worst = max(worst, share)
    print(f"target: at most 2 % while a session runs idle: {'met' if worst <= 2 else 'MISSED'}")
    return 0 if worst <= 2 else 1


if __name__ == "__main__":
    raise SystemExit(main())
