"""The command palette offers every action of the screen it opens on, by name, and runs it."""

from __future__ import annotations

from builders import AppFactory, WaitReady, came_true, open_triage_mode
from textual.command import CommandList

from netui.domain.listing import StatusFilter
from netui.domain.types import TriageStatus
from netui.services.context import Services
from netui.tui.actions import ACTIONS, Scope
from netui.tui.app import NetuiApp
from netui.tui.palette import palette_help
from netui.tui.screens.help import HelpScreen

MAIN_SCOPES = {
    Scope.APP,
    Scope.PANES,
    Scope.CONTACTS,
    Scope.CONTACT_LIST,
    Scope.TODAY,
    Scope.SCRIPT,
}
NOT_OFFERED = {"app.quit_now", "app.palette", "script.back"}
"""A second key for Quit, the palette itself, and esc out of the editor."""


def offered(app: NetuiApp) -> set[tuple[str, str]]:
    """(title, help) of every entry the palette would list over the screen on top."""
    return {(command.title, command.help) for command in app.get_system_commands(app.screen)}


def entry(action_id: str) -> tuple[str, str]:
    action = next(action for action in ACTIONS if action.id == action_id)
    return action.title, palette_help(action)


def test_only_three_actions_are_kept_out_of_the_palette() -> None:
    assert {action.id for action in ACTIONS if not action.in_palette} == NOT_OFFERED


async def test_the_main_screen_offers_every_action_of_its_scopes(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        shown = offered(app)
    # What cannot run now: the highlighted contact is not on the Top 20, no session runs,
    # nobody is due in Today's queue.
    unavailable = {"contacts.move_up", "contacts.move_down", "today.log"}
    unavailable |= {f"today.{name}" for name in ("pause", "resume", "stop", "extend", "recover")}
    for action in ACTIONS:
        wanted = action.scope in MAIN_SCOPES and action.in_palette
        if wanted and action.id not in unavailable:
            assert entry(action.id) in shown, f"{action.id} is not in the palette"
        else:
            assert entry(action.id) not in shown, f"{action.id} should not be offered here"
    keyless = [a for a in ACTIONS if a.scope in MAIN_SCOPES and not a.keys]
    assert len(keyless) > 10  # the palette-only ones (export, each sort order...) are there
    assert all(entry(a.id) in shown for a in keyless)


async def test_a_dialog_offers_its_own_actions_and_not_the_panes(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await open_triage_mode(app, pilot)
        shown = offered(app)
        for action in ACTIONS:
            if action.scope is Scope.TRIAGE or (action.scope is Scope.APP and action.in_palette):
                assert entry(action.id) in shown, f"{action.id} is not in the palette"
            else:
                assert entry(action.id) not in shown, f"{action.id} should not be offered here"
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        await commands["Later"].callback()
        await pilot.pause()
        everyone = seeded.contacts.find(StatusFilter.ALL)
        assert [c.status for c in everyone].count(TriageStatus.LATER) == 1


async def test_the_help_screen_offers_its_keys(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("f1")
        assert await came_true(pilot, lambda: isinstance(app.screen, HelpScreen), 5)
        shown = offered(app)
        assert all(entry(a.id) in shown for a in ACTIONS if a.scope is Scope.HELP)
        assert entry("contacts.search") not in shown


async def test_a_command_chosen_in_the_palette_runs_where_it_belongs(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"GotoScript")  # matched as the letters of "Go to Script"

        def first_match() -> str:
            found = app.screen.query(CommandList)
            if not found or found.first().highlighted is None:
                return ""
            listed = found.first()
            return str(listed.get_option_at_index(listed.highlighted or 0).prompt)

        assert await came_true(pilot, lambda: "Go to Script" in first_match(), 5)
        await pilot.press("enter")
        assert await came_true(pilot, lambda: app.main_screen.active_pane == "script-pane", 5)
        assert app.main_screen.script.display
        assert not app.main_screen.contacts.display
