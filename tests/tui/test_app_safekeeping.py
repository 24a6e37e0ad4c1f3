"""The app makes the day's backup as it opens a database, and will not open a damaged one."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from builders import AppFactory, WaitReady
from damage import damage_trials, filled_database

from netui.domain.clock import FakeClock
from netui.services.context import Services
from netui.services.safekeeping import daily_backups
from netui.tui.app import NetuiApp


async def test_opening_the_app_backs_up_the_day(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, db_path: Path
) -> None:
    seeded.close()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(app, pilot)
    [backup] = daily_backups(db_path)
    assert backup.contacts == len(seeded.contacts.find())


async def test_a_damaged_database_ends_the_app_with_what_to_do(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    sound = filled_database(tmp_path / "sound.db", contacts=150)
    [(_seed, damaged)] = damage_trials(sound, tmp_path, 1)
    path = tmp_path / "data" / "netui.db"
    path.parent.mkdir()
    path.write_bytes(damaged)
    app = NetuiApp(path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(200):  # the opening worker fails, and the app exits after a refresh
            if app.return_code is not None:
                break
            await pilot.pause(0.05)
    assert app.return_code == 1
    said = " ".join(capsys.readouterr().err.split())  # printed as the app closed
    assert "is damaged" in said
    assert "netui db restore" in said
    assert hashlib.sha256(path.read_bytes()).digest() == hashlib.sha256(damaged).digest()
    assert [p.name for p in path.parent.iterdir()] == ["netui.db"]
