"""Likely duplicates by name: nicknames, typo ratios, and an index to find them fast.

Two people are likely one when they share a last name and a similar first name (equal,
an initial or prefix, or nicknames of one name: "Bob" and "Robert"), or when their full
names differ by a typo. :class:`NameIndex` finds such names among many without comparing
every pair.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from netui.domain.identity_keys import normalize_name

_NICKNAME_GROUPS = (
    "robert rob robbie bob bobby bert",
    "william will willy bill billy liam",
    "richard rich richie rick ricky dick",
    "james jim jimmy jamie",
    "john jack johnny jon",
    "jonathan jon jonny nathan",
    "michael mike mikey mick mickey",
    "elizabeth liz lizzie lizzy beth betty eliza libby",
    "katherine catherine kathryn kate katie kathy cathy kat kay",
    "margaret maggie meg peggy greta",
    "alexander alex xander sasha sandy",
    "alexandra alex sasha lexi sandra",
    "daniel dan danny",
    "danielle dani",
    "david dave davey",
    "joseph joe joey",
    "josephine jo josie",
    "thomas tom tommy",
    "christopher chris kit topher",
    "christine christina chris tina kristina",
    "matthew matt matty",
    "andrew andy drew",
    "anthony tony",
    "edward ed eddie ted teddy ned",
    "benjamin ben benny benji",
    "samuel sam sammy",
    "samantha sam sammy",
    "nicholas nick nicky nico",
    "nicole nikki nicky",
    "jennifer jen jenny",
    "jessica jess jessie",
    "rebecca becky becca",
    "susan sue susie suzanne",
    "patricia pat patty tricia trish",
    "patrick pat paddy",
    "stephen steven steve stevie",
    "stephanie steph",
    "timothy tim timmy",
    "gregory greg",
    "zachary zach zack",
    "victoria vicky tori",
    "abigail abby",
    "deborah debbie deb",
    "charles charlie chuck chas",
    "charlotte charlie lottie",
    "frederick fred freddie",
    "kenneth ken kenny",
    "ronald ron ronnie",
    "donald don donnie",
    "lawrence larry laurence",
    "gerald gerry jerry",
    "peter pete",
    "philip phillip phil",
    "raymond ray",
    "jacob jake",
    "nathaniel nate nat",
    "joshua josh",
    "jeffrey geoffrey jeff geoff",
    "douglas doug",
    "theodore theo ted",
    "leonard leo len lenny",
    "vincent vince vinny",
    "francis frank frankie",
    "francesca fran frankie",
    "isabel isabella isabelle izzy bella",
    "gabriel gabe",
    "gabriela gabriella gabby gabi",
    "madeline madeleine maddie",
    "pamela pam",
    "sandra sandy",
    "cynthia cindy",
    "dorothy dot dottie",
    "eleanor ellie nell nora",
    "helen ellen nell",
    "judith judy",
    "kimberly kim",
    "melissa missy mel",
    "melanie mel",
    "olivia liv",
    "veronica ronnie",
    "alejandro ale",
    "francisco paco pancho",
    "jose pepe",
    "guillermo memo",
    "ignacio nacho",
    "dmitri dmitry dima",
    "anastasia nastya stacy",
    "aleksandr aleksander sasha",
    "yevgeny evgeny zhenya",
    "mohammed muhammad mohamed mohammad",
)


def _nickname_table() -> dict[str, frozenset[int]]:
    table: dict[str, set[int]] = {}
    for number, group in enumerate(_NICKNAME_GROUPS):
        for name in group.split():
            table.setdefault(name, set()).add(number)
    return {name: frozenset(groups) for name, groups in table.items()}


_NICKNAMES = _nickname_table()
_NICKNAME_MEMBERS = tuple(tuple(group.split()) for group in _NICKNAME_GROUPS)
_NO_GROUPS: frozenset[int] = frozenset()


def nickname_groups(first: str) -> frozenset[int]:
    return _NICKNAMES.get(first, _NO_GROUPS)


#: difflib ratio of two full names from which they count as one person misspelt.
SIMILAR_RATIO = 0.9


def similar_first_names(a: str, b: str) -> bool:
    """Equal, one the other's initial or prefix (3+ letters), or nicknames of one name."""
    if a == b:
        return True
    if not a or not b:
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if long.startswith(short) and (len(short) == 1 or len(short) >= 3):
        return True
    return bool(nickname_groups(a) & nickname_groups(b))


