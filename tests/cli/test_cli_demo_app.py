"""``netui --demo``: the app on a throwaway database, with the user's own files untouched."""

from __future__ import annotations

import os
from pathlib import Path

import click
import pytest
from builders import WaitReady
from cli_runner import Netui

from netui.cli.demo import (
    DEMO_APP_CONTACTS,
    DEMO_SUB_TITLE,
    DEMO_TITLE,
    demo_app,
    demo_home,
)
from netui.domain.clock import FakeClock
from netui.settings_file import CONFIG_ENV_VAR
from netui.tui.app import NetuiApp


async def test_the_demo_app_runs_on_a_temp_database_that_is_gone_afterwards(
    clock: FakeClock, wait_ready: WaitReady
) -> None:
    users_db = Path(os.environ["NETUI_DB"])
    os.environ.pop(CONFIG_ENV_VAR, None)
    with demo_home() as home:
        assert Path(os.environ[CONFIG_ENV_VAR]).parent == home
        assert Path(os.environ["NETUI_DB"]).parent == home
        assert home.stat().st_mode & 0o077 == 0  # private, like netui's own data folder
        app = demo_app(home, clock)
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_ready(app, pilot)
            assert app.db_path.parent == home
            assert (app.title, app.sub_title) == (DEMO_TITLE, DEMO_SUB_TITLE)
            assert "DEMO" in app.export_screenshot()
            assert len(app.main_screen.contacts.listing) == DEMO_APP_CONTACTS
            assert app.services is not None
            assert app.services.timer.status().streak_days > 0
    assert not home.exists()
    assert not users_db.exists()
    assert os.environ["NETUI_DB"] == str(users_db)  # put back as it was
    assert CONFIG_ENV_VAR not in os.environ


def test_netui_demo_opens_the_app_on_its_own_files(
    cmd: Netui, monkeypatch: pytest.MonkeyPatch
) -> None:
    users_db = Path(os.environ["NETUI_DB"])
    monkeypatch.setenv(CONFIG_ENV_VAR, "/nowhere/settings.toml")
    seen: dict[str, object] = {}

    def run(app: NetuiApp) -> None:
        home = app.db_path.parent
        seen.update(
            home=home,
            exists=app.db_path.is_file(),
            config=os.environ[CONFIG_ENV_VAR],
            title=app.title,
            clock=app.clock,
            commands=app.command_line,
        )

    monkeypatch.setattr(NetuiApp, "run", run)
    assert cmd.ok("--demo", db=False) == ""
    home = seen["home"]
    assert isinstance(home, Path)
    assert seen["exists"] is True
    assert seen["config"] == str(home / "settings.toml")
    assert seen["title"] == DEMO_TITLE
    assert seen["clock"] is cmd.clock
    assert isinstance(seen["commands"], click.Group)  # help lists the commands, as without --demo
    assert "contacts" in seen["commands"].list_commands(click.Context(seen["commands"]))
    assert not home.exists()
    assert not users_db.exists()
    assert os.environ[CONFIG_ENV_VAR] == "/nowhere/settings.toml"


@pytest.mark.parametrize("args", [("--demo", "contacts"), ("--demo", "--db", "x.db")])
def test_demo_is_given_alone(cmd: Netui, args: tuple[str, ...]) -> None:
    assert "--demo opens the app on its own database" in cmd.fail(*args, db=False, code=2)
