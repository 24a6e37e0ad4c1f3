"""Which panes the main screen shows at each width, and in what mode."""

from __future__ import annotations

import pytest

from netui.tui.screens.pane_layout import PANE_ORDER, THREE_FROM, pane_layout


@pytest.mark.parametrize("width", [40, 80, 99])
@pytest.mark.parametrize("active", PANE_ORDER)
def test_a_narrow_screen_shows_the_pane_in_use_alone(width: int, active: str) -> None:
    layout = pane_layout(width, active)
    assert layout.narrow
    assert not layout.three
    assert layout.shown == {active}
    assert layout.side_shown == (active != "contacts-pane")
    assert not layout.glance  # alone, the Script pane is whole
    assert layout.screen_classes["-narrow"]


@pytest.mark.parametrize("width", [100, 120, 149, 150, 159, 160, 200, 300])
def test_from_100_columns_every_pane_is_shown(width: int) -> None:
    for active in PANE_ORDER:
        layout = pane_layout(width, active)
        assert layout.shown == set(PANE_ORDER)
        assert layout.side_shown
        assert layout.three == (width >= THREE_FROM)
        assert not layout.narrow


@pytest.mark.parametrize("width", [100, 120, 160, 200])
def test_the_script_pane_is_a_glance_unless_it_is_in_use(width: int) -> None:
    assert pane_layout(width, "script-pane").glance is False
    assert pane_layout(width, "contacts-pane").glance is True
    assert pane_layout(width, "today-pane").glance is True


def test_the_today_pane_takes_half_from_150_columns_until_there_are_three() -> None:
    assert not pane_layout(149, "today-pane").today_wide
    assert pane_layout(150, "today-pane").today_wide
    assert pane_layout(159, "today-pane").today_wide
    assert not pane_layout(150, "contacts-pane").today_wide
    assert not pane_layout(160, "today-pane").today_wide  # three columns: it has its own


def test_the_script_pane_in_use_takes_the_larger_share_of_two_columns() -> None:
    assert pane_layout(120, "script-pane").script_wide
    assert not pane_layout(120, "today-pane").script_wide
    assert not pane_layout(80, "script-pane").script_wide
    assert not pane_layout(160, "script-pane").script_wide


def test_the_today_pane_in_use_takes_most_of_the_height_it_shares_with_script() -> None:
    assert pane_layout(120, "today-pane").today_tall
    assert pane_layout(155, "today-pane").screen_classes["-today-tall"]
    assert not pane_layout(120, "contacts-pane").today_tall
    assert not pane_layout(120, "script-pane").today_tall
    assert not pane_layout(80, "today-pane").today_tall  # alone on screen: it has it all
    assert not pane_layout(160, "today-pane").today_tall  # a column of its own


def test_three_columns_widen_the_side_when_a_side_pane_is_in_use() -> None:
    assert not pane_layout(160, "contacts-pane").screen_classes["-three-side"]
    assert pane_layout(160, "today-pane").screen_classes["-three-side"]
    assert pane_layout(200, "script-pane").screen_classes["-three-side"]
    assert not pane_layout(120, "today-pane").screen_classes["-three-side"]


def test_an_unknown_pane_is_refused() -> None:
    with pytest.raises(ValueError, match="no such pane"):
        pane_layout(120, "stats-pane")
