"""Damaged database files for tests: bytes flipped in the middle, as a failing disk does it."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from builders import NOW

from netui.domain.clock import FakeClock
from netui.services.context import open_services
from netui.services.demo import fill_demo

PAGE = 4096


def filled_database(path: Path, contacts: int = 400) -> Path:
    """A closed netui database with invented people, interactions and triage in it."""
    services = open_services(path, FakeClock(NOW))
    try:
        fill_demo(services, contacts, seed=3, practice=False)
    finally:
        services.close()
    return path


def flipped(data: bytes, seed: int) -> bytes:
    """``data`` with a seeded run of bytes (1 to 4096 of them) flipped past the first page."""
    rnd = random.Random(seed)
    damaged = bytearray(data)
    start = rnd.randrange(PAGE, len(data) - 1)
    for offset in range(start, min(len(data), start + rnd.choice((1, 8, 64, 512, 4096)))):
        damaged[offset] ^= rnd.randrange(1, 256)
    return bytes(damaged)


def sqlite_sees_damage(path: Path) -> bool:
    """Whether SQLite's own quick check (not netui's) finds the file damaged."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute("PRAGMA quick_check").fetchall() != [("ok",)]
    except sqlite3.DatabaseError:
        return True
    finally:
        connection.close()


def damage_trials(sound: Path, folder: Path, count: int) -> list[tuple[int, bytes]]:
    """The first ``count`` seeds whose flipped bytes SQLite can see, with the damaged bytes.

    A flipped byte inside a name is just another name: no check can see it, so such seeds
    are passed over (about one in three) rather than counted as damage.
    """
    data = sound.read_bytes()
    probe = folder / "probe.db"
    trials: list[tuple[int, bytes]] = []
    for seed in range(1000):
        damaged = flipped(data, seed)
        probe.write_bytes(damaged)
        if sqlite_sees_damage(probe):
            trials.append((seed, damaged))
            if len(trials) == count:
                break
    for leftover in folder.glob("probe.db*"):
        leftover.unlink()
    return trials
