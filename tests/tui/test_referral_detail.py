"""The contact detail's referral lines: who referred them, the chain, whom they referred."""

from __future__ import annotations

from datetime import UTC, date, datetime

from netui.domain.referrals import ChainPerson, ReferralChain
from netui.domain.types import Contact, Outcome, TriageStatus
from netui.services.referrals import ContactReferrals
from netui.tui.widgets.contact_detail import render_contact

TODAY = date(2026, 11, 26)
STAMP = datetime(2026, 1, 1, tzinfo=UTC)


def contact() -> Contact:
    """Priya, with nothing but a name and a company."""
    return Contact(
        id=1,
        full_name="Priya Castellanos",
        first_name="Priya",
        last_name="Castellanos",
        company="Harbor & Finch",
        title="",
        emails=(),
        phones=(),
        linkedin_url="",
        how_we_met="",
        notes="",
        tags=(),
        strength=None,
        status=TriageStatus.NEW,
        top20_rank=None,
        last_contacted=None,
        last_contacted_precision=None,
        cadence=None,
        next_follow_up=None,
        source="manual",
        created_at=STAMP,
        updated_at=STAMP,
    )


ANN, PRIYA, CY = (
    ChainPerson(4, "Ann Lee"),
    ChainPerson(1, "Priya Castellanos"),
    ChainPerson(9, "Cy"),
)


def test_someone_referred_shows_by_whom_the_chain_and_whom_they_referred() -> None:
    chain = ReferralChain((ANN, PRIYA), "a meeting at Harbor & Finch", Outcome.MEETING_SET)
    about = ContactReferrals(ANN, chain, (CY, ChainPerson(10, "Di Faro")))
    lines = render_contact(contact(), [], TODAY, about).plain.splitlines()
    assert "Referred by  Ann Lee" in lines
    assert "Chain        Ann Lee → Priya Castellanos → a meeting at Harbor & Finch" in lines
    assert "Referred     Cy, Di Faro" in lines


def test_nobody_referred_and_no_one_referred_adds_no_line() -> None:
    about = ContactReferrals(None, ReferralChain((PRIYA,)), ())
    plain = render_contact(contact(), [], TODAY, about).plain
    assert plain == render_contact(contact(), [], TODAY).plain
    assert "Referred" not in plain


def test_referral_names_stay_literal_and_on_one_line() -> None:
    hostile = ChainPerson(4, "[@click=app.quit]Ann[/]\x1b[2J\nLee \u202e")
    about = ContactReferrals(hostile, ReferralChain((hostile, PRIYA)), (hostile,))
    text = render_contact(contact(), [], TODAY, about)
    lines = text.plain.splitlines()
    assert "Referred by  [@click=app.quit]Ann[/]\N{REPLACEMENT CHARACTER}[2J Lee " in lines
    assert (
        "Chain        [@click=app.quit]Ann[/]\N{REPLACEMENT CHARACTER}[2J Lee  → Priya Castellanos"
        in lines
    )
    assert "\x1b" not in text.plain
    assert "\u202e" not in text.plain
    assert not any(span.style and "@click" in str(span.style) for span in text.spans)
