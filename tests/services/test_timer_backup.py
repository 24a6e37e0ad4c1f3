"""Timer sessions go through a JSON backup exactly, several pauses and a running one too."""

from __future__ import annotations

from pathlib import Path

from builders import sql_rows

from netui.domain.clock import FakeClock
from netui.services.context import Services, open_services

SESSIONS = "SELECT * FROM timer_session ORDER BY id"
PAUSES = "SELECT * FROM timer_pause ORDER BY id"


def test_sessions_with_several_pauses_restore_exactly(
    services: Services, clock: FakeClock, tmp_path: Path
) -> None:
    services.settings.set_daily_goal(40)
    services.timer.start(watched=True)
    for _ in range(3):  # three pauses in one session: no "used twice" for its id
        clock.advance(minutes=2)
        services.timer.heartbeat()
        services.timer.pause()
        clock.advance(minutes=1)
        services.timer.resume()
    services.timer.stop()
    clock.advance(hours=1)
    services.timer.start(watched=True)  # still running when the backup is made
    services.timer.pause()
    backup = tmp_path / "backup.json"
    services.backup.export_json(backup)

    fresh = open_services(tmp_path / "fresh.db", clock)
    try:
        fresh.backup.restore(backup)
        assert sql_rows(fresh.path, SESSIONS) == sql_rows(services.path, SESSIONS)
        assert sql_rows(fresh.path, PAUSES) == sql_rows(services.path, PAUSES)
        restored = fresh.timer.status()
        assert restored.paused
        assert restored.goal_minutes == 40
        assert restored.today_minutes == services.timer.status().today_minutes == 6
    finally:
        fresh.close()
