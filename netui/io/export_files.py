"""Write an export file safely: all or nothing, readable only by you, never over a file
by surprise.

The data goes to a hidden temporary file in the destination folder (created 0600: it is
personal data), which is flushed to disk and only then moved into place with one rename.
A failed or interrupted export leaves no half-written file behind, and an existing file
is kept unless ``force`` is given; even then it is replaced only once the new one is whole.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TextIO

from netui.errors import NetuiError

__all__ = ["ExportFileError", "atomic_text_file", "check_destination"]


class ExportFileError(NetuiError):
    """The export file cannot be written where asked; the message names the file."""

    def __init__(self, path: str | os.PathLike[str], problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


def _reason(error: OSError) -> str:
    return str(error.strerror or error).lower()


def check_destination(path: Path, *, force: bool = False) -> Path:
    """Raise ExportFileError now if ``path`` cannot (or may not) be written.

    Cheap checks made before any work, so a long export does not fail at the very end.
    """
    if path.is_dir():
        raise ExportFileError(path, "is a folder; give a file name, such as contacts.csv")
    if path.exists() and not force:
        raise ExportFileError(path, "already exists; choose another name, or use --force")
    if not path.parent.is_dir():
        raise ExportFileError(path, f"the folder {path.parent} does not exist")
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise ExportFileError(path, f"the folder {path.parent} is not writable")
    return path


def _place(temporary: str, path: Path, force: bool) -> None:
    """Move the finished temporary file to ``path`` in one step."""
    if force:
        os.replace(temporary, path)
        return
    try:
        # A hard link fails if ``path`` appeared meanwhile, where a rename would replace it.
        os.link(temporary, path)
    except FileExistsError:
        raise ExportFileError(path, "already exists; choose another name, or use --force") from None
    except OSError:
        # Some file systems (FAT, some network shares) have no hard links.
        if path.exists():
            raise ExportFileError(
                path, "already exists; choose another name, or use --force"
            ) from None
        os.replace(temporary, path)
        return
    os.unlink(temporary)


@contextmanager
def atomic_text_file(
    path: str | os.PathLike[str],
    *,
    force: bool = False,
    encoding: str = "utf-8",
    newline: str = "",
) -> Iterator[TextIO]:
    """A text file to write ``path`` through; it appears at ``path`` only when the block
    ends without error.

    ``newline=""`` writes line endings exactly as given (the writers choose CRLF).
    Raises ExportFileError if ``path`` is a folder, its folder is missing, or it exists
    and ``force`` is false.
    """
    target = check_destination(Path(path), force=force)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent
        )
    except OSError as error:
        raise ExportFileError(target, f"cannot be written ({_reason(error)})") from None
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline=newline) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o600)
        _place(temporary, target, force)
    except BaseException as error:
        with suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError) and not isinstance(error, FileExistsError):
            raise ExportFileError(target, f"cannot be written ({_reason(error)})") from error
        raise
