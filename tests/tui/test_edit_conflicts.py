"""Saving an edit while another netui edits the same contact: only the fields the user
changed are written, theirs are kept, and where both changed a field the user chooses."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from builders import AppFactory, WaitReady, let_go, netui_process, toasts
from textual.pilot import Pilot
from textual.widgets import Input, RadioButton, TextArea

from netui.domain.types import Contact, ContactDraft, DatePrecision, LooseDate
from netui.services.context import Services
from netui.tui.app import NetuiApp
from netui.tui.screens.contact_form import ContactFormScreen
from netui.tui.screens.edit_conflicts import EditConflictScreen
from netui.tui.screens.main import MainScreen
from netui.tui.widgets.contact_table import ContactTable


@pytest.fixture
def emeka(services: Services) -> Contact:
    """A contact with nothing but a name and a place of work (no email, strength or tags)."""
    added = services.contacts.add(
        ContactDraft(full_name="Emeka Brandt", company="Tallgrass Health", title="Engineer")
    )
    let_go(services)
    return added


async def open_edit(app: NetuiApp, pilot: Pilot[None], contact: Contact) -> ContactFormScreen:
    table = app.main_screen.query_one(ContactTable)
    assert table.move_cursor_to_id(contact.id)
    await pilot.press("e")
    await pilot.pause()
    form = app.screen
    assert isinstance(form, ContactFormScreen)
    return form


async def save(app: NetuiApp, pilot: Pilot[None]) -> None:
    await pilot.press("ctrl+s")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_an_edit_keeps_what_another_netui_saved_to_other_fields(
    services: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    emeka: Contact,
    db_path: Path,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        form = await open_edit(app, pilot, emeka)
        form.query_one("#title", Input).value = "Staff Engineer"
        netui_process(
            db_path,
            "edit",
            str(emeka.id),
            "--company",
            "Copperline",
            "--email",
            "emeka@copperline.example",
            "--strength",
            "4",
            "--tag",
            "mentor",
        )
        await save(app, pilot)
        assert isinstance(app.screen, MainScreen)  # nothing to choose: no field changed twice
    saved = services.contacts.get(emeka.id)
    assert saved.title == "Staff Engineer"
    assert saved.company == "Copperline"
    assert saved.emails == ("emeka@copperline.example",)
    assert saved.strength == 4
    assert saved.tags == ("mentor",)


async def test_an_untouched_field_the_form_cannot_show_exactly_is_kept(
    services: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    """A month-precise date on the 15th (as an import may store it) shows as "Mar 2021",
    which would read back as the 1st: left untouched, it stays as stored."""
    march = LooseDate(date(2021, 3, 15), DatePrecision.MONTH)
    odd = services.contacts.add(ContactDraft(full_name="Ann Lee", last_contacted=march))
    let_go(services)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        form = await open_edit(app, pilot, odd)
        assert form.query_one("#last_contact", Input).value == "Mar 2021"
        form.query_one("#title", Input).value = "Lead"
        await save(app, pilot)
        assert isinstance(app.screen, MainScreen)
    saved = services.contacts.get(odd.id)
    assert saved.title == "Lead"
    assert (saved.last_contacted, saved.last_contacted_precision) == (march.value, march.precision)


async def conflict_over_company(
    app: NetuiApp, pilot: Pilot[None], emeka: Contact, db_path: Path
) -> tuple[ContactFormScreen, EditConflictScreen]:
    """Both change the company (and each something else); saving asks which company."""
    form = await open_edit(app, pilot, emeka)
    form.query_one("#company", Input).value = "Mine Co"
    form.query_one("#notes", TextArea).text = "Met at the meetup"
    netui_process(db_path, "edit", str(emeka.id), "--company", "Their Co", "--strength", "2")
    await save(app, pilot)
    dialog = app.screen
    assert isinstance(dialog, EditConflictScreen)
    assert [c.field for c in dialog.conflicts] == ["company"]
    assert (dialog.conflicts[0].mine, dialog.conflicts[0].theirs) == ("Mine Co", "Their Co")
    shown = [str(b.label) for b in dialog.query(RadioButton)]
    assert any("Mine Co" in label for label in shown)
    assert any("Their Co" in label for label in shown)
    return form, dialog


@pytest.mark.parametrize(
    ("keys", "company"),
    [((), "Mine Co"), (("down", "enter"), "Their Co")],  # "Keep mine" is chosen to begin with
    ids=["keep mine", "take theirs"],
)
async def test_a_field_both_changed_asks_which_to_keep(
    services: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    emeka: Contact,
    db_path: Path,
    keys: tuple[str, ...],
    company: str,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_ready(app, pilot)
        await conflict_over_company(app, pilot, emeka, db_path)
        await pilot.press(*keys)  # by keyboard
        await save(app, pilot)
        assert isinstance(app.screen, MainScreen)
        assert "Saved Emeka Brandt." in toasts(app)
    saved = services.contacts.get(emeka.id)
    assert (saved.company, saved.strength, saved.notes) == (company, 2, "Met at the meetup")


async def test_going_back_from_the_choice_keeps_the_form_and_writes_nothing(
    services: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    emeka: Contact,
    db_path: Path,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        form, _dialog = await conflict_over_company(app, pilot, emeka, db_path)
        stored = services.contacts.get(emeka.id)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is form
        assert form.query_one("#company", Input).value == "Mine Co"
        assert form.query_one("#notes", TextArea).text == "Met at the meetup"
        assert services.contacts.get(emeka.id) == stored
        await save(app, pilot)  # asks again
        assert isinstance(app.screen, EditConflictScreen)
    assert app.return_code in (None, 0)


async def test_a_save_after_choosing_still_keeps_a_newer_change_of_theirs(
    services: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    emeka: Contact,
    db_path: Path,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        await conflict_over_company(app, pilot, emeka, db_path)
        netui_process(db_path, "edit", str(emeka.id), "--title", "CTO")  # while choosing
        await save(app, pilot)
        assert isinstance(app.screen, MainScreen)
    saved = services.contacts.get(emeka.id)
    assert (saved.company, saved.title, saved.strength) == ("Mine Co", "CTO", 2)


async def test_a_save_landing_between_the_look_and_the_write_is_compared_again(
    services: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    emeka: Contact,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        assert app.services is not None
        contacts = app.services.contacts
        real_update = contacts.update
        calls: list[int] = []

        def update_after_another_save(
            contact_id: int, draft: ContactDraft, *, expected: ContactDraft | None = None
        ) -> Contact:
            if not calls:  # another netui saves just after the form looked
                netui_process(db_path, "edit", str(emeka.id), "--strength", "3")
            calls.append(contact_id)
            return real_update(contact_id, draft, expected=expected)

        monkeypatch.setattr(contacts, "update", update_after_another_save)
        form = await open_edit(app, pilot, emeka)
        form.query_one("#title", Input).value = "Staff Engineer"
        await save(app, pilot)
        assert isinstance(app.screen, MainScreen)
    assert len(calls) == 2
    saved = services.contacts.get(emeka.id)
    assert (saved.title, saved.strength) == ("Staff Engineer", 3)
