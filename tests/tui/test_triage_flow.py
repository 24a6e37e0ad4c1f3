"""Keyboard triage on the main screen: one key per decision, undo, Top 20 cap and order."""

from __future__ import annotations

from builders import AppFactory, WaitReady

from netui.domain.listing import StatusFilter
from netui.domain.types import ContactDraft, TriageStatus
from netui.services.context import Services
from netui.tui.screens.main import MainScreen
from netui.tui.screens.swap_top20 import SwapTop20Screen
from netui.tui.widgets.contact_table import ContactTable


def statuses(services: Services) -> dict[str, TriageStatus]:
    return {c.full_name: c.status for c in services.contacts.find(StatusFilter.ALL)}


async def test_each_key_decides_and_moves_on(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        table = app.screen.query_one(ContactTable)
        first, second, third, fourth = (table.rows[i].full_name for i in range(4))
        await pilot.press("t")
        assert table.current_row is not None
        assert table.current_row.full_name == second
        await pilot.press("l", "x", "a")
        await pilot.pause()
    after = statuses(seeded)
    assert after[first] is TriageStatus.TOP20
    assert after[second] is TriageStatus.LATER
    assert after[third] is TriageStatus.SKIP
    assert after[fourth] is TriageStatus.ARCHIVED


async def test_strength_keys_set_tie_strength(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        row = app.screen.query_one(ContactTable).current_row
        assert row is not None
        await pilot.press("4")
        await pilot.pause()
    assert seeded.contacts.get(row.id).strength == 4


async def test_undo_many_levels_and_after_restart(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("t", "l", "x")
        await pilot.press("u")
        await pilot.pause()
    decided = [s for s in statuses(seeded).values() if s is not TriageStatus.NEW]
    assert sorted(decided) == sorted([TriageStatus.TOP20, TriageStatus.LATER])

    restarted = make_app()
    async with restarted.run_test(size=(120, 36)) as pilot:
        await wait_ready(restarted, pilot)
        await pilot.press("u", "u")
        await pilot.pause()
        await pilot.press("u")  # nothing left: says so, changes nothing
        await pilot.pause()
    assert set(statuses(seeded).values()) == {TriageStatus.NEW}


async def test_space_selects_several_for_one_decision(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("space", "space", "space")
        assert len(app.screen.query_one(ContactTable).selected_ids) == 3
        await pilot.press("l")
        await pilot.pause()
        assert not app.screen.query_one(ContactTable).selected_ids
    assert list(statuses(seeded).values()).count(TriageStatus.LATER) == 3
    assert seeded.triage.undo() is not None  # one step undoes all three
    assert list(statuses(seeded).values()).count(TriageStatus.LATER) == 0


async def test_full_top20_offers_a_swap(
    services: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    members = [
        services.contacts.add(ContactDraft(full_name=f"Member {i:02}")).id for i in range(20)
    ]
    services.triage.set_status(members, TriageStatus.TOP20)
    newcomer = services.contacts.add(ContactDraft(full_name="Zora Newcomer", strength=5))
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        main.contacts.set_filter(StatusFilter.NEW)
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, SwapTop20Screen)
        await pilot.press("down", "enter")  # the member ranked #2 makes room
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert services.contacts.get(newcomer.id).top20_rank == 2
    assert services.contacts.get(members[1]).status is TriageStatus.LATER
    assert services.triage.top20_progress().size == 20


async def test_escape_keeps_a_full_top20_as_it_is(
    services: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    members = [
        services.contacts.add(ContactDraft(full_name=f"Member {i:02}")).id for i in range(20)
    ]
    services.triage.set_status(members, TriageStatus.TOP20)
    newcomer = services.contacts.add(ContactDraft(full_name="Zora Newcomer"))
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        assert isinstance(app.screen, MainScreen)
        app.screen.contacts.set_filter(StatusFilter.NEW)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert services.contacts.get(newcomer.id).status is TriageStatus.NEW
    assert [c.id for c in services.contacts.find(StatusFilter.TOP20)] == members


async def test_reorder_top20_by_keyboard(
    services: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    ids = [services.contacts.add(ContactDraft(full_name=n)).id for n in ("One", "Two", "Three")]
    services.triage.set_status(ids, TriageStatus.TOP20)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        assert isinstance(app.screen, MainScreen)
        app.screen.contacts.set_filter(StatusFilter.TOP20)
        await pilot.pause()
        await pilot.press("G")  # "Three", ranked last
        await pilot.press("K", "K")
        await pilot.pause()
        row = app.screen.query_one(ContactTable).current_row
        assert row is not None
        assert row.full_name == "Three"
        await pilot.press("J")
        await pilot.pause()
    assert [c.full_name for c in services.contacts.find(StatusFilter.TOP20)] == [
        "One",
        "Three",
        "Two",
    ]


async def test_triage_mode_shows_one_card_and_counts_progress(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    from textual.widgets import Static

    from netui.tui.screens.triage_mode import TriageModeScreen

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("T")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TriageModeScreen)
        progress = screen.query_one("#triage-progress-text", Static)
        assert "0 of 6 triaged" in str(progress.render())
        first = screen.current
        assert first is not None
        await pilot.press("t", "x")
        await pilot.pause()
        assert "2 of 6 triaged" in str(progress.render())
        await pilot.press("u")
        await pilot.pause()
        assert "1 of 6 triaged" in str(progress.render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert seeded.contacts.get(first.id).status is TriageStatus.TOP20
