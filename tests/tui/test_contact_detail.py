"""The detail text: every field, next steps in words, and history newest first."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from netui.domain.types import (
    Channel,
    Contact,
    DatePrecision,
    Interaction,
    Outcome,
    TriageStatus,
)
from netui.tui.widgets.contact_detail import describe_follow_up, render_contact

TODAY = date(2026, 11, 26)
STAMP = datetime(2026, 1, 1, tzinfo=UTC)


def contact(**changes: Any) -> Contact:
    fields: dict[str, Any] = {
        "id": 1,
        "full_name": "Priya Castellanos",
        "first_name": "Priya",
        "last_name": "Castellanos",
        "company": "Harbor & Finch",
        "title": "Talent Partner",
        "emails": ("priya@harbor.example",),
        "phones": ("+1 555 0100",),
        "linkedin_url": "https://www.linkedin.com/in/pcastellanos",
        "how_we_met": "Same bootcamp cohort",
        "notes": "Loves sailing\nHas two kids",
        "tags": ("recruiting", "sf"),
        "strength": 4,
        "status": TriageStatus.TOP20,
        "top20_rank": 3,
        "last_contacted": date(2021, 3, 1),
        "last_contacted_precision": DatePrecision.MONTH,
        "cadence": "3m",
        "next_follow_up": date(2026, 11, 20),
        "source": "manual",
        "created_at": STAMP,
        "updated_at": STAMP,
    }
    fields.update(changes)
    return Contact(**fields)


def test_every_field_is_shown() -> None:
    text = render_contact(contact(), [], TODAY).plain
    for expected in (
        "Priya Castellanos",
        "Top 20 #3",
        "●●●●○",
        "Talent Partner · Harbor & Finch",
        "Mar 2021 (about 5 years)",
        "priya@harbor.example",
        "+1 555 0100",
        "linkedin.com/in/pcastellanos",
        "Same bootcamp cohort",
        "recruiting, sf",
        "Loves sailing\nHas two kids",
        "quarterly, overdue since",
        "No calls or messages logged yet",
    ):
        assert expected in text


def test_follow_up_wording() -> None:
    assert "overdue: 6 days ago" in describe_follow_up(date(2026, 11, 20), TODAY)
    assert describe_follow_up(date(2026, 12, 3), TODAY) == "Thu 3 Dec 2026 (in 7 days)"


def test_history_and_markup_like_text_stay_literal() -> None:
    history = [
        Interaction(
            id=1,
            contact_id=1,
            occurred_at=datetime(2026, 11, 25, 17, 30, tzinfo=UTC),
            channel=Channel.CALL,
            outcome=Outcome.MEETING_SET,
            note="[bold]coffee[/] on Friday",
            follow_up=date(2026, 11, 28),
        )
    ]
    text = render_contact(contact(full_name="[red]Priya[/red]"), history, TODAY).plain
    assert "[red]Priya[/red]" in text
    assert "call · meeting set" in text
    assert "[bold]coffee[/] on Friday" in text
    assert "History (1)" in text


def test_never_contacted_says_so() -> None:
    text = render_contact(
        contact(last_contacted=None, last_contacted_precision=None, cadence=None), [], TODAY
    ).plain
    assert "never recorded" in text


def test_a_job_change_is_called_out() -> None:
    changed = contact(
        previous_company="Old Corp", previous_title="Analyst", job_changed_on=date(2026, 11, 20)
    )
    text = render_contact(changed, [], TODAY).plain
    assert "Changed jobs (was Analyst at Old Corp), noticed 20 Nov 2026" in text


def test_each_field_but_the_notes_keeps_to_one_line() -> None:
    """A name, company or title read with line breaks (an old file, a spreadsheet cell) is
    shown on one line, so the header and the fields below it keep their shape."""
    flat = render_contact(contact(previous_company="Old Corp", job_changed_on=TODAY), [], TODAY)
    broken = contact(
        full_name="Priya\nCastellanos",
        company="Harbor\r\n& Finch",
        title="Talent\u2028Partner",
        emails=("priya@harbor\n.example",),
        how_we_met="Same\nbootcamp",
        tags=("recruit\ning",),
        previous_company="Old\nCorp",
        job_changed_on=TODAY,
    )
    history = [Interaction(1, 1, STAMP, Channel.CALL, Outcome.TALKED, "Said\r\nhi\vthere", None)]
    lines = render_contact(broken, history, TODAY).plain.splitlines()
    assert len(lines) == len(flat.plain.splitlines()) + 2  # the history heading and its note
    assert lines[0].startswith("Priya Castellanos   Top 20 #3")
    assert lines[1] == "Talent Partner · Harbor  & Finch"
    assert "(was Old Corp)" in lines[2]
    assert "    Said  hi there" in lines
    assert "Loves sailing" in lines
    assert "Has two kids" in lines  # the notes keep their lines
