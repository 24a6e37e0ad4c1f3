"""``timer``: the daily session from a shell, shared with an open app through the database.

Refusals (a second start, pausing a paused session, stopping when none runs, acting on an
interrupted one) are one line on stderr and exit status 1, with nothing changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import click

from netui.cli.base import CliError, db_option, json_option, open_services
from netui.cli.output import echo_json, echo_lines
from netui.domain.clock import local_zone
from netui.domain.timer_status import (
    EXTEND_MINUTES,
    SessionInterruptedError,
    TimerStatus,
    clock_time,
)
from netui.errors import ValidationError

if TYPE_CHECKING:
    from netui.services.timer import TimerService

RESOLVE_HINT = "netui timer resolve keep|stop|discard"
STATUS_KEYS = (
    "running",
    "paused",
    "started_at",
    "elapsed_seconds",
    "goal_minutes",
    "today_minutes",
    "streak_days",
    "week_minutes",
)
"""The keys ``netui timer status --json`` promises, first and in this order."""


def clock_text(seconds: float) -> str:
    """``25:10`` or ``1:02:03``: elapsed time the way a timer shows it."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat() if moment else None


def status_json(status: TimerStatus) -> dict[str, Any]:
    """The status as JSON: :data:`STATUS_KEYS`, then the rest of what the app shows."""
    interrupted = status.interrupted
    return {
        "running": status.running,
        "paused": status.paused,
        "started_at": _iso(status.started_at),
        "elapsed_seconds": status.elapsed_seconds,
        "goal_minutes": status.goal_minutes,
        "today_minutes": status.today_minutes,
        "streak_days": status.streak_days,
        "week_minutes": status.week_minutes,
        "session_id": status.session_id,
        "planned_minutes": status.planned_minutes,
        "goal_reached": status.goal_reached,
        "planned_over": status.planned_over,
        "days": [{"date": d.day.isoformat(), "minutes": d.minutes} for d in status.days],
        "interrupted": None
        if interrupted is None
        else {
            "last_seen_at": _iso(interrupted.last_seen_at),
            "gap_seconds": int(interrupted.gap_seconds),
            "kept_seconds": int(interrupted.kept_seconds),
            "stopped_seconds": int(interrupted.stopped_seconds),
        },
    }


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def today_line(status: TimerStatus) -> str:
    reached = ": goal reached" if status.goal_reached else ""
    return f"Today: {status.today_minutes} of {status.goal_minutes} minutes{reached}"


def status_lines(status: TimerStatus) -> list[str]:
    zone = local_zone()
    lines: list[str] = []
    if status.started_at is None:
        lines.append("No session running: start one with netui timer start")
    else:
        state = "paused" if status.paused else "running"
        over = ", planned time over" if status.planned_over else ""
        lines.append(
            f"Session since {clock_time(status.started_at, zone)} ({state}): "
            f"{clock_text(status.elapsed_seconds)} of {status.planned_minutes} minutes{over}"
        )
    if status.interrupted is not None:
        gap = status.interrupted
        lines.append(
            f"Interrupted: netui last saw this session at {clock_time(gap.last_seen_at, zone)}"
            f" ({clock_text(gap.gap_seconds)} ago; killed, or the machine slept)."
        )
        lines.append(
            f"Choose: netui timer resolve keep (count {clock_text(gap.kept_seconds)}), "
            f"stop (end it then: {clock_text(gap.stopped_seconds)}) or discard"
        )
    lines.append(today_line(status))
    lines.append(
        f"Last 7 days: {status.week_minutes} minutes · streak {_plural(status.streak_days, 'day')}"
    )
    lines.append("  ".join(f"{d.day:%a} {d.minutes}" for d in status.days))
    return lines


@contextmanager
def _refusals() -> Iterator[None]:
    """The timer's refusals in the words of this command line."""
    try:
        yield
    except SessionInterruptedError as error:
        raise CliError(f"{error} ({RESOLVE_HINT})") from None
    except ValidationError as error:
        option = "--minutes" if error.field == "minutes" else error.field
        raise CliError(f"{option}: {error.message}") from None


def _act(action: Callable[[TimerService], TimerStatus]) -> TimerStatus:
    with open_services(writing=True) as services, _refusals():
        return action(services.timer)


@click.group()
@db_option
def timer() -> None:
    """The daily networking session: start, pause, resume, extend, stop, status."""


@timer.command("start")
@click.option("--minutes", type=int, metavar="N", help="Plan N minutes (default: daily goal).")
@db_option
def timer_start(minutes: int | None) -> None:
    """Start today's session (one at a time)."""
    status = _act(lambda timer: timer.start(minutes))
    started = status.started_at or status.at
    click.echo(
        f"Started a {status.planned_minutes}-minute session at "
        f"{clock_time(started, local_zone())} (daily goal {status.goal_minutes} minutes)"
    )


@timer.command("pause")
@db_option
def timer_pause() -> None:
    """Pause the running session."""
    status = _act(lambda timer: timer.pause())
    click.echo(f"Paused at {clock_text(status.elapsed_seconds)}")


@timer.command("resume")
@db_option
def timer_resume() -> None:
    """Resume the paused session."""
    status = _act(lambda timer: timer.resume())
    click.echo(f"Resumed at {clock_text(status.elapsed_seconds)}")


@timer.command("stop")
@db_option
def timer_stop() -> None:
    """Stop the running session."""
    status = _act(lambda timer: timer.stop())
    click.echo(f"Stopped. {today_line(status)}")


@timer.command("extend")
@click.option(
    "--minutes",
    type=int,
    default=EXTEND_MINUTES,
    show_default=True,
    metavar="N",
    help="Minutes to add to the plan.",
)
@db_option
def timer_extend(minutes: int) -> None:
    """Plan more minutes for the running session."""
    status = _act(lambda timer: timer.extend(minutes))
    click.echo(f"Planned {status.planned_minutes} minutes ({minutes} more)")


@timer.command("status")
@json_option
@db_option
def timer_status(as_json: bool) -> None:
    """The session, today's minutes, the last 7 days and the streak."""
    with open_services(writing=False) as services:
        status = services.timer.status()
    if as_json:
        echo_json(status_json(status))
    else:
        echo_lines(status_lines(status))


_CHOICES: dict[str, Callable[[TimerService], TimerStatus]] = {
    "keep": lambda timer: timer.keep_time(),
    "stop": lambda timer: timer.stop_at_last_seen(),
    "discard": lambda timer: timer.discard(),
}
_DONE = {
    "keep": "Kept: the session goes on with its time",
    "stop": "Stopped where netui last saw it",
    "discard": "Discarded the interrupted session",
}


@timer.command("resolve")
@click.argument("choice", type=click.Choice(tuple(_CHOICES), case_sensitive=False))
@db_option
def timer_resolve(choice: str) -> None:
    """After an interruption: keep the time, stop at the last moment seen, or discard."""
    key = choice.lower()
    status = _act(_CHOICES[key])
    click.echo(f"{_DONE[key]}. {today_line(status)}")
