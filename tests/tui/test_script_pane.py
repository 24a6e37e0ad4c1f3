"""The Script pane driven by keys: edit, preview for the highlighted contact, copy, log."""

from __future__ import annotations

import pytest
from builders import AppFactory, WaitReady, toasts, until
from script_helpers import PROFILE, add_script, body_text, choose, script_pane
from textual.widgets import Select, Static, TextArea

from netui.domain.scripts import ScriptChannel
from netui.domain.types import Channel, ContactDraft, Outcome
from netui.services.context import Services
from netui.tui import outreach
from netui.tui.screens.confirm import ConfirmScreen
from netui.tui.screens.contact_form import ContactFormScreen
from netui.tui.screens.log_interaction import LogInteractionScreen
from netui.tui.screens.script_dialogs import ProfileScreen, ScriptNameScreen
from netui.tui.screens.script_revisions import RevisionsScreen
from netui.tui.screens.script_text import ScriptTextScreen


async def test_edit_preview_follows_the_contact_then_copy_and_log(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    seeded.scripts.set_profile(PROFILE)
    script_id = add_script(seeded, "Quick hello", "Hi {first_name}, {my_name} here.")
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        pane = await script_pane(app, pilot, wait_ready)
        contacts = app.main_screen.contacts
        await choose(pane, pilot, "Quick hello")
        first = contacts.table.current_row
        assert first is not None
        first_name = first.full_name.split()[0]
        assert pane.rendered is not None
        assert pane.rendered.body.text == f"Hi {first_name}, Sam Rivera here."

        await pilot.press("e", "end", *" Coffee soon?")
        await until(pilot, lambda: "Coffee soon?" in body_text(pane), "preview typed")
        assert "Unsaved" in pane.state.status(pane.editor_text)  # type: ignore[union-attr]

        contacts.table.cursor_index = 1  # the Contacts pane's highlight moves
        second = contacts.table.current_row
        assert second is not None
        second_first = second.full_name.split()[0]
        await until(pilot, lambda: body_text(pane).startswith(f"Hi {second_first},"), "follows")

        await pilot.press("f2")  # copy, from inside the editor
        await pilot.pause()
        assert app.clipboard == f"Hi {second_first}, Sam Rivera here. Coffee soon?"
        assert any("Copied the text for" in toast for toast in toasts(app))

        await pilot.press("ctrl+l")  # log: the unsaved text is saved first
        await until(pilot, lambda: isinstance(app.screen, LogInteractionScreen), "log dialog")
        dialog = app.screen
        assert dialog.query_one("#channel", Select).value is Channel.MESSAGE
        assert dialog.query_one("#outcome", Select).value is Outcome.LEFT_MESSAGE
        script = seeded.scripts.get(script_id)
        assert script.revision_number == 2
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, LogInteractionScreen), "logged")
        await pilot.pause(0.1)

        logged = seeded.interactions.history(second.id)[0]
        assert logged.script_revision_id == script.revision_id
        assert logged.channel is Channel.MESSAGE
        assert pane.script_list.current is not None
        assert pane.script_list.current.usage.used == 1
    assert app.return_code in (None, 0)


