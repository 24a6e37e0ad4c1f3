"""Unsaved edits survive: autosaved a moment after typing, kept through a busy database, a
switch of script, a quit, and a kill."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from builders import AppFactory, WaitReady, WriteLock, let_go, sql_rows, toasts, until
from script_helpers import add_script, choose, script_pane

import netui.tui.loading
from netui.domain.clock import system_clock
from netui.services.context import Services, open_services
from netui.tui.panes import script_drafts
from netui.tui.panes.script_drafts import Drafts


@pytest.fixture(autouse=True)
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    """Autosave and retries in a tenth of a second; writes give up on a lock after 0.1 s."""
    monkeypatch.setattr(script_drafts, "AUTOSAVE_DELAY", 0.1)
    monkeypatch.setattr(script_drafts, "RETRY_DELAY", 0.2)
    monkeypatch.setattr(netui.tui.loading, "WRITE_WAIT_MS", 100)


def drafts_in(db_path: Path) -> dict[str, str | None]:
    return dict(sql_rows(db_path, "SELECT name, draft_body FROM script"))


async def test_an_autosaved_draft_is_back_after_a_crash_and_said_so(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_script(seeded, "Draft me", "Hello {first_name}")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await script_pane(app, pilot, wait_ready)
        await choose(pane, pilot, "Draft me")
        await pilot.press("e", "end", *" again")
        await until(pilot, lambda: pane.state.has_draft, "autosaved")  # type: ignore[union-attr]
        assert "Draft autosaved" in pane.state.status(pane.editor_text)  # type: ignore[union-attr]
        assert drafts_in(seeded.path)["Draft me"] == "Hello {first_name} again"
        # A crash: nothing more is written on the way out.
        monkeypatch.setattr(Drafts, "flush", lambda self: None)
    monkeypatch.undo()

    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        pane = await script_pane(app, pilot, wait_ready)
        await choose(pane, pilot, "Draft me")
        assert pane.editor.text == "Hello {first_name} again"
        assert any("Unsaved edits of Draft me" in toast for toast in toasts(app))
        assert "Draft autosaved" in pane.state.status(pane.editor_text)  # type: ignore[union-attr]
        assert seeded.scripts.get(pane.script.id).body == "Hello {first_name}"  # type: ignore[union-attr]


async def test_quitting_right_after_typing_keeps_the_edits(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(script_drafts, "AUTOSAVE_DELAY", 60)
    add_script(seeded, "Quick quit", "Hi")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await script_pane(app, pilot, wait_ready)
        await choose(pane, pilot, "Quick quit")
        await pilot.press("e", "end", *" there")
        await pilot.pause()
        assert drafts_in(seeded.path)["Quick quit"] is None
        await pilot.press("ctrl+q")
    assert drafts_in(seeded.path)["Quick quit"] == "Hi there"


async def test_a_busy_database_loses_nothing(
    seeded: Services,
    make_app: AppFactory,
    wait_ready: WaitReady,
    write_lock: WriteLock,
) -> None:
    first = add_script(seeded, "One", "one")
    add_script(seeded, "Two", "two")
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        pane = await script_pane(app, pilot, wait_ready)
        await choose(pane, pilot, "One")
        write_lock.take()
        await pilot.press("e", "end", *" edited")
        await until(pilot, lambda: pane.state.problem != "", "a failed write")  # type: ignore[union-attr]
        status = pane.state.status(pane.editor_text)  # type: ignore[union-attr]
        assert status == "Unsaved (another netui is writing; trying again)"
        await pilot.press("ctrl+s")  # saving fails too, and says how to retry
        await pilot.pause()
        assert any("ctrl+s tries again" in toast for toast in toasts(app))
        await pilot.press("escape")
        await choose(pane, pilot, "Two")  # leave the script while its edits are unwritten
        assert pane.drafts.unwritten == {first: ("", "one edited")}
        await choose(pane, pilot, "One")  # and come back: they are in the editor
        assert pane.editor.text == "one edited"
        write_lock.release()
        await until(pilot, lambda: drafts_in(seeded.path)["One"] == "one edited", "written")
        await until(pilot, lambda: pane.state.has_draft, "said")  # type: ignore[union-attr]


KILLED_CHILD = r"""
import asyncio, sys
from pathlib import Path
from netui.domain.clock import system_clock
from netui.tui.app import NetuiApp

async def main() -> None:
    app = NetuiApp(Path(sys.argv[1]), system_clock)
    async with app.run_test(size=(120, 36)) as pilot:
        while not app.main_screen.loaded:  # the Script pane is built after the first frame
            await pilot.pause(0.05)
        pane = app.main_screen.script
        while not (pane.loaded and pane.script is not None):
            await pilot.pause(0.05)
        app.main_screen.show_pane("script-pane")
        names = [summary.name for summary in pane.script_list.summaries]
        pane.script_list.highlighted = names.index("Survivor")
        while pane.script.name != "Survivor":
            await pilot.pause(0.05)
        await pilot.press("e", "end", *", it has been a while")
        print("typed", flush=True)
        await asyncio.sleep(600)  # until killed

asyncio.run(main())
"""


def test_a_killed_netui_keeps_its_autosaved_draft(db_path: Path, services: Services) -> None:
    """The app in a process of its own, typed into, then killed (SIGKILL: nothing runs on
    the way out): the draft autosaved after the typing stopped is in the file."""
    add_script(services, "Survivor", "Dear {first_name}")
    let_go(services)
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_CHILD, str(db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "typed", child.stderr
        deadline = time.monotonic() + 30
        while drafts_in(db_path).get("Survivor") is None:  # autosaved after 2 s
            assert child.poll() is None, child.stderr
            assert time.monotonic() < deadline, "no draft was autosaved"
            time.sleep(0.1)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    assert child.returncode == -signal.SIGKILL
    reopened = open_services(db_path, system_clock)
    try:
        survivor = reopened.scripts.find("Survivor")
        assert survivor.draft is not None
        assert survivor.draft.body == "Dear {first_name}, it has been a while"
        assert survivor.body == "Dear {first_name}"
    finally:
        reopened.close()
