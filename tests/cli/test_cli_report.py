"""``netui report``: the weekly review on the terminal or in a file, and every way the file
can fail said in one line naming it."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from cli_runner import Netui
from timezones import local_zone_as

HOSTILE = '<script>alert("x")</script> & *[x](javascript:1)* [/] \x1b[31mred'


@pytest.fixture(autouse=True)
def in_lisbon() -> Iterator[None]:
    """15:00 UTC on Thursday 26 November 2026 is 15:00 in Lisbon: the week of 23–29 Nov."""
    with local_zone_as("Europe/Lisbon"):
        yield


def fill(cmd: Netui) -> None:
    """Three Top 20 members (one reached), follow-ups overdue, soon and too far off."""
    for name in ("Ada Okafor", "Bruno Salas", "Chen Wu"):
        cmd.ok("add", name, "--company", "Larkspur")
    cmd.ok("set", "1", "2", "3", "--status", "top20")
    cmd.ok("log", "1", "--channel", "call", "--outcome", "talked", "--follow-up", "in 3 days")
    cmd.ok("add", "Dalia Mertens", "--company", HOSTILE)
    cmd.ok(
        "log",
        "4",
        "--channel",
        "email",
        "--outcome",
        "replied",
        "--when",
        "6 days ago",
        "--follow-up",
        "4 days ago",
    )
    cmd.ok("add", "Emeka Brandt")
    cmd.ok("log", "5", "--channel", "email", "--outcome", "replied", "--follow-up", "in 3 weeks")
    cmd.ok("log", "5", "--channel", "call", "--outcome", "meeting_set")
    cmd.ok("timer", "start")
    cmd.clock.advance(minutes=40)
    cmd.ok("timer", "stop")


def part(text: str, title: str) -> list[str]:
    """The lines of one section of a Markdown review, its heading left out."""
    lines = text.splitlines()
    start = lines.index(f"## {title}") + 1
    end = next((n for n in range(start, len(lines)) if lines[n].startswith("## ")), len(lines))
    return [line for line in lines[start:end] if line]


def test_the_review_of_this_week_in_markdown(cmd: Netui) -> None:
    fill(cmd)
    text = cmd.ok("report", "--week")
    assert text.startswith("# Weekly review: 23–29 Nov 2026\n")
    assert text.splitlines()[4] == (
        "**40 min of 2h30 · 2 people reached · 1 door opened · Top 20: 1 of 3 reached (goal 10)**"
    )
    time = part(text, "Time spent")
    assert time[0] == "40 min of the week's goal of 2h30 (30 min a day, 5 days a week): 27%."
    assert time[1] == "The daily goal was met on 1 of the 4 days so far; time was spent on 1 day."
    (today,) = [line for line in time if line.startswith("| 2026\\-11\\-26 |")]
    assert today.startswith("| 2026\\-11\\-26 | 40 | `███")
    assert today.endswith("` ✓ |")  # the goal met: the same mark the stats charts give
    reached = part(text, "People reached")
    assert reached[0] == "2 people reached this week, of 2 people contacted. The week before: 1."
    outcomes = part(text, "Outcomes")
    assert outcomes[0].startswith(
        "Of 2 people contacted: 2 reached, 2 replied, 2 talked, 1 got to a meeting, "
        "0 gave a referral"
    )
    doors = part(text, "Doors opened")
    assert doors[0] == (
        "1 door opened: 1 meeting set, 0 referrals, 0 introductions. The week before: 0."
    )
    follow_ups = part(text, "Follow-ups coming (next 7 days)")
    assert follow_ups[0] == "2 follow-ups due by Wed 2 Dec 2026, 1 of them overdue."
    assert follow_ups[3].startswith("| **overdue by 4 days (was due Sun 22 Nov 2026)** | Dalia")
    assert follow_ups[4] == "| Sun 29 Nov 2026 | Ada Okafor | Larkspur |"
    assert len(follow_ups) == 5  # Emeka's is three weeks off
    next_up = part(text, "Who is next")
    assert next_up[0] == "Top 20: 1 of 3 reached (goal: 10, 9 more to reach the goal)."
    assert next_up[3:5] == [
        "| Bruno Salas | Larkspur | Top 20 #2, not reached yet |",
        "| Chen Wu | Larkspur | Top 20 #3, not reached yet |",
    ]
    assert next_up[5].startswith("| Dalia Mertens | \\<script")
    assert next_up[5].endswith(" | follow-up overdue by 4 days |")
    assert "<script>" not in text
    assert "\x1b" not in text
    assert r"\*\[x\]\(javascript\:1\)\*" in text
    assert cmd.ok("report") == text  # --week is the default


def test_a_past_week_has_its_own_figures(cmd: Netui) -> None:
    fill(cmd)
    text = cmd.ok("report", "--week", "last")
    assert part(text, "Time spent")[:2] == [
        "0 min of the week's goal of 2h30 (30 min a day, 5 days a week): 0%.",
        "The daily goal was met on 0 of 7 days; time was spent on 0 days.",
    ]
    assert part(text, "People reached")[0] == (
        "1 person reached this week, of 1 person contacted. The week before: 0."
    )
    # What lies ahead is as of today, whichever week is reviewed.
    assert part(text, "Who is next") == part(cmd.ok("report"), "Who is next")


def test_an_empty_database_has_a_review_too(cmd: Netui) -> None:
    text = cmd.ok("report", "--week")
    assert "No follow-up is due by Wed 2 Dec 2026, and none is overdue." in text
    assert "Nobody is due: pick people for your Top 20 to fill the queue." in text


def test_a_past_week_by_any_day_inside_it(cmd: Netui) -> None:
    assert cmd.ok("report", "--week", "2026-11-18").startswith("# Weekly review: 16–22 Nov 2026\n")
    assert cmd.ok("report", "--week", "last").startswith("# Weekly review: 16–22 Nov 2026\n")
    assert cmd.ok("report", "--week=last friday").startswith("# Weekly review: 16–22 Nov")


@pytest.mark.parametrize(
    ("week", "message"),
    [
        ("Nov 2026", '--week: "Nov 2026" is not one day; give a day inside the week'),
        ("in 2 weeks", '--week: "in 2 weeks" is in a week that has not begun'),
        ("soonish", '--week: could not read "soonish" as a date'),
    ],
)
def test_a_week_that_cannot_be_told_is_one_line(cmd: Netui, week: str, message: str) -> None:
    assert cmd.fail("report", "--week", week).startswith(f"netui: error: {message}")


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.texts.append(data)


def parsed(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    return page


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder for the reviews (the database is in tmp_path itself)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_the_review_as_an_html_file(cmd: Netui, out: Path) -> None:
    fill(cmd)
    target = out / "week.html"
    said = cmd.ok("report", "--week", "--output", str(target))  # the format from the name
    assert said.startswith(f"Wrote the review of 23–29 Nov 2026 to {target} (html, ")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    page = parsed(target.read_text(encoding="utf-8"))
    assert "script" not in page.tags
    assert HOSTILE.replace("\x1b[31m", "") in page.texts
    assert "Top 20: 1 of 3 reached (goal: 10, 9 more to reach the goal)." in page.texts
    assert os.listdir(out) == ["week.html"]  # no temporary file left beside it


def test_format_and_output_together(cmd: Netui, tmp_path: Path) -> None:
    target = tmp_path / "review.txt"
    cmd.ok("report", "--format", "md", "-o", str(target))
    assert target.read_text(encoding="utf-8") == cmd.ok("report")
    cmd.ok("report", "--format", "html", "-o", str(target))  # an old review is replaced
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert cmd.ok("report", "--format", "html", "-o", "-").startswith("<!DOCTYPE html>")


def test_a_folder_is_refused(cmd: Netui, tmp_path: Path) -> None:
    err = cmd.fail("report", "--output", str(tmp_path))
    assert err == f"netui: error: {tmp_path}: is a folder; give a file name, such as week.html\n"


def test_a_missing_folder_is_named(cmd: Netui, tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "week.md"
    err = cmd.fail("report", "--output", str(target))
    assert err == f"netui: error: {target}: the folder {target.parent} does not exist\n"


def test_the_database_itself_is_never_overwritten(cmd: Netui, db: Path) -> None:
    cmd.ok("add", "Ada Okafor")
    before = db.read_bytes()
    err = cmd.fail("report", "--format", "md", "--output", str(db))
    assert err == f"netui: error: {db}: is the netui database itself; choose another file\n"
    assert db.read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_named(cmd: Netui, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        err = cmd.fail("report", "--output", str(folder / "week.md"))
    finally:
        folder.chmod(0o700)
    assert err == f"netui: error: {folder / 'week.md'}: the folder {folder} is not writable\n"


def test_a_file_refused_by_the_system_is_one_line(
    cmd: Netui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a read-only folder does to anyone but root: the temporary file cannot be made."""

    def refused(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    target = tmp_path / "week.md"
    err = cmd.fail("report", "--output", str(target))
    assert err == f"netui: error: {target}: cannot be written (permission denied)\n"
    assert not target.exists()


@pytest.mark.parametrize("failing", ["write", "fsync"])
def test_a_full_disk_says_so_and_keeps_the_old_file(
    cmd: Netui, out: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = out / "week.md"
    target.write_text("last week's review\n", encoding="utf-8")

    def full(*args: Any) -> Any:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    if failing == "fsync":
        monkeypatch.setattr(os, "fsync", full)
    else:
        real_fdopen = os.fdopen

        def fdopen(*args: Any, **kwargs: Any) -> Any:
            stream = real_fdopen(*args, **kwargs)
            monkeypatch.setattr(stream, "write", full)
            return stream

        monkeypatch.setattr(os, "fdopen", fdopen)
    err = cmd.fail("report", "--output", str(target))
    assert err == (
        f"netui: error: {target}: the disk is full; nothing was written. "
        "Free some space and retry\n"
    )
    assert target.read_text(encoding="utf-8") == "last week's review\n"
    assert os.listdir(out) == ["week.md"]


def test_help_says_what_the_review_holds(cmd: Netui) -> None:
    text = cmd.ok("report", "--help")
    for words in ("--week [DAY]", "--format [md|html]", "--output", "follow-ups coming"):
        assert words in text
