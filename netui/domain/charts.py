"""One small chart model, drawn three ways: terminal cells, Markdown text and inline SVG.

The stats screen, ``netui stats`` and the weekly report all draw a :class:`Chart` through
this module, so the same figures come out in each, with the same rounding and the same
labels. Labels are user text (script names, people's names): the cells carry them as plain
text with a role (never markup), Markdown escapes its punctuation, SVG escapes them as XML.

The terminal output is pure too: lines of ``(text, role)`` cells; the app maps each
:class:`Role` to a theme style and the command line prints the text as it is.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from netui.domain.clean_text import clean_line

__all__ = [
    "Bar",
    "Cell",
    "CellLine",
    "Chart",
    "Kind",
    "Role",
    "cell_lines",
    "chart_markdown",
    "chart_svg",
    "charts_text",
    "line_text",
    "markdown_text",
]

EIGHTHS = " ▏▎▍▌▋▊▉█"
"""Partial blocks for horizontal bars, by eighths of a cell."""
RISING = " ▁▂▃▄▅▆▇█"
"""Partial blocks for columns, by eighths of a cell."""
ELLIPSIS = "…"


class Kind(StrEnum):
    BARS = "bars"
    """One horizontal bar per label (people per week, reply rate per script)."""
    FUNNEL = "funnel"
    """Bars centred on one axis, widest first: how far people got."""
    COLUMNS = "columns"
    """Vertical columns in time order (minutes per day), labelled under the first and last."""


class Role(StrEnum):
    """What a cell is, for the app's styles (the command line ignores them)."""

    TITLE = "title"
    LABEL = "label"
    BAR = "bar"
    GOOD = "good"
    """A bar that met the chart's target."""
    EMPTY = "empty"
    VALUE = "value"
    NOTE = "note"


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    text: str = ""
    """How the value is written (``45 min``, ``50%``); empty: the number itself."""

    @property
    def shown(self) -> str:
        if self.text:
            return self.text
        return str(int(self.value)) if float(self.value).is_integer() else f"{self.value:.1f}"


@dataclass(frozen=True, slots=True)
class Chart:
    """Bars to draw; ``target`` (when set) marks the bars that reached it."""

    title: str
    bars: tuple[Bar, ...]
    kind: Kind = Kind.BARS
    target: float | None = None
    maximum: float | None = None
    """The value a full bar stands for (default: the largest value, or the target)."""
    note: str = ""
    """One line under the chart (``goal 30 min a day``)."""

    @property
    def top(self) -> float:
        if self.maximum is not None and self.maximum > 0:
            return self.maximum
        values = [bar.value for bar in self.bars if math.isfinite(bar.value)]
        return max([*values, self.target or 0.0, 0.0]) or 1.0

    def met(self, bar: Bar) -> bool:
        return self.target is not None and self.target > 0 and bar.value >= self.target

    def fraction(self, bar: Bar) -> float:
        """How much of a full bar ``bar`` fills, 0..1 (nonsense values draw as nothing)."""
        if not math.isfinite(bar.value) or bar.value <= 0:
            return 0.0
        return min(1.0, bar.value / self.top)


Cell = tuple[str, Role]
CellLine = tuple[Cell, ...]


def _label(text: str, width: int) -> str:
    text = clean_line(text)
    if len(text) > width:
        return text[: max(0, width - 1)] + ELLIPSIS if width else ""
    return text


def _blocks(fraction: float, width: int, partials: str) -> tuple[str, int]:
    """Full blocks and one partial for ``fraction`` of ``width`` cells; and cells used."""
    eighths = round(fraction * width * 8)
    if fraction > 0 and eighths == 0:
        eighths = 1  # something is there: show a sliver
    full, part = divmod(eighths, 8)
    text = partials[-1] * full + (partials[part] if part else "")
    return text, len(text)


