"""The review's two writers: Markdown that shows hostile names as typed, and HTML that is
one well-formed, self-contained file with every piece of text escaped."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from netui.domain.charts import Bar, Chart, Kind
from netui.domain.clean_text import clean_line
from netui.domain.report import (
    SHOWN_CHARS,
    Row,
    Section,
    Table,
    UserText,
    Week,
    WeekReport,
)
from netui.io.report_html import html_text, render_html
from netui.io.report_md import markdown_text, render_markdown

HOSTILE = (
    "*[x](javascript:1)*",
    "<script>alert('hi')</script>",
    'Ann "the quote" O\'Neil & Co',
    "[/] [bold red]not markup[/bold red] [@click=app.quit]x[/]",
    "Red\x1b[31m Alert\x1b]0;title\x07 \x9b2J done",
    "| a | b |",
    "# heading",
    "- list item",
    "1. ordered",
    "> quote",
    "`code` ~~struck~~ ==marked== $x^2$ :smile:",
    "www.example.com http://example.com ann@example.com",
    "&amp; &lt;b&gt; &#x3C;",
    "back\\slash\\*",
    "line\nbreak\ttab",
    "<img src=x onerror=alert(1)>",
)


def report_with(names: tuple[str, ...]) -> WeekReport:
    rows = tuple(
        Row((f"row {n}", UserText(name), UserText(name)), marked=n == 0)
        for n, name in enumerate(names)
    )
    section = Section(
        key="people",
        title="People",
        lines=("2 of 3 reached.",),
        table=Table(("When", "Who", "Company"), rows),
        more="… and 1 more.",
    )
    empty = Section(key="nothing", title="Nothing here", empty="Nothing is due.")
    return WeekReport(
        Week(date(2026, 11, 23)), date(2026, 11, 26), (section, empty), glance="2h of 2h30"
    )


def report_with_chart(label: str) -> WeekReport:
    """A section whose chart has ``label`` on a bar (a script's name is someone's text)."""
    charts = (
        Chart("Reply rate per script", (Bar(label, 50, "50% of 2"), Bar("Plain", 25))),
        Chart("Minutes a day", (Bar("2026-11-23", 10), Bar("2026-11-24", 40)), Kind.COLUMNS, 30),
    )
    section = Section(key="outcomes", title="Outcomes", lines=("2 reached.",), charts=charts)
    return WeekReport(Week(date(2026, 11, 23)), date(2026, 11, 26), (section,))


# --- Markdown -------------------------------------------------------------------------------

GFM = MarkdownIt("gfm-like")  # tables, strikethrough and autolinks, as GitHub renders


def inline_tokens(markdown: str) -> list[Token]:
    found = []
    for token in GFM.parse(markdown):
        for child in token.children or []:
            found.append(child)
    return found


PLAIN = {"text", "code_inline", "strong_open", "strong_close"}  # netui's own bars and marks


def table_cells(markdown: str) -> list[str]:
    """The text of every body cell of every table, in order; only plain text may be there."""
    cells: list[str] = []
    inside = False
    for token in GFM.parse(markdown):
        if token.type == "td_open":
            inside = True
        elif token.type == "td_close":
            inside = False
        elif inside and token.type == "inline":
            children = token.children or []
            assert {c.type for c in children} <= PLAIN, token.content
            cells.append("".join(c.content for c in children))
    return cells


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_name_in_markdown_is_plain_text_shown_as_typed(name: str) -> None:
    escaped = markdown_text(name)
    tokens = inline_tokens(escaped)
    assert {t.type for t in tokens} <= {"text", "softbreak"}, [t.type for t in tokens]
    assert "".join(t.content for t in tokens) == clean_line(name)


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_name_stays_inside_its_table_cell(name: str) -> None:
    cells = table_cells(render_markdown(report_with((name,))))
    assert cells == ["row 0", clean_line(name), clean_line(name)]


def test_the_markdown_has_the_title_sections_and_their_words() -> None:
    text = render_markdown(report_with(("Ada Okafor", "Bruno Salas")))
    lines = text.splitlines()
    assert lines[0] == "# Weekly review: 23–29 Nov 2026"
    assert lines[2] == "Monday to Sunday, made on Thu 26 Nov 2026 (the week is not over yet)."
    assert lines[4] == "**2h of 2h30**"
    assert "## People" in lines
    assert "## Nothing here" in lines
    assert "2 of 3 reached." in lines
    assert "| When | Who | Company |" in lines
    assert "| **row 0** | Ada Okafor | Ada Okafor |" in lines  # the marked row stands out
    assert "| row 1 | Bruno Salas | Bruno Salas |" in lines
    assert "… and 1 more." in lines
    assert "Nothing is due." in lines
    assert text.endswith("Nothing is due.\n")
    assert "\x1b" not in render_markdown(report_with(HOSTILE))


# --- HTML -----------------------------------------------------------------------------------

VOID = {"meta", "br", "hr", "img", "input", "link"}


class Reader(HTMLParser):
    """Checks nesting as it reads, and keeps every tag, attribute and piece of text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.texts: list[str] = []
        self.problems: list[str] = []
        self.decl = ""

    def handle_decl(self, decl: str) -> None:
        self.decl = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
        else:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.texts.append(data)