def name_ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio()


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name as comparison keys: first word of the first name, last word of the
    last name, and the whole normalised name."""

    first: str
    last: str
    full: str


def person_name(full_name: str, first_name: str = "", last_name: str = "") -> PersonName:
    """Keys for a name; first/last fall back to the first/last word of the full name."""
    full = normalize_name(full_name)
    words = full.split()
    firsts = normalize_name(first_name).split() if first_name else words[:1]
    lasts = normalize_name(last_name).split() if last_name else words[1:][-1:]
    return PersonName(firsts[0] if firsts else "", lasts[-1] if lasts else "", full)


def similar_names(a: PersonName, b: PersonName) -> bool:
    """Likely the same person: same last name and a similar first name, or full names that
    differ by a typo (difflib ratio >= 0.9)."""
    if not a.full or not b.full:
        return False
    if a.last and a.last == b.last and similar_first_names(a.first, b.first):
        return True
    return name_ratio(a.full, b.full) >= SIMILAR_RATIO


def _deletions(word: str) -> Iterator[str]:
    """The word with each one letter left out (a typo's neighbourhood)."""
    for index in range(len(word)):
        yield word[:index] + word[index + 1 :]


class _Block:
    """People sharing one key word (a last name, or a first name), by their other word."""

    __slots__ = ("by_other", "deleted", "near", "sorted_others")

    def __init__(self) -> None:
        self.by_other: dict[str, list[int]] = {}
        self.sorted_others: list[str] | None = None
        self.deleted: dict[str, set[str]] | None = None
        self.near: dict[str, set[str]] = {}  # one_edit_away answers, until the next add

    def add(self, other: str, ref: int) -> None:
        self.by_other.setdefault(other, []).append(ref)
        self.sorted_others = None
        self.deleted = None
        self.near.clear()

    def prefixed(self, prefix: str) -> list[str]:
        if self.sorted_others is None:
            self.sorted_others = sorted(self.by_other)
        others = self.sorted_others
        found = []
        index = bisect_left(others, prefix)
        while index < len(others) and others[index].startswith(prefix):
            found.append(others[index])
            index += 1
        return found

    def one_edit_away(self, word: str) -> set[str]:
        """Others one insertion, deletion, substitution or swap away from ``word``."""
        found = self.near.get(word)
        if found is None:
            found = self.near[word] = self._one_edit_away(word)
        return found

    def _one_edit_away(self, word: str) -> set[str]:
        if self.deleted is None:
            deleted: dict[str, set[str]] = {}
            for other in self.by_other:
                deleted.setdefault(other, set()).add(other)
                for variant in _deletions(other):
                    deleted.setdefault(variant, set()).add(other)
            self.deleted = deleted
        found: set[str] = set()
        for variant in (word, *_deletions(word)):
            found.update(self.deleted.get(variant, ()))
        found.discard(word)
        return found


class NameIndex:
    """Names of many people, to find the likely duplicates of one name quickly.

    People are blocked by last name (for first names that are equal, a prefix, a nickname
    or a typo away) and by first name (for last names a typo away); candidates are then
    checked with :func:`similar_names`. ``ref`` is any int the caller uses (a contact id).
    """

    def __init__(self) -> None:
        self._by_last: dict[str, _Block] = {}
        self._by_first: dict[str, _Block] = {}
        self._names: dict[int, PersonName] = {}

    def __len__(self) -> int:
        return len(self._names)

    def add(self, ref: int, name: PersonName) -> None:
        if not name.full:
            return
        self._names[ref] = name
        if name.last:
            self._by_last.setdefault(name.last, _Block()).add(name.first, ref)
        if name.first:
            self._by_first.setdefault(name.first, _Block()).add(name.last, ref)

    def name(self, ref: int) -> PersonName:
        return self._names[ref]

    def similar(self, name: PersonName) -> list[int]:
        """Refs of the people whose names are similar to ``name`` (identical ones too)."""
        if not name.full or not name.last:
            return []
        candidates: list[int] = []
        block = self._by_last.get(name.last)
        if block is not None:
            first = name.first
            firsts: set[str] = {first}
            if first:
                if len(first) == 1 or len(first) >= 3:
                    firsts.update(block.prefixed(first))  # "j" or "chris" -> "christopher"
                for end in (1, *range(3, len(first))):
                    if end < len(first):
                        firsts.add(first[:end])  # "christopher" -> "j", "chris"
                for group in nickname_groups(first):
                    firsts.update(_NICKNAME_MEMBERS[group])
                firsts.update(block.one_edit_away(first))
            for other in firsts:
                candidates.extend(block.by_other.get(other, ()))
        if name.first:
            by_first = self._by_first.get(name.first)
            if by_first is not None:
                for last in by_first.one_edit_away(name.last):
                    candidates.extend(by_first.by_other[last])
        names = self._names
        seen: set[int] = set()
        similar = []
        for ref in candidates:
            if ref not in seen:
                seen.add(ref)
                if similar_names(name, names[ref]):
                    similar.append(ref)
        return similar


def likely_duplicates(people: Iterable[tuple[int, PersonName]]) -> list[tuple[int, int, str]]:
    """Pairs ``(earlier ref, later ref, reason)`` of people with similar names, in order.

    People with the very same name are chained (1-2, 2-3...) rather than paired all with
    all: each person is paired with the latest earlier person of each similar name.
    """
    named = [(ref, name) for ref, name in people if name.full]
    index = NameIndex()
    for ref, name in named:
        index.add(ref, name)
    position = {ref: number for number, (ref, _) in enumerate(named)}
    pairs: list[tuple[int, int, str]] = []
    for number, (ref, name) in enumerate(named):
        latest: dict[str, int] = {}  # full name -> position of its latest earlier bearer
        for other in index.similar(name):
            at = position[other]
            if at < number:
                full = index.name(other).full
                if at > latest.get(full, -1):
                    latest[full] = at
        for full, at in sorted(latest.items(), key=lambda item: item[1]):
            reason = "same name" if full == name.full else "similar name"
            pairs.append((named[at][0], ref, reason))
    return pairs
