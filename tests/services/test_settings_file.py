"""Settings in the TOML file: read before the database, written keeping the user's text.

The root fixture points NETUI_CONFIG at a file in the test's own folder, so these tests
write no real settings; ``settings_file`` is that path.
"""

from __future__ import annotations

import errno
import os
import stat
from datetime import time
from pathlib import Path

import pytest

from netui.db.settings import SettingsRepository
from netui.domain.clock import FakeClock
from netui.domain.free_gaps import WakingHours
from netui.services.context import Services, open_services
from netui.services.settings import Effective, Source
from netui.settings_file import SettingsFileError, resolve_settings_path


@pytest.fixture
def settings_file() -> Path:
    return Path(os.environ["NETUI_CONFIG"])


def store_in_database(services: Services, key: str, value: object) -> None:
    """What an older netui left: the value in the database's setting table."""
    with services.db.session() as session:
        SettingsRepository(session).set(key, value)


def test_the_file_is_the_one_netui_config_names(services: Services, settings_file: Path) -> None:
    assert services.settings.path == settings_file == resolve_settings_path()
    assert not settings_file.exists()  # nothing is written until a setting changes


def test_without_netui_config_the_file_is_in_the_user_config_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("NETUI_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    assert resolve_settings_path() == tmp_path / "config-home" / "netui" / "settings.toml"


def test_upgrade_a_database_value_is_read_until_the_first_write_makes_the_file(
    services: Services, settings_file: Path
) -> None:
    store_in_database(services, "daily_goal_minutes", 45)
    store_in_database(services, "target_keywords", ["fintech"])
    settings = services.settings
    assert settings.daily_goal() == 45
    assert settings.effective("daily_goal_minutes") == Effective(
        "daily_goal_minutes", 45, Source.DATABASE
    )
    assert settings.effective("top20_weeks") == Effective("top20_weeks", 4, Source.DEFAULT)
    assert not settings_file.exists()

    settings.set_daily_goal(50)
    assert settings_file.read_text("utf-8") == "daily_goal_minutes = 50\n"
    assert stat.S_IMODE(settings_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(settings_file.parent.stat().st_mode) == 0o700
    assert settings.effective("daily_goal_minutes").source is Source.FILE
    assert settings.daily_goal() == 50
    assert settings.target_keywords() == ("fintech",)  # still the database's: not rewritten


def test_the_file_wins_over_the_database(services: Services, settings_file: Path) -> None:
    store_in_database(services, "top20_weeks", 8)
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text("top20_weeks = 3\n", "utf-8")
    assert services.settings.top20_weeks() == 3


def test_a_bad_value_in_the_file_takes_the_default_and_says_so(
    services: Services, settings_file: Path
) -> None:
    store_in_database(services, "daily_goal_minutes", 45)
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text('daily_goal_minutes = "lots"\nbell = false\n', "utf-8")
    settings = services.settings
    assert settings.daily_goal() == 30
    assert settings.effective("daily_goal_minutes").source is Source.DEFAULT
    assert settings.bell() is False
    assert settings.problems() == (
        "settings.toml: daily_goal_minutes: must be a whole number from 1 to 480 (minutes)",
    )


def test_a_toml_syntax_error_names_its_line_and_the_file_is_never_overwritten(
    services: Services, settings_file: Path
) -> None:
    settings_file.parent.mkdir(parents=True)
    broken = "# my settings\ndaily_goal_minutes = 45\nbell = \n"
    settings_file.write_text(broken, "utf-8")
    settings = services.settings
    (problem,) = settings.problems()
    assert problem.startswith("settings.toml: is not valid TOML: ")
    assert "line 3" in problem
    assert settings.daily_goal() == 30  # nothing of a broken file is used
    with pytest.raises(SettingsFileError, match=r"settings\.toml: is not valid TOML"):
        settings.set_daily_goal(60)
    assert settings_file.read_text("utf-8") == broken


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"bell = \xff\n", "settings.toml: is not UTF-8 text (byte 8)"),
        (None, "settings.toml: is a folder, not a file"),
    ],
)
def test_a_file_that_cannot_be_read_says_why(
    services: Services, settings_file: Path, content: bytes | None, problem: str
) -> None:
    settings_file.parent.mkdir(parents=True)
    if content is None:
        settings_file.mkdir()
    else:
        settings_file.write_bytes(content)
    assert services.settings.problems() == (problem,)
    assert services.settings.bell() is True


