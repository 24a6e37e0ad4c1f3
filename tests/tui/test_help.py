"""Help: every documented key and every CLI command, searchable, literal, and quick to open."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click
from builders import AppFactory, WaitReady, came_true
from textual.pilot import Pilot

from netui.cli.root import COMMANDS, cli
from netui.domain.clock import FakeClock
from netui.services.context import Services
from netui.tui.actions import ACTIONS
from netui.tui.app import NetuiApp
from netui.tui.screens.help import NOT_GIVEN, HelpScreen
from netui.tui.screens.main import MainScreen


def every_command(command: click.Command, path: str) -> Iterator[str]:
    """Each command's full name, straight from click (not from help's own walk)."""
    yield path
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            if not sub.hidden:
                yield from every_command(sub, f"{path} {name}")


def screen_text(app: NetuiApp) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


async def open_help(app: NetuiApp, pilot: Pilot[None], key: str = "f1") -> HelpScreen:
    await pilot.press(key)
    assert await came_true(pilot, lambda: isinstance(app.screen, HelpScreen), 5)
    screen = app.screen
    assert isinstance(screen, HelpScreen)
    if screen._command_line is not None:
        assert await came_true(pilot, lambda: bool(screen.command_rows), 10)
    await pilot.pause()
    return screen


async def search(pilot: Pilot[None], screen: HelpScreen, text: str) -> None:
    for character in text:
        await pilot.press("space" if character == " " else character)
    await pilot.pause()
    assert screen.search_box.value == text


def with_commands(db_path: Path, clock: FakeClock, group: click.Command = cli) -> NetuiApp:
    return NetuiApp(db_path, clock, command_line=group)


async def test_help_lists_every_command_and_every_documented_action(
    seeded: Services, db_path: Path, clock: FakeClock, wait_ready: WaitReady
) -> None:
    app = with_commands(db_path, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        screen = await open_help(app, pilot)
        listed_commands = {row.command for row in screen.shown_rows}
        commands = list(every_command(cli, "netui"))
        assert len(commands) > len(COMMANDS)  # the groups' subcommands are there too
        assert set(commands) <= listed_commands
        listed_actions = {row.action_id for row in screen.shown_rows}
        assert {a.id for a in ACTIONS if a.documented} <= listed_actions
        # Every option of a command, with its own help.
        export = [row for row in screen.shown_rows if row.command == "netui export"]
        assert any(row.key.startswith("--format [csv|vcard|json|ics]") for row in export)
        assert all(row.help for row in export)


async def test_typing_filters_and_esc_clears_then_closes(
    seeded: Services, db_path: Path, clock: FakeClock, wait_ready: WaitReady
) -> None:
    app = with_commands(db_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        screen = await open_help(app, pilot, "question_mark")
        everything = len(screen.shown_rows)
        await search(pilot, screen, "archive")
        ids = {row.action_id for row in screen.shown_rows}
        assert {"contacts.archive", "triage.archive"} <= ids
        assert "contacts.search" not in ids
        assert all(
            "archive" in f"{r.key} {r.title} {r.help} {r.section}".lower()
            for r in screen.shown_rows
        )
        assert "Archive the highlighted contact." in screen_text(app)
        # Words narrow it down, whatever their order; a command is found by its name.
        await pilot.press("escape")
        await pilot.pause()
        assert screen.search_box.value == ""
        assert len(screen.shown_rows) == everything
        await search(pilot, screen, "start timer")
        commands = {row.command for row in screen.shown_rows}
        assert "netui timer start" in commands
        assert "Command line: netui timer start" in screen_text(app)
        await pilot.press("escape", "escape")
        assert await came_true(pilot, lambda: isinstance(app.screen, MainScreen), 5)


async def test_question_mark_and_q_are_searched_for_and_f1_closes(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        screen = await open_help(app, pilot)
        await search(pilot, screen, "?q")
        assert app.screen is screen
        assert not screen.shown_rows
        assert "Nothing matches" in screen_text(app)
        await pilot.press("f1")
        assert await came_true(pilot, lambda: isinstance(app.screen, MainScreen), 5)
        assert app.is_running


async def test_the_arrows_and_page_keys_scroll_while_the_cursor_is_in_the_search(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        screen = await open_help(app, pilot)
        scroll = screen.query_one("#help-scroll")
        assert scroll.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        paged = scroll.scroll_y
        assert paged > 5
        await pilot.press("down")
        await pilot.pause()
        assert scroll.scroll_y == paged + 1
        await pilot.press("up", "pageup")
        await pilot.pause()
        assert scroll.scroll_y == 0
        assert screen.search_box.has_focus


async def test_without_the_command_line_help_says_where_the_commands_are(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()  # as a test builds it: no click group handed over
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        screen = await open_help(app, pilot)
        assert not screen.command_rows
        await pilot.press("end")
        screen.query_one("#help-scroll").scroll_end(animate=False)
        await pilot.pause()
        assert NOT_GIVEN in screen_text(app)


@click.group("netui")
def hostile() -> None:
    """[bold]Top[/] [@click=app.quit]x[/]"""


@hostile.command("odd")
@click.option("--style", help="[red]not red[/red] \\[escaped] [@click=app.quit]q[/]")
def odd(style: str) -> None:
    """[link=http://x]Odd[/link] command."""


async def test_command_help_is_shown_literally(
    seeded: Services, db_path: Path, clock: FakeClock, wait_ready: WaitReady
) -> None:
    app = with_commands(db_path, clock, hostile)
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_ready(app, pilot)
        await open_help(app, pilot)
        await search(pilot, app.screen, "odd")  # type: ignore[arg-type]
        text = screen_text(app)
        assert "[link=http://x]Odd[/link] command." in text
        assert "[red]not red[/red] \\[escaped] [@click=app.quit]q[/]" in text
        await pilot.click("#help-body")
        assert app.is_running


class Broken(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        raise OSError(2, "No such file", "netui/cli/gone.py")


async def test_a_command_line_that_cannot_be_read_is_said_and_the_keys_stay(
    seeded: Services, db_path: Path, clock: FakeClock, wait_ready: WaitReady
) -> None:
    app = with_commands(db_path, clock, Broken("netui"))
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("f1")
        assert await came_true(pilot, lambda: isinstance(app.screen, HelpScreen), 5)
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        assert await came_true(pilot, lambda: "could not be read" in screen.commands_note, 10)
        assert "netui/cli/gone.py" in screen.commands_note
        assert {row.action_id for row in screen.shown_rows} >= {"contacts.search"}


async def test_a_hostile_search_is_shown_literally(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        screen = await open_help(app, pilot)
        screen.search_box.value = "[bold]x[/] [@click=app.quit]q\x1b[2J" + "y" * 100_000
        await pilot.pause(0.2)
        text = screen_text(app)
        assert "Nothing matches “[bold]x[/] [@click=app.quit]q" in text
        assert "\x1b" not in text
        await pilot.click("#help-count")
        assert app.is_running
