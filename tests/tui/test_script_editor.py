"""The script editor marks placeholders as the renderer reads them, and the preview's parts."""

from __future__ import annotations

from datetime import UTC, datetime

from rich.style import Style
from textual import events
from textual.app import App, ComposeResult
from textual.strip import Strip

from netui.domain.script_render import render
from netui.domain.script_types import Script, ScriptUsage, render_script
from netui.domain.scripts import ScriptChannel
from netui.tui.widgets.script_editor import (
    KNOWN,
    UNKNOWN,
    ScriptEditor,
    pasted_text,
    placeholder_highlights,
)
from netui.tui.widgets.script_preview import character_count, rendered_content, segments_content


class EditorApp(App[None]):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield ScriptEditor(self.text, id="editor")


def style_of(strip: Strip, text: str) -> Style:
    """The style of the first segment of ``strip`` that holds ``text``."""
    for segment in strip:
        if text in segment.text:
            return segment.style or Style()
    raise AssertionError(f"{text!r} is not on the line: {strip.text!r}")


def test_highlights_follow_the_parser_in_bytes() -> None:
    lines = ["Hi {first_name}, {frist_name}", "no braces", "{{not}} é {my_name|me}"]
    marks = placeholder_highlights(lines)
    assert marks[0] == [(3, 15, KNOWN), (17, 29, UNKNOWN)]
    assert 1 not in marks
    # "é" is two bytes in UTF-8: the placeholder starts one byte later than its character.
    start = lines[2].index("{my_name")
    assert marks[2] == [(start + 1, start + 1 + len("{my_name|me}"), KNOWN)]


async def test_known_and_unknown_placeholders_are_drawn_in_different_styles() -> None:
    app = EditorApp("Hi {first_name} and {c.__class__} plain")
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        editor = app.query_one(ScriptEditor)
        strip = editor.render_line(0)
        known, unknown, plain = (
            style_of(strip, "first_name"),
            style_of(strip, "__class__"),
            style_of(strip, "plain"),
        )
        assert known != plain
        assert unknown != plain
        assert known != unknown
        assert known.bold
        assert unknown.underline


async def test_typing_a_placeholder_marks_it_at_once() -> None:
    app = EditorApp("")
    async with app.run_test(size=(80, 5)) as pilot:
        editor = app.query_one(ScriptEditor)
        editor.focus()
        await pilot.press(*"Hi {first_name}")
        await pilot.pause()
        assert editor._highlights[0] == [(3, 15, KNOWN)]
        await pilot.press("backspace")
        await pilot.pause()
        assert editor._highlights.get(0, []) == []


async def test_pasted_control_characters_are_dropped_and_lines_kept() -> None:
    app = EditorApp("")
    async with app.run_test(size=(80, 5)) as pilot:
        editor = app.query_one(ScriptEditor)
        editor.focus()
        app.post_message(events.Paste("Hi\x1b]0;x\x07 {first_name}\r\nbye\x9b"))
        await pilot.pause()
        assert editor.text == "Hi]0;x {first_name}\nbye"
    assert pasted_text("a\tb\u202e") == "a\tb"


async def test_tab_leaves_the_editor() -> None:
    app = EditorApp("text")
    async with app.run_test(size=(80, 5)) as pilot:
        editor = app.query_one(ScriptEditor)
        editor.focus()
        await pilot.press("tab")
        assert editor.text == "text"


def test_preview_parts_are_literal_and_styled_by_kind() -> None:
    rendered = render(
        "[b]Hi[/b] {first_name}, {my_ask}{oops} {company|there}",
        {"first_name": "Ann [x]", "my_ask": "", "company": ""},
    )
    content = segments_content(rendered)
    assert content.plain == "[b]Hi[/b] Ann [x], ‹my_ask›{oops} there"
    styles = {content.plain[span.start : span.end]: str(span.style) for span in content.spans}
    assert styles["Ann [x]"] == "$accent"
    assert "$error" in styles["‹my_ask›"]
    assert "$error" in styles["{oops}"]
    assert "$warning" in styles["there"]


def script(channel: ScriptChannel, subject: str, body: str) -> Script:
    now = datetime(2026, 11, 26, tzinfo=UTC)
    return Script(1, "S", channel, subject, body, None, True, 1, 1, now, None, ScriptUsage())


def test_an_email_preview_starts_with_its_subject_and_counts_only_the_body() -> None:
    email = render_script(
        script(ScriptChannel.EMAIL, "Hi {first_name}", "Body"),
        ScriptChannel.EMAIL,
        1,
        {"first_name": "Bo"},
    )
    assert rendered_content(email).plain == "Subject: Hi Bo\n\nBody"
    assert character_count(email).plain == "4 characters"


def test_the_count_is_against_the_channel_limit_and_says_when_over() -> None:
    note = render_script(
        script(ScriptChannel.LINKEDIN_INVITE, "", "x" * 210), ScriptChannel.LINKEDIN_INVITE, 1, {}
    )
    count = character_count(note)
    assert count.plain == "210/200 characters: 10 over"
    assert any("$error" in str(span.style) for span in count.spans)
    short = render_script(script(ScriptChannel.TEXT, "", "hello"), ScriptChannel.TEXT, 1, {})
    assert character_count(short).plain == "5/160 characters"
