"""What the Script pane tests share: getting the pane up, choosing a script, waiting."""

from __future__ import annotations

from builders import WaitReady, until
from textual.pilot import Pilot

from netui.domain.script_values import Profile
from netui.domain.scripts import ScriptChannel
from netui.services.context import Services
from netui.tui.app import NetuiApp
from netui.tui.panes.script import ScriptPane

PROFILE = Profile("Sam Rivera", "moving from teaching into UX research", "twenty minutes of advice")


def add_script(
    services: Services,
    name: str,
    body: str,
    channel: ScriptChannel = ScriptChannel.LINKEDIN_MESSAGE,
    subject: str = "",
) -> int:
    """A script of the user's own (the pane adds the built-ins when it first loads)."""
    return services.scripts.create(name, channel, subject, body).id


async def script_pane(app: NetuiApp, pilot: Pilot[None], wait_ready: WaitReady) -> ScriptPane:
    """The app up, its Script pane loaded and the one the user is in (the list focused)."""
    await wait_ready(app, pilot)
    pane = app.main_screen.script
    await until(pilot, lambda: pane.loaded and pane.script is not None, "the scripts loaded")
    app.main_screen.show_pane("script-pane")
    await pilot.pause()
    await until(pilot, lambda: not pane._values_stale, "the contact's values read")
    return pane


async def choose(pane: ScriptPane, pilot: Pilot[None], name: str) -> None:
    """Move the list's cursor to the script called ``name`` and wait for it to open."""
    names = [summary.name for summary in pane.script_list.summaries]
    pane.script_list.highlighted = names.index(name)
    await until(pilot, lambda: pane.script is not None and pane.script.name == name, name)
    await pilot.pause()


def body_text(pane: ScriptPane) -> str:
    """The rendered body's text, or "" before there is one (for waits)."""
    return pane.rendered.body.text if pane.rendered is not None else ""


def preview_text(pane: ScriptPane) -> str:
    """What the preview shows, as plain text."""
    assert pane.rendered is not None
    return str(pane.query_one("#preview-text").render())
