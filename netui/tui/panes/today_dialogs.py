"""The screens the Today pane opens, and what it does with their results.

Plain functions over the pane, as the Contacts pane has (:mod:`contact_dialogs`): each
opens one screen with what it needs and hands the result back to the pane.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from netui.domain.timer_status import TimerStatus
from netui.errors import NetuiError, NotFoundError
from netui.tui.db_errors import report

if TYPE_CHECKING:
    from netui.services.timer import TimerService
    from netui.tui.panes.today import TodayPane
    from netui.tui.screens.timer_recovery import Recovery

Recovered = Callable[[int | None, bool], None]
"""Told the session id and whether the user chose (False: decide later)."""


def _resolution(choice: Recovery) -> tuple[Callable[[TimerService], TimerStatus], str]:
    from netui.tui.screens.timer_recovery import Recovery

    if choice is Recovery.KEEP:
        return (lambda timer: timer.keep_time()), "Kept: the gap counts and the session goes on."
    if choice is Recovery.STOP:
        return (lambda timer: timer.stop_at_last_seen()), "Stopped where netui last saw it."
    return (lambda timer: timer.discard()), "The session was discarded."


def ask_recovery(pane: TodayPane, status: TimerStatus, done: Recovered) -> None:
    """Offer keep / stop at last seen / discard for the interrupted session in ``status``."""
    from netui.tui.screens.timer_recovery import TimerRecoveryScreen

    session_id = status.session_id

    def chosen(choice: Recovery | None) -> None:
        done(session_id, choice is not None)
        if choice is None:
            pane.notify("The session waits for your choice: r in the Today pane.", timeout=5)
            return
        from netui.services.timer import span_text  # loaded with the services

        act, said = _resolution(choice)
        after = pane.run_timer(act, "r")
        if after is not None:
            today = span_text(after.today_minutes * 60) if after.today_minutes else "0 min"
            pane.notify(f"{said} Today: {today}.", timeout=5)

    pane.app.push_screen(TimerRecoveryScreen(status), chosen)


class RecoveryOffer:
    """Asks what an interrupted session's gap counts as: one dialog at a time, and a
    session the user chose to decide later on is not asked about again until ``r``."""

    def __init__(self, pane: TodayPane) -> None:
        self._pane = pane
        self._open = False
        self.deferred: int | None = None
        """The session the user put off deciding about."""

    def offer(self, force: bool = False) -> None:
        status = self._pane.status
        if self._open or status is None or status.interrupted is None:
            return
        if not force and status.session_id == self.deferred:
            return
        self._open = True
        ask_recovery(self._pane, status, self._answered)

    def _answered(self, session_id: int | None, chose: bool) -> None:
        self._open = False
        if not chose:
            self.deferred = session_id


def log_interaction(pane: TodayPane, contact_id: int) -> None:
    """The same log dialog as the Contacts pane's, for someone in today's queue."""
    from netui.tui.panes.today import TodayPane
    from netui.tui.screens.log_interaction import LogInteractionScreen

    try:
        contact = pane.services.contacts.get(contact_id)
    except NotFoundError:
        pane.notify("That person was merged or deleted by another netui.", severity="warning")
        pane.refresh_progress()
        return
    except NetuiError as error:
        report(pane, error)
        return

    def logged(result: int | None) -> None:
        if result is not None:
            pane.post_message(TodayPane.Logged(result))
        pane.refresh_progress()

    def referred(new_id: int) -> None:
        pane.post_message(TodayPane.Logged(new_id))  # the Contacts pane reads the new row

    pane.app.push_screen(LogInteractionScreen(pane.services, contact, None, referred), logged)


def session_mode(pane: TodayPane) -> None:
    """Today's queue one person at a time; the timer starts (or resumes) with it."""
    from netui.tui.panes.today import TodayPane
    from netui.tui.screens.session_card import SessionHooks
    from netui.tui.screens.session_mode import SessionModeScreen

    status = pane.status
    if status is not None and status.interrupted is not None:
        pane.offer_recovery(force=True)  # first say what the lost time counts as
        return
    people = list(pane.queue_items)
    if not people:
        pane.notify(
            "Nobody is in today's queue: choose a Top 20 in Contacts (t, or T to triage).",
            severity="warning",
        )
        return
    if status is None or not status.running:
        status = pane.run_timer(lambda timer: timer.start(watched=True), "S")
    elif status.paused:
        status = pane.run_timer(lambda timer: timer.resume(), "S")
    if status is None:
        return  # the timer could not start: the pane said why
    hooks = SessionHooks(
        run_timer=pane.run_timer,
        status_signal=pane.status_signal,
        logged=lambda contact_id: pane.post_message(TodayPane.Logged(contact_id)),
    )
    screen = SessionModeScreen(pane.services, people, status, hooks)
    pane.app.push_screen(screen, lambda _: pane.refresh_progress())


def toggle_bell(pane: TodayPane) -> None:
    """The terminal bell at the goal and at the plan's end: on, or off (a toast only)."""
    settings = pane.services.settings
    try:
        on_now = not settings.bell()
        settings.set_bell(on_now)
    except NetuiError as error:
        report(pane, error, retry="The bell command")
        return
    said = "The bell rings at the goal and when the plan is up." if on_now else "No bell."
    pane.notify(said, timeout=3)


def time_audit(pane: TodayPane) -> None:
    """Find the time: the goal it accepts shows in the pane when the screen closes."""
    from netui.tui.screens.time_audit import TimeAuditScreen

    pane.app.push_screen(TimeAuditScreen(pane.services), lambda _: pane.refresh_progress())


def progress(pane: TodayPane) -> None:
    """The stats screen; the week's line in Today is read again when it closes."""
    from netui.tui.screens.stats import StatsScreen

    pane.app.push_screen(StatsScreen(pane.services), lambda _: pane.refresh_progress())
