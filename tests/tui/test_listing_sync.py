"""What the Contacts pane does with a reloaded list: rows it changed meanwhile win, and a
reload overtaken by a newer one is dropped (the newer one still fixes those rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from netui.domain.listing import ContactListing, SortKey
from netui.domain.types import ContactRow, TriageStatus
from netui.errors import NotFoundError
from netui.tui.panes.listing_sync import ListingSync


def row(contact_id: int, status: TriageStatus = TriageStatus.NEW) -> ContactRow:
    return ContactRow(contact_id, f"P{contact_id}", "", "", status, None, None, None, None, 0, "")


@dataclass
class FakePane:
    """Just what ListingSync uses of the pane: its listing, services and worker runner."""

    stored: dict[int, ContactRow]
    listing: ContactListing = field(default_factory=lambda: ContactListing(sort_key=SortKey.NAME))
    workers: list[Any] = field(default_factory=list)

    @property
    def services(self) -> Any:
        return SimpleNamespace(contacts=SimpleNamespace(row=self.row))

    def row(self, contact_id: int) -> ContactRow:
        if contact_id not in self.stored:
            raise NotFoundError(f"no contact with id {contact_id}")
        return self.stored[contact_id]

    def run_worker(self, work: Any, **_options: Any) -> None:
        self.workers.append(work)


def test_rows_changed_during_a_reload_are_read_again_and_the_sort_kept() -> None:
    pane = FakePane(stored={1: row(1, TriageStatus.LATER)})
    sync = ListingSync(pane)  # type: ignore[arg-type]
    sync.reload()
    sync.touched([1, 2])  # 1 decided, 2 merged away while the reload was reading
    arrived = ContactListing([row(1), row(2), row(3)])
    assert sync.arrived(arrived, sync.generation)
    assert arrived.sort_key is SortKey.NAME
    assert [r.status for r in arrived.sorted_rows()] == [TriageStatus.LATER, TriageStatus.NEW]
    assert 2 not in arrived


def test_an_overtaken_reload_is_dropped_and_the_newer_one_fixes_the_rows() -> None:
    pane = FakePane(stored={1: row(1, TriageStatus.LATER)})
    sync = ListingSync(pane)  # type: ignore[arg-type]
    sync.reload()
    older = sync.generation
    sync.reload()
    sync.touched([1])
    assert not sync.arrived(ContactListing([row(1)]), older)
    newer = ContactListing([row(1)])
    assert sync.arrived(newer, sync.generation)
    assert newer.get(1) == row(1, TriageStatus.LATER)
    assert len(pane.workers) == 2
