"""What the import screen shows: file names and file text kept literal."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from builders import DANA, MARCUS, write_linkedin
from textual.pilot import Pilot
from textual.widgets import Static

from netui.io import ImportedContact, RowProblem, SourceInfo
from netui.services.importer import ImportPreview
from netui.tui.app import NetuiApp
from netui.tui.screens.import_views import source_line
from netui.tui.screens.import_wizard import ImportScreen

WaitReady = Callable[[NetuiApp, Pilot[None]], Awaitable[None]]
HOSTILE_NAME = "evil\x1b]0;pwned\x07[b]x.csv"


def is_safe(text: str) -> bool:
    return not any((ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) < 0xA0 for c in text)


def preview_of(*sample: ImportedContact | RowProblem, delimiter: str | None = ",") -> ImportPreview:
    info = SourceInfo(
        path=Path("x.csv"),
        format="linkedin",
        encoding="utf-8",
        delimiter=delimiter,
        columns=("First Name", "Nickname"),
        mapping={"First Name": "first_name"},
    )
    return ImportPreview(info, sample)


# -- the source line --------------------------------------------------------------------------


def test_source_line_names_the_file_literally_on_one_line() -> None:
    line = source_line(Path("/tmp") / HOSTILE_NAME, preview_of()).plain
    assert is_safe(line)
    assert "\n" not in line
    assert line.startswith("evil�]0;pwned�[b]x.csv: linkedin · utf-8")
    assert line.endswith("delimiter comma · 2 columns")


# -- on the screen ---------------------------------------------------------------------------


async def test_the_preview_names_a_hostile_file_literally(
    make_app: Callable[[], NetuiApp], wait_ready: WaitReady, tmp_path: Path
) -> None:
    path = write_linkedin(tmp_path / HOSTILE_NAME, DANA, MARCUS)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        assert app.services is not None
        screen = ImportScreen(app.services, initial_path=str(path))  # previews on mount
        await app.push_screen(screen)
        shown = screen.query_one("#import-info", Static)
        for _ in range(100):
            await pilot.pause(0.02)
            if shown.display:
                break
        info = str(shown.render())
        assert info.startswith("evil�]0;pwned�[b]x.csv: linkedin")
        assert is_safe(info)
