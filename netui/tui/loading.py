"""Loading the contact list off the UI thread, as fast as Python allows."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from netui.domain.listing import ContactListing

if TYPE_CHECKING:
    from netui.services.context import Services


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold off Python's cyclic garbage collector while loading the list.

    Building and sorting 30,000 row tuples would otherwise trigger repeated collections over
    the whole app's heap; none of what is built here forms cycles.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_listing(services: Services) -> ContactListing:
    """Every contact as a sorted listing, its first view already computed (call in a worker)."""
    with collector_paused():
        listing = ContactListing(services.contacts.list_rows())
        listing.view()
    return listing
