"""The settings file's rules: each key's type and range, unknown keys, remaps, any TOML at all."""

from __future__ import annotations

import tomllib
from datetime import date, datetime, time
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netui.domain.free_gaps import WakingHours
from netui.domain.settings_rules import (
    DEFAULTS,
    SETTING_KEYS,
    BadSettingError,
    KeySlot,
    Problem,
    check_document,
    check_keymap,
    check_theme,
    check_value,
)


def checked(text: str) -> tuple[dict[str, Any], list[str]]:
    result = check_document(tomllib.loads(text))
    return dict(result.values), [problem.text("settings.toml") for problem in result.problems]


def test_a_file_with_every_key_right() -> None:
    values, problems = checked(
        """
        daily_goal_minutes = 45
        top20_weeks = 6
        bell = false
        theme = "nord"
        target_keywords = ["fintech", " Product  Manager ", "FINTECH"]
        [working_hours]
        start = "08:30"
        end = "24:00"
        [keys]
        "contacts.top20" = "ctrl+t, 8"
        """
    )
    assert problems == []
    assert values == {
        "daily_goal_minutes": 45,
        "top20_weeks": 6,
        "bell": False,
        "theme": "nord",
        "target_keywords": ("fintech", "Product Manager"),
        "working_hours": WakingHours(time(8, 30), time.max),
        "keys": {"contacts.top20": "ctrl+t,8"},
    }


def test_an_empty_file_holds_nothing_and_says_nothing() -> None:
    assert checked("") == ({}, [])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "daily_goal_minutes = 0",
            "daily_goal_minutes: must be a whole number from 1 to 480 (minutes)",
        ),
        (
            'daily_goal_minutes = "45"',
            "daily_goal_minutes: must be a whole number from 1 to 480 (minutes)",
        ),
        (
            "daily_goal_minutes = 45.5",
            "daily_goal_minutes: must be a whole number from 1 to 480 (minutes)",
        ),
        (
            "daily_goal_minutes = true",
            "daily_goal_minutes: must be a whole number from 1 to 480 (minutes)",
        ),
        ("top20_weeks = 27", "top20_weeks: must be a whole number from 1 to 26 (weeks)"),
        ('bell = "yes"', "bell: must be true or false"),
        ("theme = 3", 'theme: must be the name of a theme in quotes, e.g. "nord"'),
        ('theme = "  "', 'theme: must be the name of a theme in quotes, e.g. "nord"'),
        (
            'target_keywords = "fintech"',
            'target_keywords: must be a list of words in quotes: ["fintech", "product manager"]',
        ),
        (
            'target_keywords = ["fintech", 3]',
            'target_keywords: must be a list of words in quotes: ["fintech", "product manager"]',
        ),
        (
            'working_hours = "9-5"',
            'working_hours: must be a table: [working_hours] start = "07:00" end = "22:00"',
        ),
        (
            '[working_hours]\nstart = "9am"',
            'working_hours: start: must be a time of day in quotes, "HH:MM" (e.g. "07:30")',
        ),
        (
            '[working_hours]\nend = "25:00"',
            'working_hours: end: "25:00" is not a time of day (00:00 to 23:59)',
        ),
        (
            '[working_hours]\nstart = "24:00"',
            'working_hours: start: "24:00" is not a time of day (00:00 to 23:59)',
        ),
        (
            '[working_hours]\nstart = "18:00"\nend = "09:00"',
            "working_hours: must end after they start (18:00 to 09:00)",
        ),
        ('keys = "T"', 'keys: must be a table: [keys] "contacts.top20" = "T"'),
    ],
)
def test_a_bad_value_names_the_key_and_the_file(text: str, message: str) -> None:
    values, problems = checked(text)
    assert problems == [f"settings.toml: {message}"]
    assert values == {}


def test_a_bad_key_leaves_the_good_ones() -> None:
    values, problems = checked("daily_goal_minutes = 9000\ntop20_weeks = 2\nbell = 1")
    assert values == {"top20_weeks": 2}
    assert len(problems) == 2
    assert check_document(tomllib.loads("bell = 1")).refused == {"bell"}