def read(document: str) -> Reader:
    reader = Reader()
    reader.feed(document)
    reader.close()
    assert reader.problems == []
    assert reader.open == []
    return reader


def test_the_html_is_one_well_formed_self_contained_file() -> None:
    page = read(render_html(report_with(HOSTILE)))
    assert page.decl == "DOCTYPE html"
    assert page.tags[:1] == ["html"]
    assert "script" not in page.tags
    assert not {"link", "img", "iframe", "object", "embed", "a"} & set(page.tags)
    assert not [name for name, _ in page.attributes if name.startswith("on")]
    values = " ".join(value or "" for name, value in page.attributes if name != "xmlns")
    assert "http" not in values
    assert "javascript" not in values.lower()
    assert page.tags.count("table") == 1
    assert page.tags.count("section") == 2
    policy = dict(page.attributes)["content"]
    assert policy is not None


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_name_in_html_is_text_shown_as_typed(name: str) -> None:
    page = read(render_html(report_with((name,))))
    assert page.tags.count("td") == 3  # no tag came out of the name
    assert page.texts.count(clean_line(name)) == (2 if clean_line(name) else 0)


def test_html_escapes_quotes_and_ampersands_everywhere() -> None:
    assert html_text("a\"b'c&d<e>") == "a&quot;b&#x27;c&amp;d&lt;e&gt;"
    document = render_html(report_with(('"><script>x</script>',)))
    assert "<script>" not in document
    assert "&quot;&gt;&lt;script&gt;x&lt;/script&gt;" in document


def test_the_html_has_the_title_sections_and_their_words() -> None:
    page = read(render_html(report_with(("Ada Okafor",))))
    assert page.texts[0] == "Weekly review: 23–29 Nov 2026"  # the <title>
    words_shown = ("People", "2 of 3 reached.", "Ada Okafor", "… and 1 more.", "Nothing is due.")
    for words in (*words_shown, "2h of 2h30"):
        assert words in page.texts
    assert ("class", "marked") in page.attributes
    assert ("id", "people") in page.attributes


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_label_in_a_markdown_chart_is_plain_text(name: str) -> None:
    text = render_markdown(report_with_chart(name))
    assert "**Reply rate per script**" in text.splitlines()
    assert table_cells(text)[:2] == [clean_line(name), "50% of 2"]


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_label_in_an_html_chart_is_escaped_svg_text(name: str) -> None:
    document = render_html(report_with_chart(name))
    page = read(document)
    assert page.tags.count("svg") == 2
    assert "script" not in page.tags
    assert not {"image", "use", "foreignobject", "a"} & set(page.tags)
    assert not [n for n, _ in page.attributes if n.startswith("on") or n == "href"]
    shown = clean_line(name)
    if shown:
        assert any(shown[:20] in text for text in page.texts)


def test_the_charts_show_the_figures_in_both_formats() -> None:
    text = render_markdown(report_with_chart("Warm hello"))
    assert "| Warm hello | 50% of 2 | `" in text
    assert "| 2026\\-11\\-24 | 40 | `" in text
    document = render_html(report_with_chart("Warm hello"))
    assert 'data-value="50% of 2"' in document
    assert 'data-value="40"' in document


def test_a_name_of_100000_characters_is_cut_in_both_formats() -> None:
    name = "<&*x" * 25_000
    cut = name[: SHOWN_CHARS - 1] + "…"
    markdown = render_markdown(report_with((name,)))
    assert table_cells(markdown) == ["row 0", cut, cut]
    assert len(markdown) < 4 * SHOWN_CHARS * 2 + 1000
    page = read(render_html(report_with((name,))))
    assert page.texts.count(cut) == 2
