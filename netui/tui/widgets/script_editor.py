"""The script editor: a TextArea that shows which ``{placeholders}`` netui will fill in.

Placeholders are found by the same parser that renders them
(:func:`netui.domain.script_render.find_placeholders`), so the editor can never disagree
with the preview: a known name is styled one way, anything netui will leave as written
(``{frist_name}``, ``{c.__class__}``) another. There is no tree-sitter grammar for scripts,
so the highlight map that Textual 8's TextArea builds from a syntax tree is built here from
those spans instead; ``tests/tui/test_script_editor.py`` fails if Textual changes the hook.

Tab moves focus on (``tab_behavior="focus"``) so ``tab`` still goes from pane to pane,
the text wraps, and pasted text loses its control characters before it is inserted.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import TextArea

from netui.display import printable
from netui.domain.script_render import find_placeholders

__all__ = ["KNOWN", "UNKNOWN", "ScriptEditor", "pasted_text", "placeholder_highlights"]

KNOWN = "netui.placeholder"
UNKNOWN = "netui.unknown_placeholder"

Highlight = tuple[int, int | None, str]


def placeholder_highlights(lines: list[str]) -> dict[int, list[Highlight]]:
    """Per line, the placeholders as TextArea highlights: (start byte, end byte, name).

    A placeholder never spans lines (the parser stops at a line break), so each line is
    parsed on its own. TextArea counts highlight columns in UTF-8 bytes.
    """
    found: dict[int, list[Highlight]] = {}
    for row, line in enumerate(lines):
        if "{" not in line:
            continue
        spans = find_placeholders(line)
        if not spans:
            continue
        ascii_line = line.isascii()
        marks: list[Highlight] = []
        for span in spans:
            start, end = span.start, span.end
            if not ascii_line:
                start = len(line[:start].encode("utf-8"))
                end = start + len(line[span.start : span.end].encode("utf-8"))
            marks.append((start, end, KNOWN if span.known else UNKNOWN))
        found[row] = marks
    return found


def pasted_text(text: str) -> str:
    """Pasted text as it may enter the editor: line breaks kept, control characters dropped."""
    return printable(text.replace("\r\n", "\n"), control="")


class ScriptEditor(TextArea):
    """Edits a script's text; placeholders highlighted, known and unknown apart."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "script-editor--placeholder",
        "script-editor--unknown",
    }

    DEFAULT_CSS = """
    ScriptEditor .script-editor--placeholder { color: $accent; text-style: bold; }
    ScriptEditor .script-editor--unknown { color: $error; text-style: bold underline; }
    """

    def __init__(self, text: str = "", *, id: str | None = None) -> None:
        super().__init__(
            text,
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            highlight_cursor_line=False,
            id=id,
        )

    def _build_highlight_map(self) -> None:
        """Textual calls this after every edit: mark the placeholders instead of syntax."""
        self._line_cache.clear()
        self._highlights.clear()
        self._highlights.update(placeholder_highlights(self.document.lines))

    def render_lines(self, crop: Region) -> list[Strip]:
        """Give the theme the placeholder styles (from this widget's CSS) before drawing."""
        theme = self._theme
        if theme is not None:
            styles = {
                KNOWN: self.get_component_rich_style("script-editor--placeholder"),
                UNKNOWN: self.get_component_rich_style("script-editor--unknown"),
            }
            if any(theme.syntax_styles.get(name) != style for name, style in styles.items()):
                # A new dict: the theme object shares its mapping with Textual's built-in.
                theme.syntax_styles = {**theme.syntax_styles, **styles}
                self._line_cache.clear()
        return super().render_lines(crop)

    async def _on_paste(self, event: events.Paste) -> None:
        # Runs before TextArea's own paste handler, which then inserts the cleaned text.
        event.text = pasted_text(event.text)