def _bar_lines(chart: Chart, width: int) -> list[CellLine]:
    value_width = max((len(bar.shown) for bar in chart.bars), default=0)
    room = max(0, min(max(4, width // 3), width - value_width - 3))
    labels = [_label(bar.label, room) for bar in chart.bars]
    label_width = max((len(label) for label in labels), default=0)
    bar_width = max(1, width - label_width - value_width - 2)
    lines: list[CellLine] = []
    for bar, label in zip(chart.bars, labels, strict=True):
        blocks, used = _blocks(chart.fraction(bar), bar_width, EIGHTHS)
        if chart.kind is Kind.FUNNEL:
            left = (bar_width - used) // 2
            filled: list[Cell] = [(" " * left, Role.EMPTY), (blocks, _role(chart, bar))]
            rest = bar_width - used - left
        else:
            filled, rest = [(blocks, _role(chart, bar))], bar_width - used
        lines.append(
            (
                (label.ljust(label_width), Role.LABEL),
                (" ", Role.EMPTY),
                *filled,
                (" " * rest, Role.EMPTY),
                (" ", Role.EMPTY),
                (bar.shown.rjust(value_width), Role.VALUE),
            )
        )
    return lines


def _role(chart: Chart, bar: Bar) -> Role:
    return Role.GOOD if chart.met(bar) else Role.BAR


def _column_lines(chart: Chart, width: int, height: int) -> list[CellLine]:
    bars = chart.bars[-width:] if width > 0 else ()
    levels = [round(chart.fraction(bar) * height * 8) for bar in bars]
    levels = [
        1 if chart.fraction(bar) > 0 and level == 0 else level
        for bar, level in zip(bars, levels, strict=True)
    ]
    lines: list[CellLine] = []
    for row in range(height - 1, -1, -1):
        cells: list[Cell] = []
        for bar, level in zip(bars, levels, strict=True):
            fill = min(8, max(0, level - 8 * row))
            cells.append((RISING[fill], _role(chart, bar) if fill else Role.EMPTY))
        lines.append(tuple(cells))
    if bars:
        first, last = clean_line(bars[0].label), clean_line(bars[-1].label)
        gap = len(bars) - len(first) - len(last)
        under = first + " " * gap + last if gap >= 1 else _label(last, len(bars)).rjust(len(bars))
        lines.append(((under, Role.NOTE),))
    return lines


def cell_lines(chart: Chart, width: int = 60, height: int = 4) -> list[CellLine]:
    """The chart as terminal lines ``width`` cells wide (columns: ``height`` rows of bars)."""
    width = max(8, width)
    lines: list[CellLine] = [((_label(chart.title, width), Role.TITLE),)]
    if not chart.bars:
        lines.append(((_label("nothing yet", width), Role.NOTE),))
    elif chart.kind is Kind.COLUMNS:
        lines.extend(_column_lines(chart, width, max(1, height)))
    else:
        lines.extend(_bar_lines(chart, width))
    if chart.note:
        lines.append(((_label(chart.note, width), Role.NOTE),))
    return lines


def line_text(line: CellLine) -> str:
    """A line of cells as plain text (what the command line prints)."""
    return "".join(text for text, _ in line).rstrip()


# -- Markdown ------------------------------------------------------------------------------

# Also ``:`` and ``@`` (autolinks such as http://x.y and a@b.c, emoji codes), ``$`` (math),
# ``=`` and ``^`` (highlights, footnotes) for the renderers that know them.
_MARKDOWN_SPECIAL = frozenset("\\`*_{}[]<>()#+-.!|~&:@$=^")


def markdown_text(text: str) -> str:
    """User text that Markdown shows literally: every punctuation it could act on escaped."""
    return "".join("\\" + c if c in _MARKDOWN_SPECIAL else c for c in clean_line(text))


def chart_markdown(chart: Chart, bar_width: int = 20) -> str:
    """A heading line and a table: label, value and a bar of text blocks."""
    rows = [f"**{markdown_text(chart.title)}**", ""]
    if not chart.bars:
        rows.append("_nothing yet_")
    else:
        rows += ["| | value | |", "|---|---:|---|"]
        for bar in chart.bars:
            blocks, _ = _blocks(chart.fraction(bar), bar_width, EIGHTHS)
            mark = " ✓" if chart.met(bar) else ""
            label, value = markdown_text(bar.label), markdown_text(bar.shown)
            rows.append(f"| {label} | {value} | `{blocks or ' '}`{mark} |")
    if chart.note:
        rows += ["", markdown_text(chart.note)]
    return "\n".join(rows) + "\n"


# -- SVG -------------------------------------------------------------------------------------

ROW = 22
LABEL_SPACE = 150
VALUE_SPACE = 70
TITLE_SPACE = 28
FONT = 'font-family="sans-serif" font-size="12"'
LABEL_CHARS = 22
"""A bar's label in SVG is cut to what fits in its space."""


def _xml_text(text: str) -> str:
    """``text`` as XML character data.

    Written out rather than taken from ``xml.sax.saxutils``, whose import pulls in
    ``urllib`` and ``http.client``: tens of milliseconds for three replacements.
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _xml_attribute(value: str) -> str:
    """``value`` as a double-quoted XML attribute, whitespace kept as character references."""
    quoted = _xml_text(value).replace('"', "&quot;")
    return '"' + quoted.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;") + '"'


def _bar_attributes(chart: Chart, bar: Bar) -> str:
    return f"class={_xml_attribute(_role(chart, bar).value)} data-value={_xml_attribute(bar.shown)}"


def _text(x: float, y: float, value: str, extra: str = "", limit: int = 90) -> str:
    shown = _xml_text(_label(value, limit))
    return f'<text x="{x:.1f}" y="{y:.1f}" {FONT}{extra}>{shown}</text>'


def _svg_bars(chart: Chart, width: int) -> tuple[list[str], int]:
    span = width - LABEL_SPACE - VALUE_SPACE
    parts: list[str] = []
    for index, bar in enumerate(chart.bars):
        y = TITLE_SPACE + index * ROW
        length = chart.fraction(bar) * span
        x = LABEL_SPACE + ((span - length) / 2 if chart.kind is Kind.FUNNEL else 0)
        parts.append(
            f"<g {_bar_attributes(chart, bar)}>"
            f"{_text(4, y + 15, bar.label, limit=LABEL_CHARS)}"
            f'<rect x="{x:.1f}" y="{y + 3}" width="{length:.1f}" height="{ROW - 6}" rx="2"/>'
            f"{_text(width - VALUE_SPACE + 6, y + 15, bar.shown)}</g>"
        )
    return parts, TITLE_SPACE + len(chart.bars) * ROW


def _svg_columns(chart: Chart, width: int) -> tuple[list[str], int]:
    plot = 100
    step = (width - 8) / max(1, len(chart.bars))
    parts: list[str] = []
    for index, bar in enumerate(chart.bars):
        tall = chart.fraction(bar) * plot
        x = 4 + index * step
        parts.append(
            f"<g {_bar_attributes(chart, bar)}>"
            f"<title>{_xml_text(_label(bar.label, 90))}: {_xml_text(_label(bar.shown, 30))}</title>"
            f'<rect x="{x:.1f}" y="{TITLE_SPACE + plot - tall:.1f}"'
            f' width="{max(1.0, step - 1):.1f}" height="{tall:.1f}"/></g>'
        )
    bottom = TITLE_SPACE + plot + 16
    if chart.bars:
        parts.append(_text(4, bottom, chart.bars[0].label))
        parts.append(_text(width - 4, bottom, chart.bars[-1].label, ' text-anchor="end"'))
    return parts, bottom + 4


def chart_svg(chart: Chart, width: int = 560) -> str:
    """An ``<svg>`` element to inline in HTML: no scripts, no external fonts or images."""
    width = max(LABEL_SPACE + VALUE_SPACE + 40, width)
    if chart.kind is Kind.COLUMNS:
        parts, height = _svg_columns(chart, width)
    else:
        parts, height = _svg_bars(chart, width)
    if not chart.bars:
        parts.append(_text(4, TITLE_SPACE + 14, "nothing yet"))
        height += ROW
    if chart.note:
        height += ROW
        parts.append(_text(4, height - 6, chart.note, ' class="note"'))
    title = _xml_text(_label(chart.title, 90))
    style = (
        "<style>rect{fill:#4a7fb5}.good rect{fill:#3f9b5a}text{fill:currentColor}"
        ".note{opacity:.7}</style>"
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}"><title>{title}</title>{style}'
        f"{_text(4, 18, chart.title, ' font-weight=' + _xml_attribute('bold'))}"
        + "".join(parts)
        + "</svg>"
    )


def charts_text(charts: Sequence[Chart], width: int = 60) -> list[str]:
    """Several charts as plain terminal text, a blank line between them."""
    lines: list[str] = []
    for chart in charts:
        if lines:
            lines.append("")
        lines.extend(line_text(line) for line in cell_lines(chart, width))
    return lines