async def test_keys_act_only_in_the_pane_the_user_is_in(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await script_pane(app, pilot, wait_ready)
        app.main_screen.show_pane("contacts-pane")
        await pilot.pause()
        await pilot.press("h", "f2", "v")  # Script keys, typed in Contacts: nothing
        await pilot.pause()
        assert app.screen is app.main_screen
        await pilot.press("n")  # Contacts' n: a new contact
        await until(pilot, lambda: isinstance(app.screen, ContactFormScreen), "contact form")
        await pilot.press("escape")
        await pilot.pause()

        app.main_screen.show_pane("script-pane")
        await pilot.pause()
        assert pane.script_list.has_focus
        await pilot.press("n")  # the Script pane's n: a new script
        await until(pilot, lambda: isinstance(app.screen, ScriptNameScreen), "name dialog")
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("e")
        assert pane.editor.has_focus
        before = pane.editor.text
        await pilot.press("home", "n", "h", "d", "t", "x")  # letters are text here
        await pilot.pause()
        assert app.screen is app.main_screen
        assert pane.editor.text == "nhdtx" + before
        await pilot.press("tab")  # and tab still leaves for the next pane
        await pilot.pause()
        assert app.main_screen.active_pane == "contacts-pane"
        assert app.main_screen.contacts.has_focus_within


async def test_escape_goes_back_to_the_list_and_enter_into_the_editor(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await script_pane(app, pilot, wait_ready)
        await pilot.press("enter")
        await pilot.pause()
        assert pane.editor.has_focus
        await pilot.press("escape")
        await pilot.pause()
        assert pane.script_list.has_focus


async def test_new_rename_and_duplicate(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        pane = await script_pane(app, pilot, wait_ready)
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, ScriptNameScreen), "new")
        await pilot.press(*"Ask for intros")
        app.screen.query_one("#channel", Select).value = ScriptChannel.TEXT
        await pilot.press("ctrl+s")
        await until(
            pilot, lambda: pane.script is not None and pane.script.name == "Ask for intros", "made"
        )
        assert pane.script.channel is ScriptChannel.TEXT  # type: ignore[union-attr]
        assert pane.editor.has_focus

        await pilot.press("escape", "r")
        await until(pilot, lambda: isinstance(app.screen, ScriptNameScreen), "rename")
        await pilot.press("ctrl+u", *"Built-in text", "ctrl+s")  # taken (any case)? no: new
        await until(pilot, lambda: pane.script.name == "Built-in text", "renamed")  # type: ignore[union-attr]

        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, ScriptNameScreen), "rename again")
        await pilot.press("ctrl+u", *"reconnect EMAIL", "ctrl+s")  # a built-in has that name
        await pilot.pause()
        assert isinstance(app.screen, ScriptNameScreen)
        assert app.screen.query_one("#name-error").display
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ScriptNameScreen), "duplicate")
        await pilot.press("ctrl+s")
        await until(
            pilot,
            lambda: any(s.name == "Built-in text (copy)" for s in pane.script_list.summaries),
            "copied",
        )


async def test_delete_asks_first_and_no_keeps_it(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    add_script(seeded, "Throwaway", "Hi {first_name}")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await script_pane(app, pilot, wait_ready)
        await choose(pane, pilot, "Throwaway")
        await pilot.press("delete")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "asked")
        await pilot.press("enter")  # the safe button has the cursor: keep it
        await pilot.pause()
        assert any(s.name == "Throwaway" for s in pane.script_list.summaries)
        await pilot.press("delete")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "asked again")
        await pilot.press("y")
        await until(
            pilot, lambda: all(s.name != "Throwaway" for s in pane.script_list.summaries), "gone"
        )
        assert pane.script is not None
        assert all(s.name != "Throwaway" for s in seeded.scripts.list())


async def test_revisions_compare_and_restore(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    script_id = add_script(seeded, "Evolving", "first text")
    seeded.scripts.save(script_id, "", "second text")
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        pane = await script_pane(app, pilot, wait_ready)
        await choose(pane, pilot, "Evolving")
        await pilot.press("e", "ctrl+a", *"third ", "ctrl+s")
        await until(pilot, lambda: pane.script.revision_number == 3, "saved")  # type: ignore[union-attr]
        await pilot.press("escape", "h")
        await until(pilot, lambda: isinstance(app.screen, RevisionsScreen), "revisions")
        screen = app.screen
        diff = str(screen.query_one("#diff").render())
        assert "- second text" in diff
        assert "+ third second text" in diff
        await pilot.press("down", "down")  # the first revision
        await pilot.press("c")
        diff = str(screen.query_one("#diff").render())
        assert "- first text" in diff
        assert "+ third second text" in diff
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is app.main_screen, "closed")
        await pilot.pause()
        assert pane.editor.text == "first text"
        assert pane.script.revision_number == 4  # type: ignore[union-attr]
        assert "Saved (revision 4)" in pane.state.status(pane.editor_text)  # type: ignore[union-attr]


async def test_profile_fills_the_my_placeholders(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    add_script(seeded, "Signed", "Best, {my_name}")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await script_pane(app, pilot, wait_ready)
        await choose(pane, pilot, "Signed")
        assert pane.rendered is not None
        assert any("your profile has no name" in w for w in pane.rendered.warnings)
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, ProfileScreen), "profile")
        await pilot.press(*"Sam [b]Rivera[/b]", "ctrl+s")
        await until(pilot, lambda: body_text(pane) == "Best, Sam [b]Rivera[/b]", "filled")
        assert seeded.scripts.profile().name == "Sam [b]Rivera[/b]"


