"""Today's queue in the pane: who is asked for and why, names shown as typed, and a call
logged from Today or from Contacts shows the same everywhere."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from builders import NOW, AppFactory, WaitReady, came_true
from today_support import (
    MARKUP_NAME,
    PLANNED_TOP20,
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
from netui.domain.types import Channel, InteractionDraft, Outcome
from netui.services.context import Services
from netui.tui.screens.log_interaction import LogInteractionScreen

TOP20 = PLANNED_TOP20


async def test_the_queue_asks_for_the_top20_by_rank_and_says_why(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, clock: FakeClock
) -> None:
    ids = plan_top20(seeded, clock)
    seeded.interactions.log(
        ids["Farah Lindqvist"],
        InteractionDraft(
            Channel.EMAIL,
            Outcome.LEFT_MESSAGE,
            occurred_at=NOW - timedelta(days=5),
            follow_up=(NOW - timedelta(days=2)).date(),
        ),
    )
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await into_today(app, pilot)
        assert queue_names(app) == [*TOP20[:4], "Farah Lindqvist"]
        assert "Queue 5 due, 4 Top 20" in screen_text(app)
        queue = today(app).queue_list
        why = [str(queue.get_option_at_index(i).prompt) for i in range(queue.option_count)]
        assert why[0] == "Ada Okafor  Top 20 #1"
        assert why[4] == "Farah Lindqvist  follow-up overdue by 2 days"
        assert "5 of 20 chosen" in progress(app)
    assert app.return_code in (None, 0)


async def test_a_call_logged_from_today_shows_in_contacts_and_in_the_progress(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, clock: FakeClock
) -> None:
    ids = plan_top20(seeded, clock)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        pane = await into_today(app, pilot)
        assert pane.highlighted_contact == ids["Ada Okafor"]
        await pilot.press("c")
        assert await came_true(pilot, lambda: isinstance(app.screen, LogInteractionScreen), 3)
        await pilot.press("ctrl+s")  # a call, talked: she was reached
        await settle(app, pilot)
        await came_true(pilot, lambda: "Ada Okafor" not in queue_names(app), 3)
        assert queue_names(app) == list(TOP20[1:4])
        assert "Today   1 reached · 1 contacted" in progress(app)
        assert_contacts_show_reached(app, ids["Ada Okafor"], 1)
    assert app.return_code in (None, 0)


async def test_a_call_logged_in_contacts_takes_the_person_off_todays_queue(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, clock: FakeClock
) -> None:
    plan_top20(seeded, clock)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await into_today(app, pilot)
        assert "Chen Wu" in queue_names(app)
        await pilot.press("shift+tab")  # back to Contacts
        contacts = app.main_screen.contacts
        while (row := contacts.table.current_row) is not None and row.full_name != "Chen Wu":
            await pilot.press("down")
        await pilot.press("c")
        assert await came_true(pilot, lambda: isinstance(app.screen, LogInteractionScreen), 3)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert await came_true(pilot, lambda: "Chen Wu" not in queue_names(app), 3)
        assert "Reached 1 of 20" in progress(app)
    assert app.return_code in (None, 0)


async def test_names_in_the_queue_and_its_dialog_are_shown_as_typed(
    services: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    db_path: Path,
    clock: FakeClock,
) -> None:
    hostile_top20(services, db_path, clock)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_ready(app, pilot)
        await into_today(app, pilot)
        text = screen_text(app)
        assert MARKUP_NAME in text
        assert SHOWN_CONTROL_NAME in text
        assert not any(ch in text for ch in "\x1b\x07")
        await pilot.press("c")
        assert await came_true(pilot, lambda: isinstance(app.screen, LogInteractionScreen), 3)
        await pilot.pause()
        assert f"Log: {MARKUP_NAME}" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert any(MARKUP_NAME in n.message for n in app._notifications)
        await pilot.press("c")
        assert await came_true(pilot, lambda: isinstance(app.screen, LogInteractionScreen), 3)
        await pilot.pause()
        assert f"Log: {SHOWN_CONTROL_NAME}" in screen_text(app)
    assert app.return_code in (None, 0)
