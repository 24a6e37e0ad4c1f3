"""The Today pane: the daily timer, the week, today's queue and the Top 20 progress.

The timer's state lives in the database (the app and ``netui timer`` share one session).
The pane reads a status when it acts (start, pause, resume, stop, extend), on each
heartbeat, and whenever the main screen says something changed (the pane's own logs, the
Contacts pane's decisions, and other netuis' writes, which the Contacts pane's watcher
notices); the timer display recounts that snapshot once a second while it is on screen.

A status read in a worker that was overtaken by the pane's own action is not shown: the
pane counts its actions (``generation``) and drops what was read before the latest one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Resize
from textual.message import Message
from textual.signal import Signal
from textual.timer import Timer
from textual.widgets import OptionList, Static

from netui.domain.clock import local_zone
from netui.domain.queue import QueueItem, TodayProgress
from netui.domain.timer import HEARTBEAT, day_bounds
from netui.domain.timer_status import SessionInterruptedError, TimerError, TimerStatus
from netui.domain.types import Top20Progress
from netui.errors import DatabaseBusyError, NetuiError
from netui.tui.actions import Scope, bindings
from netui.tui.db_errors import report
from netui.tui.panes import today_dialogs as dialogs
from netui.tui.panes.base import Pane
from netui.tui.panes.today_alerts import TodayAlerts
from netui.tui.panes.today_view import (
    TodayData,
    load_today,
    progress_text,
    queue_heading,
)
from netui.tui.widgets.progress_line import ProgressLine
from netui.tui.widgets.queue_list import QueueList
from netui.tui.widgets.timer_display import TimerDisplay, recount
from netui.tui.widgets.today_summary import TodaySummary
from netui.tui.widgets.week_chart import WeekChart
from netui.tui.workers import ReportsWorkerErrors

if TYPE_CHECKING:
    from netui.services.context import Services
    from netui.services.timer import TimerService

__all__ = ["TodayPane"]

STACKED_BELOW = 76
"""Narrower than this, the queue goes under the timer instead of beside it."""
LOAD_DELAY = 0.1
"""Changes in a burst (a run of triage keys) are read once, this long after the first."""
TIMER_ACTIONS = frozenset({"start", "pause", "resume", "stop", "extend", "recover"})
QUIET_GROUPS = frozenset({"today-load", "today-beat"})
"""Workers whose failure is not news: what is shown stays, and the next look reads again."""


class TodayPane(Pane, ReportsWorkerErrors):
    """Today's networking session: the timer, the week, whom to reach, how it is going."""

    TITLE = "Today"
    BINDINGS = bindings(Scope.TODAY)
    DEFAULT_CSS = """
    TodayPane #today-columns { height: 1fr; }
    TodayPane #today-timer-box { width: 44; height: auto; margin-right: 2; }
    TodayPane #today-queue-box { width: 1fr; height: 1fr; }
    TodayPane.-stacked #today-columns { layout: vertical; }
    TodayPane.-stacked #today-timer-box { width: 1fr; margin-right: 0; }
    TodayPane #today-progress { height: auto; margin-top: 1; }
    TodayPane.-stacked #today-summary { display: none; }
    TodayPane #today-queue-heading { height: auto; margin-top: 1; }
    TodayPane #today-queue { height: 1fr; min-height: 3; background: transparent; }
    """

    class Logged(Message):
        """Something was logged with ``contact_id`` from Today: the other panes read again."""

        def __init__(self, contact_id: int) -> None:
            super().__init__()
            self.contact_id = contact_id

    class Loaded(Message):
        """A look at the day, read off the UI thread."""

        def __init__(self, data: TodayData, generation: int) -> None:
            super().__init__()
            self.data = data
            self.generation = generation

    class Beat(Message):
        """The heartbeat was written (or found the session interrupted): the status after it."""

        def __init__(self, status: TimerStatus, generation: int) -> None:
            super().__init__()
            self.status = status
            self.generation = generation

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.generation = 0
        self.alerts = TodayAlerts(self, self.current_status, self._bell_on)
        self._load_timer: Timer | None = None
        self._beat_timer: Timer | None = None
        self._midnight_timer: Timer | None = None
        self.recovery = dialogs.RecoveryOffer(self)
        """The interrupted session the user chose to decide about later."""
        self.status_signal: Signal[TimerStatus] = Signal(self, "timer-status")
        """Every status the pane reads, for a screen that shows the timer too (session mode)."""
        self._top20: Top20Progress | None = None
        self._progress: TodayProgress | None = None
        self.loads = 0
        """Looks at the day shown so far (tests wait for them)."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="today-columns"):
            with Vertical(id="today-timer-box"):
                yield TimerDisplay(None, id="today-timer")
                yield ProgressLine(id="today-goal")
                yield WeekChart(id="today-week")
                yield Static("", id="today-progress", markup=False)
                yield TodaySummary(id="today-summary")
            with Vertical(id="today-queue-box"):
                yield Static("", id="today-queue-heading", markup=False)
                yield QueueList(id="today-queue")

    @property
    def timer_display(self) -> TimerDisplay:
        return self.query_one(TimerDisplay)

    @property
    def queue_list(self) -> QueueList:
        return self.query_one(QueueList)

    @property
    def status(self) -> TimerStatus | None:
        """The last timer status read from the database."""
        return self.timer_display.snapshot

    def current_status(self) -> TimerStatus | None:
        """The last status, recounted at the clock's now (no database)."""
        status = self.status
        return None if status is None else recount(status, self.services.clock())

    def focus_default(self) -> None:
        queue = self.queue_list
        if queue.option_count:
            queue.focus()
        else:
            self.focus()

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < STACKED_BELOW, "-stacked")

    # -- reading the day ----------------------------------------------------------------

    def attach(self, services: Services) -> None:
        super().attach(services)
        self.timer_display.clock = services.clock
        seconds = HEARTBEAT.total_seconds()
        self._beat_timer = self.set_interval(seconds, self._beat, name="timer-heartbeat")

    def refresh_progress(self) -> None:
        """Something changed (here, in another pane, or in another netui): read the day again."""
        if self.ready and self._load_timer is None:
            self._load_timer = self.set_timer(LOAD_DELAY, self._load, name="today-load")

    def _load(self) -> None:
        self._load_timer = None
        generation = self.generation
        services = self.services
        self.run_worker(
            lambda: self.post_message(self.Loaded(load_today(services), generation)),
            thread=True,
            exclusive=True,
            group="today-load",
            exit_on_error=False,
        )

    @on(Loaded)
    def _take_day(self, message: Loaded) -> None:
        data = message.data
        if data.timer is not None and message.generation == self.generation:
            self.show_status(data.timer)
        if data.top20 is not None or data.progress is not None:
            # A part that could not be read keeps what it showed.
            self._top20 = data.top20 or self._top20
            self._progress = data.progress or self._progress
            self.query_one("#today-progress", Static).update(
                progress_text(self._top20, self._progress)
            )
        if data.queue is not None:
            self._show_queue(data)
        self.query_one(TodaySummary).reload(self.services)
        self.loads += 1
        self.refresh_bindings()
        self._look_again_at_midnight()

    def _look_again_at_midnight(self) -> None:
        """A new day is a new queue and a new day's minutes: read them when it starts."""
        if self._midnight_timer is not None:
            self._midnight_timer.stop()
        now = self.services.clock()
        _, midnight = day_bounds(now.astimezone(local_zone()).date(), local_zone())
        wait = (midnight - now).total_seconds() + 1
        self._midnight_timer = self.set_timer(wait, self.refresh_progress, name="today-midnight")

    def _show_queue(self, data: TodayData) -> None:
        assert data.queue is not None
        self.query_one("#today-queue-heading", Static).update(queue_heading(data.queue, data.top20))
        queue = self.queue_list
        had_focus = queue.has_focus
        queue.show(data.queue.items)
        if had_focus and not queue.option_count:
            self.focus()

    @property
    def queue_items(self) -> list[QueueItem]:
        """Today's queue as last shown."""
        return self.queue_list.items

    @property
    def highlighted_contact(self) -> int | None:
        return self.queue_list.highlighted_contact

    # -- the timer ----------------------------------------------------------------------

    def show_status(self, status: TimerStatus) -> None:
        """A status read from the database: every part of the pane that shows it follows."""
        self.timer_display.show(status)
        self._show_day(status)
        self.alerts.observe(status)
        self.status_signal.publish(status)
        self.refresh_bindings()
        if status.interrupted is not None and status.session_id != self.recovery.deferred:
            self.offer_recovery()

    @on(TimerDisplay.Ticked)
    def _ticked(self, message: TimerDisplay.Ticked) -> None:
        self._show_day(message.status)
        self.alerts.observe(message.status)

    def _show_day(self, status: TimerStatus) -> None:
        """Today's minutes against the goal, and the week's bars (they change once a minute)."""
        goal = status.goal_minutes
        label = Content.assemble(("Today ", "bold"), f"{status.today_minutes}/{goal} min")
        self.query_one(ProgressLine).show(label, status.today_minutes, goal)
        self.query_one(WeekChart).show(status.days, goal)

    @on(TimerDisplay.Overdue)
    def _overdue(self) -> None:
        self._beat()  # the heartbeat finds out whether the session was interrupted

    def run_timer(
        self, act: Callable[[TimerService], TimerStatus], retry: str
    ) -> TimerStatus | None:
        """Run one timer action now; on a refusal, say why and read the day again."""
        try:
            status = act(self.services.timer)
        except SessionInterruptedError:
            self.refresh_progress()
            self.offer_recovery(force=True)
            return None
        except TimerError as error:
            # Another netui changed the session since it was shown: say so and look again.
            self.notify(str(error).capitalize() + ".", severity="warning", timeout=5)
            self.refresh_progress()
            return None
        except NetuiError as error:
            report(self, error, retry=retry)
            return None
        self.generation += 1
        self.show_status(status)
        return status

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.ready:
            return None
        if action == "log_interaction":
            return True if self.highlighted_contact is not None else None
        if action not in TIMER_ACTIONS:
            return True
        status = self.status
        if status is None:  # not read yet (or unreadable): starting is what makes sense
            return action == "start"
        interrupted = status.interrupted is not None
        allowed = {
            "start": not status.running,
            "pause": status.running and not status.paused and not interrupted,
            "resume": status.paused and not interrupted,
            "stop": status.running and not interrupted,
            "extend": status.running and not interrupted,
            "recover": interrupted,
        }
        return allowed[action]

    def action_start(self) -> None:
        self.run_timer(lambda timer: timer.start(watched=True), "space")

    def action_pause(self) -> None:
        self.run_timer(lambda timer: timer.pause(), "space")

    def action_resume(self) -> None:
        self.run_timer(lambda timer: timer.resume(), "space")

    def action_extend(self) -> None:
        status = self.run_timer(lambda timer: timer.extend(), "e")
        if status is not None and status.planned_minutes is not None:
            self.notify(f"Planned: {status.planned_minutes} minutes.", timeout=3)

    def action_stop(self) -> None:
        before = self.current_status()
        status = self.run_timer(lambda timer: timer.stop(), "x")
        if status is not None and before is not None:
            from netui.services.timer import span_text  # loaded with the services

            worked = span_text(before.elapsed_seconds)
            self.notify(
                f"Session stopped after {worked}. Today: {status.today_minutes} "
                f"of {status.goal_minutes} min.",
                timeout=5,
            )

    def _beat(self) -> None:
        """Every HEARTBEAT while a session runs: say this netui is alive, in a thread."""
        status = self.status
        if not self.ready or status is None or not status.running:
            return
        generation, timer = self.generation, self.services.timer
        self.run_worker(
            lambda: self.post_message(self.Beat(timer.heartbeat(), generation)),
            thread=True,
            exclusive=True,
            group="today-beat",
            exit_on_error=False,
        )

    @on(Beat)
    def _beaten(self, message: Beat) -> None:
        if message.generation == self.generation:
            self.show_status(message.status)

    def worker_failed(self, group: str, error: BaseException) -> None:
        if group in QUIET_GROUPS and isinstance(error, NetuiError):
            self.log.warning(f"{group}: {error}")  # what is shown stays; the next look reads
            return
        if isinstance(error, DatabaseBusyError):
            report(self, error)
            return
        super().worker_failed(group, error)

    # -- an interrupted session -----------------------------------------------------------

    def offer_recovery(self, force: bool = False) -> None:
        """Ask what the interrupted session's gap should count as (once at a time)."""
        self.recovery.offer(force)

    def action_recover(self) -> None:
        self.offer_recovery(force=True)

    # -- people and screens -----------------------------------------------------------------

    def action_log_interaction(self) -> None:
        contact_id = self.highlighted_contact
        if contact_id is not None:
            dialogs.log_interaction(self, contact_id)

    @on(OptionList.OptionSelected, "#today-queue")
    def _queue_selected(self) -> None:
        self.action_log_interaction()

    @on(OptionList.OptionHighlighted, "#today-queue")
    def _queue_highlighted(self) -> None:
        self.refresh_bindings()

    def action_session_mode(self) -> None:
        dialogs.session_mode(self)

    def action_time_audit(self) -> None:
        dialogs.time_audit(self)

    def action_progress(self) -> None:
        dialogs.progress(self)

    def _bell_on(self) -> bool:
        return self.services.settings.bell()

    def action_toggle_bell(self) -> None:
        dialogs.toggle_bell(self)
