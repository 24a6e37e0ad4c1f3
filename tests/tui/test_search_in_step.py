"""The list follows the search box as its value changes, not a message later: the frame
that shows the typed letter shows its list too."""

from __future__ import annotations

from builders import AppFactory, WaitReady, let_go
from textual.widgets import Input

from netui.services.context import Services
from netui.tui.widgets.contact_table import ContactTable


async def test_the_list_changes_with_the_search_box_value(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    let_go(seeded)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        table = app.main_screen.query_one(ContactTable)
        search = app.main_screen.query_one("#search", Input)
        everyone = table.row_count
        search.value = "chen"  # no pause: no message has been handled yet
        assert [row.full_name for row in table.rows] == ["Chen Wu"]
        search.value = ""
        assert table.row_count == everyone
