"""What the screens look like, at the sizes people use. Review changes as pictures."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from builders import AppFactory
from textual.pilot import Pilot
from textual.widgets import Input

from netui.domain.types import Channel, InteractionDraft, Outcome, TriageStatus
from netui.services.context import Services
from netui.tui.app import NetuiApp

SnapCompare = Callable[..., bool]


def prepare(services: Services) -> None:
    rows = {c.full_name: c.id for c in services.contacts.find()}
    services.triage.set_status([rows["Ada Okafor"], rows["Chen Wu"]], TriageStatus.TOP20)
    services.triage.set_status([rows["Farah Lindqvist"]], TriageStatus.LATER)
    services.interactions.log(
        rows["Ada Okafor"],
        InteractionDraft(Channel.CALL, Outcome.MEETING_SET, "Coffee next week; she knows the VP"),
    )


async def settle(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, NetuiApp)
    await app.workers.wait_for_complete()
    for _ in range(100):
        await pilot.pause()
        # The footer greys keys out until the list is loaded, and catches up a moment later.
        footer_caught_up = not app.screen.query("FooterKey.-disabled")
        if app.services is not None and app.main_screen.loaded and footer_caught_up:
            break
    app.sub_title = "netui.db"
    await pilot.pause(0.2)  # the detail pane loads a moment after the cursor settles


def test_main_screen_wide(
    seeded: Services, make_app: AppFactory, snap_compare: SnapCompare
) -> None:
    prepare(seeded)
    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=settle)


def test_main_screen_narrow(
    seeded: Services, make_app: AppFactory, snap_compare: SnapCompare
) -> None:
    prepare(seeded)
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=settle)


def test_top20_view_narrow(
    seeded: Services, make_app: AppFactory, snap_compare: SnapCompare
) -> None:
    prepare(seeded)

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("f", "f", "f")
        await pilot.pause(0.2)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_welcome_on_first_run(
    services: Services, make_app: AppFactory, snap_compare: SnapCompare
) -> None:
    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=settle)


def test_triage_mode_card(
    seeded: Services, make_app: AppFactory, snap_compare: SnapCompare
) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("T")
        await pilot.pause(0.2)

    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=run_before)


def test_contact_form_with_errors(
    seeded: Services, make_app: AppFactory, snap_compare: SnapCompare
) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("tab", "tab", "tab", *"ann.example.com", "tab", "tab", "tab", "tab")
        await pilot.press(*"blorp", "ctrl+s")
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False  # a blinking cursor makes the picture flaky
        await pilot.pause(0.2)

    assert snap_compare(make_app(), terminal_size=(100, 36), run_before=run_before)


def test_import_preview_narrow(
    services: Services,
    make_app: AppFactory,
    snap_compare: SnapCompare,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(Path(__file__).parents[2])  # a relative path reads the same everywhere

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        pilot.app.screen.query_one(
            "#import-path", Input
        ).value = "assets/sample-linkedin-connections.csv"
        await pilot.press("enter")
        for _ in range(3):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_edit_conflict_choice(
    seeded: Services, make_app: Callable[[], NetuiApp], snap_compare: SnapCompare
) -> None:
    from netui.domain.three_way import FieldConflict
    from netui.tui.screens.edit_conflicts import EditConflictScreen

    conflicts = [
        FieldConflict("company", "Larkspur Analytics", "Quillfeather", "Copperline"),
        FieldConflict("strength", 5, 4, None),
        FieldConflict("tags", ("data",), ("data", "mentor"), ()),
    ]

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.app.push_screen(EditConflictScreen("Ada Okafor", conflicts))
        await pilot.pause(0.2)

    assert snap_compare(make_app(), terminal_size=(100, 30), run_before=run_before)
