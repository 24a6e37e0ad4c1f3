"""Worlds and ways in for the every-screen snapshots and the README screenshots.

A *world* fills a database before the app starts; an *opener* drives a running app to one
screen. Everything tells time by the test's FakeClock, so each picture is the same on
every run.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

from builders import came_true, people_drafts
from textual.pilot import Pilot
from textual.widgets import Input, TextArea
from today_support import live_for

from netui.domain.clock import FakeClock
from netui.domain.listing import StatusFilter
from netui.domain.scripts import ScriptChannel
from netui.domain.three_way import FieldConflict
from netui.domain.types import Channel, ContactDraft, InteractionDraft, Outcome, TriageStatus
from netui.services.context import Services
from netui.tui.app import NetuiApp

World = Callable[[Services, FakeClock], None]
Opener = Callable[[Pilot[None]], Awaitable[None]]

SCRIPT_NAME = "Warm reconnect"
SESSIONS = ((6, 35), (5, 20), (3, 45), (2, 30), (1, 32))
"""(days back, minutes): a week of timed sessions, one day missed, one short of the goal."""


def ids_by_name(services: Services) -> dict[str, int]:
    """Each name's contact id (the first added, for a name two contacts share)."""
    found: dict[str, int] = {}
    for contact in services.contacts.find(StatusFilter.ALL):
        found[contact.full_name] = min(contact.id, found.get(contact.full_name, contact.id))
    return found


def a_week_in(services: Services, clock: FakeClock) -> None:
    """The cast of :data:`builders.PEOPLE`, a Top 20 of three, a meeting and a follow-up
    logged, a near twin of Ada (for the duplicates), a script saved twice, a week of timed
    sessions and one running for 12:34."""
    now = clock.now
    for draft in people_drafts():
        services.contacts.add(draft)
    ids = ids_by_name(services)
    clock.now = now - timedelta(days=3)
    services.triage.set_status(
        [ids["Ada Okafor"], ids["Chen Wu"], ids["Bruno Salas"]], TriageStatus.TOP20
    )
    services.triage.set_status([ids["Farah Lindqvist"]], TriageStatus.LATER)
    services.interactions.log(
        ids["Ada Okafor"],
        InteractionDraft(Channel.CALL, Outcome.MEETING_SET, "Coffee next week; she knows the VP"),
    )
    services.interactions.log(
        ids["Chen Wu"],
        InteractionDraft(Channel.EMAIL, Outcome.LEFT_MESSAGE, follow_up=clock.now.date()),
    )
    script = services.scripts.create(
        SCRIPT_NAME, ScriptChannel.EMAIL, "Catching up", "Hi {first_name}, it's been a while."
    )
    services.scripts.save(
        script.id,
        "Catching up, {first_name}",
        "Hi {first_name|there}, it's been {time_since}.\n\nI'm {my_situation}: {my_ask}?",
    )
    for back, minutes in SESSIONS:
        clock.now = now - timedelta(days=back)
        services.timer.start()
        clock.advance(minutes=minutes)
        services.timer.stop()
    services.contacts.add(ContactDraft(full_name="Ada Okafor", company="Larkspur"))
    clock.now = now - timedelta(minutes=12, seconds=34)
    services.timer.start(watched=True)
    live_for(clock, services, 12 * 60 + 34)


def an_interrupted_session(services: Services, clock: FakeClock) -> None:
    """The cast, and a session netui watched for ten minutes and then lost for twenty."""
    for draft in people_drafts():
        services.contacts.add(draft)
    services.timer.start(watched=True)
    live_for(clock, services, 10 * 60)
    clock.advance(minutes=20)


def a_full_top20(services: Services, clock: FakeClock) -> None:
    """The cast with twenty more people, all twenty of them in the Top 20."""
    for draft in people_drafts():
        services.contacts.add(draft)
    members = [
        services.contacts.add(ContactDraft(full_name=f"Member {n:02}", company="Tallgrass")).id
        for n in range(1, 21)
    ]
    services.triage.set_status(members, TriageStatus.TOP20)


def nothing(services: Services, clock: FakeClock) -> None:
    """An empty database: the first run."""


async def settle(pilot: Pilot[None]) -> None:
    """Until the workers are done, the list is loaded and the footer has caught up; then no
    blinking cursors and the database's name instead of a temp path."""
    app = pilot.app
    assert isinstance(app, NetuiApp)
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()
    for _ in range(100):
        footer_caught_up = not app.screen.query("FooterKey.-disabled")
        if app.services is not None and app.main_screen.loaded and footer_caught_up:
            break
        await pilot.pause(0.02)
    still(app)
    await pilot.pause(0.2)  # the detail pane loads a moment after the cursor settles


