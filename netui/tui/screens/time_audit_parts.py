"""The pieces of the time audit screen: one editable block of the day, and the words for
the sums and for a calendar's free gaps.

Everything shown here is Content built from the user's own text, never parsed as markup.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Checkbox, Input

from netui.domain.clean_text import clean_line
from netui.domain.clock import local_zone
from netui.domain.time_audit import DAY_MINUTES, MAX_BLOCK_NAME, Audit, Block
from netui.errors import ValidationError
from netui.tui.text import literal_line

if TYPE_CHECKING:
    from netui.services.audit import CalendarGaps

__all__ = ["BlockRow", "gaps_text", "saved_text", "summary_text", "total_text"]


class BlockRow(Horizontal):
    """One block of a typical weekday: what, how many minutes, and whether it could give way."""

    DEFAULT_CSS = """
    BlockRow { height: 1; }
    BlockRow > .block-name { width: 1fr; }
    BlockRow > .block-minutes { width: 8; margin: 0 1; }
    BlockRow > Checkbox { width: 20; }
    """

    def __init__(self, block: Block) -> None:
        super().__init__(classes="block-row")
        self.block = block

    def compose(self) -> ComposeResult:
        yield Input(
            clean_line(self.block.name),
            placeholder="What (e.g. TV)",
            max_length=MAX_BLOCK_NAME,
            classes="block-name",
            compact=True,
        )
        yield Input(
            str(self.block.minutes),
            placeholder="min",
            type="integer",
            max_length=4,
            classes="block-minutes",
            compact=True,
        )
        yield Checkbox("could give way", self.block.discretionary, compact=True)

    def read(self, number: int) -> Block:
        """The block as typed; a ValidationError naming it when its minutes are not a number."""
        name = self.query_one(".block-name", Input).value
        typed = self.query_one(".block-minutes", Input).value.strip()
        label = clean_line(name) or f"block {number}"
        if not typed:
            raise ValidationError(label, "how many minutes? (0 is fine)")
        try:
            minutes = int(typed)
        except ValueError:
            raise ValidationError(label, f"minutes must be a whole number, not {typed}") from None
        return Block(name, minutes, self.query_one(Checkbox).value)

    def focus_name(self) -> None:
        self.query_one(".block-name", Input).focus()


def _line(label: str, value: str | Content, style: str = "") -> Content:
    shown = value if isinstance(value, Content) else Content.styled(value, style)
    return Content.assemble((f"{label:<16}", "bold"), shown)


def summary_text(result: Audit, daily_goal: int) -> Content:
    """The day added up: what could give way, the goal it allows, and a month of it."""
    lines = [
        _line("Laid out", f"{result.planned_minutes:,} of {DAY_MINUTES:,} minutes"),
    ]
    if result.unplanned_minutes < 0:
        over = -result.unplanned_minutes
        lines.append(
            Content.styled(f"That is {over:,} minutes more than a day has.", "$text-warning")
        )
    elif result.unplanned_minutes:
        lines.append(
            Content.styled(f"{result.unplanned_minutes:,} not accounted for", "$text-muted")
        )
    lines.append(_line("Could give way", f"{result.discretionary_minutes:,} minutes a day"))
    goal = result.suggested_goal
    if goal is None:
        lines.append(_line("Suggested goal", "none yet", "bold $text-warning"))
    else:
        lines.append(_line("Suggested goal", f"{goal} minutes a day", "bold $text-success"))
    lines.append(Content(""))
    lines.append(Content(result.advice))
    if goal:
        month = f"{result.month_hours:g} hours"
        if result.month_conversations is not None:
            month += f", about {result.month_conversations} conversations at your pace"
        lines.append(Content(""))
        lines.append(_line("In a month", month))
    lines.append(_line("Daily goal now", f"{daily_goal} minutes"))
    if goal and goal != daily_goal:
        lines.append(Content.styled(f"ctrl+g makes it {goal}", "$text-muted"))
    return Content("\n").join(lines)


def total_text(result: Audit | None) -> Content:
    """One line that stays in view while the blocks scroll: the spare time and the goal."""
    if result is None:
        return Content.styled("Fix the block above to add the day up", "$text-warning")
    goal = result.suggested_goal
    said = f"{goal} minutes a day" if goal else "none yet"
    return Content.assemble(
        ("Could give way ", "bold"),
        f"{result.discretionary_minutes} min",
        ("  Suggested goal ", "bold"),
        (said, "$text-success" if goal else "$text-warning"),
    )


def saved_text(saved_at: datetime | None, dirty: bool) -> Content:
    if dirty:
        return Content.styled("Unsaved changes (ctrl+s saves)", "$text-warning")
    if saved_at is None:
        return Content.styled("The common blocks: change every number, then ctrl+s", "$text-muted")
    local = saved_at.astimezone(local_zone())
    return Content.styled(f"Saved {local:%d %b %Y, %H:%M}", "$text-success")


def gaps_text(found: CalendarGaps) -> Content:
    """Free stretches of the coming days, by day; the ones that hold a whole session marked."""
    zone = local_zone()
    last = found.first_day + timedelta(days=found.days - 1)
    heading = (
        f"Free time {found.first_day:%a %d %b} to {last:%a %d %b} ({found.waking}), "
        f"{found.events} busy event{'s' if found.events != 1 else ''}"
    )
    lines = [Content.styled(heading, "bold")]
    if not found.gaps:
        lines.append(Content.styled("No free stretch of 15 minutes or more.", "$text-warning"))
    shown_day = None
    for gap in found.gaps:
        start, end = gap.start.astimezone(zone), gap.end.astimezone(zone)
        day = f"{start:%a %d %b}" if start.date() != shown_day else ""
        shown_day = start.date()
        fits = gap.minutes >= found.goal_minutes
        lines.append(
            Content.assemble(
                f"{day:<11}{start:%H:%M}-{end:%H:%M} {gap.minutes:>5} min",
                (" ✓" if fits else "", "$text-success"),
            )
        )
    if found.gaps:
        lines.append(
            Content.styled(f"✓ holds your {found.goal_minutes}-minute session", "$text-muted")
        )
    lines += [
        Content.assemble(("Warning: ", "$text-warning"), literal_line(warning))
        for warning in found.warnings
    ]
    return Content("\n").join(lines)
