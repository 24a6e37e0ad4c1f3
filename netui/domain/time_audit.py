"""The time audit: a typical weekday in blocks, the spare minutes in it, and a daily goal.

The coach's first step: someone who "has no time" lays out a normal day and finds 30 to 90
discretionary minutes. Thirty a day, every weekday, is more than ten hours a month. These
are the sums; the screen and ``netui audit`` show them, and the suggested goal becomes the
daily goal only when the user accepts it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from netui.domain.clean_text import clean_line
from netui.errors import ValidationError

__all__ = [
    "DAY_MINUTES",
    "DEFAULT_BLOCKS",
    "MIN_GOAL",
    "Audit",
    "Block",
    "audit",
    "check_blocks",
    "suggest_goal",
]

DAY_MINUTES = 24 * 60
MIN_GOAL = 30
"""The least a day of networking should have, when the day has room for it."""
MAX_GOAL = 90
MAX_BLOCKS = 40
MAX_BLOCK_NAME = 60
WEEKDAYS_PER_MONTH = 52 * 5 / 12
"""About 21.7: the method's "every day" is every weekday."""


@dataclass(frozen=True, slots=True)
class Block:
    """Part of a typical weekday: what, how long, and whether it could give way."""

    name: str
    minutes: int
    discretionary: bool


def check_blocks(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """The blocks as they may be saved: names cleaned, minutes a day's worth at most.

    Blocks may add up to more than a day (the audit then says so); each one may not.
    """
    if not blocks:
        raise ValidationError("blocks", "a day needs at least one block")
    if len(blocks) > MAX_BLOCKS:
        raise ValidationError("blocks", f"at most {MAX_BLOCKS} blocks, not {len(blocks)}")
    checked = []
    for number, block in enumerate(blocks, start=1):
        name = clean_line(block.name)
        if not name:
            raise ValidationError(f"block {number}", "needs a name")
        if len(name) > MAX_BLOCK_NAME:
            raise ValidationError(f"block {number}", f"name is over {MAX_BLOCK_NAME} characters")
        minutes = block.minutes
        if isinstance(minutes, bool) or not isinstance(minutes, int):
            raise ValidationError(name, "minutes must be a whole number")
        if not 0 <= minutes <= DAY_MINUTES:
            raise ValidationError(name, f"minutes must be between 0 and {DAY_MINUTES}")
        checked.append(Block(name, minutes, bool(block.discretionary)))
    return tuple(checked)


DEFAULT_BLOCKS: tuple[Block, ...] = (
    Block("Sleep", 450, False),
    Block("Work and job applications", 480, False),
    Block("Commute", 60, False),
    Block("Meals", 90, False),
    Block("Family and household", 120, False),
    Block("Errands", 45, True),
    Block("TV and streaming", 90, True),
    Block("Social media and news", 60, True),
    Block("Exercise", 30, False),
)
"""Where a normal day goes for many people; the user changes every number."""


@dataclass(frozen=True, slots=True)
class Audit:
    planned_minutes: int
    """Every block added up (a day has 1,440)."""
    discretionary_minutes: int
    unplanned_minutes: int
    """What the blocks leave unaccounted for (negative when they add up to more than a day)."""
    suggested_goal: int | None
    """Minutes a day to commit, or None when the day has no room for a session."""
    advice: str
    month_hours: float
    """What the suggested goal adds up to over a month of weekdays."""
    month_conversations: int | None
    """At the user's own pace so far (None until there is history)."""


def _round_to_five(minutes: float) -> int:
    return int(5 * round(minutes / 5))


def suggest_goal(discretionary_minutes: int) -> tuple[int | None, str]:
    """A daily goal that leaves most of the spare time alone, and plain words about it.

    Half the spare time, rounded to 5 minutes, never below 30 when 30 are there and never
    above 90. With under 30 spare minutes it says so instead of pretending.
    """
    if discretionary_minutes >= MIN_GOAL:
        goal = max(MIN_GOAL, min(MAX_GOAL, _round_to_five(discretionary_minutes / 2)))
        return goal, (
            f"Your day has {discretionary_minutes} minutes that could give way. "
            f"{goal} of them a day, every weekday, is the habit that opens doors."
        )
    if discretionary_minutes <= 0:
        return None, (
            "As laid out, this day has no time that could give way. Look again at the "
            "blocks: most days hide some TV, scrolling or errands that can shrink."
        )
    return discretionary_minutes, (
        f"Your day has only {discretionary_minutes} minutes that could give way, less than "
        f"the {MIN_GOAL} a day the method asks for. Start with {discretionary_minutes}, and "
        "look again at the blocks: most days hide more than they seem to."
    )


def audit(blocks: Sequence[Block], minutes_per_conversation: float | None = None) -> Audit:
    """Add the day up and suggest a goal; ``minutes_per_conversation`` from history, if any."""
    planned = sum(max(0, block.minutes) for block in blocks)
    spare = sum(max(0, block.minutes) for block in blocks if block.discretionary)
    goal, advice = suggest_goal(spare)
    month_minutes = (goal or 0) * WEEKDAYS_PER_MONTH
    conversations = (
        int(month_minutes // minutes_per_conversation)
        if minutes_per_conversation and minutes_per_conversation > 0
        else None
    )
    return Audit(
        planned_minutes=planned,
        discretionary_minutes=spare,
        unplanned_minutes=DAY_MINUTES - planned,
        suggested_goal=goal,
        advice=advice,
        month_hours=round(month_minutes / 60, 1),
        month_conversations=conversations,
    )
