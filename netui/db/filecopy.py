"""Copy a database file with SQLite's online backup: consistent, private, whole or not at all.

Standard library only, so the CLI's ``db`` commands and the daily backup cost no SQLAlchemy.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

from netui.db.filecheck import reading

__all__ = ["backup_file"]


def backup_file(source: Path, dest: Path) -> None:
    """Copy the database at ``source`` to ``dest``, even while another netui is writing.

    SQLite's backup API copies a consistent snapshot. It goes into a hidden file of its own
    beside ``dest`` (``mkstemp`` creates it 0600, before any personal data is in it, and
    never shares it with another netui copying at the same moment), renamed to ``dest``
    only once complete, replacing a file there: a copy that fails (a full disk) leaves
    nothing behind, and no half-written file under the real name.
    """
    handle, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".partial", dir=dest.parent)
    os.close(handle)
    partial = Path(name)
    try:
        with reading(source) as src, closing(sqlite3.connect(partial)) as dst:
            src.backup(dst)
        os.replace(partial, dest)
    finally:
        partial.unlink(missing_ok=True)
        Path(f"{partial}-journal").unlink(missing_ok=True)
