"""The stats screen (``p`` in Today): is 30 minutes a day opening doors?

Minutes per day as a ``Sparkline`` (a trend is enough there), and the other figures as the
charts :mod:`netui.domain.stats_charts` builds for ``netui stats`` and the weekly report,
drawn in cells by :class:`~netui.tui.widgets.chart.ChartView`. The figures are read in a
worker, so the screen is up at once and says it is reading; ``d`` switches 30 and 90 days.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Container, Vertical, VerticalScroll
from textual.events import Resize
from textual.message import Message
from textual.widgets import Footer, Header, Sparkline, Static

from netui.domain.stats import PERIODS, Stats, WeekSummary
from netui.domain.stats_charts import (
    chain_texts,
    doors_chart,
    funnel_chart,
    minutes_chart,
    reached_chart,
    scripts_chart,
    summary_text,
    top20_chart,
    week_label,
)
from netui.tui.actions import Scope, bindings
from netui.tui.screens.base import NetuiScreen
from netui.tui.widgets.chart import ChartView
from netui.tui.workers import ReportsWorkerErrors, describe_error

if TYPE_CHECKING:
    from netui.services.context import Services

__all__ = ["StatsScreen"]

SIDE_BY_SIDE_FROM = 140
"""From this many columns the charts sit in two columns."""
CHARTS = ("reached", "funnel", "top20", "scripts", "doors")


class StatsScreen(NetuiScreen[None], ReportsWorkerErrors):
    """Progress over the last 30 or 90 days; escape goes back."""

    BINDINGS = bindings(Scope.STATS)
    DEFAULT_CSS = """
    StatsScreen #stats-body { height: 1fr; padding: 0 1; }
    StatsScreen #stats-period { text-style: bold; margin-top: 1; }
    StatsScreen #stats-week { color: $text-muted; margin-bottom: 1; }
    StatsScreen #stats-week.-error { color: $error; }
    StatsScreen .stats-heading { text-style: bold; }
    StatsScreen #stats-sparkline { height: 3; margin-right: 1; }
    StatsScreen #stats-minutes-note { color: $text-muted; margin-bottom: 1; }
    StatsScreen #stats-columns { height: auto; }
    StatsScreen.-wide #stats-columns { layout: horizontal; }
    StatsScreen .stats-column { height: auto; width: 1fr; }
    StatsScreen.-wide #stats-left { margin-right: 3; }
    StatsScreen ChartView { margin-bottom: 1; }
    StatsScreen #stats-chains { height: auto; margin-bottom: 1; }
    """

    class Loaded(Message):
        """The figures, read off the UI thread."""

        def __init__(self, stats: Stats, week: WeekSummary) -> None:
            super().__init__()
            self.stats = stats
            self.week = week

    def __init__(self, services: Services, days: int = PERIODS[0]) -> None:
        super().__init__()
        self.services = services
        self.days = days
        self.stats: Stats | None = None
        self.loads = 0
        """Readings shown so far (tests wait for them)."""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="stats-body"):
            yield Static("", id="stats-period", markup=False)
            yield Static("", id="stats-week", markup=False)
            yield Static("Minutes a day", classes="stats-heading", markup=False)
            yield Sparkline([], id="stats-sparkline")
            yield Static("", id="stats-minutes-note", markup=False)
            with Container(id="stats-columns"):
                with Vertical(id="stats-left", classes="stats-column"):
                    for name in CHARTS[:3]:
                        yield ChartView(id=f"stats-{name}")
                with Vertical(id="stats-right", classes="stats-column"):
                    for name in CHARTS[3:]:
                        yield ChartView(id=f"stats-{name}")
                    yield Static("Referral chains", classes="stats-heading", markup=False)
                    yield Static("", id="stats-chains", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "Progress"
        self.load()

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width >= SIDE_BY_SIDE_FROM, "-wide")

    # -- reading --------------------------------------------------------------------------

    def load(self) -> None:
        """Read the figures for ``days`` in a thread; what is shown stays until they come."""
        self._say_period(reading=True)
        stats, days = self.services.stats, self.days
        self.run_worker(
            lambda: self.post_message(self.Loaded(stats.overview(days), stats.week())),
            thread=True,
            exclusive=True,
            group="stats-load",
            exit_on_error=False,
        )

    def _say_period(self, *, reading: bool = False) -> None:
        text = f"The last {self.days} days"
        if self.stats is not None and self.stats.days == self.days:
            first, last = self.stats.first_day, self.stats.today
            text += f": {week_label(first)} {first.year} to {week_label(last)} {last.year}"
        if reading:
            text += " · reading…"
        self.query_one("#stats-period", Static).update(text)

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        stats = message.stats
        if stats.days != self.days:
            return  # overtaken by a switch of period
        self.stats = stats
        self._say_period()
        week = self.query_one("#stats-week", Static)
        week.remove_class("-error")
        week.update(summary_text(message.week, capital=True))
        self.query_one(Sparkline).data = [float(day.minutes) for day in stats.minutes.days]
        self.query_one("#stats-minutes-note", Static).update(minutes_chart(stats.minutes).note)
        charts = {
            "reached": reached_chart(stats.reached),
            "funnel": funnel_chart(stats.funnel),
            "top20": top20_chart(stats.top20),
            "scripts": scripts_chart(stats.scripts),
            "doors": doors_chart(stats.doors),
        }
        for name, chart in charts.items():
            self.query_one(f"#stats-{name}", ChartView).show(chart)
        chains = chain_texts(stats.chains) or ["None yet: log a referral, then add the person."]
        self.query_one("#stats-chains", Static).update("\n".join(chains))
        self.loads += 1

    def worker_failed(self, group: str, error: BaseException) -> None:
        self._say_period()
        week = self.query_one("#stats-week", Static)
        week.add_class("-error")
        week.update(f"Could not read the figures: {describe_error(error)}")
        self.loads += 1

    # -- keys -----------------------------------------------------------------------------

    def action_toggle_period(self) -> None:
        self.days = PERIODS[1] if self.days == PERIODS[0] else PERIODS[0]
        self.load()

    def action_close(self) -> None:
        self.close()
