"""One chart model, three drawings: the cells, the Markdown and the SVG say the same thing."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netui.domain.charts import (
    Bar,
    Chart,
    Kind,
    Role,
    cell_lines,
    chart_markdown,
    chart_svg,
    line_text,
    markdown_text,
)
from netui.domain.clean_text import clean_line
from netui.domain.stats import build_stats
from netui.domain.stats_charts import stats_charts
from netui.domain.stats_outcomes import InteractionFact
from netui.domain.types import Outcome

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "[b]Bo[/b] <script>alert(1)</script> & \x1b[31m | *x* [@click=app.quit]"


def from_cells(chart: Chart) -> list[tuple[str, str]]:
    """(label, value) of each bar line, read back from the cells."""
    lines = cell_lines(chart, width=70)[1:]
    return [
        (line[0][0].strip(), line[-1][0].strip())
        for line in lines
        if line and line[-1][1] is Role.VALUE
    ]


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def from_markdown(chart: Chart) -> list[tuple[str, str]]:
    rows = []
    for line in chart_markdown(chart).splitlines():
        if not line.startswith("| ") or line.startswith(("| |", "|---")):
            continue
        cells = re.split(r"(?<!\\) \| ", line[2:])
        rows.append((_unescape(cells[0]), _unescape(cells[1])))
    return rows


def from_svg(chart: Chart) -> list[tuple[str, str]]:
    root = ET.fromstring(chart_svg(chart))
    rows = []
    for group in root.iter(f"{SVG}g"):
        texts = [t.text or "" for t in group.iter(f"{SVG}text")]
        rows.append((texts[0], texts[-1]) if texts else ("", group.get("data-value", "")))
    return rows


def sample_charts() -> tuple[Chart, ...]:
    today = date(2026, 11, 26)
    facts = [
        InteractionFact(n % 9, today - timedelta(days=n % 40), outcome, f"script {n % 3}")
        for n, outcome in enumerate(list(Outcome) * 6)
    ]
    stats = build_stats(
        today=today,
        days=30,
        seconds_by_day={today - timedelta(days=n): n * 97.0 for n in range(30)},
        goal_minutes=30,
        facts=facts,
        top20_members=18,
        top20_reached=7,
    )
    return stats_charts(stats)


@pytest.mark.parametrize("chart", sample_charts(), ids=lambda c: c.title)
def test_the_three_drawings_carry_the_same_numbers(chart: Chart) -> None:
    expected = [(bar.label, bar.shown) for bar in chart.bars]
    markdown = from_markdown(chart)
    assert markdown == expected
    svg = from_svg(chart)
    if chart.kind is Kind.COLUMNS:
        assert [value for _, value in svg] == [bar.shown for bar in chart.bars]
        assert len(cell_lines(chart, width=90)[1]) == len(chart.bars)  # one cell per day
    else:
        assert svg == expected
        assert from_cells(chart) == expected


def test_a_hostile_label_is_escaped_in_svg_and_literal_in_cells_and_markdown() -> None:
    chart = Chart(HOSTILE, (Bar(HOSTILE, 3), Bar("plain", 1)), note=HOSTILE)
    svg = chart_svg(chart, width=900)
    root = ET.fromstring(svg)  # parses: every < and & was escaped
    assert not list(root.iter(f"{SVG}script"))
    assert "<script>" not in svg
    assert "\x1b" not in svg
    assert root.find(f"{SVG}title") is not None
    shown = [t.text or "" for t in root.iter(f"{SVG}text")]
    assert any(text.startswith("[b]Bo[/b] <script>") for text in shown)

    lines = cell_lines(chart, width=200)
    assert lines[0] == ((clean_line(HOSTILE), Role.TITLE),)
    assert "[b]Bo[/b] <script>" in line_text(lines[1])
    assert all("\x1b" not in text for line in lines for text, _ in line)

    markdown = chart_markdown(chart)
    assert "<script>" not in markdown
    assert r"\[b\]Bo\[/b\] \<script\>" in markdown
    assert from_markdown(chart)[0][0] == clean_line(HOSTILE)


def test_a_long_label_is_cut_to_the_width() -> None:
    chart = Chart("t", (Bar("x" * 100_000, 5),))
    lines = cell_lines(chart, width=60)
    assert all(len(line_text(line)) <= 60 for line in lines)
    assert "…" in line_text(lines[1])
    assert len(chart_svg(chart)) < 2_000


def test_bars_that_meet_the_target_are_marked_good() -> None:
    chart = Chart("goal", (Bar("a", 10), Bar("b", 9)), target=10)
    roles = [{role for _, role in line} for line in cell_lines(chart)[1:]]
    assert Role.GOOD in roles[0]
    assert Role.GOOD not in roles[1]
    assert "✓" in chart_markdown(chart).splitlines()[4]


def test_an_empty_chart_says_so_everywhere() -> None:
    chart = Chart("Nothing", ())
    assert line_text(cell_lines(chart)[1]) == "nothing yet"
    assert "nothing yet" in chart_markdown(chart)
    assert "nothing yet" in chart_svg(chart)


def test_markdown_text_escapes_what_markdown_would_act_on() -> None:
    assert markdown_text("a|b*c_[d](e)<f>") == r"a\|b\*c\_\[d\]\(e\)\<f\>"


@given(
    st.lists(
        st.tuples(st.text(max_size=30), st.floats(allow_nan=True, allow_infinity=True)),
        max_size=12,
    ),
    st.sampled_from(Kind),
    st.integers(8, 120),
)
def test_any_bars_fit_the_width_and_parse_as_svg(
    bars: list[tuple[str, float]], kind: Kind, width: int
) -> None:
    chart = Chart("t", tuple(Bar(label, value, "v") for label, value in bars), kind=kind)
    for line in cell_lines(chart, width=width):
        assert len("".join(text for text, _ in line)) <= max(width, 8)
    ET.fromstring(chart_svg(chart))
    assert chart_markdown(chart).count("\n| ") == len(bars) + (1 if bars else 0)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=40))
def test_a_value_comes_back_from_its_svg_attribute_as_written(text: str) -> None:
    """Quotes, ampersands and angle brackets in how a value is written survive the
    attribute they are put in (netui escapes them itself, without ``xml.sax``)."""
    chart = Chart("t", (Bar("a", 1, text or "1"),))
    root = ET.fromstring(chart_svg(chart))
    values = [g.get("data-value") for g in root.iter(f"{SVG}g") if g.get("data-value")]
    assert values == [text or "1"]


def test_a_line_break_in_an_attribute_is_kept_as_a_character_reference() -> None:
    svg = chart_svg(Chart("t", (Bar("a", 1, 'x\ny\t"z"'),)))
    assert 'data-value="x&#10;y&#9;&quot;z&quot;"' in svg
    values = [g.get("data-value") for g in ET.fromstring(svg).iter(f"{SVG}g")]
    assert 'x\ny\t"z"' in values
