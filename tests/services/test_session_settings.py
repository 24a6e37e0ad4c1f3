"""The daily session's settings: goal, Top 20 weeks, bell; odd stored values fall back."""

from __future__ import annotations

import sqlite3

import pytest

from netui.errors import ValidationError
from netui.services.context import Services


def test_defaults_and_changes(services: Services) -> None:
    settings = services.settings
    assert (settings.daily_goal(), settings.top20_weeks(), settings.bell()) == (30, 4, True)
    settings.set_daily_goal(45)
    settings.set_top20_weeks(6)
    settings.set_bell(False)
    assert (settings.daily_goal(), settings.top20_weeks(), settings.bell()) == (45, 6, False)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda s: s.set_daily_goal(0), "daily goal: must be between 1 and 480 minutes, not 0"),
        (lambda s: s.set_daily_goal(481), "daily goal: must be between 1 and 480 minutes, not 481"),
        (lambda s: s.set_top20_weeks(0), "weeks: must be a whole number from 1 to 26"),
        (lambda s: s.set_top20_weeks(27), "weeks: must be a whole number from 1 to 26"),
    ],
)
def test_out_of_range_values_are_refused(services: Services, change: object, message: str) -> None:
    with pytest.raises(ValidationError) as refused:
        change(services.settings)  # type: ignore[operator]
    assert str(refused.value) == message
    assert (services.settings.daily_goal(), services.settings.top20_weeks()) == (30, 4)


@pytest.mark.parametrize(
    ("key", "stored"),
    [
        ("daily_goal_minutes", '"thirty"'),
        ("daily_goal_minutes", "-5"),
        ("daily_goal_minutes", "true"),
        ("top20_weeks", "1000"),
        ("bell", '"loud"'),
        ("target_keywords", '"fintech"'),
    ],
)
def test_a_stored_value_in_an_odd_shape_falls_back_to_the_default(
    services: Services, key: str, stored: str
) -> None:
    connection = sqlite3.connect(services.path)
    with connection:
        connection.execute("INSERT INTO setting (key, value) VALUES (?, ?)", (key, stored))
    connection.close()
    settings = services.settings
    assert (settings.daily_goal(), settings.top20_weeks(), settings.bell()) == (30, 4, True)
    assert settings.target_keywords() == ()
