"""The time audit's sums: spare minutes, a goal never below 30 when there is room, a month."""

from __future__ import annotations

import pytest

from netui.domain.time_audit import (
    DAY_MINUTES,
    DEFAULT_BLOCKS,
    Block,
    audit,
    check_blocks,
    suggest_goal,
)
from netui.errors import ValidationError


def test_the_default_day_adds_up_and_finds_spare_time() -> None:
    result = audit(DEFAULT_BLOCKS)
    assert result.planned_minutes + result.unplanned_minutes == DAY_MINUTES
    assert result.discretionary_minutes == 45 + 90 + 60
    assert result.suggested_goal == 90  # half of 195, rounded, capped at 90
    assert result.month_hours == pytest.approx(90 * 52 * 5 / 12 / 60, abs=0.05)
    assert result.month_conversations is None  # no history yet


@pytest.mark.parametrize(
    ("spare", "goal"),
    [(30, 30), (45, 30), (60, 30), (70, 35), (90, 45), (120, 60), (400, 90)],
)
def test_the_goal_is_half_the_spare_time_between_30_and_90(spare: int, goal: int) -> None:
    assert suggest_goal(spare)[0] == goal


def test_a_day_without_30_spare_minutes_is_said_plainly() -> None:
    goal, advice = suggest_goal(20)
    assert goal == 20
    assert "only 20 minutes" in advice
    assert "less than the 30" in advice
    assert suggest_goal(0)[0] is None


def test_thirty_minutes_a_weekday_is_more_than_ten_hours_a_month() -> None:
    result = audit([Block("TV", 60, True), Block("Work", 600, False)])
    assert result.suggested_goal == 30
    assert result.month_hours > 10


def test_conversations_follow_the_users_own_pace() -> None:
    result = audit(DEFAULT_BLOCKS, minutes_per_conversation=25)
    assert result.month_conversations == int(90 * 52 * 5 / 12 // 25)


def test_a_day_overbooked_shows_a_negative_remainder_and_ignores_negative_blocks() -> None:
    result = audit([Block("Work", 1500, False), Block("Bad", -50, True)])
    assert result.unplanned_minutes == DAY_MINUTES - 1500
    assert result.discretionary_minutes == 0


def test_blocks_are_cleaned_and_checked_before_saving() -> None:
    checked = check_blocks([Block("  TV\x1b[31m and\tgames ", 90, True), Block("Work", 0, False)])
    assert checked == (Block("TV and games", 90, True), Block("Work", 0, False))
    with pytest.raises(ValidationError, match="at least one block"):
        check_blocks([])
    with pytest.raises(ValidationError, match="block 2: needs a name"):
        check_blocks([Block("Work", 60, False), Block(" \t", 60, True)])
    with pytest.raises(ValidationError, match="TV: minutes must be between 0 and 1440"):
        check_blocks([Block("TV", DAY_MINUTES + 1, True)])
    with pytest.raises(ValidationError, match="TV: minutes must be between"):
        check_blocks([Block("TV", -5, True)])
    with pytest.raises(ValidationError, match="at most 40 blocks"):
        check_blocks([Block(f"Block {n}", 10, True) for n in range(41)])
    with pytest.raises(ValidationError, match="over 60 characters"):
        check_blocks([Block("x" * 61, 10, True)])
