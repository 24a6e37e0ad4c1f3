"""Names that look like markup or carry terminal controls are shown as typed, everywhere.

A LinkedIn export keeps brackets ("Bob Smith [PMP]"), and a name can hold anything. Each
place a name appears is visited: the list, the detail, the search line, triage mode, the
edit and log dialogs (their titles too), the Top 20 swap, the duplicates review, the Script
pane's preview, and the toast each of them raises. What reaches the screen must hold the
name literally, and no control character may reach the terminal.
"""

from __future__ import annotations

from pathlib import Path

from builders import AppFactory, WaitReady, store_raw
from rich.segment import Segment
from textual.pilot import Pilot
from textual.widgets import Input

from netui.domain.types import ContactDraft, TriageStatus
from netui.services.context import Services
from netui.tui.app import NetuiApp
from netui.tui.screens.contact_form import ContactFormScreen
from netui.tui.screens.duplicates import DuplicatesScreen
from netui.tui.screens.log_interaction import LogInteractionScreen
from netui.tui.screens.swap_top20 import SwapTop20Screen
from netui.tui.screens.triage_mode import TriageModeScreen

MARKUP_NAMES = ("Ann [Acme]", "Bob Ray [/x]", "Cy [b]Mo[/]", "Di [link=x]K[/]", "[@click=q]Ed")
"""Short enough to fit the list's name column whole."""
WIDE = (150, 48)
"""Two columns, wide enough for whole names (from 160 the three panes share the width)."""
CONTROL_NAME = "Fay \x1b]0;P\x07G \x1b[2J\x9b1m\u202eE"
"""An OSC window title, a screen clear, a C1 CSI and a bidi override."""
SHOWN_CONTROL_NAME = "Fay \ufffd]0;P\ufffdG \ufffd[2J\ufffd1mE"
"""What is shown of it: saving cleans typed text, so it comes from a file of older netui."""
CLEAN_CONTROL_NAME = "Fay G E"
"""What a save keeps of it, and so what the edit form's name box holds."""
CONTROL_NOTES = "Owes \x1b]0;P\x07me\x1b[2J\na call\x9b1m\u202e"


