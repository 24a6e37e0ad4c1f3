"""Busy times from real-looking calendar exports (invented events), one pitfall a file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from timezones import zone

from netui.io.ics_gaps import MAX_FILE_BYTES, CalendarBusy, CalendarFileError, read_busy

CALENDARS = Path(__file__).parent / "fixtures" / "calendars"
NEW_YORK = zone("America/New_York")  # the user's zone in these tests
START = datetime(2026, 11, 30, tzinfo=NEW_YORK)  # Monday
END = START + timedelta(days=7)


def busy(name: str) -> CalendarBusy:
    return read_busy(CALENDARS / name, START, END, NEW_YORK)


def local(found: CalendarBusy) -> list[tuple[str, str]]:
    """The busy stretches in New York time, in order."""
    return [
        (f"{s.astimezone(NEW_YORK):%a %H:%M}", f"{e.astimezone(NEW_YORK):%a %H:%M}")
        for s, e in sorted(found.busy)
    ]


def test_unsorted_and_overlapping_events_are_all_read() -> None:
    found = busy("unsorted_google.ics")
    assert local(found) == [
        ("Mon 09:00", "Mon 10:30"),
        ("Mon 10:00", "Mon 11:00"),  # overlaps: the gaps merge them
        ("Tue 06:00", "Tue 07:00"),  # floating noon in the calendar's X-WR-TIMEZONE (Berlin)
        ("Wed 14:00", "Wed 15:00"),
    ]
    assert found.warnings == ()
    assert all(s.tzinfo is UTC for s, _ in found.busy)


def test_cancelled_and_free_events_do_not_block_time() -> None:
    assert local(busy("free_and_cancelled.ics")) == [("Mon 10:00", "Mon 11:00")]


def test_all_day_events_block_whole_local_days_unless_free() -> None:
    found = busy("all_day.ics")
    assert local(found) == [
        ("Tue 00:00", "Thu 00:00"),  # a two-day conference: dates, not times
        ("Fri 00:00", "Sat 00:00"),  # an all-day event without an end lasts its day
    ]


def test_floating_times_and_unknown_zones_are_the_users_own() -> None:
    found = busy("zones.ics")
    assert local(found) == [
        ("Mon 09:00", "Mon 09:15"),
        ("Mon 11:00", "Mon 12:00"),  # Mars/Olympus_Mons: nobody's zone, so the user's
        ("Tue 10:00", "Tue 11:00"),  # Outlook's "W. Europe Standard Time" is Berlin
    ]
    assert found.warnings == (
        'unknown time zone "Mars/Olympus_Mons": its events were read in your own zone',
    )


def test_a_broken_repeat_rule_skips_that_series_with_a_warning() -> None:
    found = busy("broken_rule.ics")
    assert local(found) == [("Tue 09:00", "Tue 10:00")]
    assert found.warnings == ('skipped "Choir practice": its repeat rule cannot be read',)


def test_recurring_events_keep_their_exceptions_and_moved_occurrences() -> None:
    found = busy("recurring_outlook.ics")
    assert local(found) == [
        ("Mon 08:00", "Mon 08:45"),
        ("Tue 08:00", "Tue 08:45"),
        # Wednesday is an EXDATE; Thursday's run moved to 09:30
        ("Thu 09:30", "Thu 10:15"),
        ("Fri 08:00", "Fri 08:45"),
    ]
    assert found.events == 4


def test_windows_line_endings_read_the_same(tmp_path: Path) -> None:
    source = (CALENDARS / "free_and_cancelled.ics").read_bytes()
    crlf = tmp_path / "outlook.ics"
    crlf.write_bytes(source.replace(b"\n", b"\r\n"))
    assert read_busy(crlf, START, END, NEW_YORK) == busy("free_and_cancelled.ics")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty, not a calendar"),
        (b"Name,Email\nOdile,odile@example.com\n", r"is not a calendar \(\.ics\) file$"),
        (bytes(range(256)) * 4, r"is not a calendar \(\.ics\) file$"),
    ],
    ids=["empty", "csv", "binary"],
)
def test_a_file_that_is_not_a_calendar_says_so(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "export.ics"
    path.write_bytes(content)
    with pytest.raises(CalendarFileError, match=message) as refused:
        read_busy(path, START, END, NEW_YORK)
    assert str(refused.value).startswith(f"{path}: ")


def test_a_vcard_is_not_a_calendar() -> None:
    with pytest.raises(CalendarFileError, match="no VCALENDAR"):
        busy("not_a_calendar.ics")


def test_missing_files_folders_and_huge_files_are_named(tmp_path: Path) -> None:
    with pytest.raises(CalendarFileError, match="no such file"):
        read_busy(tmp_path / "gone.ics", START, END, NEW_YORK)
    with pytest.raises(CalendarFileError, match="is a folder"):
        read_busy(tmp_path, START, END, NEW_YORK)
    huge = tmp_path / "huge.ics"
    with huge.open("wb") as out:
        out.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used
    with pytest.raises(CalendarFileError, match="too large"):
        read_busy(huge, START, END, NEW_YORK)


def test_events_outside_the_window_are_left_out() -> None:
    later = START + timedelta(days=1, hours=12)  # from Tuesday noon
    found = read_busy(CALENDARS / "recurring_outlook.ics", later, END, NEW_YORK)
    assert [f"{s.astimezone(NEW_YORK):%a}" for s, _ in sorted(found.busy)] == ["Thu", "Fri"]