def test_unknown_keys_are_named_with_a_guess() -> None:
    values, problems = checked(
        'dayly_goal_minutes = 45\ncolour = "red"\n[working_hours]\nstart = "08:00"\nlunch = "12:00"'
    )
    assert problems == [
        "settings.toml: dayly_goal_minutes: unknown key (did you mean daily_goal_minutes?)",
        "settings.toml: colour: unknown key",
        "settings.toml: working_hours.lunch: unknown key",
    ]
    assert values == {"working_hours": WakingHours(time(8, 0), time(22, 0))}


def test_toml_times_are_taken_as_times_of_day() -> None:
    values, problems = checked("[working_hours]\nstart = 09:15:00\nend = 17:45:00")
    assert problems == []
    assert values["working_hours"] == WakingHours(time(9, 15), time(17, 45))


def test_remaps_unquoted_ids_are_the_same_action_and_bad_ones_are_named() -> None:
    values, problems = checked(
        '[keys]\ncontacts.later = "L"\n"contacts.skip" = ""\n"today.start" = 5\n'
        '"contacts.top20" = "ctrl + t"\n"contacts.edit" = "e,,E"'
    )
    assert values["keys"] == {"contacts.later": "L"}
    assert problems == [
        'settings.toml: keys."contacts.skip": has an empty key name'
        ' (key names in quotes: "T" or "ctrl+t,T")',
        'settings.toml: keys."today.start": must be key names in quotes, e.g. "T" or "ctrl+t,T"',
        'settings.toml: keys."contacts.top20": "ctrl + t" is not a key name'
        ' (no spaces: "ctrl+t" not "ctrl + t")',
        'settings.toml: keys."contacts.edit": has an empty key name'
        ' (key names in quotes: "T" or "ctrl+t,T")',
    ]


def test_the_database_values_of_an_older_netui_pass_the_same_rules() -> None:
    assert check_value("target_keywords", ["fintech"]) == ("fintech",)
    assert check_value("daily_goal_minutes", 45) == 45
    with pytest.raises(BadSettingError, match="from 1 to 480"):
        check_value("daily_goal_minutes", -5)


SLOTS = (
    KeySlot("contacts.top20", "contacts", ("t",), "Contacts pane"),
    KeySlot("contacts.skip", "contacts", ("x",), "Contacts pane"),
    KeySlot("contacts.triage", "contacts", ("T",), "Contacts pane"),
    KeySlot("today.start", "today", ("s",), "Today pane"),
    KeySlot("session.pause", "session", ("space",), "Session mode"),
    KeySlot("session.resume", "session", ("space",), "Session mode"),
    KeySlot("app.about", "app", (), "Everywhere"),
)


def test_a_remap_to_a_free_key_passes() -> None:
    result = check_keymap({"contacts.top20": "8", "contacts.skip": "s"}, SLOTS)
    assert result.problems == ()
    assert result.keymap == {"contacts.top20": "8", "contacts.skip": "s"}  # s is Today's


def test_a_clash_in_the_scope_is_named_and_the_remap_dropped() -> None:
    result = check_keymap({"contacts.top20": "T"}, SLOTS)
    assert result.keymap == {}
    assert [p.text("settings.toml") for p in result.problems] == [
        'settings.toml: keys."contacts.top20": "T" is already the key of contacts.triage in'
        " the Contacts pane; choose another key or remap that one too"
    ]


def test_a_key_freed_by_another_remap_can_be_taken() -> None:
    result = check_keymap({"contacts.top20": "x", "contacts.skip": "X"}, SLOTS)
    assert result.problems == ()
    assert dict(result.keymap) == {"contacts.top20": "x", "contacts.skip": "X"}


