"""The virtual contact table: keys, mouse, messages, literal user text, alignment, size."""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import date

import pytest
from rich.cells import cell_len
from textual import events
from textual.app import App, ComposeResult

from netui.domain.listing import make_haystack
from netui.domain.types import ContactRow, DatePrecision, TriageStatus
from netui.tui.text import one_line, printable
from netui.tui.widgets.contact_columns import column_layout
from netui.tui.widgets.contact_table import ContactTable

TODAY = date(2025, 6, 1)


def make_row(
    id: int,
    name: str | None = None,
    *,
    company: str = "Acme",
    title: str = "Engineer",
    status: TriageStatus = TriageStatus.NEW,
    rank: int | None = None,
    strength: int | None = 3,
    last: date | None = date(2021, 3, 4),
) -> ContactRow:
    name = f"Person {id:05d}" if name is None else name
    return ContactRow(
        id=id,
        full_name=name,
        company=company,
        title=title,
        status=status,
        top20_rank=rank,
        strength=strength,
        last_contacted=last,
        last_contacted_precision=DatePrecision.DAY if last else None,
        priority=0.0,
        haystack=make_haystack(name, company, title),
    )


def make_rows(count: int) -> list[ContactRow]:
    return [make_row(i) for i in range(count)]


class TableApp(App[None]):
    def __init__(self, rows: Sequence[ContactRow] = ()) -> None:
        super().__init__()
        self.initial_rows = rows
        self.highlighted: list[int | None] = []
        self.activated: list[int] = []
        self.quit_called = False

    def compose(self) -> ComposeResult:
        yield ContactTable(self.initial_rows, today=TODAY, id="table")

    @property
    def table(self) -> ContactTable:
        return self.query_one(ContactTable)

    def on_contact_table_highlighted(self, message: ContactTable.Highlighted) -> None:
        assert isinstance(message.control, ContactTable)
        self.highlighted.append(message.contact_id)

    def on_contact_table_activated(self, message: ContactTable.Activated) -> None:
        self.activated.append(message.contact_id)

    async def action_quit(self) -> None:
        self.quit_called = True


def lines(table: ContactTable) -> list[str]:
    return [table.render_line(y).text for y in range(table.size.height)]


def cursor_row_id(table: ContactTable) -> int | None:
    row = table.current_row
    return row.id if row else None


# -- keys ------------------------------------------------------------------------------------


async def test_navigation_keys() -> None:
    app = TableApp(make_rows(100))
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.table
        assert table.has_focus
        assert table.cursor_index == 0
        await pilot.press("down", "j", "j")
        assert table.cursor_index == 3
        await pilot.press("k", "up")
        assert table.cursor_index == 1
        await pilot.press("up", "up")  # stops at the top
        assert table.cursor_index == 0
        await pilot.press("G")
        await pilot.pause()
        assert table.cursor_index == 99
        assert table.scroll_offset.y == table.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert table.cursor_index == 0
        assert table.scroll_offset.y == 0
        await pilot.press("end")
        assert table.cursor_index == 99
        await pilot.press("home")
        assert table.cursor_index == 0
        page = 24 - 1  # the header takes a line
        await pilot.press("pagedown")
        assert table.cursor_index == page
        await pilot.press("pagedown")
        assert table.cursor_index == 2 * page
        await pilot.press("pageup")
        assert table.cursor_index == page
        await pilot.press("pageup", "pageup")
        assert table.cursor_index == 0


async def test_cursor_stays_visible_and_header_stays_fixed() -> None:
    app = TableApp(make_rows(100))
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.table
        await pilot.press("pagedown", *["j"] * 17)
        await pilot.pause()
        top = table.scroll_offset.y
        assert top <= table.cursor_index < top + 23
        shown = lines(table)
        assert shown[0].lstrip().startswith("Name")
        assert "Person 00040" in shown[table.cursor_index - top + 1]


async def test_space_toggles_selection_and_moves_down() -> None:
    app = TableApp(make_rows(10))
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.table
        await pilot.press("space", "space", "j", "space")
        assert table.selected_ids == {0, 1, 3}
        assert table.cursor_index == 4
        assert lines(table)[1].startswith("✓ Person 00000")
        assert lines(table)[3].startswith("  Person 00002")
        await pilot.press("k", "space")  # deselects 3
        assert table.selected_ids == {0, 1}
        table.clear_selection()
        assert table.selected_ids == frozenset()
        assert not any(line.startswith("✓") for line in lines(table))


