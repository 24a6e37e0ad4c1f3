"""The session mode: today's queue one person at a time, their script, one key per outcome,
the timer started with it, and a summary at the end. What it logs shows everywhere."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from builders import AppFactory, WaitReady, WriteLock, came_true, toasts
from script_helpers import PROFILE, add_script
from textual.pilot import Pilot
from textual.widgets import Static
from timezones import local_zone_as
from today_support import (
    MARKUP_NAME,
    SHOWN_CONTROL_NAME,
    assert_contacts_show_reached,
    hostile_top20,
    into_today,
    plan_top20,
    progress,
    queue_names,
    screen_text,
    settle,
    today,
)

from netui.domain.clock import FakeClock
from netui.domain.scripts import ScriptChannel
from netui.domain.types import Channel, ContactDraft, Outcome, TriageStatus
from netui.services.context import Services
from netui.tui.app import NetuiApp
from netui.tui.screens.follow_up_dialog import FollowUpDialog
from netui.tui.screens.log_interaction import LogInteractionScreen
from netui.tui.screens.session_mode import SessionModeScreen
from netui.tui.screens.session_summary import SessionSummaryScreen


@pytest.fixture(autouse=True)
def in_utc() -> object:
    with local_zone_as("UTC"):
        yield


def planned(services: Services, clock: FakeClock) -> dict[str, int]:
    services.scripts.set_profile(PROFILE)
    return plan_top20(services, clock)


async def start_session(app: NetuiApp, pilot: Pilot[None]) -> SessionModeScreen:
    await into_today(app, pilot)
    await pilot.press("S")
    assert await came_true(pilot, lambda: isinstance(app.screen, SessionModeScreen), 5)
    screen = app.screen
    assert isinstance(screen, SessionModeScreen)
    await pilot.pause()
    return screen


def card(screen: SessionModeScreen) -> str:
    return str(screen.query_one("#session-card", Static).render())


def script_text(screen: SessionModeScreen) -> str:
    return str(screen.query_one("#session-script", Static).render())


async def test_a_session_logs_outcomes_and_everything_agrees_after(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, clock: FakeClock
) -> None:
    ids = planned(seeded, clock)
    script_id = add_script(seeded, "Hello", "Hi {first_name}, {my_name} here.", ScriptChannel.TEXT)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        screen = await start_session(app, pilot)
        assert seeded.timer.status().running  # the session started the timer
        assert card(screen).startswith("Ada Okafor  Top 20 #1")
        while screen.person is not None and screen.person.script is not None:
            if screen.person.script.id == script_id:
                break
            await pilot.press("h")  # through the scripts to the user's own
        assert script_text(screen) == "Hi Ada, Sam Rivera here."
        await pilot.press("f")
        assert await came_true(pilot, lambda: isinstance(app.screen, FollowUpDialog), 3)
        await pilot.press(*"in 2 weeks", "enter")
        await pilot.pause()
        assert "Follow up   Thu 10 Dec 2026, with the outcome" in card(screen)
        await pilot.press("4")  # talked
        await pilot.pause()
        assert card(screen).startswith("Chen Wu")
        await pilot.press("s")  # Chen: not now
        await pilot.press("1")  # Bruno: no answer
        await pilot.pause()
        assert card(screen).startswith("Dalia Mertens")
        ada = seeded.interactions.history(ids["Ada Okafor"])[0]
        assert (ada.channel, ada.outcome, ada.follow_up) == (
            Channel.MESSAGE,
            Outcome.TALKED,
            date(2026, 12, 10),
        )
        assert ada.script_revision_id == seeded.scripts.get(script_id).revision_id
        assert seeded.interactions.history(ids["Bruno Salas"])[0].outcome is Outcome.NO_ANSWER
        assert seeded.interactions.history(ids["Chen Wu"]) == []
        await pilot.press("escape")
        assert await came_true(pilot, lambda: isinstance(app.screen, SessionSummaryScreen), 3)
        summary = str(app.screen.query_one("#summary-text", Static).render())
        assert "1 reached of 2 persons contacted · 1 skipped" in summary
        assert "no answer 1 · talked 1" in summary
        assert "Follow-ups 1" in summary
        assert "Thu 10 Dec 2026  Ada Okafor" in summary
        await pilot.press("escape")  # done; the timer goes on
        await settle(app, pilot)
        assert app.screen is app.main_screen
        assert seeded.timer.status().running
        assert await came_true(pilot, lambda: "Ada Okafor" not in queue_names(app), 3)
        assert queue_names(app) == ["Chen Wu", "Dalia Mertens"]  # Bruno was tried today
        assert "Today   1 reached · 2 contacted" in progress(app)
        assert_contacts_show_reached(app, ids["Ada Okafor"], 1)
    assert app.return_code in (None, 0)


async def test_the_timer_shows_in_the_session_and_the_summary_can_stop_it(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, clock: FakeClock
) -> None:
    planned(seeded, clock)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        screen = await start_session(app, pilot)
        display = screen.query_one("#session-timer")
        assert app.services is not None
        clock.advance(seconds=30)
        app.services.timer.heartbeat()
        assert display.tick() is not None  # type: ignore[attr-defined]
        assert display.query_one("Digits").value == "00:30"  # type: ignore[attr-defined]
        await pilot.press("space")  # pause: the Today pane hears of it too
        await pilot.pause()
        pane_status = today(app).status
        assert pane_status is not None
        assert pane_status.paused
        assert "Paused" in screen_text(app)
        await pilot.press("space")
        await pilot.pause()
        assert not seeded.timer.status().paused
        await pilot.press("escape")
        assert await came_true(pilot, lambda: isinstance(app.screen, SessionSummaryScreen), 3)
        await pilot.press("x")
        await settle(app, pilot)
        assert app.screen is app.main_screen
        assert not seeded.timer.status().running
    assert app.return_code in (None, 0)


async def test_with_nobody_due_the_session_does_not_start(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await into_today(app, pilot)
        await pilot.press("S")
        await pilot.pause()
        assert app.screen is app.main_screen
        assert any("Nobody is in today's queue" in t for t in toasts(app))
        assert seeded.timer.status().session is None
    assert app.return_code in (None, 0)


async def test_copy_email_and_linkedin_use_the_script_for_the_person_on_the_card(
    services: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    clock: FakeClock,
    opened: list[str],
) -> None:
    ann = services.contacts.add(
        ContactDraft(
            full_name="Ann Lee", emails=("ann@example.org",),
            linkedin_url="https://www.linkedin.com/in/ann-lee",
        )
    )  # fmt: skip
    services.triage.set_status([ann.id], TriageStatus.TOP20)
    add_script(
        services, "Mail", "Hi {first_name},\nlong time!", ScriptChannel.EMAIL, "Hello {first_name}"
    )
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        screen = await start_session(app, pilot)
        while screen.person is not None and screen.person.script is not None:
            if screen.person.script.name == "Mail":
                break
            await pilot.press("h")
        await pilot.press("y")
        assert app.clipboard == "Hi Ann,\nlong time!"
        await pilot.press("m")
        assert await came_true(pilot, lambda: len(opened) == 1, 3)
        assert opened == [
            "mailto:ann@example.org?subject=Hello%20Ann&body=Hi%20Ann%2C%0D%0Along%20time%21"
        ]
        app.copy_to_clipboard("")
        await pilot.press("o")
        assert await came_true(pilot, lambda: len(opened) == 2, 3)
        assert opened[-1] == "https://www.linkedin.com/in/ann-lee"
        assert app.clipboard == "Hi Ann,\nlong time!"
        await pilot.press("l")  # a note, in the usual dialog, preset for the email sent
        assert await came_true(pilot, lambda: isinstance(app.screen, LogInteractionScreen), 3)
        await pilot.press("ctrl+s")
        assert await came_true(pilot, lambda: isinstance(app.screen, SessionSummaryScreen), 3)
        logged = services.interactions.history(ann.id)[0]
        assert (logged.channel, logged.outcome) == (Channel.EMAIL, Outcome.LEFT_MESSAGE)
        assert logged.script_revision_id is not None
        assert "left message 1" in str(app.screen.query_one("#summary-text", Static).render())
    assert app.return_code in (None, 0)


async def test_names_on_the_card_and_in_the_toasts_are_shown_as_typed(
    services: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    db_path: Path,
    clock: FakeClock,
) -> None:
    hostile_top20(services, db_path, clock, how_we_met="[red]met[/red] at \x1b[2Jwork")
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_ready(app, pilot)
        await start_session(app, pilot)
        text = screen_text(app)
        assert MARKUP_NAME in text
        assert "[red]met[/red] at \ufffd[2Jwork" in text
        await pilot.press("4")
        await pilot.pause()
        assert any(f"Logged with {MARKUP_NAME}: talked." in t for t in toasts(app))
        assert app.is_running
        assert SHOWN_CONTROL_NAME in screen_text(app)
        assert not any(ch in screen_text(app) for ch in "\x1b\x07")
    assert app.return_code in (None, 0)


async def test_a_busy_database_logs_nothing_and_the_same_key_works_after(
    seeded: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    clock: FakeClock,
    write_lock: WriteLock,
) -> None:
    ids = planned(seeded, clock)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        screen = await start_session(app, pilot)
        write_lock.take()
        await pilot.press("4")
        await pilot.pause()
        assert any("Another netui is writing" in t for t in toasts(app))
        assert card(screen).startswith("Ada Okafor")  # still on her card
        write_lock.release()
        await pilot.press("4")
        await pilot.pause()
        assert card(screen).startswith("Chen Wu")
        assert [i.outcome for i in seeded.interactions.history(ids["Ada Okafor"])] == [
            Outcome.TALKED
        ]
    assert app.return_code in (None, 0)