def test_two_remaps_to_one_key_both_fail() -> None:
    result = check_keymap({"contacts.top20": "9", "contacts.skip": "9"}, SLOTS)
    assert result.keymap == {}
    assert {p.key for p in result.problems} == {
        'keys."contacts.top20"',
        'keys."contacts.skip"',
    }


def test_a_dropped_remap_gives_its_key_back_and_that_can_clash_too() -> None:
    # top20 wants T (triage's): dropped, so top20 keeps t, which skip wanted.
    result = check_keymap({"contacts.top20": "T", "contacts.skip": "t"}, SLOTS)
    assert result.keymap == {}
    assert [p.key for p in result.problems] == ['keys."contacts.top20"', 'keys."contacts.skip"']


def test_actions_that_share_a_key_in_the_table_may_share_a_new_one() -> None:
    result = check_keymap({"session.pause": "p", "session.resume": "p"}, SLOTS)
    assert result.problems == ()


def test_unknown_and_keyless_actions() -> None:
    result = check_keymap({"contacts.top21": "8", "app.about": "a"}, SLOTS)
    assert result.keymap == {}
    assert [p.message for p in result.problems] == [
        "unknown action (did you mean contacts.top20?)",
        "has no key to change: it runs from the command palette (ctrl+p)",
    ]


def test_keys_are_compared_by_the_name_the_app_gives_them() -> None:
    slots = (*SLOTS, KeySlot("app.help", "contacts", ("question_mark",)))
    names = {"?": "question_mark"}
    result = check_keymap({"contacts.top20": "?"}, slots, lambda k: names.get(k, k))
    assert [p.message for p in result.problems] == [
        '"question_mark" is already the key of app.help; choose another key or remap that one too'
    ]


def test_a_theme_that_does_not_exist() -> None:
    assert check_theme("nord", ["nord", "gruvbox"]) is None
    assert check_theme(None, []) is None
    assert check_theme("nordd", ["nord", "gruvbox"]) == Problem(
        "theme",
        'no theme is named "nordd" (did you mean nord? "Theme" in the command palette lists them)',
    )


# -- whatever TOML holds, the check answers ------------------------------------------------

SCALARS = (
    st.integers()
    | st.booleans()
    | st.floats(allow_nan=True)
    | st.text()
    | st.dates()
    | st.datetimes()
    | st.times()
)
TOML_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)
DOCUMENTS = st.dictionaries(st.sampled_from(SETTING_KEYS) | st.text(), TOML_VALUES, max_size=8)


@given(DOCUMENTS)
def test_any_parsed_toml_is_checked_without_raising(document: dict[str, Any]) -> None:
    result = check_document(document)
    assert set(result.values) <= set(SETTING_KEYS)
    for key, value in result.values.items():
        assert type(value) is type(DEFAULTS[key]) or key in ("theme", "keys")
    for key in result.refused:
        assert key in document
        assert key not in result.values
    assert all(isinstance(p.text("settings.toml"), str) for p in result.problems)


@given(st.dictionaries(st.text(), st.text(), max_size=6))
def test_any_remaps_are_checked_without_raising(remaps: dict[str, str]) -> None:
    result = check_keymap(remaps, SLOTS)
    assert set(result.keymap) <= set(remaps)


@pytest.mark.parametrize("value", [date(2026, 1, 1), datetime(2026, 1, 1, 9), [1, 2], {}])
def test_odd_values_for_the_goal(value: Any) -> None:
    assert "daily_goal_minutes" in check_document({"daily_goal_minutes": value}).refused


def test_a_very_long_key_or_value_is_shortened_in_the_message() -> None:
    long = "k" * 100_000
    (key_problem,) = check_document({long: 1}).problems
    line = key_problem.text("settings.toml")
    assert line == f"settings.toml: {'k' * 79}…: unknown key"
    (key_problem,) = check_document({"keys": {"contacts.top20": "a" * 100_000 + " b"}}).problems
    shown = key_problem.text("settings.toml")
    assert shown.startswith('settings.toml: keys."contacts.top20": "aaa')
    assert len(shown) < 400
    assert shown.endswith("…")
