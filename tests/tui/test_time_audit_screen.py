"""The time audit screen: edit a typical day, see the goal it allows, accept it, read a
calendar's free gaps; nothing saved or accepted unless asked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import AppFactory, WaitReady, came_true, toasts
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Static
from timezones import local_zone_as
from today_support import into_today, settle, timer_state

from netui.domain.time_audit import DEFAULT_BLOCKS
from netui.services.context import Services
from netui.tui.app import NetuiApp
from netui.tui.screens.time_audit import TimeAuditScreen
from netui.tui.screens.time_audit_parts import BlockRow


@pytest.fixture(autouse=True)
def in_utc() -> Iterator[None]:
    with local_zone_as("UTC"):
        yield


async def open_audit(app: NetuiApp, pilot: Pilot[None]) -> TimeAuditScreen:
    await into_today(app, pilot)
    await pilot.press("a")
    assert await came_true(pilot, lambda: isinstance(app.screen, TimeAuditScreen), 5)
    screen = app.screen
    assert isinstance(screen, TimeAuditScreen)
    await pilot.pause()
    return screen


def row_named(screen: TimeAuditScreen, name: str) -> BlockRow:
    for row in screen.rows:
        if row.query_one(".block-name", Input).value == name:
            return row
    raise AssertionError(f"no block named {name!r}")


def set_minutes(screen: TimeAuditScreen, name: str, minutes: str) -> None:
    row_named(screen, name).query_one(".block-minutes", Input).value = minutes


def text_of(screen: TimeAuditScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_editing_the_day_suggests_a_goal_that_becomes_the_goal_only_when_accepted(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        screen = await open_audit(app, pilot)
        assert len(screen.rows) == len(DEFAULT_BLOCKS)
        assert "Suggested goal  90 minutes a day" in text_of(screen, "#audit-summary")
        assert not screen.dirty
        set_minutes(screen, "TV and streaming", "55")
        row_named(screen, "Social media and news").query_one(Checkbox).value = False
        await pilot.pause()
        summary = text_of(screen, "#audit-summary")
        assert "Could give way  100 minutes a day" in summary
        assert "Suggested goal  50 minutes a day" in summary
        assert "Could give way 100 min" in text_of(screen, "#audit-total")
        assert screen.dirty
        assert seeded.settings.daily_goal() == 30  # suggested, not yet accepted
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert seeded.settings.daily_goal() == 50
        saved = seeded.audit.load()
        assert saved.saved_at is not None
        assert [b.minutes for b in saved.blocks if b.name == "TV and streaming"] == [55]
        assert not screen.dirty
        assert "Daily goal now  50 minutes" in text_of(screen, "#audit-summary")
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is app.main_screen
        assert "space starts 50 min" in timer_state(app)
    assert app.return_code in (None, 0)


async def test_a_day_with_no_spare_time_is_said_plainly_and_offers_no_goal(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        screen = await open_audit(app, pilot)
        for checkbox in screen.query(Checkbox):
            checkbox.value = False
        await pilot.pause()
        summary = text_of(screen, "#audit-summary")
        assert "Suggested goal  none yet" in summary
        assert "this day has no time that could give way" in summary
        assert screen.check_action("accept_goal", ()) is None
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert seeded.settings.daily_goal() == 30
        assert seeded.audit.load().saved_at is None
    assert app.return_code in (None, 0)


async def test_leaving_with_unsaved_changes_asks_first_and_saves_nothing(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        screen = await open_audit(app, pilot)
        set_minutes(screen, "Commute", "15")
        await pilot.pause()
        assert "Unsaved changes" in text_of(screen, "#audit-saved")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert any("esc again leaves without saving" in t for t in toasts(app))
        await pilot.press("escape")
        await pilot.pause()
        assert screen not in app.screen_stack
        assert seeded.audit.load().saved_at is None
    assert app.return_code in (None, 0)


async def test_a_block_that_cannot_be_read_is_named_and_not_saved(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        screen = await open_audit(app, pilot)
        row = row_named(screen, "Errands")
        row.query_one(".block-name", Input).value = "[b]Errands[/b]"
        row.query_one(".block-minutes", Input).value = ""
        await pilot.pause()
        error = text_of(screen, "#audit-error")
        assert error == "[b]Errands[/b]: how many minutes? (0 is fine)"
        assert "Fix the block above" in text_of(screen, "#audit-total")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any(t.startswith("Not saved: [b]Errands[/b]") for t in toasts(app))
        assert seeded.audit.load().saved_at is None
        row.query_one(".block-minutes", Input).value = "1500"
        await pilot.pause()
        assert "minutes must be between 0 and 1440" in text_of(screen, "#audit-error")
    assert app.return_code in (None, 0)


async def test_blocks_are_added_and_removed_and_saved_as_laid_out(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        screen = await open_audit(app, pilot)
        await pilot.press("ctrl+n")  # after Sleep, where the cursor is
        await pilot.pause()
        assert len(screen.rows) == len(DEFAULT_BLOCKS) + 1
        await pilot.press(*"Gaming", "tab")
        await pilot.press("ctrl+a", "ctrl+k", *"75")
        await pilot.pause()
        names = [r.query_one(".block-name", Input).value for r in screen.rows]
        assert names[:2] == ["Sleep", "Gaming"]
        row_named(screen, "Exercise").focus_name()
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = seeded.audit.load()
        assert [b.name for b in saved.blocks][:2] == ["Sleep", "Gaming"]
        assert "Exercise" not in [b.name for b in saved.blocks]
        gaming = saved.blocks[1]
        assert (gaming.minutes, gaming.discretionary) == (75, True)
    assert app.return_code in (None, 0)


CALENDAR = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//netui tests//EN
BEGIN:VEVENT
UID:review-1
SUMMARY:Portfolio review
DTSTART:20261126T160000Z
DTEND:20261126T170000Z
END:VEVENT
BEGIN:VEVENT
UID:broken-1
SUMMARY:Standup [b]daily[/b]
DTSTART:20261127T090000Z
DTEND:20261127T093000Z
RRULE:FREQ=SOMETIMES
END:VEVENT
END:VCALENDAR
"""


async def test_a_calendar_shows_the_free_gaps_of_the_coming_week(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, tmp_path: Path
) -> None:
    calendar = tmp_path / "work.ics"
    calendar.write_text(CALENDAR, encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        screen = await open_audit(app, pilot)
        screen.query_one("#audit-ics", Input).value = str(calendar)
        await pilot.press("ctrl+o")
        await settle(app, pilot)
        gaps = text_of(screen, "#audit-gaps")
        assert "Free time Thu 26 Nov to Wed 02 Dec (07:00-22:00), 1 busy event" in gaps
        assert "Thu 26 Nov 15:00-16:00    60 min ✓" in gaps  # from now until the review
        assert "17:00-22:00   300 min ✓" in gaps
        assert "Warning:" in gaps
        assert "[b]daily[/b]" in gaps  # the broken series, named literally
    assert app.return_code in (None, 0)


async def test_a_file_that_is_not_a_calendar_says_so_on_the_screen(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.ics"
    notes.write_text("Call Ada on Monday\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        screen = await open_audit(app, pilot)
        screen.query_one("#audit-ics", Input).value = str(notes)
        screen.query_one("#audit-ics", Input).focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert "is not a calendar (.ics) file" in text_of(screen, "#audit-gaps")
        assert screen.query_one("#audit-gaps").has_class("-error")
        assert app.screen is screen
    assert app.return_code in (None, 0)
