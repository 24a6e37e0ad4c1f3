"""Search, add and edit with bad input, logging a call, hostile names, first run, narrow mode."""

from __future__ import annotations

from pathlib import Path

from builders import AppFactory, WaitReady
from textual.widgets import Input, Static

from netui.domain.clock import FakeClock
from netui.domain.listing import StatusFilter
from netui.domain.types import Channel, ContactDraft, DatePrecision, Outcome
from netui.services.context import Services
from netui.tui.app import NetuiApp
from netui.tui.screens.contact_form import ContactFormScreen
from netui.tui.screens.log_interaction import LogInteractionScreen
from netui.tui.screens.main import MainScreen
from netui.tui.widgets.contact_detail import ContactDetail
from netui.tui.widgets.contact_table import ContactTable


def shown_names(app: NetuiApp) -> list[str]:
    return [row.full_name for row in app.screen.query_one(ContactTable).rows]


def detail_text(app: NetuiApp) -> str:
    return str(app.screen.query_one(ContactDetail).query_one("#detail-body", Static).render())


async def test_search_filters_as_you_type_and_escape_clears(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"recruit")
        await pilot.pause()
        assert shown_names(app) == ["Chen Wu"]
        await pilot.press("enter")  # back to the list, the filter stays
        assert isinstance(app.focused, ContactTable)
        assert shown_names(app) == ["Chen Wu"]
        await pilot.press("escape")
        await pilot.pause()
        assert len(shown_names(app)) == 6


