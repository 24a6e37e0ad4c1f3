"""A path field that completes file and folder names as you type (→ accepts).

File names can hold anything but ``/``, terminal escape sequences included, and an input
box draws its text as it is: the field shows control characters as U+FFFD, and never offers
a name it could not show as it is.
"""

from __future__ import annotations

import os
from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual.suggester import Suggester
from textual.widgets import Input

from netui.display import masked, one_line


class PathSuggester(Suggester):
    """Suggests the first file or folder that completes what was typed."""

    def __init__(self, suffixes: tuple[str, ...] = ()) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.suffixes = suffixes

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value, self.suffixes)


def complete_path(value: str, suffixes: tuple[str, ...] = ()) -> str | None:
    """The first completion of ``value`` (folders end with a separator), or None."""
    if not value:
        return None
    expanded = Path(value).expanduser()
    if value.endswith(os.sep):
        folder, stem = expanded, ""
    else:
        folder, stem = expanded.parent, expanded.name
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return None
    for name in names:
        if not name.startswith(stem) or name == stem or name.startswith("."):
            continue
        if one_line(name) != name:  # a suggestion is drawn as it is
            continue
        candidate = folder / name
        is_dir = candidate.is_dir()
        if not is_dir and suffixes and not name.lower().endswith(suffixes):
            continue
        typed_folder = value[: len(value) - len(stem)]
        return typed_folder + name + (os.sep if is_dir else "")
    return None


class PathInput(Input):
    """An Input with path completion; → (or End) accepts the suggestion."""

    def __init__(
        self,
        value: str = "",
        *,
        suffixes: tuple[str, ...] = (),
        placeholder: str = "",
        id: str | None = None,
    ) -> None:
        super().__init__(
            value, placeholder=placeholder, id=id, suggester=PathSuggester(suffixes), compact=True
        )

    @property
    def path(self) -> Path:
        return Path(self.value.strip()).expanduser()

    # Textual 8.2's Input draws its value through ``_value`` and places the cursor by
    # ``_position_to_cell``; both see the masked value, so what is drawn and where the
    # cursor goes agree (tests/tui/test_path_input.py reads the screen to check).

    @property
    def _value(self) -> Text:
        return Text(masked(self.value), no_wrap=True, overflow="ignore", end="")

    def _position_to_cell(self, position: int) -> int:
        return cell_len(masked(self.value[:position]))
