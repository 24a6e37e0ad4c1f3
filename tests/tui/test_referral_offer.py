"""Logging a referral offers to add the person referred, linked; the detail shows the chain."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import AppFactory, WaitReady, WriteLock, came_true, store_raw, table_dump, toasts
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static
from timezones import local_zone_as
from today_support import into_today, plan_top20

import netui.tui.loading
from netui.domain.clock import FakeClock
from netui.domain.types import ContactDraft, Outcome
from netui.services.context import Services
from netui.tui.app import NetuiApp
from netui.tui.screens.log_interaction import LogInteractionScreen
from netui.tui.screens.referral_dialog import ReferralDialog
from netui.tui.screens.session_mode import SessionModeScreen
from netui.tui.widgets.contact_detail import ContactDetail
from netui.tui.widgets.contact_table import ContactTable

BUSY = "Another netui is writing to this database right now, so nothing was changed."


@pytest.fixture(autouse=True)
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's writes give up after 0.1 s instead of 1.5 s, to keep the busy test quick."""
    monkeypatch.setattr(netui.tui.loading, "WRITE_WAIT_MS", 100)


def detail_text(app: NetuiApp) -> str:
    return str(app.screen.query_one(ContactDetail).query_one("#detail-body", Static).render())


def listed(app: NetuiApp) -> list[str]:
    return [row.full_name for row in app.main_screen.query_one(ContactTable).rows]


def highlighted(app: NetuiApp) -> str:
    row = app.main_screen.contacts.table.current_row
    return row.full_name if row is not None else ""


async def log_referral(app: NetuiApp, pilot: Pilot[None]) -> ReferralDialog:
    """Log a referral with the highlighted contact; returns the offer that follows."""
    await pilot.press("c")
    assert await came_true(pilot, lambda: isinstance(app.screen, LogInteractionScreen), 3)
    app.screen.query_one("#outcome", Select).value = Outcome.REFERRAL
    await pilot.press("ctrl+s")
    assert await came_true(pilot, lambda: isinstance(app.screen, ReferralDialog), 3)
    offer = app.screen
    assert isinstance(offer, ReferralDialog)
    return offer


def fill(offer: ReferralDialog, **values: str) -> None:
    for field_id, value in values.items():
        offer.query_one(f"#{field_id}", Input).value = value


