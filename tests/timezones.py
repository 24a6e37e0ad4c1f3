"""Time zones for tests: a named zone, and the machine's own zone switched for a while."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import tzinfo

from dateutil import tz


def zone(name: str) -> tzinfo:
    """The IANA zone ``name`` (the test fails at once if the machine lacks it)."""
    found = tz.gettz(name)
    assert found is not None, name
    return found


@contextmanager
def local_zone_as(name: str) -> Iterator[tzinfo]:
    """Make ``name`` the zone netui takes for the user's (``TZ``), then put it back."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield zone(name)
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()
