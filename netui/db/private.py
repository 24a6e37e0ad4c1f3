"""Folders and files only their owner can read: the database and its copies hold personal data.

``mkdir(mode=0o700, parents=True)`` gives the mode to the last folder only: the ones above
it follow the umask (0777 under umask 000). Here every missing level is made 0700, and a
new file is created 0600 from the start rather than narrowed after it was written.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["PRIVATE_FILE", "PRIVATE_FOLDER", "create_private_file", "make_private_folders"]

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


def make_private_folders(folder: Path) -> None:
    """Create ``folder`` and each missing folder above it, all 0700; existing ones are kept."""
    missing: list[Path] = []
    for level in (folder, *folder.parents):
        if level.exists():
            break
        missing.append(level)
    for level in reversed(missing):
        try:
            level.mkdir(mode=PRIVATE_FOLDER)
        except FileExistsError:
            continue  # made meanwhile by someone else: theirs to keep as it is
        level.chmod(PRIVATE_FOLDER)  # the umask may have taken bits from mkdir's mode


def create_private_file(path: Path) -> None:
    """Create ``path`` empty and 0600 (its missing folders 0700) unless it exists."""
    make_private_folders(path.parent)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE))
