"""The first five minutes: the welcome on an empty database and where each offer leads."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import pytest
from builders import CONNECTIONS, AppFactory, WaitReady, write_linkedin
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static

from netui.domain.types import ContactDraft
from netui.errors import ValidationError
from netui.services.context import Services
from netui.tui.app import NetuiApp
from netui.tui.screens.contact_form import ContactFormScreen
from netui.tui.screens.import_wizard import ImportScreen
from netui.tui.screens.main import MainScreen
from netui.tui.screens.time_audit import TimeAuditScreen
from netui.tui.screens.triage_mode import TriageModeScreen
from netui.tui.screens.welcome_dialogs import GoalDialog, KeywordsDialog, read_goal
from netui.tui.widgets.welcome import OFFER_LABELS, Offer, Welcome

OFFER_SCREENS: dict[Offer, tuple[str, type[Screen[Any]]]] = {
    Offer.IMPORT: ("i", ImportScreen),
    Offer.ADD: ("n", ContactFormScreen),
    Offer.TIME: ("a", TimeAuditScreen),
    Offer.GOAL: ("g", GoalDialog),
    Offer.KEYWORDS: ("k", KeywordsDialog),
}


async def settle(app: NetuiApp, pilot: Pilot[None]) -> None:
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


DialogT = TypeVar("DialogT", GoalDialog, KeywordsDialog)


async def press_for(pilot: Pilot[None], key: str, dialog_type: type[DialogT]) -> DialogT:
    """Press an offer's key on the welcome; the dialog it opened."""
    await pilot.press(key)
    dialog = pilot.app.screen
    assert isinstance(dialog, dialog_type)
    return dialog


def error_text(screen: Screen[Any], field_id: str) -> str:
    error = screen.query_one(f"#{field_id}-error", Static)
    return str(error.render()) if error.display else ""


def test_every_offer_has_a_screen_and_a_label_with_its_key() -> None:
    assert set(OFFER_SCREENS) == set(Offer) == set(OFFER_LABELS)
    for offer, (key, _) in OFFER_SCREENS.items():
        assert OFFER_LABELS[offer].endswith(f"({key})")


@pytest.mark.parametrize("offer", list(Offer))
@pytest.mark.parametrize("how", ["key", "click"])
async def test_each_offer_opens_its_screen(
    services: Services, make_app: AppFactory, wait_ready: WaitReady, offer: Offer, how: str
) -> None:
    key, screen_type = OFFER_SCREENS[offer]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        assert app.screen.query_one(Welcome).display
        if how == "key":
            await pilot.press(key)
        else:
            await pilot.click(f"#welcome-{offer.value}")
        await pilot.pause()
        assert isinstance(app.screen, screen_type)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(Welcome).display  # still empty: the welcome stays


async def test_the_goal_is_checked_saved_and_seen_by_the_timer(
    services: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        dialog = await press_for(pilot, "g", GoalDialog)
        field = dialog.query_one("#minutes", Input)
        assert field.value == "30"
        for typed, problem in (("20", "from 30 to 480"), ("lots", "whole number"), ("9999", "")):
            field.value = typed
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is dialog
            assert problem in error_text(dialog, "minutes")
        assert services.settings.daily_goal() == 30
        field.value = "45 min"
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
    assert services.settings.daily_goal() == 45
    assert services.timer.status().goal_minutes == 45


async def test_keywords_are_saved_and_a_fresh_import_is_triaged_matches_first(
    services: Services, make_app: AppFactory, wait_ready: WaitReady, tmp_path: Path
) -> None:
    export = write_linkedin(tmp_path / "Connections.csv", *CONNECTIONS)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        dialog = await press_for(pilot, "k", KeywordsDialog)
        assert not dialog.query("#saved")  # nothing saved yet
        await pilot.press("ctrl+s")
        assert "at least one" in error_text(dialog, "companies")
        dialog.query_one("#roles", Input).value = "Founder,  founder"
        dialog.query_one("#industries", Input).value = "[b]robotics[/b]"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        assert services.settings.target_keywords() == ("[b]robotics[/b]", "Founder")

        await pilot.press("i")
        wizard = app.screen
        assert isinstance(wizard, ImportScreen)
        wizard.query_one("#import-path", Input).value = str(export)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert not app.screen.query_one(Welcome).display  # there are contacts now

        await pilot.press("T")
        await pilot.pause()
        triage = app.screen
        assert isinstance(triage, TriageModeScreen)
        names = [row.full_name for row in triage.queue]
    assert len(names) == 4
    assert names[0].startswith("Marcus")  # the founder, though third by name
    assert sorted(names, key=str.casefold).index(names[0]) == 2
    assert names[1:] == sorted(names[1:], key=str.casefold)


async def test_keywords_saved_before_stay_when_more_are_added(
    services: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    services.settings.set_target_keywords("fintech, Acme")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        dialog = await press_for(pilot, "k", KeywordsDialog)
        assert dialog.query_one("#saved", Input).value == "fintech, Acme"
        dialog.query_one("#companies", Input).value = "Northwind, acme"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    assert services.settings.target_keywords() == ("fintech", "Acme", "Northwind")


async def test_the_palette_offers_the_goal_and_keywords_once_there_are_contacts(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        assert not any(welcome.display for welcome in app.screen.query(Welcome))  # not mounted
        commands = {c.title: c for c in app.get_system_commands(app.main_screen)}
        await commands["Target companies, industries, roles"].callback()
        await pilot.pause()
        assert isinstance(app.screen, KeywordsDialog)
        await pilot.press("escape")
        await pilot.pause()
        await commands["Set the daily goal"].callback()
        await pilot.pause()
        assert isinstance(app.screen, GoalDialog)


async def test_the_welcome_comes_back_when_everyone_is_deleted(
    services: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        welcome = app.screen.query_one(Welcome)
        assert welcome.display
        pane = app.main_screen.contacts
        contact = services.contacts.add(ContactDraft(full_name="Ann Lee"))
        pane.reload_contacts()
        await settle(app, pilot)
        assert not welcome.display
        services.contacts.delete(contact.id)
        pane.reload_contacts()
        await settle(app, pilot)
        assert welcome.display


def test_read_goal_takes_minutes_within_the_range() -> None:
    assert read_goal(" 45 ") == 45
    assert read_goal("60 minutes") == 60
    assert read_goal("30m") == 30
    for text in ("29", "481", "", "1.5", "-40", "half an hour"):
        with pytest.raises(ValidationError) as caught:
            read_goal(text)
        assert caught.value.field == "minutes"


async def test_hostile_keywords_are_shown_literally_and_saved_back(
    services: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    huge = "x" * 100_000
    services.settings.set_target_keywords(f"[/], \x1b[31mred\x1b[0m, [@click=app.quit]q[/], {huge}")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        dialog = await press_for(pilot, "k", KeywordsDialog)
        saved = dialog.query_one("#saved", Input).value
        assert "\x1b" not in saved
        assert saved.startswith("[/], ")
        assert "\x1b" not in app.export_screenshot()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.is_running
        assert isinstance(app.screen, MainScreen)
        toasts = [str(n.message) for n in app._notifications]
        assert toasts[-1].startswith("Looking for: [/], ")
        assert len(toasts[-1]) < 200  # not a hundred thousand x's
    keywords = services.settings.target_keywords()
    assert keywords[0] == "[/]"
    assert "[@click=app.quit]q[/]" in keywords
    assert huge in keywords
