"""The pure rules for recognising one person twice: keys, merge plans, similar names."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netui.domain import matching
from netui.domain.matching import (
    FieldChanges,
    NameIndex,
    likely_duplicates,
    merge_plan,
    name_company_key,
    normalize_company,
    normalize_email,
    normalize_linkedin,
    normalize_name,
    normalize_phone,
    person_name,
    phone_key,
    similar_first_names,
    similar_names,
    union_emails,
    union_phones,
)

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


# --- keys ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "key"),
    [
        (" Dana.Whitfield@Example.COM ", "dana.whitfield@example.com"),
        ("mailto:Lena@Example.org", "lena@example.org"),
        ("<marcus@bluefen.example>", "marcus@bluefen.example"),
        ("not an address", ""),
    ],
)
def test_email_keys(value: str, key: str) -> None:
    assert normalize_email(value) == key


@pytest.mark.parametrize(
    "url",
    [
        "https://www.linkedin.com/in/dana-whitfield-4821",
        "http://linkedin.com/in/Dana-Whitfield-4821/",
        "linkedin.com/in/dana-whitfield-4821?trk=public_profile",
        "https://uk.linkedin.com/in/dana-whitfield-4821/en",
        "www.linkedin.com/in/dana-whitfield-4821#about",
        "HTTPS://MOBILE.LINKEDIN.COM/IN/DANA-WHITFIELD-4821",
    ],
)
def test_linkedin_urls_in_every_shape_share_one_key(url: str) -> None:
    assert normalize_linkedin(url) == "linkedin.com/in/dana-whitfield-4821"


def test_linkedin_keys_decode_percent_escapes_and_refuse_other_sites() -> None:
    assert normalize_linkedin("https://nl.linkedin.com/in/jos%C3%A9-m") == "linkedin.com/in/josé-m"
    assert normalize_linkedin("https://example.com/in/dana") == ""
    assert normalize_linkedin("https://www.linkedin.com/company/tidewell") == ""
    old = "https://www.linkedin.com/pub/dana-whitfield/12/345/678"
    assert normalize_linkedin(old) == "linkedin.com/pub/dana-whitfield/12/345/678"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("+1 (555) 010-4477", "555.010.4477"),
        ("+49 170 5550123", "0170 5550123"),
        ("0049 170 5550123", "+49-170-555-0123"),
        ("tel:+44-7700-900123", "07700 900123"),
        ("+1 555 010 4477 ext. 12", "5550104477"),
    ],
)
def test_phone_numbers_match_ignoring_formatting_and_country_code(a: str, b: str) -> None:
    assert phone_key(a) == phone_key(b) != ""


def test_phone_normalisation_keeps_the_plus_and_refuses_fragments() -> None:
    assert normalize_phone("+1 (555) 010-4477") == "+15550104477"
    assert normalize_phone("0049 30 5550 9876") == "+493055509876"
    assert phone_key("1234") == ""
    assert phone_key("+1 555 010 4477") != phone_key("+1 555 010 4478")


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Dana Whitfield", "dana whitfield"),
        ("Dana Whitfield, PMP", "dana whitfield"),
        ("Priya Raman, MBA, CSM", "priya raman"),
        ("Okafor, Chidi", "chidi okafor"),
        ("Lena Voss (she/her)", "lena voss"),
        ("Lena Voss she/her", "lena voss"),
        ("Marcus Oyelaran 🚀", "marcus oyelaran"),
        ("Dr. José Müller-Brandt, PhD", "jose muller brandt"),
        ("Oren Adler PhD", "oren adler"),
        ("Siobhán O'Brien", "siobhan obrien"),
        ("  Kwame   Mensah Jr. ", "kwame mensah"),
        ("Jürgen Groß", "jurgen gross"),
        ("Дмитрий Орлов", "дмитрии орлов"),
        ("Dr", "dr"),
    ],
)
def test_name_keys(name: str, key: str) -> None:
    assert normalize_name(name) == key


@pytest.mark.parametrize(
    ("company", "key"),
    [
        ("Quarry & Vine, Inc.", "quarry and vine"),
        ("Tidewell Systems Inc", "tidewell systems"),
        ("Café Noël GmbH", "cafe noel"),
        ("The Harbor Company", "harbor"),
        ("Smith & Co.", "smith"),
        ("Vink & Daughters Ltd", "vink and daughters"),
        ("AB", "ab"),
        ("", ""),
    ],
)
def test_company_keys(company: str, key: str) -> None:
    assert normalize_company(company) == key


def test_name_and_company_key_needs_a_name() -> None:
    assert name_company_key("Dana Whitfield, PMP", "Tidewell Systems, Inc.") == (
        "dana whitfield\x1ftidewell systems"
    )
    assert name_company_key("Rosalind Achterberg", "") == "rosalind achterberg\x1f"
    assert name_company_key("🚀", "Tidewell") == ""


NAME_TEXT = st.text(
    alphabet=st.sampled_from([*"abcdeéüßABCDÉÜ -.'’,()/|PhDMBAJr", "\u0301", "Ö", "ø"]),
    max_size=30,
)


@given(NAME_TEXT)
def test_the_fast_name_paths_agree_with_the_general_one(name: str) -> None:
    assert normalize_name(name) == " ".join(matching._name_words(name))


@given(st.text(alphabet=st.characters(categories=("Lu", "Ll", "Zs")), max_size=25))
def test_name_keys_ignore_case_and_spacing(name: str) -> None:
    spaced = "  " + "   ".join(name.split()) + " "
    assert normalize_name(spaced) == normalize_name(name)
    assert normalize_name(name.casefold()) == normalize_name(name)


@given(st.text(max_size=40))
def test_keys_never_fail_and_linkedin_keys_are_stable(text: str) -> None:
    normalize_email(text)
    phone_key(text)
    name_company_key(text, text)
    key = normalize_linkedin(text)
    assert normalize_linkedin(key) == key


@given(st.from_regex(r"\+?[0-9]{9,12}", fullmatch=True), st.sampled_from(["-", " ", ".", ""]))
def test_phone_keys_ignore_separators(number: str, separator: str) -> None:
    spaced = separator.join(number[i : i + 3] for i in range(0, len(number), 3))
    assert phone_key(spaced) == phone_key(number)


# --- merge plans --------------------------------------------------------------------------


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


# --- similar names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "similar"),
    [
        ("robert", "bob", True),
        ("katherine", "kate", True),
        ("chris", "christopher", True),
        ("j", "jonah", True),
        ("jo", "jonah", False),
        ("dana", "diana", False),
        ("lena", "lena", True),
    ],
)
def test_similar_first_names(a: str, b: str, similar: bool) -> None:
    assert similar_first_names(a, b) is similar
    assert similar_first_names(b, a) is similar


def test_similar_names_need_the_same_last_name_or_a_typo() -> None:
    bob = person_name("Bob Oyelaran")
    assert similar_names(person_name("Robert Oyelaran"), bob)
    assert similar_names(person_name("Marcus Oyelaran"), person_name("Marcus Oyelaren"))
    assert similar_names(person_name("Dana Whitfield, PMP"), person_name("Dana Whitfield"))
    assert not similar_names(person_name("Marcus Oyelaran"), bob)
    assert not similar_names(person_name("Dana Whitfield"), person_name("Lena Voss"))


def test_person_names_prefer_the_stored_first_and_last_names() -> None:
    assert person_name("Dana Whitfield, PMP", "Dana", "Whitfield") == matching.PersonName(
        "dana", "whitfield", "dana whitfield"
    )
    assert person_name("Anouk van der Berg") == matching.PersonName(
        "anouk", "berg", "anouk van der berg"
    )
    assert person_name("Bram").last == ""


def test_the_name_index_finds_nicknames_initials_and_typos() -> None:
    index = NameIndex()
    people = {
        1: "Robert Oyelaran",
        2: "Katherine Voss",
        3: "Marcus Whitfield",
        4: "Priya Raman",
        5: "Priya Ramen",
        6: "Lena Voss",
    }
    for ref, name in people.items():
        index.add(ref, person_name(name))
    assert index.similar(person_name("Bob Oyelaran")) == [1]
    assert index.similar(person_name("Kate Voss")) == [2]
    assert index.similar(person_name("M. Whitfield")) == [3]
    assert sorted(index.similar(person_name("Priya Raman"))) == [4, 5]
    assert index.similar(person_name("Priya Ramann")) == [4]
    assert index.similar(person_name("Lena Vos")) == [6]
    assert index.similar(person_name("Oren Adler")) == []
    assert index.similar(person_name("Bram")) == []


def test_likely_duplicates_chain_people_with_the_same_name() -> None:
    names = ["Lena Voss", "Dana Whitfield", "Lena Voss", "Lena Voss", "Danielle Whitfield"]
    pairs = likely_duplicates((i, person_name(n)) for i, n in enumerate(names, start=1))
    assert pairs == [(1, 3, "same name"), (3, 4, "same name")]
    pairs = likely_duplicates(
        (i, person_name(n)) for i, n in enumerate(["Robert Adler", "Bob Adler"], start=1)
    )
    assert pairs == [(1, 2, "similar name")]


def _brute_force(names: list[str]) -> set[tuple[int, int]]:
    keys = [person_name(n) for n in names]
    return {
        (i, j)
        for j in range(len(keys))
        for i in range(j)
        if keys[i].last and keys[j].last and similar_names(keys[i], keys[j])
    }


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["bob", "robert", "rob", "kate", "katherine", "k", "lena", "lina"]),
            st.sampled_from(["voss", "vos", "adler", "adlers", "raman"]),
        ).map(" ".join),
        max_size=12,
    )
)
def test_the_index_finds_every_similar_pair_that_brute_force_finds(names: list[str]) -> None:
    index = NameIndex()
    found: set[tuple[int, int]] = set()
    for j, name in enumerate(names):
        found.update((i, j) for i in index.similar(person_name(name)))
        index.add(j, person_name(name))
    expected = {
        (i, j)
        for i, j in _brute_force(names)
        if person_name(names[i]).last == person_name(names[j]).last
        or person_name(names[i]).first == person_name(names[j]).first
    }
    assert expected <= found
    assert found <= _brute_force(names)