async def test_search_with_no_match_says_so(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("slash", *"nobody")
        await pilot.pause()
        table = app.screen.query_one(ContactTable)
        assert table.rows == []
        assert "No contacts match" in table.empty_message


async def test_add_contact_with_bad_input_shows_inline_errors_then_saves(
    services: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ContactFormScreen)
        form.query_one("#emails", Input).value = "not-an-email"
        form.query_one("#last_contact", Input).value = "blorp"
        form.query_one("#strength", Input).value = "9"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # nothing saved
        errors = {
            field: str(form.query_one(f"#{field}-error", Static).render())
            for field in ("name", "emails", "last_contact", "strength")
        }
        assert "needs a name" in errors["name"]
        assert "not-an-email" in errors["emails"]
        assert '"blorp"' in errors["last_contact"]
        assert "1 to 5" in errors["strength"]
        assert services.contacts.is_empty()

        form.query_one("#name", Input).value = "Ines Moreau"
        form.query_one("#emails", Input).value = "ines@example.org"
        form.query_one("#last_contact", Input).value = "Mar 2021"
        form.query_one("#strength", Input).value = "4"
        form.query_one("#cadence", Input).value = "quarterly"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert shown_names(app) == ["Ines Moreau"]
    (saved,) = services.contacts.find(StatusFilter.ALL)
    assert saved.emails == ("ines@example.org",)
    assert saved.last_contacted_precision is DatePrecision.MONTH
    assert saved.strength == 4
    assert saved.cadence == "3m"


async def test_edit_keeps_unchanged_fields(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        row = app.screen.query_one(ContactTable).current_row
        assert row is not None
        before = seeded.contacts.get(row.id)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ContactFormScreen)
        form.query_one("#title", Input).value = "VP Data"
        await pilot.press("ctrl+s")
        await pilot.pause()
    after = seeded.contacts.get(row.id)
    assert after.title == "VP Data"
    assert after.last_contacted == before.last_contacted
    assert after.last_contacted_precision == before.last_contacted_precision
    assert after.strength == before.strength


async def test_log_interaction_updates_last_contact_and_follow_up(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        row = app.screen.query_one(ContactTable).current_row
        assert row is not None
        await pilot.press("c")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, LogInteractionScreen)
        dialog.query_one("#note", Input).value = "Asked about the data team"
        dialog.query_one("#follow_up", Input).value = "someday maybe"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        assert "someday maybe" in str(dialog.query_one("#follow_up-error", Static).render())
        dialog.query_one("#follow_up", Input).value = "in 2 weeks"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.pause(0.1)
        assert "Asked about the data team" in detail_text(app)
    contact = seeded.contacts.get(row.id)
    assert str(contact.last_contacted) == "2026-11-26"
    assert str(contact.next_follow_up) == "2026-12-10"
    (logged,) = seeded.interactions.history(row.id)
    assert logged.channel is Channel.CALL
    assert logged.outcome is Outcome.TALKED


async def test_date_fields_echo_what_saving_them_would_store(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, LogInteractionScreen)
        echoes = {}
        for field_id, text in (("when", "yesterday 14:30"), ("follow_up", "in 2 weeks")):
            dialog.query_one(f"#{field_id}", Input).value = text
            await pilot.pause()
            echoes[field_id] = str(dialog.query_one(f"#{field_id}-hint", Static).render())
        assert echoes["when"].startswith("→ ")
        assert echoes["when"].endswith(" 14:30")
        assert echoes["follow_up"] == "→ 10 Dec 2026"
        dialog.query_one("#when", Input).value = "2019"  # not a single day: no echo
        await pilot.pause()
        assert not dialog.query_one("#when-hint", Static).display
        await pilot.press("escape")
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        form.query_one("#last_contact", Input).value = "in 2 years"  # the future: refused
        await pilot.pause()
        assert not form.query_one("#last_contact-hint", Static).display
        form.query_one("#last_contact", Input).value = "Mar 2021"
        await pilot.pause()
        assert str(form.query_one("#last_contact-hint", Static).render()) == "→ Mar 2021"


async def test_hostile_names_are_shown_literally_and_trigger_nothing(
    services: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    hostile = ["[bold]Ann[/]", "[@click=app.quit]x", "Eve \x1b[31mRed"]
    for name in hostile:
        services.contacts.add(
            ContactDraft(full_name=name, company="[link=http://x]Co[/]", notes="[b]n[/b]")
        )
    app = make_app()
    # Two columns (from 160 there are three): the list is wide enough for whole names.
    async with app.run_test(size=(150, 36)) as pilot:
        await wait_ready(app, pilot)
        screen_text = "\n".join(
            app.screen.query_one(ContactTable).render_line(y).text for y in range(6)
        )
        assert "[bold]Ann[/]" in screen_text
        assert "[@click=app.quit]x" in screen_text
        assert "\x1b" not in screen_text
        await pilot.click(ContactTable, offset=(5, 2))
        await pilot.press("j", "k", "j")
        await pilot.pause(0.1)
        text = detail_text(app)
        assert "[link=http://x]Co[/]" in text
        assert "[b]n[/b]" in text
        assert app.is_running
        svg = app.export_screenshot()
        assert "\x1b" not in svg


async def test_empty_database_welcomes_and_offers_to_add(
    services: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        welcome = app.screen.query_one("#welcome")
        assert welcome.display
        await pilot.click("#welcome-add")
        await pilot.pause()
        assert isinstance(app.screen, ContactFormScreen)


async def test_narrow_terminal_shows_one_pane_and_tab_switches(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        screen = app.screen
        assert screen.has_class("-narrow")
        assert screen.query_one("#contacts-pane").display
        assert not screen.query_one("#side").display
        await pilot.press("tab")
        assert screen.query_one("#today-pane").display
        assert not screen.query_one("#contacts-pane").display
        await pilot.press("tab")
        assert screen.query_one("#script-pane").display
        assert not screen.query_one("#today-pane").display
        await pilot.press("tab")
        assert screen.query_one("#contacts-pane").display


async def test_help_opens_with_question_mark_and_f1(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    from netui.tui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_sort_and_filter_keys_cycle(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("s", "s")  # priority -> staleness -> name
        await pilot.pause()
        assert shown_names(app) == sorted(shown_names(app))
        await pilot.press("t")
        await pilot.press("f", "f")  # active -> new -> Top 20
        await pilot.pause()
        assert shown_names(app) == ["Ada Okafor"]


async def test_a_file_that_is_not_a_database_ends_the_app_with_a_message(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"just some notes, not a database\n")
    app = NetuiApp(path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_code == 1
    assert path.read_bytes() == b"just some notes, not a database\n"


async def test_the_chosen_theme_is_remembered(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        app.theme = "nord"
        await pilot.pause()
    assert seeded.settings.theme() == "nord"
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_ready(again, pilot)
        assert again.theme == "nord"