async def test_selection_of_contacts_no_longer_shown_is_dropped() -> None:
    app = TableApp(make_rows(10))
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.table
        await pilot.press("space", "space")
        table.set_rows(make_rows(10)[1:])
        assert table.selected_ids == {1}


# -- messages --------------------------------------------------------------------------------


async def test_highlighted_posted_only_when_contact_changes() -> None:
    app = TableApp(make_rows(5))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.highlighted == [0]
        await pilot.press("up", "down", "down", "G", "end", "down")
        await pilot.pause()
        assert app.highlighted == [0, 1, 2, 4]
        app.table.set_rows(make_rows(5), keep_cursor_on=4)  # same contact: no message
        app.table.set_rows([])
        await pilot.pause()
        assert app.highlighted == [0, 1, 2, 4, None]


async def test_enter_click_and_double_click() -> None:
    app = TableApp(make_rows(30))
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.table
        await pilot.press("enter")
        await pilot.pause()
        assert app.activated == [0]
        assert await pilot.click(ContactTable, offset=(5, 3))  # line 3 = row 2
        await pilot.pause()
        assert table.cursor_index == 2
        assert app.activated == [0]
        await pilot.click(ContactTable, offset=(5, 0))  # the header: nothing happens
        assert table.cursor_index == 2
        await pilot.double_click(ContactTable, offset=(5, 5))
        await pilot.pause()
        assert table.cursor_index == 4
        assert app.activated == [0, 4]


