"""Each guard in netui.tui.compat: the Textual behaviour it stands in front of."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import OptionList

from netui.tui import compat


class SqueezedList(App[None]):
    """An option list with options but no room yet, as a palette is while it opens."""

    CSS = "OptionList { height: 0; }"

    def compose(self) -> ComposeResult:
        yield OptionList("Ann", "Bo", "Cy")


async def test_paging_an_option_list_before_it_is_laid_out_does_not_crash() -> None:
    compat.install()
    app = SqueezedList()
    async with app.run_test() as pilot:
        app.query_one(OptionList).focus()
        await pilot.press("pagedown", "pageup")
    assert app.return_code in (None, 0)


async def test_paging_still_pages_once_there_is_room() -> None:
    compat.install()

    class Roomy(App[None]):
        CSS = "OptionList { height: 4; }"

        def compose(self) -> ComposeResult:
            yield OptionList(*(f"Person {n}" for n in range(30)))

    app = Roomy()
    async with app.run_test() as pilot:
        options = app.query_one(OptionList)
        options.focus()
        options.highlighted = 0
        await pilot.press("pagedown")
        assert (options.highlighted or 0) > 1
