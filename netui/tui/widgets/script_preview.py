"""The preview: a script filled in for one contact, each part styled by what it is.

Built from the renderer's segments as ``Content`` (never markup): the script's own words
plain, a filled value in the accent colour, a fallback in the warning colour, a value that
is missing marked where it would go (the mark is not part of the text that is copied),
and a placeholder netui does not know in the error colour, as written. Under it, the
warnings one per line, and a character count against the channel's limit.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content, Span
from textual.widgets import Static

from netui.domain.script_render import Rendered, SegmentKind
from netui.domain.script_types import RenderedScript
from netui.tui.text import literal_line, one_line, printable

__all__ = ["ScriptPreview", "character_count", "rendered_content", "segments_content"]

STYLES = {
    SegmentKind.TEXT: "",
    SegmentKind.VALUE: "$accent",
    SegmentKind.FALLBACK: "$warning italic",
    SegmentKind.UNKNOWN: "$error bold underline",
}
MISSING_STYLE = "$error reverse"


def segments_content(rendered: Rendered) -> Content:
    """One rendered text as styled Content, every character from the text shown literally.

    Built as one string with spans rather than a Content per segment: a 5,000-character
    script has hundreds of segments, and this runs on every keystroke.
    """
    pieces: list[str] = []
    spans: list[Span] = []
    at = 0
    for segment in rendered.segments:
        if segment.kind is SegmentKind.MISSING:
            text, style = one_line(f"‹{segment.name}›"), MISSING_STYLE
        else:
            text, style = printable(segment.text), STYLES[segment.kind]
        if not text:
            continue
        if style:
            spans.append(Span(at, at + len(text), style))
        pieces.append(text)
        at += len(text)
    return Content("".join(pieces), spans)


def rendered_content(rendered: RenderedScript) -> Content:
    """The whole preview text: ``Subject:`` and a blank line first for an email."""
    body = segments_content(rendered.body)
    if rendered.subject is None:
        return body
    return Content.assemble(("Subject: ", "bold"), segments_content(rendered.subject), "\n\n", body)


def character_count(rendered: RenderedScript) -> Content:
    """``132/200 characters`` against the channel's limit (in the error colour when over)."""
    length = rendered.length
    if rendered.limit is None:
        return Content(f"{length:,} characters")
    text = f"{length:,}/{rendered.limit:,} characters"
    if rendered.over_limit:
        return Content.styled(f"{text}: {length - rendered.limit:,} over", "$error bold")
    return Content(text)


class ScriptPreview(Vertical):
    """Shows a :class:`RenderedScript`; the pane calls :meth:`show` (attributes down)."""

    DEFAULT_CSS = """
    ScriptPreview { height: 1fr; }
    ScriptPreview > #preview-title {
        height: 1; color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis;
    }
    ScriptPreview > VerticalScroll { height: 1fr; min-height: 2; }
    ScriptPreview > #preview-warnings {
        height: auto; max-height: 4; color: $warning; text-wrap: nowrap; text-overflow: ellipsis;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="preview-title", markup=False)
        with VerticalScroll(id="preview-scroll"):
            yield Static("", id="preview-text", markup=False)
        yield Static("", id="preview-warnings", markup=False)

    def show(self, rendered: RenderedScript | None, who: str, note: str = "") -> None:
        """The text for ``who`` (a contact's name, or what stands in for one); ``note`` is
        said in the title when the preview is not what it seems (no contact, unreadable)."""
        title = Content.assemble("For ", literal_line(who, "bold"))
        if note:
            title = Content.assemble(title, " · ", literal_line(note))
        if rendered is None:
            self.query_one("#preview-title", Static).update(title)
            self.query_one("#preview-text", Static).update("")
            self.query_one("#preview-warnings", Static).update("")
            return
        title = Content.assemble(character_count(rendered), " · ", title)  # a long name last
        self.query_one("#preview-title", Static).update(title)
        self.query_one("#preview-text", Static).update(rendered_content(rendered))
        warnings = self.query_one("#preview-warnings", Static)
        warnings.update(Content("\n").join(literal_line(f"⚠ {w}") for w in rendered.warnings))
        warnings.display = bool(rendered.warnings)
