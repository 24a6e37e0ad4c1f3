"""Opening the database and loading the contact list off the UI thread, in the order a
user sees them.

:class:`Opening` starts as the app loads, on a thread of its own, so the first rows are
read while the screen is still being built (SQLite works in C, without Python's
interpreter lock). A small database is loaded whole; a large one gives the list's first
rows (:meth:`ContactService.first_rows`). Once they are on screen, the file is checked
and watched (:func:`make_writable`), the pane gets the services and reads everyone, and
:func:`warm_up` imports what the other panes and the keys need (SQLAlchemy's ORM) before
those panes are handed the services, so none of it runs on the UI thread.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator, Mapping
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from netui.domain.clock import Clock
from netui.domain.listing import ContactListing

if TYPE_CHECKING:
    from netui.services.context import Services

__all__ = [
    "FIRST_ROWS",
    "LIST_WAIT_S",
    "WHOLE_AT_ONCE",
    "WRITE_WAIT_MS",
    "Opened",
    "Opening",
    "freeze_what_lasts",
    "load_listing",
    "make_writable",
    "warm_up",
]

WRITE_WAIT_MS = 1500
"""How long a key's write in the app waits for another netui's to finish: longer would
freeze the screen."""
FIRST_ROWS = 200
"""Rows read first from a large database: screens full, for the biggest terminals."""
WHOLE_AT_ONCE = 5_000
"""Up to this many contacts the whole list loads about as fast as its first rows."""
LIST_WAIT_S = 0.25
"""How long the first frame may wait for the list's first rows (then it goes without)."""
OPENING_SWITCH_INTERVAL = 0.0005
"""Seconds a thread waits for the interpreter lock before asking for it, while opening."""
FULL_COLLECTION_EVERY = 100
"""Collections of the middle generation between two full ones once the list is frozen
(Python's default is 10): with the rows out of sight, a full collection is a walk over
the screen's caches, tens of milliseconds that fell every two seconds while paging."""


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
    """Every contact as a listing sorted by every key in advance (call in a worker).

    What is loaded is then frozen out of the collector's sight (``gc.freeze``): the rows
    live as long as the listing, and a full collection that walks 100,000 of them is a
    frozen frame, every few seconds while the user pages.
    """
    with collector_paused():
        listing = ContactListing(services.contacts.list_rows())
        listing.prepare()
    gc.collect(1)  # the young garbage, cheaply; what is older is left to reference counts
    gc.freeze()
    return listing


@dataclass(frozen=True, slots=True)
class Opened:
    """The open database and the list to show first."""

    services: Services
    listing: ContactListing
    complete: bool
    """Whether ``listing`` holds every contact, or only the first rows of the default view."""
    total: int
    """Contacts in the database."""
    theme: str | None
    """The settings file's theme, its key remaps and what was wrong in it, read here so
    that the app starts on them without reading the file on the UI thread."""
    key_remaps: Mapping[str, str]
    problems: tuple[str, ...]
    file_name: str


def open_listing(path: Path, clock: Clock, busy_timeout_ms: int) -> Opened:
    """Open (or create, or migrate) the database and read what the list shows first.

    Nothing is written yet, so the file's check waits (:func:`make_writable`); and since
    the check opens the file by other means than SQLite, every connection is closed
    before it is returned: closing any descriptor of a file drops every lock this process
    holds on it, and another netui would then delete the write-ahead log under them.
    """
    from netui.services.context import open_services

    services = open_services(path, clock, busy_timeout_ms=busy_timeout_ms, writing=False)
    try:
        settings = services.settings
        looks = (settings.theme(), settings.key_remaps(), settings.problems(), settings.path.name)
        total = services.contacts.count()
        rows = services.contacts.first_rows(FIRST_ROWS) if total > WHOLE_AT_ONCE else None
        if rows is not None:
            opened = Opened(services, ContactListing(rows), False, total, *looks)
        else:
            opened = Opened(services, load_listing(services), True, total, *looks)
        services.db.release_connections()
    except BaseException:
        services.close()
        raise
    return opened