async def test_mouse_wheel_scrolls() -> None:
    app = TableApp(make_rows(100))
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.table
        for _ in range(3):
            table.post_message(events.MouseScrollDown(table, 5, 5, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert table.scroll_offset.y > 0
        assert table.cursor_index == 0  # the wheel scrolls the view, not the cursor


# -- API -------------------------------------------------------------------------------------


async def test_keep_cursor_on_contact_else_clamp() -> None:
    rows = make_rows(50)
    app = TableApp(rows)
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.table
        assert table.move_cursor_to_id(30)
        await pilot.pause()
        table.set_rows(list(reversed(rows)), keep_cursor_on=30)
        assert cursor_row_id(table) == 30
        assert table.cursor_index == 19
        # The contact is gone: the position is kept, clamped to the new rows.
        table.set_rows(rows[:10], keep_cursor_on=30)
        assert table.cursor_index == 9
        assert cursor_row_id(table) == 9
        assert not table.move_cursor_to_id(999)
        assert table.cursor_index == 9
        table.cursor_index = 3
        table.advance()
        assert cursor_row_id(table) == 4
        table.cursor_index = 9
        table.advance()  # the last row stays put
        assert table.cursor_index == 9


async def test_empty_state_message() -> None:
    app = TableApp([])
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.table
        table.empty_message = "No contacts match “[b]foo”"
        await pilot.pause()
        assert table.current_row is None
        shown = lines(table)
        assert shown[0].lstrip().startswith("Name")
        (line,) = [line for line in shown if line.strip()][1:]
        assert line.strip() == "No contacts match “[b]foo”"
        left = len(line) - len(line.lstrip())
        right = len(line) - len(line.rstrip())
        assert abs(left - right) <= 1
        await pilot.press("j", "space", "enter", "G")
        assert app.activated == []
        assert table.selected_ids == frozenset()


async def test_columns_and_labels() -> None:
    rows = [
        make_row(1, "Ann", status=TriageStatus.TOP20, rank=3, strength=4),
        make_row(2, "Bob", status=TriageStatus.ARCHIVED, strength=None, last=None),
        make_row(3, "Cy", company="", title="", status=TriageStatus.LATER),
    ]
    app = TableApp(rows)
    async with app.run_test(size=(80, 24)):
        shown = lines(app.table)
        words = [" ".join(line.split()) for line in shown[:4]]
        assert words == [
            "Name Company · Title Last contact Status Strength",
            "Ann Acme · Engineer about 4 years Top 20 #3 ●●●●○",
            "Bob Acme · Engineer never archived –",
            "Cy about 4 years later ●●●○○",
        ]


@pytest.mark.parametrize("width", [80, 120])
async def test_columns_adapt_to_width_and_truncate(width: int) -> None:
    long_name = "Maximilian Alexander Fitzgerald-Worthington III"
    rows = [make_row(1, long_name, company="International Business Machines", title="CTO")]
    app = TableApp(rows)
    async with app.run_test(size=(width, 36)):
        table = app.table
        shown = lines(table)
        assert all(cell_len(line) == table.scrollable_content_region.width for line in shown)
        assert "…" in shown[1]
        assert "Strength" in shown[0]
        name_width = dict(column_layout(table.scrollable_content_region.width))["name"]
        assert shown[1][2 : 2 + name_width] == long_name[: name_width - 1] + "…"
        if width == 120:
            assert "International Business Machines · CTO" in shown[1]


# -- user text is literal ------------------------------------------------------------------------


async def test_hostile_names_render_literally_and_do_nothing_when_clicked() -> None:
    rows = [
        make_row(1, "[bold]Ann[/]"),
        make_row(2, "[@click=app.quit]x", company="[link=https://evil]co[/link]"),
        make_row(3, "Eve \x1b[2J\x1b]0;pwned\x07 \x9b31m"),
        make_row(4, "Line\nbreak\ttab"),
    ]
    app = TableApp(rows)
    async with app.run_test(size=(120, 36)) as pilot:
        table = app.table
        shown = lines(table)
        assert "[bold]Ann[/]" in shown[1]
        assert "[@click=app.quit]x" in shown[2]
        assert "[link=https://evil]co[/link]" in shown[2]
        assert "Eve �[2J�]0;pwned� �31m" in shown[3]
        assert "Line break tab" in shown[4]
        for y in range(1, 5):
            for segment in table.render_line(y):
                assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in segment.text)
                assert not (segment.style and segment.style.meta)
        await pilot.click(ContactTable, offset=(4, 2))
        await pilot.double_click(ContactTable, offset=(4, 2))
        await pilot.pause()
        assert not app.quit_called
        assert app.activated == [2]
        svg = app.export_screenshot()
        assert "\x1b" not in svg


def test_display_text_strips_controls() -> None:
    assert one_line("a\x1bb\x00c\x7fd\x85e") == "a�b�c�d�e"
    assert one_line("r\u202eevil\u2066x") == "revilx"
    assert one_line("ok 李 🎉") == "ok 李 🎉"
    assert one_line("two\nlines") == "two lines"
    assert printable("two\nlines\x1b[31m") == "two\nlines�[31m"


async def test_wide_characters_keep_columns_aligned() -> None:
    rows = [
        make_row(1, "李小龍 Bruce"),
        make_row(2, "🎉🎉 Party Person"),
        make_row(3, "Zoë 👩🏽‍💻 Coder with a long name 漢字漢字漢字漢字"),
        make_row(4, "Plain"),
    ]
    app = TableApp(rows)
    async with app.run_test(size=(80, 24)):
        table = app.table
        width = table.scrollable_content_region.width
        starts = set()
        for y in range(1, 5):
            strip = table.render_line(y)
            assert strip.cell_length == width
            text = strip.text
            starts.add(cell_len(text[: text.index("Acme")]))
        assert len(starts) == 1


async def test_theme_change_restyles_rows() -> None:
    app = TableApp(make_rows(5))
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "textual-dark"
        await pilot.pause()
        before = app.table.render_line(1)
        app.theme = "textual-light"
        await pilot.pause()
        after = app.table.render_line(1)
        assert before.text == after.text
        assert list(before) != list(after)


# -- size ------------------------------------------------------------------------------------


async def test_thirty_thousand_rows() -> None:
    rows = make_rows(30_000)
    app = TableApp()
    async with app.run_test(size=(120, 36)) as pilot:
        table = app.table
        started = time.perf_counter()
        table.set_rows(rows)
        await pilot.pause()
        assert time.perf_counter() - started < 2.0  # in practice a few milliseconds
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_index == 29_999
        shown = lines(table)
        assert "Person 29999" in shown[-1]
        assert "Person&#160;29999" in app.export_screenshot()
        await pilot.press("pageup")
        assert table.cursor_index == 29_999 - 35


async def test_cursor_looks_different_without_focus() -> None:
    app = TableApp(make_rows(5))
    async with app.run_test(size=(80, 24)) as pilot:
        focused = list(app.table.render_line(1))
        app.set_focus(None)
        await pilot.pause()
        assert not app.table.has_focus
        assert list(app.table.render_line(1)) != focused
        app.set_focus(app.table)
        await pilot.pause()
        assert list(app.table.render_line(1)) == focused


async def test_a_row_given_again_changed_is_drawn_again() -> None:
    """Strips are kept across set_rows (a search keeps most rows), each with its row."""
    rows = make_rows(3)
    app = TableApp(rows)
    async with app.run_test(size=(80, 10)) as pilot:
        table = app.table
        await pilot.pause()
        assert "Person 00001" in lines(table)[2]
        kept = lines(table)
        table.set_rows(rows)
        assert lines(table) == kept
        table.set_rows([rows[0], make_row(1, "Renamed Person"), rows[2]])
        assert "Renamed Person" in lines(table)[2]
