"""Opening the database for the app: the first rows, then the file's check, then news.

The check reads the file by other means than SQLite's; if a connection of the app were
open meanwhile, this process would lose its locks on the file, and another netui would
delete the write-ahead log under it: the app would neither see that netui's writes nor
hear of them. Opening closes every connection before the check for that reason.
"""

from __future__ import annotations

from pathlib import Path

from builders import let_go, netui_process

from netui.domain.clock import FakeClock
from netui.domain.types import ContactDraft
from netui.services.context import Services
from netui.tui.loading import make_writable, open_listing


def test_after_the_check_another_netuis_write_is_seen_and_is_news(
    services: Services, db_path: Path, clock: FakeClock
) -> None:
    added = services.contacts.add(ContactDraft(full_name="Emeka Brandt", company="Tallgrass"))
    let_go(services)
    opened = open_listing(db_path, clock, 1500)
    try:
        assert opened.complete
        assert [row.full_name for row in opened.listing.view()] == ["Emeka Brandt"]
        make_writable(opened)
        netui_process(db_path, "edit", str(added.id), "--company", "Copperline")
        assert opened.services.changes.others_wrote()
        assert opened.services.contacts.get(added.id).company == "Copperline"
    finally:
        opened.services.close()
