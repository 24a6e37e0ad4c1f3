"""Similar names: nicknames, initials and typos, the name index and likely duplicates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netui.domain.name_similarity import (
    NameIndex,
    PersonName,
    likely_duplicates,
    person_name,
    similar_first_names,
    similar_names,
)


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
    assert person_name("Dana Whitfield, PMP", "Dana", "Whitfield") == PersonName(
        "dana", "whitfield", "dana whitfield"
    )
    assert person_name("Anouk van der Berg") == PersonName("anouk", "berg", "anouk van der berg")
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