def test_a_write_keeps_the_users_comments_and_order(
    services: Services, settings_file: Path
) -> None:
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text(
        '# Ann\'s netui\ntheme = "nord"  # easy on the eyes\n\n'
        '[working_hours]\nstart = "09:00" # after the school run\n',
        "utf-8",
    )
    services.settings.set_daily_goal(40)
    services.settings.set_theme("gruvbox")
    services.settings.set_target_keywords("fintech, product")
    assert settings_file.read_text("utf-8") == (
        '# Ann\'s netui\ntheme = "gruvbox"  # easy on the eyes\n'
        'daily_goal_minutes = 40\ntarget_keywords = ["fintech", "product"]\n\n'
        '[working_hours]\nstart = "09:00" # after the school run\n'
    )
    assert services.settings.working_hours() == WakingHours(time(9), time(22))


def test_a_write_of_the_value_already_there_leaves_the_file_alone(
    services: Services, settings_file: Path
) -> None:
    services.settings.set_theme("nord")
    before = settings_file.stat()
    services.settings.set_theme("nord")
    assert settings_file.stat().st_ino == before.st_ino


def test_a_hand_edit_is_seen_without_reopening(services: Services, settings_file: Path) -> None:
    services.settings.set_bell(False)
    assert services.settings.bell() is False
    settings_file.write_text("bell = true\ntop20_weeks = 9\n", "utf-8")
    assert (services.settings.bell(), services.settings.top20_weeks()) == (True, 9)


def test_a_write_through_a_link_keeps_the_link(
    services: Services, settings_file: Path, tmp_path: Path
) -> None:
    real = tmp_path / "dotfiles" / "netui.toml"
    real.parent.mkdir()
    real.write_text("bell = false\n", "utf-8")
    settings_file.parent.mkdir(parents=True)
    settings_file.symlink_to(real)
    services.settings.set_top20_weeks(5)
    assert settings_file.is_symlink()
    assert real.read_text("utf-8") == "bell = false\ntop20_weeks = 5\n"


def test_a_full_disk_changes_nothing_and_says_so(
    services: Services, settings_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.settings.set_daily_goal(45)

    def no_space(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(SettingsFileError) as refused:
        services.settings.set_daily_goal(60)
    assert str(refused.value) == (
        "settings.toml: the disk is full; the settings were not changed. Free some space and retry"
    )
    assert settings_file.read_text("utf-8") == "daily_goal_minutes = 45\n"
    assert [p.name for p in settings_file.parent.iterdir()] == ["settings.toml"]  # no temp left


def test_working_hours_are_the_calendar_gaps_default(
    services: Services, settings_file: Path
) -> None:
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text('[working_hours]\nstart = "09:00"\nend = "17:30"\n', "utf-8")
    calendar = Path(__file__).parents[1] / "io" / "fixtures" / "calendars"
    found = services.audit.calendar_gaps(calendar / "free_and_cancelled.ics")
    assert found.waking == WakingHours(time(9), time(17, 30))
    given = services.audit.calendar_gaps(
        calendar / "free_and_cancelled.ics", waking=WakingHours(time(8), time(12))
    )
    assert given.waking == WakingHours(time(8), time(12))  # --waking still wins


def test_the_time_audits_accept_writes_the_file(services: Services, settings_file: Path) -> None:
    services.audit.accept_goal(75)
    assert settings_file.read_text("utf-8") == "daily_goal_minutes = 75\n"
    assert services.timer.status().goal_minutes == 75


def test_each_services_may_be_given_its_own_file(
    db_path: Path, clock: FakeClock, tmp_path: Path
) -> None:
    demo = tmp_path / "demo" / "settings.toml"
    opened = open_services(db_path, clock, settings_path=demo)
    try:
        opened.settings.set_bell(False)
    finally:
        opened.close()
    assert demo.read_text("utf-8") == "bell = false\n"
    assert not Path(os.environ["NETUI_CONFIG"]).exists()


def test_keywords_with_terminal_controls_are_cleaned_and_the_file_still_reads(
    services: Services, settings_file: Path
) -> None:
    """tomlkit writes ESC as ``\\e``, which TOML 1.0 (tomllib) refuses: typed controls
    are cleaned at entry, so a keyword can never make the whole file unreadable."""
    saved = services.settings.set_target_keywords("\x1b[31mred\x1b[0m, ok\x07, [/]")
    assert saved == ("red", "ok", "[/]")
    assert services.settings.problems() == ()
    assert services.settings.target_keywords() == ("red", "ok", "[/]")


def test_a_value_the_file_could_not_read_back_is_refused_and_the_file_kept(
    settings_file: Path,
) -> None:
    from netui.settings_file import write_values

    settings_file.parent.mkdir(parents=True)
    settings_file.write_text("bell = true  # mine\n")
    with pytest.raises(SettingsFileError) as refused:
        write_values(settings_file, {"theme": "odd\x1bname"})
    assert "settings.toml: not changed" in str(refused.value)
    assert settings_file.read_text() == "bell = true  # mine\n"
