"""Messages shared between the app, its screens and widgets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from netui.domain.listing import ContactListing

if TYPE_CHECKING:
    from netui.services.context import Services


class ServicesReady(Message):
    """The database is open and the contact list loaded and sorted (from a worker thread)."""

    def __init__(self, services: Services, listing: ContactListing) -> None:
        super().__init__()
        self.services = services
        self.listing = listing
