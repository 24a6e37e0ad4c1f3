"""What the Script pane looks like in use, wide and narrow. Review changes as pictures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from builders import AppFactory, until
from script_helpers import PROFILE, add_script
from textual.pilot import Pilot

from netui.domain.scripts import ScriptChannel
from netui.domain.types import InteractionDraft, Outcome
from netui.services.context import Services
from netui.tui.app import NetuiApp

SnapCompare = Callable[..., bool]

BODY = (
    "Hi {first_name|there}, it's been {time_since}, which is far too long.\n\n"
    "I'm {my_situation}, and I'd value your advice: {my_ask}. How is {company}?\n"
    "{frist_name} {how_we_met}\n\nThanks,\n{my_name}"
)


def prepare_scripts(services: Services) -> None:
    """A profile, a script of the user's own, and one use of it that got a reply."""
    services.scripts.set_profile(PROFILE)
    script_id = add_script(
        services, "A first try", BODY, ScriptChannel.EMAIL, "Catching up, {first_name}"
    )
    revision = services.scripts.get(script_id).revision_id
    bruno = next(c.id for c in services.contacts.find() if c.full_name == "Bruno Salas")
    draft = InteractionDraft(ScriptChannel.EMAIL.logged_as, Outcome.REPLIED, "", None, None)
    services.interactions.log(bruno, replace(draft, script_revision_id=revision))


async def in_the_script_pane(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, NetuiApp)
    await until(pilot, lambda: app.services is not None and app.main_screen.loaded, "up", 300)
    app.sub_title = "netui.db"
    pane = app.main_screen.script
    await until(pilot, lambda: pane.script is not None, "a script open")
    app.main_screen.show_pane("script-pane")
    names = [summary.name for summary in pane.script_list.summaries]
    pane.script_list.highlighted = names.index("A first try")
    await until(
        pilot, lambda: pane.script is not None and pane.script.name == "A first try", "open"
    )
    await pilot.press("e")
    pane.editor.cursor_blink = False
    await pilot.pause(0.2)


def test_script_pane_wide(
    seeded: Services, make_app: AppFactory, snap_compare: SnapCompare
) -> None:
    prepare_scripts(seeded)
    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=in_the_script_pane)


def test_script_pane_narrow(
    seeded: Services, make_app: AppFactory, snap_compare: SnapCompare
) -> None:
    prepare_scripts(seeded)
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=in_the_script_pane)


def test_script_preview_beside_the_contacts(
    seeded: Services, make_app: AppFactory, snap_compare: SnapCompare
) -> None:
    """Wide, with the Contacts pane in use: the Script pane shows only the preview."""
    prepare_scripts(seeded)

    async def run_before(pilot: Pilot[None]) -> None:
        await in_the_script_pane(pilot)
        await pilot.press("escape", "tab")  # back to the list, then on to Contacts
        await pilot.pause(0.2)

    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=run_before)
