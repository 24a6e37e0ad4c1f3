"""Messages shared between the app, its screens and widgets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from netui.domain.types import ContactRow

if TYPE_CHECKING:
    from netui.services.context import Services


class ServicesReady(Message):
    """The database is open and the first contact list is loaded (from a worker thread)."""

    def __init__(self, services: Services, rows: list[ContactRow]) -> None:
        super().__init__()
        self.services = services
        self.rows = rows


class ServicesFailed(Message):
    """The database could not be opened; ``reason`` is fit to show the user."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class ContactsChanged(Message):
    """Contacts were added or edited elsewhere (a dialog); the list should refresh them."""

    def __init__(self, ids: tuple[int, ...], focus_id: int | None = None) -> None:
        super().__init__()
        self.ids = ids
        self.focus_id = focus_id
