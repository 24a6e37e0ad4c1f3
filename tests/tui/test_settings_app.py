"""The app on the settings file: key remaps, the theme remembered, problems in one toast."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from builders import AppFactory, WaitReady

from netui.domain.listing import StatusFilter
from netui.domain.types import TriageStatus
from netui.services.context import Services
from netui.tui.app import NetuiApp
from netui.tui.settings_check import key_name
from netui.tui.widgets.contact_table import ContactTable


@pytest.fixture
def settings_file() -> Path:
    path = Path(os.environ["NETUI_CONFIG"])
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def statuses(services: Services) -> dict[str, TriageStatus]:
    return {c.full_name: c.status for c in services.contacts.find(StatusFilter.ALL)}


def toasts(app: NetuiApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_a_remapped_key_works_and_its_old_key_no_longer_does(
    seeded: Services, settings_file: Path, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    settings_file.write_text('[keys]\n"contacts.top20" = "8"\n', "utf-8")
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_ready(app, pilot)
        table = app.screen.query_one(ContactTable)
        first = table.rows[0].full_name
        await pilot.press("t")
        await pilot.pause()
        assert statuses(seeded)[first] is TriageStatus.NEW
        await pilot.press("8")
        await pilot.pause()
        assert statuses(seeded)[first] is TriageStatus.TOP20
        assert not [t for t in toasts(app) if "settings.toml" in t]  # a good file: no toast


async def test_a_remap_that_clashes_is_not_applied_and_the_toast_says_why(
    seeded: Services, settings_file: Path, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    settings_file.write_text(
        'daily_goal_minutes = "an hour"\n[keys]\n"contacts.top20" = "x"\n', "utf-8"
    )
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_ready(app, pilot)
        (toast,) = toasts(app)
        assert toast.splitlines() == [
            "• settings.toml: daily_goal_minutes: must be a whole number from 1 to 480 (minutes)",
            '• settings.toml: keys."contacts.top20": "x" is already the key of contacts.skip in'
            " the Contacts pane; choose another key or remap that one too",
            "netui goes on with the defaults for these.",
        ]
        table = app.screen.query_one(ContactTable)
        first = table.rows[0].full_name
        await pilot.press("t")  # the table's own key still adds to the Top 20
        await pilot.pause()
        assert statuses(seeded)[first] is TriageStatus.TOP20


async def test_problems_are_shown_as_literal_text(
    seeded: Services, settings_file: Path, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    settings_file.write_text('"[b]x[/b] [@click=app.quit]q[/]" = 1\n', "utf-8")
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_ready(app, pilot)
        (toast,) = app._notifications
        assert toast.message.startswith(
            "• settings.toml: [b]x[/b] [@click=app.quit]q[/]: unknown key"
        )
        assert toast.markup is False


async def test_the_theme_comes_from_the_file_and_a_change_is_written_back(
    seeded: Services, settings_file: Path, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    settings_file.write_text('# mine\ntheme = "nord"\n', "utf-8")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        assert app.theme == "nord"
        assert settings_file.read_text("utf-8") == '# mine\ntheme = "nord"\n'
        app.theme = "gruvbox"
        await pilot.pause()
    assert settings_file.read_text("utf-8") == '# mine\ntheme = "gruvbox"\n'


async def test_a_theme_that_does_not_exist_keeps_the_default(
    seeded: Services, settings_file: Path, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    settings_file.write_text('theme = "solarised-ish"\n', "utf-8")
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_ready(app, pilot)
        assert app.theme == "textual-dark"
        assert toasts(app)[0].startswith(
            '• settings.toml: theme: no theme is named "solarised-ish"'
        )


async def test_an_older_netuis_theme_in_the_database_is_used(
    seeded: Services, settings_file: Path, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    from netui.db.settings import SettingsRepository

    with seeded.db.session() as session:
        SettingsRepository(session).set("theme", "dracula")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        assert app.theme == "dracula"
    assert not settings_file.exists()  # read, not rewritten


def test_keys_are_named_as_textual_names_them() -> None:
    assert [key_name(k) for k in ("?", "T", "ctrl+t", " / ")] == [
        "question_mark",
        "T",
        "ctrl+t",
        "slash",
    ]


async def test_a_theme_change_into_a_broken_file_says_so_and_keeps_the_file(
    seeded: Services, settings_file: Path, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    broken = "bell = \n# Ann's notes\n"
    settings_file.write_text(broken, "utf-8")
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_ready(app, pilot)
        assert toasts(app)[0].startswith("• settings.toml: is not valid TOML: ")
        app.theme = "gruvbox"
        await pilot.pause()
        assert app.theme == "gruvbox"  # for now; it cannot be remembered
        assert toasts(app)[-1].startswith("settings.toml: is not valid TOML (")
        assert toasts(app)[-1].endswith("fix it by hand first, netui will not overwrite it")
    assert settings_file.read_text("utf-8") == broken
