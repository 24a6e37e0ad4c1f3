"""Merge plans: what an incoming record fills, unions or replaces in a stored contact."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netui.domain.record_merge import FieldChanges, merge_plan, union_emails, union_phones

TODAY = date(2026, 11, 26)


@dataclass(frozen=True)
class Stored:
    """A stored contact's importable fields (what StoredFields asks for)."""

    first_name: str = ""
    last_name: str = ""
    company: str = ""
    title: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    linkedin_url: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()
    how_we_met: str = ""
    connected_on: date | None = None
    previous_company: str = ""
    previous_title: str = ""
    job_changed_on: date | None = None


def applied(stored: Stored, plan: FieldChanges) -> Stored:
    return replace(stored, **plan.values())  # type: ignore[arg-type]


def test_empty_fields_are_filled_and_lists_unioned() -> None:
    stored = Stored(
        first_name="Dana",
        emails=("dana@example.com",),
        phones=("+1 555 010 4477",),
        tags=("Ops",),
    )
    incoming = Stored(
        first_name="Danielle",
        last_name="Whitfield",
        emails=("DANA@example.com", "dana.w@tidewell.example"),
        phones=("(555) 010-4477", "+1 555 010 9000"),
        tags=("ops", "Hiring fair"),
        linkedin_url="https://www.linkedin.com/in/dana-whitfield-4821",
        connected_on=date(2025, 2, 7),
        company="Tidewell Systems",
        title="Director of Operations",
    )
    plan = merge_plan(stored, incoming, TODAY)
    assert not plan.job_changed
    assert plan.values() == {
        "last_name": "Whitfield",
        "linkedin_url": "https://www.linkedin.com/in/dana-whitfield-4821",
        "connected_on": date(2025, 2, 7),
        "emails": ("dana@example.com", "dana.w@tidewell.example"),
        "phones": ("+1 555 010 4477", "+1 555 010 9000"),
        "tags": ("Ops", "Hiring fair"),
        "company": "Tidewell Systems",
        "title": "Director of Operations",
    }


def test_what_the_user_wrote_is_never_overwritten() -> None:
    stored = Stored(notes="Owes me a call", how_we_met="hiring fair", linkedin_url="x")
    incoming = Stored(notes="Imported note", how_we_met="LinkedIn", linkedin_url="y")
    assert merge_plan(stored, incoming, TODAY).unchanged
    filled = merge_plan(Stored(), Stored(notes="n", how_we_met="m"), TODAY)
    assert filled.values() == {"notes": "n", "how_we_met": "m"}


def test_a_new_company_is_a_job_change() -> None:
    stored = Stored(company="Tidewell Systems", title="Director of Operations")
    incoming = Stored(company="Harbor & Finch", title="VP Operations")
    plan = merge_plan(stored, incoming, TODAY)
    assert plan.job_changed
    assert plan.values() == {
        "company": "Harbor & Finch",
        "title": "VP Operations",
        "previous_company": "Tidewell Systems",
        "previous_title": "Director of Operations",
        "job_changed_on": TODAY,
    }


def test_a_new_title_at_the_same_company_is_a_job_change_too() -> None:
    stored = Stored(company="Tidewell Systems", title="Analyst")
    plan = merge_plan(stored, Stored(company="Tidewell Systems, Inc.", title="Manager"), TODAY)
    assert plan.job_changed
    assert plan.get("title") == "Manager"
    assert plan.get("company") is None  # the same company, spelt differently
    assert plan.get("previous_title") == "Analyst"


def test_a_new_company_without_a_title_clears_the_old_title() -> None:
    stored = Stored(company="Tidewell Systems", title="Analyst")
    plan = merge_plan(stored, Stored(company="Harbor & Finch"), TODAY)
    assert plan.values()["title"] == ""
    assert plan.values()["previous_title"] == "Analyst"


@pytest.mark.parametrize(
    "incoming",
    [
        Stored(company="TIDEWELL SYSTEMS, INC.", title="director of operations"),
        Stored(company="", title=""),
        Stored(company="Tidewell Systems"),
    ],
)
def test_the_same_job_spelt_differently_is_no_change(incoming: Stored) -> None:
    stored = Stored(company="Tidewell Systems", title="Director of Operations")
    assert merge_plan(stored, incoming, TODAY).unchanged


def test_an_older_export_does_not_flip_the_job_back() -> None:
    stored = Stored(
        company="Harbor & Finch",
        title="VP Operations",
        previous_company="Tidewell Systems",
        previous_title="Director of Operations",
        job_changed_on=date(2026, 1, 5),
    )
    older = Stored(company="Tidewell Systems", title="Director of Operations")
    assert merge_plan(stored, older, TODAY).unchanged


def test_without_job_changes_company_and_title_are_only_filled() -> None:
    stored = Stored(company="Tidewell Systems")
    plan = merge_plan(stored, Stored(company="Harbor", title="VP"), TODAY, job_changes=False)
    assert plan.values() == {"title": "VP"}


def test_unions_keep_the_existing_order_and_spelling() -> None:
    assert union_emails(("A@x.com",), ["a@X.com", "b@x.com"]) == ("A@x.com", "b@x.com")
    assert union_phones(("+1 555 010 4477",), ["555-010-4477", "12"]) == (
        "+1 555 010 4477",
        "12",
    )


def _records() -> st.SearchStrategy[Stored]:
    text = st.sampled_from(["", "Dana", "Tidewell", "Harbor & Finch", "VP", "note"])
    items = st.lists(st.sampled_from(["a@x.com", "A@X.com", "b@y.org", "+1 555 010 4477"]))
    return st.builds(
        Stored,
        first_name=text,
        last_name=text,
        company=text,
        title=text,
        emails=items.map(tuple),
        phones=items.map(tuple),
        linkedin_url=text,
        notes=text,
        tags=items.map(tuple),
        how_we_met=text,
        connected_on=st.none() | st.just(date(2020, 1, 2)),
        previous_company=text,
        previous_title=text,
    )


@given(_records(), _records())
def test_merging_the_same_record_twice_changes_nothing_the_second_time(
    stored: Stored, incoming: Stored
) -> None:
    once = applied(stored, merge_plan(stored, incoming, TODAY))
    assert merge_plan(once, incoming, TODAY).unchanged


@given(_records(), _records())
def test_a_merge_loses_nothing_and_keeps_what_the_user_wrote(
    stored: Stored, incoming: Stored
) -> None:
    merged = applied(stored, merge_plan(stored, incoming, TODAY))
    assert set(stored.emails) <= set(merged.emails)
    assert set(stored.phones) <= set(merged.phones)
    assert set(stored.tags) <= set(merged.tags)
    for field in ("notes", "how_we_met", "linkedin_url", "first_name", "last_name"):
        if getattr(stored, field):
            assert getattr(merged, field) == getattr(stored, field)
    if merged.company != stored.company and stored.company:
        assert merged.previous_company == stored.company
        assert merged.job_changed_on == TODAY
