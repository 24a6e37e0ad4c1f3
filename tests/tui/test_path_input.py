"""The file field of import and export: file names with control characters in them.

A file name can hold an escape sequence, and an input box draws its text as it is. What
the field draws is read from the compositor, as the terminal would get it.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.pilot import Pilot

from netui.display import masked
from netui.tui.widgets.path_input import PathInput, complete_path

EVIL = "evil\x1b]0;PWNED\x07\x9b31m\u202e.csv"
SHOWN = "evil\ufffd]0;PWNED\ufffd\ufffd31m\ufffd.csv"
CONTROLS = "\x1b\x07\x9b\u202e"


class OneField(App[None]):
    def __init__(self, value: str) -> None:
        super().__init__()
        self.value = value

    def compose(self) -> ComposeResult:
        yield PathInput(self.value, suffixes=(".csv",), id="path")


def screen_text(app: App[None]) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


async def settle(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    for _ in range(3):
        await pilot.pause()


def test_masked_keeps_one_character_for_each() -> None:
    assert masked(EVIL) == SHOWN
    assert masked("a\tb\nc") == "a b c"
    assert len(masked(EVIL)) == len(EVIL)


def test_names_that_cannot_be_shown_are_never_suggested(tmp_path: Path) -> None:
    (tmp_path / EVIL).write_text("x")
    (tmp_path / "plain.csv").write_text("x")
    assert complete_path(f"{tmp_path}/e", (".csv",)) is None
    assert complete_path(f"{tmp_path}/p", (".csv",)) == f"{tmp_path}/plain.csv"


async def test_the_field_shows_control_characters_replaced(tmp_path: Path) -> None:
    value = str(tmp_path / EVIL)
    app = OneField(value)
    async with app.run_test(size=(200, 3)) as pilot:
        field = app.query_one(PathInput)
        field.focus()
        await settle(pilot)
        text = screen_text(app)
        assert f"{tmp_path}/{SHOWN}" in text
        assert not any(char in text for char in CONTROLS)
        assert field.value == value  # the real path, still
        assert field.path == tmp_path / EVIL
        # The cursor is drawn after the last character shown, not inside it.
        assert field._cursor_offset == len(masked(value)) + 1


async def test_a_suggestion_never_draws_a_file_name_raw(tmp_path: Path) -> None:
    (tmp_path / EVIL).write_text("x")
    (tmp_path / "plain.csv").write_text("x")
    app = OneField("")
    async with app.run_test(size=(200, 3)) as pilot:
        field = app.query_one(PathInput)
        field.focus()
        field.value = f"{tmp_path}/e"
        field.cursor_position = len(field.value)
        await settle(pilot)
        assert not any(char in screen_text(app) for char in CONTROLS)
        field.value = f"{tmp_path}/p"
        field.cursor_position = len(field.value)
        await settle(pilot)
        assert f"{tmp_path}/plain.csv" in screen_text(app)