async def test_reset_to_the_builtin_text_is_asked_and_keeps_the_old_text(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await script_pane(app, pilot, wait_ready)
        script = pane.script
        assert script is not None
        assert script.builtin_key is not None
        builtin_body = script.body
        await pilot.press("e", "ctrl+a", *"My own words", "ctrl+s")
        await until(pilot, lambda: pane.script.revision_number == 2, "saved")  # type: ignore[union-attr]
        commands = {c.title: c for c in app.get_system_commands(app.main_screen)}
        await commands["Reset to built-in text"].callback()
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "asked")
        await pilot.press("y")
        await until(pilot, lambda: pane.editor.text == builtin_body, "reset")
        bodies = [r.body for r in seeded.scripts.revisions(script.id)]
        assert any(body.startswith("My own words") for body in bodies)


async def test_email_opens_a_mailto_url_and_linkedin_copies_then_opens(
    services: Services, make_app: AppFactory, wait_ready: WaitReady, opened: list[str]
) -> None:
    services.contacts.add(
        ContactDraft(
            full_name="Ann Lee", emails=("ann@example.org",),
            linkedin_url="https://www.linkedin.com/in/ann-lee",
        )
    )  # fmt: skip
    add_script(
        services, "Mail", "Hi {first_name},\nlong time!", ScriptChannel.EMAIL, "Hello {first_name}"
    )
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        pane = await script_pane(app, pilot, wait_ready)
        await choose(pane, pilot, "Mail")
        await pilot.press("f3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert opened == [
            "mailto:ann@example.org?subject=Hello%20Ann&body=Hi%20Ann%2C%0D%0Along%20time%21"
        ]
        await pilot.press("f4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert opened[-1] == "https://www.linkedin.com/in/ann-lee"
        assert app.clipboard == "Hi Ann,\nlong time!"


async def test_a_link_nothing_could_open_is_said_and_offered_to_copy(
    services: Services, make_app: AppFactory, wait_ready: WaitReady, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(outreach, "open_url", lambda url, **_: "no graphical desktop here")
    services.contacts.add(ContactDraft(full_name="Ann Lee", emails=("ann@example.org",)))
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await script_pane(app, pilot, wait_ready)
        await pilot.press("f3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("Nothing could open an email to Ann Lee" in t for t in toasts(app)), toasts(app)
        await pilot.press("v")
        await until(pilot, lambda: isinstance(app.screen, ScriptTextScreen), "text view")
        link = app.screen.query_one("#text-link", TextArea)
        assert link.text.startswith("mailto:ann@example.org")


async def test_without_an_email_address_nothing_is_opened(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, opened: list[str]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await script_pane(app, pilot, wait_ready)
        await pilot.press("f3", "f4")
        await pilot.pause()
        assert opened == []
        assert any("has no email address" in t for t in toasts(app))
        assert any("has no LinkedIn address" in t for t in toasts(app))


async def test_the_pane_works_on_its_own_at_80x24(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await script_pane(app, pilot, wait_ready)
        await pilot.pause()
        assert not app.main_screen.contacts.display
        for part in (pane.script_list, pane.editor, pane.preview):
            region = part.region
            assert region.width >= 20, (part, region)
            assert region.height >= 3, (part, region)
        assert pane.preview.region.y >= pane.editor.region.bottom  # stacked


async def test_a_short_channel_counts_live_and_warns_when_over(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    add_script(seeded, "Note", "Hi {first_name}", ScriptChannel.LINKEDIN_INVITE)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await script_pane(app, pilot, wait_ready)
        await choose(pane, pilot, "Note")
        title = pane.preview.query_one("#preview-title", Static)
        assert str(title.render()).startswith(f"{len(pane.rendered.body.text)}/200 characters ·")  # type: ignore[union-attr]
        pane.editor.focus()
        pane.editor.insert("x" * 200)
        await until(pilot, lambda: pane.rendered.over_limit, "over")  # type: ignore[union-attr]
        assert " over · For " in str(title.render())
        assert any("over the 200 this channel takes" in w for w in pane.rendered.warnings)  # type: ignore[union-attr]


async def test_coming_back_to_the_pane_puts_the_cursor_where_it_was(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await script_pane(app, pilot, wait_ready)
        await pilot.press("e", "tab")  # from the editor to the Contacts pane
        await pilot.pause()
        assert app.main_screen.contacts.has_focus_within
        await pilot.press("shift+tab")  # and back
        await pilot.pause()
        assert pane.editor.has_focus
        await pilot.press("escape", "tab", "shift+tab")  # left from the list: back to it
        await pilot.pause()
        assert pane.script_list.has_focus