def screen_text(app: NetuiApp) -> str:
    """Every character the app would send to the terminal now, line by line."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


async def assert_literal(app: NetuiApp, pilot: Pilot[None], *shown: str) -> None:
    """Every text in ``shown`` reaches the screen literally (waiting up to 10 s for it, as
    a save or a toast comes from a worker), and no control character does."""
    for _ in range(200):
        text = screen_text(app)
        if all(name in text for name in shown):
            break
        await pilot.pause(0.05)
    for name in shown:
        assert name in text, f"{name!r} is not shown literally"
    assert not any(Segment(ch).text in text for ch in "\x1b\x07\x9b\u202e")


async def settle(pilot: Pilot[None]) -> None:
    """Until the detail (loaded a moment after the cursor settles) and any toast are up."""
    for _ in range(3):
        await pilot.pause()
    await pilot.pause(0.2)


def add_named(
    services: Services, db_path: Path, name: str, notes: str = "", **fields: object
) -> int:
    """Add a contact called ``name``, stored as it is even when saving would clean it."""
    contact_id = services.contacts.add(ContactDraft(full_name="Placeholder", **fields)).id  # type: ignore[arg-type]
    store_raw(db_path, contact_id, full_name=name, notes=notes)
    return contact_id


async def test_the_list_detail_and_search_show_names_as_typed(
    services: Services, db_path: Path, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    for name in (*MARKUP_NAMES, CONTROL_NAME):
        add_named(services, db_path, name, company="[red]Co[/red]")
    app = make_app()
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await wait_ready(app, pilot)
        await settle(pilot)
        await assert_literal(app, pilot, *MARKUP_NAMES, SHOWN_CONTROL_NAME, "[red]Co[/red]")
        await pilot.press("slash", *"[/x]")
        await settle(pilot)
        await assert_literal(app, pilot, "search: [/x]", "Bob Ray [/x]")
    assert app.return_code in (None, 0)


async def one_contact_app(
    services: Services, db_path: Path, make_app: AppFactory, name: str
) -> NetuiApp:
    add_named(services, db_path, name, notes=CONTROL_NOTES, emails=("who@example.org",))
    return make_app()


async def test_edit_dialog_title_fields_and_saved_toast(
    services: Services, db_path: Path, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    for name in (*MARKUP_NAMES, CONTROL_NAME):
        app = await one_contact_app(services, db_path, make_app, name)
        shown = SHOWN_CONTROL_NAME if name == CONTROL_NAME else name
        kept = CLEAN_CONTROL_NAME if name == CONTROL_NAME else name
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await wait_ready(app, pilot)
            await pilot.press("e")
            await settle(pilot)
            assert isinstance(app.screen, ContactFormScreen)
            await assert_literal(
                app, pilot, f"Edit {shown}", "Owes me", "a call"
            )  # the notes box too
            assert app.screen.query_one("#name", Input).value == kept
            app.screen.query_one("#title", Input).value = "[b]Boss[/b]"
            await pilot.press("ctrl+s")
            await settle(pilot)
            await assert_literal(app, pilot, f"Saved {kept}.", "[b]Boss[/b]")
        assert app.return_code in (None, 0)
        services.contacts.delete(services.contacts.find()[0].id)


async def test_log_dialog_title_and_logged_toast(
    services: Services, db_path: Path, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    for name in (*MARKUP_NAMES, CONTROL_NAME):
        app = await one_contact_app(services, db_path, make_app, name)
        shown = SHOWN_CONTROL_NAME if name == CONTROL_NAME else name
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await wait_ready(app, pilot)
            await pilot.press("c")
            await settle(pilot)
            assert isinstance(app.screen, LogInteractionScreen)
            await assert_literal(app, pilot, f"Log: {shown}")
            await pilot.press("ctrl+s")
            await settle(pilot)
            await assert_literal(app, pilot, f"Logged call with {shown}: talked.")
        assert app.return_code in (None, 0)
        services.contacts.delete(services.contacts.find()[0].id)


async def test_triage_decisions_in_the_list_and_in_triage_mode_toast_literally(
    services: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    for name in MARKUP_NAMES:
        services.contacts.add(ContactDraft(full_name=name))
    app = make_app()
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await wait_ready(app, pilot)
        first = app.main_screen.contacts.table.current_row
        assert first is not None
        await pilot.press("t")
        await settle(pilot)
        await assert_literal(app, pilot, first.full_name)
        await pilot.press("T")
        await settle(pilot)
        assert isinstance(app.screen, TriageModeScreen)
        row = app.screen.current
        assert row is not None
        await assert_literal(app, pilot, row.full_name)
        await pilot.press("l")
        await settle(pilot)
        await assert_literal(app, pilot, f"{row.full_name}: saved for later")
    assert app.return_code in (None, 0)


async def test_the_swap_dialog_lists_members_literally(
    services: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    members = [services.contacts.add(ContactDraft(full_name=f"[/x] M{i}")).id for i in range(19)]
    members.append(services.contacts.add(ContactDraft(full_name="Bob Ray [/x]")).id)
    services.triage.set_status(members, TriageStatus.TOP20)
    services.contacts.add(ContactDraft(full_name="Cy [b]Mo[/]", strength=5))
    app = make_app()
    async with app.run_test(size=(120, 48), notifications=True) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("f")  # New: the newcomer
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, SwapTop20Screen)
        await assert_literal(app, pilot, "Cy [b]Mo[/]", "[/x] M0", "Bob Ray [/x]")
    assert app.return_code in (None, 0)


async def test_duplicates_and_the_merged_toast_show_names_literally(
    services: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    for _ in range(2):
        services.contacts.add(ContactDraft(full_name="Bob Ray [/x]", company="[i]Acme[/i]"))
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_ready(app, pilot)
        app.main_screen.contacts.action_find_duplicates()
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert isinstance(app.screen, DuplicatesScreen)
        await assert_literal(app, pilot, "Bob Ray [/x]  ⇄  Bob Ray [/x]", "[i]Acme[/i]")
        await pilot.press("1")
        await settle(pilot)
        await assert_literal(app, pilot, "Merged into Bob Ray [/x].")
    assert app.return_code in (None, 0)


SCRIPT_TEXT = "Hi {first_name} [b]bold[/b] [@click=app.quit]x[/] {[red]}"
"""A script that looks like markup, with an unknown placeholder holding markup too."""


async def test_the_script_pane_shows_names_and_script_text_literally(
    services: Services, db_path: Path, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    from script_helpers import choose, script_pane

    from netui.display import printable
    from netui.domain.scripts import ScriptChannel
    from netui.domain.validation import split_name

    long_name = "Gus [b]Long[/b] " + "o" * 100_000
    for name in (*MARKUP_NAMES, CONTROL_NAME, long_name):
        add_named(services, db_path, name)
    services.scripts.create("[b]Mine[/b] \x1b[2J", ScriptChannel.TEXT, body=SCRIPT_TEXT)
    app = make_app()
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        pane = await script_pane(app, pilot, wait_ready)
        await choose(pane, pilot, "[b]Mine[/b]")
        contacts = app.main_screen.contacts
        for index in range(len(contacts.table.rows)):
            contacts.table.cursor_index = index
            row = contacts.table.current_row
            assert row is not None
            await pilot.pause(0.1)
            await settle(pilot)
            shown = (SHOWN_CONTROL_NAME if row.full_name == CONTROL_NAME else row.full_name)[:24]
            first = printable(split_name(row.full_name)[0])
            await assert_literal(
                app, pilot, "[b]Mine[/b]", f"Hi {first} [b]bold[/b] [@click=app.quit]x[/]"
            )
            await assert_literal(
                app, pilot, "{[red]}", f"characters · For {shown}"
            )  # preview and title
            await pilot.press("f2")  # the copy toast names the contact
            await settle(pilot)
            await assert_literal(app, pilot, f"Copied the text for {shown.split(' ooo')[0]}")
            app.clear_notifications()
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert isinstance(app.screen, LogInteractionScreen)
        await assert_literal(app, pilot, "Script: [b]Mine[/b]")
    assert app.return_code in (None, 0)


async def test_a_script_stored_raw_by_another_program_reaches_no_terminal_as_controls(
    services: Services, db_path: Path, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    """Text netui stores is cleaned on the way in; a file another program wrote may hold
    anything, and the editor, the subject box and the preview must not pass it on."""
    import sqlite3

    from script_helpers import choose, script_pane

    from netui.domain.scripts import ScriptChannel

    add_named(services, db_path, "Ann Lee")
    script_id = services.scripts.create("Raw", ScriptChannel.EMAIL, "Hi", "Hello").id
    connection = sqlite3.connect(db_path)
    with connection:
        connection.execute(
            "UPDATE script SET name = ?, subject = ?, body = ? WHERE id = ?",
            ("Raw \x1b]0;T\x07", "Sub \x1b[2J", f"Dear {{first_name}} {CONTROL_NOTES}", script_id),
        )
    connection.close()
    app = make_app()
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        pane = await script_pane(app, pilot, wait_ready)
        await choose(pane, pilot, "Raw \x1b]0;T\x07")
        await settle(pilot)
        assert pane.editor.text.startswith("Dear {first_name} Owes me")
        assert pane.subject_box.value == "Sub"
        await assert_literal(app, pilot, "Dear Ann Owes me", "Subject: Sub")
        assert pane.state is not None
        assert pane.state.status(pane.editor_text) == "Saved (revision 1)"
    assert app.return_code in (None, 0)
