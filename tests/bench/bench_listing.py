"""Benchmark the contact list at 30,000 and 100,000 contacts.

Run: python tests/bench/bench_listing.py [--sizes 30000 100000] [--datatable]

Measures, on seeded synthetic contacts (invented names):
- search: each keystroke of typing a few queries through `ContactListing.view`
  (narrowing keystrokes reuse the previous result; backspaces filter from scratch);
- sort and status switching (first use of a sort key sorts; switching back is cached);
- `ContactTable.set_rows` plus the frame that follows, in a headless `run_test` app;
- with --datatable, a stock `DataTable` given the same rows, for comparison.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from netui.domain.listing import ContactListing, SortKey, StatusFilter, make_haystack
from netui.domain.types import ContactRow, DatePrecision, TriageStatus


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


SYLLABLES = _words(
    "ka mar ri lo ne ta vi so an el dri ko mi ra ze ju po la fen tor is ul be gar "
    "na sha qui vo den mel ost ry cal"
)
COMPANIES = _words(
    "Acme Norvex Quillon Brightwell Tesseract Halvard Lumora Ostrava Pinecrest Vantor "
    "Zephyrine Korvath Mirabel Solenne Drayton Fennick"
)
SUFFIXES = ("", " Labs", " Group", " Systems", " & Co", " Analytics")
TITLES = (
    "Engineer",
    "Senior Engineer",
    "Engineering Manager",
    "Product Manager",
    "Designer",
    "Recruiter",
    "Data Scientist",
    "Director of Sales",
    "Founder",
    "Consultant",
    "",
)
TAGS = ("alumni", "referral", "conference", "ex-colleague", "mentor", "recruiter", "meetup")
NOTE_WORDS = _words("met at talked about hiring team moved to remote coffee intro project via")
STATUS_WEIGHTS = {
    TriageStatus.NEW: 70,
    TriageStatus.LATER: 12,
    TriageStatus.SKIP: 8,
    TriageStatus.ARCHIVED: 9,
    TriageStatus.TOP20: 1,
}
TODAY = date(2025, 6, 1)
QUERIES = ("marilo", "kane", "acme eng", "norvex manager", "referral", "zzqx")


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def synthetic_rows(count: int, seed: int = 7) -> list[ContactRow]:
    """`count` invented contacts, the same for the same seed."""
    rng = random.Random(seed)
    statuses = list(STATUS_WEIGHTS)
    weights = list(STATUS_WEIGHTS.values())
    rows: list[ContactRow] = []
    top_rank = 0
    for contact_id in range(1, count + 1):
        first, last = _word(rng, rng.randint(1, 3)), _word(rng, rng.randint(2, 3))
        name = f"{first} {last}"
        company = rng.choice(COMPANIES) + rng.choice(SUFFIXES) if rng.random() < 0.9 else ""
        title = rng.choice(TITLES)
        status = rng.choices(statuses, weights)[0]
        rank = None
        if status is TriageStatus.TOP20:
            if top_rank < 20:
                top_rank += 1
                rank = top_rank
            else:
                status = TriageStatus.LATER
        contacted = None
        precision = None
        if rng.random() < 0.7:
            contacted = TODAY - timedelta(days=rng.randint(0, 15 * 365))
            precision = rng.choice(list(DatePrecision))
        email = f"{first}.{last}@{(company.split() or ['mail'])[0]}.example".lower()
        tags = " ".join(rng.sample(TAGS, rng.randint(0, 2)))
        notes = " ".join(rng.choices(NOTE_WORDS, k=rng.randint(0, 12)))
        rows.append(
            ContactRow(
                id=contact_id,
                full_name=name,
                company=company,
                title=title,
                status=status,
                top20_rank=rank,
                strength=rng.choice((None, 1, 2, 3, 4, 5)),
                last_contacted=contacted,
                last_contacted_precision=precision,
                priority=rng.random() * 100,
                haystack=make_haystack(name, company, title, email, tags, notes),
            )
        )
    return rows


def timed(fn: Callable[[], object]) -> float:
    """Milliseconds taken by one call."""
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def summary(samples: Sequence[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95, ordered[-1]


def keystrokes(query: str) -> Iterator[str]:
    """What the search box holds after each keystroke: typing, then deleting it all."""
    for end in range(1, len(query) + 1):
        yield query[:end]
    for end in range(len(query) - 1, -1, -1):
        yield query[:end]


def bench_listing(rows: list[ContactRow]) -> list[tuple[str, Sequence[float]]]:
    results: list[tuple[str, Sequence[float]]] = []
    listing = ContactListing(rows)
    results.append(("first view (sort + status)", [timed(lambda: listing.view())]))

    typing: list[float] = []
    deleting: list[float] = []
    for _round in range(3):
        for query in QUERIES:
            previous = ""
            for text in keystrokes(query):
                sample = timed(functools.partial(listing.view, StatusFilter.ACTIVE, text))
                (typing if len(text) > len(previous) else deleting).append(sample)
                previous = text
    results.append(("search keystroke, typing", typing))
    results.append(("search keystroke, deleting", deleting))
    results.append(("search keystroke, all", typing + deleting))

    first_sort: list[float] = []
    for key in (SortKey.STALENESS, SortKey.NAME, SortKey.COMPANY):

        def switch(key: SortKey = key) -> None:
            listing.sort_key = key
            listing.view()

        first_sort.append(timed(switch))
    results.append(("sort switch, first use", first_sort))
    cached_sort: list[float] = []
    for _round in range(5):
        for key in SortKey:

            def switch_back(key: SortKey = key) -> None:
                listing.sort_key = key
                listing.view()

            cached_sort.append(timed(switch_back))
    results.append(("sort switch, cached", cached_sort))
    status_switch = [
        timed(functools.partial(listing.view, status))
        for _round in range(3)
        for status in StatusFilter
    ]
    results.append(("status switch", status_switch))
    edit = rows[len(rows) // 2]
    replaced = edit._replace(full_name="Renamed Person", priority=50.0)
    results.append(("replace one row (all caches)", [timed(lambda: listing.replace(replaced))]))
    return results


async def bench_table(rows: list[ContactRow]) -> list[tuple[str, Sequence[float]]]:
    from textual.app import App, ComposeResult
    from textual.geometry import Region

    from netui.tui.widgets.contact_table import ContactTable

    class BenchApp(App[None]):
        def compose(self) -> ComposeResult:
            yield ContactTable(today=TODAY)

    results: list[tuple[str, Sequence[float]]] = []
    app = BenchApp()
    async with app.run_test(size=(120, 36)) as pilot:
        table = app.query_one(ContactTable)
        await pilot.pause()

        async def frame() -> float:
            """Milliseconds until the app is idle again (includes Pilot's own wait)."""
            started = time.perf_counter()
            await pilot.pause()
            return (time.perf_counter() - started) * 1000

        results.append(("pilot.pause() floor, nothing to do", [await frame() for _ in range(10)]))

        calls: list[float] = []
        frames: list[float] = []
        for _round in range(5):
            table.set_rows([])
            await pilot.pause()
            calls.append(timed(lambda: table.set_rows(rows)))
            frames.append(calls[-1] + await frame())
        results.append(("ContactTable.set_rows(all) call", calls))
        results.append(("set_rows(all) + frame", frames))

        def render_visible() -> None:
            table._clear_caches()
            table._styles_cache.clear()
            table.render_lines(Region(0, 0, table.size.width, table.size.height))

        results.append(
            ("render 36 visible lines, uncached", [timed(render_visible) for _ in range(10)])
        )

        listing = ContactListing(rows)
        listing.view()
        calls = []
        frames = []
        for query in QUERIES:
            for text in keystrokes(query):

                def keystroke(text: str = text) -> None:
                    current = table.current_row
                    keep = current.id if current else None
                    table.set_rows(listing.view(StatusFilter.ACTIVE, text), keep_cursor_on=keep)

                calls.append(timed(keystroke))
                frames.append(calls[-1] + await frame())
        results.append(("keystroke: view + set_rows", calls))
        results.append(("keystroke: view + set_rows + frame", frames))

        table.set_rows(rows)
        await pilot.pause()
        started = time.perf_counter()
        await pilot.press("end")
        await pilot.pause()
        results.append(("end key + frame", [(time.perf_counter() - started) * 1000]))
    return results


async def bench_datatable(rows: list[ContactRow]) -> list[tuple[str, Sequence[float]]]:
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    class StockApp(App[None]):
        def compose(self) -> ComposeResult:
            yield DataTable()

    app = StockApp()
    async with app.run_test(size=(120, 36)) as pilot:
        table: DataTable[str] = app.query_one(DataTable)
        table.add_columns("Name", "Company", "Title", "Status")
        await pilot.pause()
        started = time.perf_counter()
        table.add_rows((r.full_name, r.company, r.title, r.status.value) for r in rows)
        await pilot.pause()
        elapsed = (time.perf_counter() - started) * 1000
    return [("stock DataTable add_rows + frame", [elapsed])]


def print_table(title: str, results: list[tuple[str, Sequence[float]]]) -> None:
    print(f"\n{title}")
    print(f"  {'measure':<38} {'n':>4} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}")
    for label, samples in results:
        median, p95, worst = summary(samples)
        print(f"  {label:<38} {len(samples):>4} {median:>10.2f} {p95:>8.2f} {worst:>8.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[30_000, 100_000])
    parser.add_argument("--datatable", action="store_true", help="also time a stock DataTable")
    args = parser.parse_args()
    for size in args.sizes:
        started = time.perf_counter()
        rows = synthetic_rows(size)
        made = (time.perf_counter() - started) * 1000
        print(f"\n=== {size:,} contacts (generated in {made:.0f} ms) ===")
        print_table("ContactListing", bench_listing(rows))
        print_table("ContactTable (headless, 120x36)", asyncio.run(bench_table(rows)))
        if args.datatable:
            print_table("Stock DataTable (for comparison)", asyncio.run(bench_datatable(rows)))


if __name__ == "__main__":
    main()
