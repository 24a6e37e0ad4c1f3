"""The contact list's columns and cell text, checked without running an app."""

from __future__ import annotations

from netui.tui.widgets.contact_columns import column_layout


def test_layout_shrinks_company_then_name_then_drops_columns() -> None:
    wide, medium, narrow = (dict(column_layout(w)) for w in (119, 79, 40))
    assert wide["name"] >= medium["name"]
    assert wide["company"] > medium["company"]
    assert list(medium) == ["marker", "name", "company", "last", "status", "strength"]
    assert "strength" not in narrow
    for w in range(1, 200):
        layout = column_layout(w)
        total = sum(width for _, width in layout) + len(layout) - 2  # gaps
        assert total == w or w < 3
