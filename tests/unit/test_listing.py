"""Sorting, filtering and incremental search of the contact list."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netui.domain.listing as listing_module
from netui.domain.listing import (
    ContactListing,
    SortKey,
    StatusFilter,
    filter_rows,
    make_haystack,
    order_rows,
    parse_query,
    row_order,
    row_test,
    sort_rows,
)
from netui.domain.types import ContactRow, DatePrecision, TriageStatus


def row(
    id: int,
    name: str,
    *,
    company: str = "",
    title: str = "",
    status: TriageStatus = TriageStatus.NEW,
    rank: int | None = None,
    priority: float = 0.0,
    last: date | None = None,
    extra: str = "",
) -> ContactRow:
    return ContactRow(
        id=id,
        full_name=name,
        company=company,
        title=title,
        status=status,
        top20_rank=rank,
        strength=None,
        last_contacted=last,
        last_contacted_precision=DatePrecision.DAY if last else None,
        priority=priority,
        haystack=make_haystack(name, company, title, extra),
    )


def names(rows: list[ContactRow]) -> list[str]:
    return [r.full_name for r in rows]


ROWS = [
    row(1, "maria Lopez", company="Acme", priority=5, last=date(2020, 1, 1)),
    row(2, "Bob Stone", company="zeta", priority=9, last=None, status=TriageStatus.LATER),
    row(3, "Ann Lee", company="", priority=5, last=date(2018, 6, 1), status=TriageStatus.SKIP),
    row(4, "Marc Ng", company="acme", priority=1, last=None, status=TriageStatus.ARCHIVED),
    row(5, "Zoe Park", company="Beta", priority=7, status=TriageStatus.TOP20, rank=2),
    row(6, "Carl Top", company="Beta", priority=1, status=TriageStatus.TOP20, rank=1),
]


# -- helpers ---------------------------------------------------------------------------------


def test_make_haystack_casefolds_and_separates_fields() -> None:
    hay = make_haystack("Straße", "", "ACME")
    assert hay == "strasse\n\nacme"


def test_parse_query_splits_casefolds_and_dedupes() -> None:
    assert parse_query("  Ma  LOPEZ ma\t") == ("ma", "lopez")
    assert parse_query("   ") == ()


# -- sorting ---------------------------------------------------------------------------------


def test_sort_by_priority_desc_then_name() -> None:
    assert names(sort_rows(ROWS, SortKey.PRIORITY)) == [
        "Bob Stone",
        "Zoe Park",
        "Ann Lee",
        "maria Lopez",
        "Carl Top",
        "Marc Ng",
    ]


def test_sort_by_staleness_never_contacted_first_then_oldest() -> None:
    assert names(sort_rows(ROWS, SortKey.STALENESS)) == [
        "Bob Stone",
        "Carl Top",
        "Marc Ng",
        "Zoe Park",
        "Ann Lee",
        "maria Lopez",
    ]


def test_sort_by_name_ignores_case() -> None:
    assert names(sort_rows(ROWS, SortKey.NAME)) == [
        "Ann Lee",
        "Bob Stone",
        "Carl Top",
        "Marc Ng",
        "maria Lopez",
        "Zoe Park",
    ]


def test_sort_by_company_ignores_case_blank_last_then_name() -> None:
    assert names(sort_rows(ROWS, SortKey.COMPANY)) == [
        "Marc Ng",  # acme
        "maria Lopez",  # Acme
        "Carl Top",  # Beta
        "Zoe Park",  # Beta
        "Bob Stone",  # zeta
        "Ann Lee",  # no company
    ]


def test_top20_view_is_ordered_by_rank_whatever_the_sort_key() -> None:
    for key in SortKey:
        top = order_rows(filter_rows(ROWS, StatusFilter.TOP20, ""), key, StatusFilter.TOP20)
        assert names(top) == ["Carl Top", "Zoe Park"]
        listing = ContactListing(ROWS, sort_key=key)
        assert names(listing.view(StatusFilter.TOP20)) == ["Carl Top", "Zoe Park"]


def test_order_rows_uses_sort_key_outside_top20() -> None:
    assert order_rows(ROWS, SortKey.NAME, StatusFilter.ALL) == sort_rows(ROWS, SortKey.NAME)


# -- filtering -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (StatusFilter.ALL, {1, 2, 3, 4, 5, 6}),
        (StatusFilter.ACTIVE, {1, 2, 3, 5, 6}),
        (StatusFilter.NEW, {1}),
        (StatusFilter.TOP20, {5, 6}),
        (StatusFilter.LATER, {2}),
        (StatusFilter.SKIP, {3}),
        (StatusFilter.ARCHIVED, {4}),
    ],
)
def test_filter_by_status(status: StatusFilter, expected: set[int]) -> None:
    assert {r.id for r in filter_rows(ROWS, status, "")} == expected


def test_status_filter_has_one_value_per_triage_status() -> None:
    for status in TriageStatus:
        assert StatusFilter(status.value).value == status.value


def test_search_is_case_insensitive_substring() -> None:
    assert names(filter_rows(ROWS, StatusFilter.ALL, "MAR")) == ["maria Lopez", "Marc Ng"]


def test_search_every_term_must_match_in_any_field() -> None:
    assert names(filter_rows(ROWS, StatusFilter.ALL, "acme mar")) == ["maria Lopez", "Marc Ng"]
    assert names(filter_rows(ROWS, StatusFilter.ALL, "acme lopez")) == ["maria Lopez"]
    assert filter_rows(ROWS, StatusFilter.ALL, "acme zeta") == []


def test_search_term_does_not_span_two_fields() -> None:
    # "lopez" ends the name and "acme" starts the company: "lopezacme" must not match.
    assert filter_rows(ROWS, StatusFilter.ALL, "lopezacme") == []


def test_blank_query_does_not_filter_and_order_is_kept() -> None:
    rows = sort_rows(ROWS, SortKey.NAME)
    assert filter_rows(rows, StatusFilter.ALL, "  ") == rows


def test_search_and_status_combine() -> None:
    assert names(filter_rows(ROWS, StatusFilter.ACTIVE, "mar")) == ["maria Lopez"]


# -- the listing -----------------------------------------------------------------------------


def test_listing_view_matches_plain_functions() -> None:
    listing = ContactListing(ROWS)
    for key in SortKey:
        listing.sort_key = key
        for status in StatusFilter:
            for query in ("", "a", "mar", "acme m", "zzz"):
                expected = filter_rows(order_rows(ROWS, key, status), status, query)
                assert listing.view(status, query) == expected


def test_listing_caches_sorted_lists_per_key() -> None:
    listing = ContactListing(ROWS)
    first = listing.sorted_rows(SortKey.NAME)
    listing.sort_key = SortKey.COMPANY
    listing.view()
    listing.sort_key = SortKey.NAME
    assert listing.sorted_rows() is first


def test_view_returns_a_list_the_caller_may_change() -> None:
    listing = ContactListing(ROWS)
    listing.view(StatusFilter.ALL, "m").clear()
    assert len(listing.view(StatusFilter.ALL, "ma")) == 2


def test_replace_add_remove_update_views() -> None:
    listing = ContactListing(ROWS, sort_key=SortKey.NAME)
    assert names(listing.view(StatusFilter.ALL, "ann")) == ["Ann Lee"]
    listing.replace(row(3, "Anna Zed", company="Acme", priority=5))
    assert names(listing.view(StatusFilter.ALL, "ann")) == ["Anna Zed"]
    assert names(listing.view(StatusFilter.ALL))[:2] == ["Anna Zed", "Bob Stone"]
    listing.add(row(7, "Aaron Able"))
    assert names(listing.view(StatusFilter.ALL))[0] == "Aaron Able"
    assert listing.remove(1) is not None
    assert listing.remove(1) is None
    assert 1 not in listing
    assert len(listing) == 6
    assert "maria Lopez" not in names(listing.view(StatusFilter.ALL))


def test_triage_change_moves_row_between_status_views() -> None:
    listing = ContactListing(ROWS)
    assert [r.id for r in listing.view(StatusFilter.TOP20)] == [6, 5]
    listing.replace(row(1, "maria Lopez", status=TriageStatus.TOP20, rank=3))
    assert [r.id for r in listing.view(StatusFilter.TOP20)] == [6, 5, 1]
    assert 1 not in {r.id for r in listing.view(StatusFilter.NEW)}
    listing.replace(row(5, "Zoe Park", status=TriageStatus.ARCHIVED))
    assert 5 not in {r.id for r in listing.view(StatusFilter.ACTIVE)}
    assert [r.id for r in listing.view(StatusFilter.TOP20)] == [6, 1]


# -- properties ------------------------------------------------------------------------------

ALPHABET = "abcmrß İ"
rows_strategy = st.lists(
    st.builds(
        row,
        id=st.integers(0, 10_000),
        name=st.text(ALPHABET, max_size=6),
        company=st.text(ALPHABET, max_size=4),
        status=st.sampled_from(TriageStatus),
        rank=st.none() | st.integers(1, 20),
        priority=st.floats(-5, 5, allow_nan=False),
        last=st.none() | st.dates(date(2000, 1, 1), date(2030, 1, 1)),
    ),
    max_size=30,
    unique_by=lambda r: r.id,
)
queries = st.lists(st.text("abcmrsAB Sİ", max_size=5), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(
    rows=rows_strategy,
    key=st.sampled_from(SortKey),
    status=st.sampled_from(StatusFilter),
    typed=queries,
)
def test_incremental_search_equals_full_filter(
    rows: list[ContactRow], key: SortKey, status: StatusFilter, typed: list[str]
) -> None:
    listing = ContactListing(rows, sort_key=key)
    # Typing, then narrowing, widening and editing the query: each view equals a full filter.
    query = ""
    for piece in typed:
        for q in (query + piece, piece, query):
            expected = filter_rows(order_rows(rows, key, status), status, q)
            assert listing.view(status, q) == expected
        query += piece


@settings(max_examples=200, deadline=None)
@given(
    rows=rows_strategy,
    edits=st.lists(
        st.tuples(st.booleans(), st.integers(0, 10_000), st.text(ALPHABET, max_size=6)),
        max_size=6,
    ),
    status=st.sampled_from(StatusFilter),
)
def test_edits_keep_every_cached_order_correct(
    rows: list[ContactRow], edits: list[tuple[bool, int, str]], status: StatusFilter
) -> None:
    listing = ContactListing(rows)
    for key in SortKey:  # fill every cache before editing
        listing.sort_key = key
        listing.view(status)
        listing.view(StatusFilter.TOP20)
    current = {r.id: r for r in rows}
    for is_remove, contact_id, name in edits:
        if is_remove:
            listing.remove(contact_id)
            current.pop(contact_id, None)
        else:
            new = row(contact_id, name, status=TriageStatus.TOP20, rank=len(name) or None)
            listing.replace(new)
            current[contact_id] = new
    for key in SortKey:
        listing.sort_key = key
        assert listing.sorted_rows() == sort_rows(current.values(), key)
        for shown in (status, StatusFilter.TOP20):
            assert listing.view(shown) == filter_rows(
                order_rows(current.values(), key, shown), shown, ""
            )


operations = st.lists(
    st.one_of(
        st.tuples(st.just("view"), st.sampled_from(StatusFilter), st.text("abmr ß", max_size=4)),
        st.tuples(st.just("sort"), st.sampled_from(SortKey), st.just("")),
        st.tuples(st.just("replace"), st.integers(0, 40), st.text(ALPHABET, max_size=6)),
        st.tuples(st.just("remove"), st.integers(0, 40), st.just("")),
    ),
    max_size=25,
)


@settings(max_examples=300, deadline=None)
@given(rows=rows_strategy, ops=operations)
def test_any_sequence_of_searches_sorts_and_edits_matches_a_full_filter(
    rows: list[ContactRow], ops: list[tuple[str, object, str]]
) -> None:
    listing = ContactListing(rows)
    current = {r.id: r for r in rows}
    query = ""
    for op, arg, text in ops:
        if op == "view":
            assert isinstance(arg, StatusFilter)
            query = text if len(query) > 6 else query + text  # mostly narrowing, sometimes not
            expected = filter_rows(order_rows(current.values(), listing.sort_key, arg), arg, query)
            assert listing.view(arg, query) == expected
        elif op == "sort":
            assert isinstance(arg, SortKey)
            listing.sort_key = arg
        elif op == "replace":
            assert isinstance(arg, int)
            new = row(arg, text, status=TriageStatus.NEW if arg % 2 else TriageStatus.TOP20)
            listing.replace(new)
            current[arg] = new
        else:
            assert isinstance(arg, int)
            assert (listing.remove(arg) is None) == (arg not in current)
            current.pop(arg, None)


@pytest.mark.parametrize("status", list(StatusFilter))
@pytest.mark.parametrize("key", list(SortKey))
@pytest.mark.parametrize("query", ["", "ma", "acme l", "nobody"])
def test_row_order_and_row_test_are_the_lists_rules_for_one_row(
    status: StatusFilter, key: SortKey, query: str
) -> None:
    """The per-row forms (for a caller that cannot hold the list) agree with the list's."""
    test = row_test(status, query)
    kept = [r for r in ROWS if test is None or test(r)]
    assert kept == filter_rows(ROWS, status, query)
    assert sorted(kept, key=row_order(key, status)) == order_rows(kept, key, status)
    assert (test is None) == (status is StatusFilter.ALL and not query.strip())


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(
        st.builds(
            row,
            id=st.integers(0, 10_000),
            name=st.text(ALPHABET, max_size=3),
            company=st.text(ALPHABET + " \t", max_size=3),
            priority=st.sampled_from((0.0, 1.5, 38.8, 100.0)),
            last=st.none() | st.dates(date(2020, 1, 1), date(2020, 1, 9)),
        ),
        max_size=40,
        unique_by=lambda r: r.id,
    ),
    key=st.sampled_from(SortKey),
)
def test_the_quick_sort_gives_the_order_of_the_sort_key_itself(
    rows: list[ContactRow], key: SortKey
) -> None:
    """Stable sorts on one part at a time order exactly as the key's whole tuple does
    (ties everywhere: few names, priorities and days, companies only blanks apart)."""
    assert sort_rows(rows, key) == sorted(rows, key=row_order(key, StatusFilter.ACTIVE))


def test_prepare_sorts_by_every_key_in_advance(monkeypatch: pytest.MonkeyPatch) -> None:
    """After prepare, switching to any sort key sorts nothing (the UI thread does that)."""
    listing = ContactListing(ROWS)
    listing.prepare()

    def no_sorting(*_args: object) -> None:
        raise AssertionError("sorted again")

    monkeypatch.setattr(listing_module, "order_from_names", no_sorting)
    monkeypatch.setattr(listing_module, "by_name", no_sorting)
    for key in SortKey:
        listing.sort_key = key
        expected = order_rows(filter_rows(ROWS, StatusFilter.ACTIVE, ""), key, StatusFilter.ACTIVE)
        assert listing.view() == expected


def test_a_large_base_is_searched_in_its_rows_own_haystacks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past COPIED_UP_TO rows no copies are made; the answers are the same."""
    monkeypatch.setattr(listing_module, "COPIED_UP_TO", 2)
    listing = ContactListing(ROWS)
    for query in ("a", "ac", "acme", "m", "ma lo", "zzz", ""):
        for status in StatusFilter:
            assert listing.view(status, query) == filter_rows(
                order_rows(ROWS, SortKey.PRIORITY, status), status, query
            )
