"""Benchmark the Script pane's preview: rendering, and a keystroke to an updated preview.

Run: python tests/bench/bench_script_preview.py [--contacts 30000] [--keys 200]

Measures, with a 5,000-character script full of placeholders (invented text):
- render: ``render_script`` for one contact (pure; what every keystroke costs at least);
- preview: ``render`` plus the styled Content and the preview widgets' update, as the pane
  does it on each edit (``ScriptPane.render_now``);
- keystroke: in the real app (headless, 120x36) on a database of ``--contacts`` synthetic
  contacts, from a key being sent to the editor until the preview holds the new text.
  This includes Textual's own key handling; the frame that follows is drawn after it.
Each as median and 95th percentile. Target (issue 8): render well under 5 ms; keystroke
to updated preview well under one frame (16.7 ms at 60 Hz) at 30,000 contacts.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from netui.domain.clock import system_clock
from netui.domain.scripts import ScriptChannel

PARAGRAPH = (
    "Hi {first_name|there}, it's been {time_since} since {how_we_met|we last met}. "
    "I'm {my_situation}, and I'd value your advice on {my_ask}. How is {company}? "
    "Say hello to the team for me, {full_name}. {{literal}} and {unknown_one}.\n"
)
SCRIPT = (PARAGRAPH * (5000 // len(PARAGRAPH) + 1))[:5000]


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered) * 1000:.3f} ms, p95 {p95 * 1000:.3f} ms"


def timed(run: Callable[[], object], count: int) -> list[float]:
    samples = []
    for _ in range(count):
        started = time.perf_counter()
        run()
        samples.append(time.perf_counter() - started)
    return samples


def make_database(folder: Path, contacts: int) -> tuple[Path, int]:
    from netui.domain.script_values import Profile
    from netui.services.context import open_services
    from netui.services.demo import fill_demo

    path = folder / "bench-script.db"
    services = open_services(path, system_clock)
    fill_demo(services, contacts, seed=8)
    services.scripts.ensure_builtins()
    services.scripts.set_profile(Profile("Sam Rivera", "moving into data work", "a name or two"))
    script = services.scripts.create("Bench script", ScriptChannel.EMAIL, "Hello", SCRIPT)
    services.close()
    return path, script.id


def bench_render(path: Path, script_id: int, count: int) -> None:
    from netui.domain.script_types import render_script
    from netui.services.context import open_services

    services = open_services(path, system_clock)
    script = services.scripts.get(script_id)
    contact_id = services.contacts.find()[0].id
    values = services.scripts.values_for(contact_id)
    services.close()
    samples = timed(lambda: render_script(script, script.channel, contact_id, values), count)
    print(f"render, {len(SCRIPT):,}-character script: {percentiles(samples)}")


async def bench_app(path: Path, script_id: int, keys: int) -> None:
    from textual import events

    from netui.tui.app import NetuiApp
    from netui.tui.panes.script import ScriptPane

    app = NetuiApp(path, system_clock)
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(600):
            await pilot.pause(0.05)
            if app.main_screen.loaded and app.main_screen.script.loaded:
                break
        pane: ScriptPane = app.main_screen.script
        app.main_screen.show_pane("script-pane")
        index = [s.id for s in pane.script_list.summaries].index(script_id)
        pane.script_list.highlighted = index
        for _ in range(100):
            await pilot.pause(0.05)
            if pane.script is not None and pane.script.id == script_id and pane.contact_name:
                break
        pane.editor.focus()
        pane.editor.move_cursor((0, 0))
        await pilot.pause(0.2)
        print(
            f"contacts: {len(app.main_screen.contacts.listing):,}; preview for {pane.contact_name}"
        )

        preview_samples = timed(pane.render_now, 200)
        print(f"preview (render + Content + widget update): {percentiles(preview_samples)}")

        done = asyncio.Event()
        original = pane.render_now

        def render_and_mark() -> None:
            original()
            done.set()

        pane.render_now = render_and_mark  # type: ignore[method-assign]
        driver = app._driver
        assert driver is not None
        samples = []
        for _ in range(keys):
            done.clear()
            started = time.perf_counter()
            key = events.Key("x", "x")
            key.set_sender(app)
            driver.send_message(key)  # as the terminal's driver hands a key to the app
            await done.wait()
            samples.append(time.perf_counter() - started)
            await pilot.pause()
        assert pane.editor.text.startswith("x" * keys)
        print(f"keystroke to updated preview: {percentiles(samples)} ({keys} keys)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--renders", type=int, default=2_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path, script_id = make_database(Path(folder), args.contacts)
        bench_render(path, script_id, args.renders)
        asyncio.run(bench_app(path, script_id, args.keys))


if __name__ == "__main__":
    main()