def make_writable(opened: Opened) -> None:
    """Refuse a damaged file and keep the day's backup, then watch for other netuis'
    writes: what comes before the app's keys may read or write the database (in a
    worker, once the first rows are on screen; the list is then read again whole)."""
    from netui.services.safekeeping import prepare_to_write

    services = opened.services
    prepare_to_write(services.path, services.clock)
    services.changes.start()


def _import_for_opening() -> None:
    """What :func:`open_listing` runs, imported by the caller's thread.

    Imports hold the interpreter lock; made on the thread that builds the screen, just
    before, they leave the opening thread little but SQLite's own work, which does not.
    """
    import netui.services.contacts
    import netui.services.context
    import netui.services.settings  # noqa: F401


class Opening:
    """:func:`open_listing` on a thread started at once; :meth:`result` waits for it."""

    def __init__(self, path: Path, clock: Clock, busy_timeout_ms: int) -> None:
        _import_for_opening()
        self._collecting = False
        """Whether :meth:`hold_collections` stopped the collector (settle restarts it)."""
        self._thresholds: tuple[int, int, int] | None = None
        """The collector's thresholds before settle changed them (close puts them back)."""
        self._future: Future[Opened] = Future()
        self._closed = False
        self._lock = threading.Lock()
        arguments = (path, clock, busy_timeout_ms)
        threading.Thread(target=self._run, args=arguments, name="netui-open", daemon=True).start()

    def _run(self, path: Path, clock: Clock, busy_timeout_ms: int) -> None:
        # Each SQLite call lets go of the interpreter lock and must then win it back from
        # the thread building the screen, by default up to 5 ms later; a few dozen calls
        # would wait longer than SQLite works. Until the list is read, ask for it sooner.
        interval = sys.getswitchinterval()
        sys.setswitchinterval(OPENING_SWITCH_INTERVAL)
        try:
            opened = open_listing(path, clock, busy_timeout_ms)
        except BaseException as error:  # the app's worker raises it where it is reported
            self._future.set_exception(error)
            return
        finally:
            sys.setswitchinterval(interval)
        with self._lock:  # so that close() either sees it done or is seen here
            if self._closed:  # the app ended before it took the database
                opened.services.close()
            self._future.set_result(opened)

    def hold_collections(self) -> None:
        """No collections until the first rows are on screen (:meth:`settle`): what start-up
        makes lives on, and a full collection walking it held up the first frame by 25 ms
        (one during Textual's own start-up made a launch 40% slower). ``netui`` calls it as
        soon as it starts the opening, the app as it loads; :meth:`close`, as the app ends,
        restarts them in any case."""
        if gc.isenabled():
            gc.disable()
            self._collecting = True

    def result(self) -> Opened:
        """The open database (raises whatever opening it raised)."""
        return self._future.result()

    def opened_within(self, seconds: float) -> Opened | None:
        """The open database if it is opened, without error, within ``seconds``."""
        try:
            return self._future.result(seconds)
        except BaseException:  # still opening, or failed: the app's worker reports it
            return None

    def settle(self) -> None:
        """The first rows are on screen: collections resume, and what start-up made is
        frozen out of their sight; full collections come ten times less often."""
        gc.freeze()
        if self._collecting:
            self._collecting = False
            gc.enable()
        if self._thresholds is None:
            self._thresholds = gc.get_threshold()
            young, middle, _ = self._thresholds
            gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)

    def close(self) -> None:
        """Close the database opened, now or as soon as it is (the app is ending); what was
        frozen may be collected again (a process running many apps, the tests, would keep
        every one's cycles)."""
        self.settle()
        gc.unfreeze()
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
        with self._lock:
            self._closed = True
            done = self._future.done()
        if done and self._future.exception() is None:
            self._future.result().services.close()


def freeze_what_lasts() -> None:
    """What was just built lives as long as the app (the side panes, SQLAlchemy's objects):
    frozen out of the collector's sight, no full collection walks it while the user types
    (:meth:`Opening.close` lets it go at the end)."""
    gc.freeze()


def warm_up(services: Services) -> None:
    """Import and prepare, off the UI thread, what the panes and the triage keys use next
    (SQLAlchemy's ORM, the interactions' repository), by using it once."""
    services.triage.top20_progress()
    services.interactions  # noqa: B018 (built on first use: its module is imported)
    freeze_what_lasts()  # SQLAlchemy's objects