async def test_accepting_the_offer_adds_the_person_linked_and_shows_the_chain(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        referrer = highlighted(app)
        offer = await log_referral(app, pilot)
        assert offer.value("met") == f"referred by {referrer}"
        assert app.screen.focused is offer.query_one("#name", Input)
        fill(offer, name="Bo Park", company="Acme", title="Head of Data", emails="bo@acme.example")
        await pilot.press("ctrl+s")
        assert await came_true(pilot, lambda: app.screen is app.main_screen, 3)
        assert await came_true(pilot, lambda: highlighted(app) == "Bo Park", 3)
        assert await came_true(pilot, lambda: "Referred by" in detail_text(app), 3)
        text = detail_text(app)
        assert f"Referred by  {referrer}" in text
        assert f"Chain        {referrer} → Bo Park" in text
        assert f"How we met   referred by {referrer}" in text
    bo = next(c for c in seeded.contacts.find() if c.full_name == "Bo Park")
    assert (bo.company, bo.title, bo.emails) == ("Acme", "Head of Data", ("bo@acme.example",))
    chain = seeded.referrals.chain_for(bo.id)
    assert [person.name for person in chain.people] == [referrer, "Bo Park"]
    (logged,) = seeded.interactions.history(chain.first.id)
    assert logged.outcome is Outcome.REFERRAL


async def test_escape_declines_and_adds_nobody(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        offer = await log_referral(app, pilot)
        before = table_dump(db_path)
        fill(offer, name="Not Wanted")
        await pilot.press("escape")
        assert await came_true(pilot, lambda: app.screen is app.main_screen, 3)
        await pilot.pause()
        assert table_dump(db_path) == before
    assert seeded.contacts.counts().total == 6
    assert seeded.referrals.chains() == []


async def test_a_name_is_needed(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        offer = await log_referral(app, pilot)
        fill(offer, name="   ", emails="not an email")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is offer
        assert "referred you to" in str(offer.query_one("#name-error", Static).render())
        assert str(offer.query_one("#emails-error", Static).render())
    assert seeded.contacts.counts().total == 6


async def test_a_busy_database_keeps_what_was_typed_and_ctrl_s_adds_it_after(
    seeded: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    write_lock: WriteLock,
    db_path: Path,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        offer = await log_referral(app, pilot)
        fill(offer, name="Bo Park", company="Acme")
        before = table_dump(db_path)
        write_lock.take()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is offer
        assert any(BUSY in toast and "ctrl+s tries again" in toast for toast in toasts(app))
        assert (offer.value("name"), offer.value("company")) == ("Bo Park", "Acme")
        assert table_dump(db_path) == before
        write_lock.release()
        await pilot.press("ctrl+s")
        assert await came_true(pilot, lambda: app.screen is app.main_screen, 3)
    assert [chain.last.name for chain in seeded.referrals.chains()] == ["Bo Park"]


async def test_other_outcomes_offer_nothing(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("c")
        assert await came_true(pilot, lambda: isinstance(app.screen, LogInteractionScreen), 3)
        await pilot.press("ctrl+s")  # talked
        assert await came_true(pilot, lambda: app.screen is app.main_screen, 3)
        await pilot.pause(0.1)
        assert app.screen is app.main_screen


@pytest.fixture
def queued(seeded: Services, clock: FakeClock) -> Iterator[dict[str, int]]:
    """Today's queue planned (everyone's id by name), the day read in UTC."""
    with local_zone_as("UTC"):
        yield plan_top20(seeded, clock)


async def test_the_session_mode_offers_after_its_referral_key(
    seeded: Services, queued: dict[str, int], make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await into_today(app, pilot)
        await pilot.press("S")
        assert await came_true(pilot, lambda: isinstance(app.screen, SessionModeScreen), 5)
        session = app.screen
        assert isinstance(session, SessionModeScreen)
        await pilot.pause()
        await pilot.press("6")  # Ada: referral
        assert await came_true(pilot, lambda: isinstance(app.screen, ReferralDialog), 3)
        offer = app.screen
        assert isinstance(offer, ReferralDialog)
        assert offer.value("met") == "referred by Ada Okafor"
        fill(offer, name="Ines Vale")
        await pilot.press("enter")
        assert await came_true(pilot, lambda: app.screen is session, 3)
        assert session.person is not None
        assert session.person.contact.full_name != "Ada Okafor"  # it moved on
    (chain,) = seeded.referrals.chains()
    assert (chain.first.id, chain.last.name) == (queued["Ada Okafor"], "Ines Vale")


async def test_the_today_pane_log_offers_too(
    seeded: Services, queued: dict[str, int], make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await into_today(app, pilot)
        offer = await log_referral(app, pilot)
        fill(offer, name="Jon Reyes")
        await pilot.press("ctrl+s")
        assert await came_true(pilot, lambda: app.screen is app.main_screen, 3)
        assert await came_true(pilot, lambda: "Jon Reyes" in listed(app), 3)
    (chain,) = seeded.referrals.chains()
    assert chain.first.id in queued.values()
    assert chain.last.name == "Jon Reyes"


async def test_hostile_names_in_the_offer_and_the_chain_are_literal(
    services: Services, make_app: AppFactory, wait_ready: WaitReady, db_path: Path
) -> None:
    hostile = "[@click=app.quit]Ann[/] [b]Lee"
    first = services.contacts.add(ContactDraft(full_name="Ann Lee")).id
    store_raw(db_path, first, full_name=hostile + "\x1b[31m\nNext")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        offer = await log_referral(app, pilot)
        ask = str(offer.query_one("#referral-ask", Static).render())
        assert f"Add the person {hostile}\N{REPLACEMENT CHARACTER}[31m Next referred you to?" in ask
        assert "\x1b" not in offer.value("met")
        fill(offer, name="Bo [i]Park[/i]")
        await pilot.press("ctrl+s")
        assert await came_true(pilot, lambda: app.screen is app.main_screen, 3)
        assert await came_true(pilot, lambda: "Chain" in detail_text(app), 3)
        text = detail_text(app)
        assert f"Chain        {hostile}\N{REPLACEMENT CHARACTER}[31m Next → Bo [i]Park[/i]" in text
        assert "\x1b" not in app.export_screenshot()
        assert app.is_running
