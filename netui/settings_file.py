"""The settings file: where it is, reading it with ``tomllib``, writing it with ``tomlkit``.

The file belongs to its user, who may edit it by hand: a write changes the one key it
sets and keeps every comment, blank line and the order of the rest (``tomlkit``
round-trips a document). A write is atomic (a temporary file beside it, then
``os.replace``), so a reader, or a crash, never meets half a file; the file is 0600 and
missing folders 0700, as for the database. A write through a symbolic link (a dotfiles
checkout) replaces the file it points to and keeps the link.

A file that is not valid TOML is never overwritten: its user's text would be lost.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from netui.db.private import PRIVATE_FILE, make_private_folders
from netui.errors import NetuiError

__all__ = [
    "CONFIG_ENV_VAR",
    "FILE_NAME",
    "RawFile",
    "SettingsFileError",
    "read_raw",
    "resolve_settings_path",
    "write_values",
]

CONFIG_ENV_VAR = "NETUI_CONFIG"
FILE_NAME = "settings.toml"


class SettingsFileError(NetuiError):
    """The settings file cannot be written (broken TOML, a folder netui cannot write)."""


def resolve_settings_path() -> Path:
    """``$NETUI_CONFIG`` if set (the demo and the tests set it), else the user config folder."""
    from_env = os.environ.get(CONFIG_ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("netui", appauthor=False)) / FILE_NAME


@dataclass(frozen=True, slots=True)
class RawFile:
    """The file as parsed: its document, or why it could not be read (never both)."""

    document: Mapping[str, Any]
    error: str | None = None
    exists: bool = True


def read_raw(path: Path) -> RawFile:
    """Parse the file; a missing one is an empty document, a broken one an error message."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return RawFile({}, exists=False)
    except IsADirectoryError:
        return RawFile({}, "is a folder, not a file")
    except OSError as error:
        return RawFile({}, f"cannot be read: {error.strerror or error}")
    import tomllib  # only once there is a file: most people never write one

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return RawFile({}, f"is not UTF-8 text (byte {error.start + 1})")
    try:
        return RawFile(tomllib.loads(text))
    except tomllib.TOMLDecodeError as error:
        return RawFile({}, f"is not valid TOML: {error}")


def write_values(path: Path, values: Mapping[str, Any]) -> None:
    """Set top-level ``values`` in the file (creating it), keeping the rest as written."""
    import tomllib

    import tomlkit
    from tomlkit.exceptions import ParseError

    target = path.resolve() if path.is_symlink() else path
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsFileError(f"{path}: cannot be read, so not changed: {error}") from None
    try:
        document = tomlkit.parse(text)
    except ParseError as error:
        raise SettingsFileError(
            f"{path.name}: is not valid TOML ({error}); fix it by hand first, netui will not"
            " overwrite it"
        ) from None
    for key, value in values.items():
        document[key] = list(value) if isinstance(value, tuple) else value
    new_text = tomlkit.dumps(document)
    try:  # what is written must read back: tomlkit can write what TOML 1.0 refuses
        tomllib.loads(new_text)
    except tomllib.TOMLDecodeError:
        raise SettingsFileError(
            f"{path.name}: not changed: a value holds a character a settings file cannot keep"
        ) from None
    _replace(target, new_text)


def _replace(path: Path, text: str) -> None:
    """Write ``text`` to a 0600 temporary file beside ``path``, then move it into place."""
    try:
        make_private_folders(path.parent)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
    except OSError as error:
        raise SettingsFileError(f"{path}: cannot be written: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, PRIVATE_FILE)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        if error.errno == errno.ENOSPC:
            raise SettingsFileError(
                f"{path.name}: the disk is full; the settings were not changed."
                " Free some space and retry"
            ) from None
        raise SettingsFileError(f"{path}: cannot be written: {error.strerror or error}") from None
