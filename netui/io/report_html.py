"""The weekly review as one self-contained HTML file, to open in a browser or attach.

Everything is inside the file: the styles in one ``<style>`` element, the charts as inline
SVG. There are no scripts and no external addresses, and a Content-Security-Policy says so
to the browser too, so even a file edited later cannot fetch or run anything. Every piece
of text, someone's or netui's own, is HTML-escaped (quotes included); someone's text is
also cleaned of control characters first.
"""

from __future__ import annotations

import html

from netui.domain.charts import chart_svg
from netui.domain.report import Cell, Section, Table, UserText, WeekReport, shown_text

__all__ = ["html_text", "render_html"]

_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_STYLE = """
:root { color-scheme: light dark; --ink: #1d232a; --soft: #5b6470; --line: #d5dae0;
  --paper: #ffffff; --mark: #b3261e; --bar: #2f6f9f; --goal: #d08b18; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #e6e9ed; --soft: #a3acb7; --line: #3a424c; --paper: #15191e;
    --mark: #ff8a80; --bar: #6fb1e0; --goal: #f2b544; }
}
body { margin: 0; background: var(--paper); color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; padding-bottom: .25rem;
  border-bottom: 1px solid var(--line); }
.subtitle, .more, .empty { color: var(--soft); }
.glance { font-size: 1.05rem; margin: .75rem 0 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; padding: .3rem .6rem .3rem 0; border-bottom: 1px solid var(--line);
  vertical-align: top; overflow-wrap: anywhere; }
th { font-weight: 600; color: var(--soft); }
tr.marked td:first-child { color: var(--mark); font-weight: 600; }
figure.chart { margin: 1rem 0; }
svg { max-width: 100%; height: auto; }
@media print { main { padding: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
""".strip()


def html_text(text: str) -> str:
    """Someone's text as a review shows it (:func:`shown_text`), escaped for HTML."""
    return html.escape(shown_text(text), quote=True)


def _own(text: str) -> str:
    return html.escape(text, quote=True)


def _cell(cell: Cell) -> str:
    return html_text(cell.text) if isinstance(cell, UserText) else _own(cell)


def _table(table: Table) -> list[str]:
    lines = ["<table>", "<thead><tr>"]
    lines += [f'<th scope="col">{_own(header)}</th>' for header in table.headers]
    lines += ["</tr></thead>", "<tbody>"]
    for row in table.rows:
        opening = '<tr class="marked">' if row.marked else "<tr>"
        lines.append(opening + "".join(f"<td>{_cell(c)}</td>" for c in row.cells) + "</tr>")
    lines += ["</tbody>", "</table>"]
    return lines


def _section(section: Section) -> list[str]:
    lines = [f'<section id="{_own(section.key)}">', f"<h2>{_own(section.title)}</h2>"]
    lines += [f"<p>{_own(sentence)}</p>" for sentence in section.lines]
    if section.table is not None:
        lines += _table(section.table)
    elif section.empty:
        lines.append(f'<p class="empty">{_own(section.empty)}</p>')
    if section.more:
        lines.append(f'<p class="more">{_own(section.more)}</p>')
    lines += [f'<figure class="chart">{chart_svg(chart)}</figure>' for chart in section.charts]
    lines.append("</section>")
    return lines


def render_html(report: WeekReport) -> str:
    """The whole review as one HTML document, ending with one line break."""
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="netui">',
        f"<title>{_own(report.title)}</title>",
        f"<style>\n{_STYLE}\n</style>",
        "</head>",
        "<body>",
        "<main>",
        "<header>",
        f"<h1>{_own(report.title)}</h1>",
        f'<p class="subtitle">{_own(report.subtitle)}</p>',
    ]
    if report.glance:
        lines.append(f'<p class="glance"><strong>{_own(report.glance)}</strong></p>')
    lines += ["</header>"]
    for section in report.sections:
        lines += _section(section)
    lines += ["</main>", "</body>", "</html>"]
    return "\n".join(lines) + "\n"