def still(app: NetuiApp) -> None:
    """No blinking cursor in the picture, and no temp path in the title."""
    for field in app.screen.query(Input):
        field.cursor_blink = False
    for area in app.screen.query(TextArea):
        area.cursor_blink = False
    app.sub_title = "netui.db"


def services_of(pilot: Pilot[None]) -> Services:
    app = pilot.app
    assert isinstance(app, NetuiApp)
    assert app.services is not None
    return app.services


async def keys(pilot: Pilot[None], *pressed: str) -> None:
    await pilot.press(*pressed)
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def pressing(*pressed: str) -> Opener:
    """An opener that presses ``pressed`` from wherever the app is."""

    async def open_it(pilot: Pilot[None]) -> None:
        await keys(pilot, *pressed)

    return open_it


def in_pane(pane_id: str, *pressed: str, script: str | None = SCRIPT_NAME) -> Opener:
    """An opener that shows the pane ``pane_id`` (and waits for its data, with the script
    called ``script`` open in the Script pane, or the first one), then presses."""

    async def open_it(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, NetuiApp)
        main = app.main_screen
        main.show_pane(pane_id)
        if pane_id == "today-pane":
            await came_true(pilot, lambda: main.today.loads > 0, 5)
        if pane_id == "script-pane":
            await open_script(pilot, script)
        await keys(pilot)
        if pressed:
            await keys(pilot, *pressed)

    return open_it


async def open_script(pilot: Pilot[None], name: str | None) -> None:
    """Wait for the Script pane's list, open the script called ``name`` (None: the first)."""
    app = pilot.app
    assert isinstance(app, NetuiApp)
    pane = app.main_screen.script
    await came_true(pilot, lambda: pane.loaded and pane.script is not None, 5)
    if name is not None:
        names = [summary.name for summary in pane.script_list.summaries]
        pane.script_list.highlighted = names.index(name)
        await came_true(pilot, lambda: pane.script is not None and pane.script.name == name, 5)
    await came_true(pilot, lambda: not pane._values_stale, 5)


def in_session(*pressed: str) -> Opener:
    """Session mode from the Today pane, then ``pressed`` in it."""
    into_today = in_pane("today-pane", "S")

    async def open_it(pilot: Pilot[None]) -> None:
        await into_today(pilot)
        await came_true(pilot, lambda: type(pilot.app.screen).__name__ == "SessionModeScreen", 5)
        await keys(pilot, *pressed)

    return open_it


async def help_searched(pilot: Pilot[None]) -> None:
    await keys(pilot, "f1")
    await keys(pilot, *"timer")


async def import_preview(pilot: Pilot[None]) -> None:
    """The import wizard on the sample LinkedIn file (the repository root is the cwd)."""
    await keys(pilot, "i")
    pilot.app.screen.query_one(
        "#import-path", Input
    ).value = "assets/sample-linkedin-connections.csv"
    await keys(pilot, "enter")
    await keys(pilot)


async def export_dialog(pilot: Pilot[None]) -> None:
    from netui.tui.screens.export_dialog import ExportScreen

    await pilot.app.push_screen(ExportScreen(services_of(pilot), StatusFilter.ACTIVE))
    await keys(pilot)


async def duplicates(pilot: Pilot[None]) -> None:
    from netui.tui.screens.duplicates import DuplicatesScreen

    await pilot.app.push_screen(DuplicatesScreen(services_of(pilot)))
    await keys(pilot)


async def swap_top20(pilot: Pilot[None]) -> None:
    """Add one more to a full Top 20: the swap offer."""
    app = pilot.app
    assert isinstance(app, NetuiApp)
    incoming = ids_by_name(services_of(pilot))["Dalia Mertens"]
    assert app.main_screen.contacts.table.move_cursor_to_id(incoming)
    await keys(pilot, "t")


async def referral_offer(pilot: Pilot[None]) -> None:
    from netui.tui.screens.referral_dialog import ReferralDialog

    services = services_of(pilot)
    ada = services.contacts.get(ids_by_name(services)["Ada Okafor"])
    await pilot.app.push_screen(ReferralDialog(services, ada))
    await keys(pilot)


async def edit_conflict(pilot: Pilot[None]) -> None:
    from netui.tui.screens.edit_conflicts import EditConflictScreen

    conflicts = [
        FieldConflict("company", "Larkspur Analytics", "Quillfeather", "Copperline"),
        FieldConflict("strength", 5, 4, None),
        FieldConflict("tags", ("data",), ("data", "mentor"), ()),
    ]
    await pilot.app.push_screen(EditConflictScreen("Ada Okafor", conflicts))
    await keys(pilot)


async def stay(pilot: Pilot[None]) -> None:
    """The screen the app opens on."""
    await keys(pilot)
