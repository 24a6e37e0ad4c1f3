"""Recognising the same person twice: normalised keys, merge rules, likely duplicates.

Pure functions on plain values, shared by imports (is this row someone we know?), the
duplicate finder and the merge of two contacts.

Keys: an email is compared trimmed and casefolded; a LinkedIn profile as
``linkedin.com/in/<slug>`` (no scheme, ``www.`` or country subdomain, query or trailing
slash); a phone number by its last nine digits (formatting, a country code and a trunk
``0`` ignored); a name without accents, credentials, pronouns, honorifics or punctuation;
a company without accents, punctuation or a legal suffix (Inc, LLC, GmbH...).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Protocol
from urllib.parse import unquote

# --- normalisers ---------------------------------------------------------------------------


def normalize_email(value: str) -> str:
    """``" Dana.W@Example.COM "`` -> ``"dana.w@example.com"``; "" when it has no ``@``."""
    text = value.strip().strip("<>").casefold()
    if text.startswith("mailto:"):
        text = text[7:].strip()
    return text if "@" in text else ""


_LINKEDIN_PATH = re.compile(
    r"(?:[a-z][a-z0-9+.-]*:/*)?"  # any scheme, and however many slashes
    r"(?:[a-z0-9-]+\.)*linkedin\.com(?::\d+)?/+"  # www., uk., mobile. ...
    r"(in|pub)/+([^?#]*)",
    re.IGNORECASE,
)
_LINKEDIN_FAST = "https://www.linkedin.com/in/"
_LINKEDIN_FAST_LENGTH = len(_LINKEDIN_FAST)


def normalize_linkedin(value: str) -> str:
    """A LinkedIn profile URL as ``linkedin.com/in/<slug>``, lowercased; "" if not one.

    ``https://uk.linkedin.com/in/Dana-W/?trk=x`` and ``linkedin.com/in/dana-w/en`` are both
    ``linkedin.com/in/dana-w``. Old ``/pub/name/1/23/456`` profiles keep their whole path.
    """
    if value.startswith(_LINKEDIN_FAST):  # the shape LinkedIn exports write
        slug = value[_LINKEDIN_FAST_LENGTH:]
        if slug and "/" not in slug and "?" not in slug and "#" not in slug and "%" not in slug:
            return "linkedin.com/in/" + slug.strip().casefold()
    text = value.strip()
    match = _LINKEDIN_PATH.match(text)
    if match is None:
        return ""
    kind = match[1].lower()
    parts = [unquote(part).strip().casefold() for part in match[2].split("/") if part.strip()]
    if not parts:
        return ""
    kept = parts[:1] if kind == "in" else parts[:4]
    return f"linkedin.com/{kind}/" + "/".join(kept)


_EXTENSION = re.compile(r"(?i)\s*(?:ext\.?|extension|x|#|;|,)\s*\d+\s*$")
_NOT_DIGIT = re.compile(r"\D+")
#: Numbers are matched on this many trailing digits: enough to tell people apart, few
#: enough that "+44 20 7946 0811" and "020 7946 0811" are the same number.
PHONE_KEY_DIGITS = 9
#: Shorter than this is an extension or a fragment, never matched.
PHONE_MIN_DIGITS = 7


def normalize_phone(value: str) -> str:
    """Digits only, with a leading ``+`` kept: ``"+1 (555) 010-4477"`` -> ``"+15550104477"``.

    ``tel:`` and an extension (``x12``, ``ext. 12``) are dropped; ``00`` before a country
    code becomes ``+``.
    """
    text = value.strip()
    if text[:4].lower() == "tel:":
        text = text[4:].strip()
    text = _EXTENSION.sub("", text)
    digits = _NOT_DIGIT.sub("", text)
    if text.startswith("+"):
        return "+" + digits
    if digits.startswith("00") and len(digits) > 9:
        return "+" + digits[2:]
    return digits


def phone_key(value: str) -> str:
    """What two numbers must share to be the same: the last nine digits ("" if too short)."""
    digits = normalize_phone(value).lstrip("+")
    if len(digits) < PHONE_MIN_DIGITS:
        return ""
    return digits[-PHONE_KEY_DIGITS:]


# Credentials and suffixes dropped from names when they trail it (after a comma, anything
# shaped like an acronym counts too).
_CREDENTIAL_WORDS = """
    acc aca acca aphr cae cams capm cbap ccie ccna ccnp ccsp cdmp ceh cfa cfe cfp cgma chrl
    chrp cia cima cipm cipp cisa cism cissp cma cmq cpa cpcc cphr cpp cqe csm cspo cssbb
    cssgb ctp dba dds dmd dnp dphil dpt dvm edd esq faia fcca fcpa frm gphr itil jd lcsw
    lmft lpc lssbb lssgb mba mcc mfa mph mphil msc msn msw pcc pharmd phd phr pmi pmp psm
    psyd rn shrm sphr ssbb ssgb jr sr ii iii iv
"""
_CREDENTIALS = frozenset(_CREDENTIAL_WORDS.split())
_HONORIFIC_WORDS = "dr mr mrs ms miss mx prof sir dame rev"
_HONORIFICS = frozenset(_HONORIFIC_WORDS.split())
_BRACKETED = re.compile(r"\([^)]*\)?|\[[^\]]*\]?|\{[^}]*\}?")
_PRONOUN_TAIL = re.compile(
    r"\b(?:she|he|they|ze|xe)\s*/\s*(?:her|him|them|they|she|he|hers|his|theirs)"
    r"(?:\s*/\s*\w+)?\s*$",
    re.IGNORECASE,
)
# Everything that is not a letter or digit separates words (ASCII fast path).
# Apostrophes join ("O'Brien" is "obrien"); other punctuation separates.
_APOSTROPHES = "'`\u2019\u02bc"
_ASCII_WORDS = str.maketrans(
    {chr(c): " " for c in range(128) if not chr(c).isalnum()}
    | {chr(c): chr(c).lower() for c in range(65, 91)}
    | {"'": None, "`": None}
)
_NAME_SYNTAX = re.compile(r"[,(\[{/|]")


def _fold(value: str) -> str:
    """Casefolded, accents removed (NFKD), every non-alphanumeric run made one space."""
    if value.isascii():
        return " ".join(value.translate(_ASCII_WORDS).split())
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    kept = [
        char if char.isalnum() else " "
        for char in decomposed
        if char not in _APOSTROPHES and not unicodedata.combining(char)
    ]
    return " ".join("".join(kept).split())


def _is_credential(part: str) -> bool:
    """Whether a comma-separated part such as "PMP", "Ph.D." or "SHRM-CP" is a credential."""
    words = part.split()
    if not words:
        return True
    for word in words:
        bare = word.strip("®™©.").replace(".", "").replace("-", "").replace("/", "")
        if not bare:
            continue
        if bare.lower() in _CREDENTIALS:
            continue
        letters = [c for c in bare if c.isalpha()]
        if not (len(letters) >= 2 and all(c.isupper() for c in letters) and len(bare) <= 8):
            return False
    return True


def _trimmed(words: list[str]) -> list[str]:
    """Words of a name without trailing credentials or a leading honorific."""
    while len(words) > 2 and words[-1] in _CREDENTIALS:
        words.pop()
    if len(words) > 1 and words[0] in _HONORIFICS:
        words.pop(0)
    return words


def _name_words(value: str) -> list[str]:
    text = value
    if _NAME_SYNTAX.search(text):
        text = _BRACKETED.sub(" ", text)
        if "|" in text:
            text = text.split("|", 1)[0]
        text = _PRONOUN_TAIL.sub(" ", text)
        parts = text.split(",")
        while len(parts) > 1 and _is_credential(parts[-1]):
            parts.pop()
        if len(parts) == 2 and parts[0].strip() and parts[1].strip():
            parts = [parts[1], parts[0]]  # "Okafor, Chidi" is Chidi Okafor
        text = " ".join(parts)
    return _trimmed(_fold(text).split())


# Names are made of words that recur (given and family names), so each word is folded
# once; a bounded cache keeps a 100,000-row import from recomputing accents per row.
_FOLDED: dict[str, str] = {}
_FOLDED_LIMIT = 32_768


def _fold_word(word: str) -> str:
    folded = _fold(word)
    if len(_FOLDED) < _FOLDED_LIMIT:
        _FOLDED[word] = folded
    return folded


def normalize_name(value: str) -> str:
    """A person's name as a comparison key.

    ``"Dr. José Müller-Brandt, PhD (he/him)"`` -> ``"jose muller brandt"``; ``"Okafor, Chidi"``
    -> ``"chidi okafor"``. Casefolded, accents stripped, punctuation and emoji removed.
    """
    if value.isascii() and value.replace(" ", "").isalpha():  # "Dana Whitfield": most names
        key = value.lower()
        if "  " in key or key[:1] == " " or key[-1:] == " ":
            key = " ".join(key.split())
    elif _NAME_SYNTAX.search(value) is not None:  # commas, brackets, slashes
        return " ".join(_name_words(value))
    else:
        words = value.split()
        folded = list(map(_FOLDED.get, words))
        if None in folded:
            folded = [_fold_word(w) if f is None else f for w, f in zip(words, folded, strict=True)]
        key = " ".join(filter(None, folded))
    space = key.find(" ")
    if space < 0:
        return key
    if key[:space] in _HONORIFICS or key[key.rfind(" ") + 1 :] in _CREDENTIALS:
        return " ".join(_trimmed(key.split()))
    return key


_LEGAL_SUFFIX_WORDS = """
    inc incorporated llc llp lp ltd limited corp corporation co company plc gmbh ag kg se sa
    sas sarl srl spa bv nv pty pte oy ab as aps kk
"""
_LEGAL_SUFFIXES = frozenset(_LEGAL_SUFFIX_WORDS.split())


_COMPANIES: dict[str, str] = {}


def normalize_company(value: str) -> str:
    """A company name as a comparison key: ``"Quarry & Vine, Inc."`` -> ``"quarry and vine"``.

    Accents, punctuation, a leading "The" and trailing legal forms (Inc, LLC, Ltd, GmbH...)
    go; the key is never emptied by that (a company called "AB" stays "ab").
    """
    key = _COMPANIES.get(value)
    if key is None:
        key = _company_key(value)
        if len(_COMPANIES) < _FOLDED_LIMIT:  # companies recur; the cache stays bounded
            _COMPANIES[value] = key
    return key


def _company_key(value: str) -> str:
    words = _fold(value.replace("&", " and ").replace("+", " and ")).split()
    if len(words) > 1 and words[0] == "the":
        words.pop(0)
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
        if len(words) > 1 and words[-1] == "and":  # "Smith & Co."
            words.pop()
    return " ".join(words)


@lru_cache(maxsize=4096)
def normalize_title(value: str) -> str:
    """A job title as a comparison key (case, accents and punctuation ignored)."""
    return _fold(value)


def name_company_key(full_name: str, company: str) -> str:
    """The last-resort match key: normalised name and company ("" without a name)."""
    name = normalize_name(full_name)
    if not name:
        return ""
    return f"{name}\x1f{normalize_company(company)}" if company else name + "\x1f"


# --- merging an incoming record into a stored contact ---------------------------------------

FieldValue = str | tuple[str, ...] | date | None


class IncomingFields(Protocol):
    """What a file can say about a person (``netui.io.ImportedContact`` fits)."""

    @property
    def first_name(self) -> str: ...
    @property
    def last_name(self) -> str: ...
    @property
    def company(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def emails(self) -> tuple[str, ...]: ...
    @property
    def phones(self) -> tuple[str, ...]: ...
    @property
    def linkedin_url(self) -> str: ...
    @property
    def notes(self) -> str: ...
    @property
    def tags(self) -> tuple[str, ...]: ...
    @property
    def how_we_met(self) -> str: ...
    @property
    def connected_on(self) -> date | None: ...


class StoredFields(IncomingFields, Protocol):
    """A stored contact's fields an import may look at (``Contact`` fits)."""

    @property
    def previous_company(self) -> str: ...
    @property
    def previous_title(self) -> str: ...
    @property
    def job_changed_on(self) -> date | None: ...


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One column a merge changes, from ``old`` to ``new``."""

    field: str
    old: FieldValue
    new: FieldValue


@dataclass(frozen=True, slots=True)
class FieldChanges:
    """What merging an incoming record into a stored contact changes.

    ``job_changed`` is set when a different company or title replaced a known one; the
    changes then include ``previous_company``, ``previous_title`` and ``job_changed_on``.
    """

    changes: tuple[FieldChange, ...] = ()
    job_changed: bool = False

    @property
    def unchanged(self) -> bool:
        return not self.changes

    def values(self) -> dict[str, FieldValue]:
        """The new value of every changed column."""
        return {change.field: change.new for change in self.changes}

    def get(self, field: str, default: FieldValue = None) -> FieldValue:
        for change in self.changes:
            if change.field == field:
                return change.new
        return default


UNCHANGED = FieldChanges()


def union_emails(kept: Sequence[str], extra: Iterable[str]) -> tuple[str, ...]:
    """``kept`` then the addresses of ``extra`` not already there (case ignored)."""
    seen = {normalize_email(e) or e.casefold() for e in kept}
    merged = list(kept)
    for email in extra:
        key = normalize_email(email) or email.casefold()
        if key not in seen:
            seen.add(key)
            merged.append(email)
    return tuple(merged)


def union_phones(kept: Sequence[str], extra: Iterable[str]) -> tuple[str, ...]:
    """``kept`` then the numbers of ``extra`` not already there (formatting ignored)."""
    seen = {phone_key(p) or normalize_phone(p) for p in kept}
    merged = list(kept)
    for phone in extra:
        key = phone_key(phone) or normalize_phone(phone)
        if key and key not in seen:
            seen.add(key)
            merged.append(phone)
    return tuple(merged)


def union_tags(kept: Sequence[str], extra: Iterable[str]) -> tuple[str, ...]:
    seen = {t.casefold() for t in kept}
    merged = list(kept)
    for tag in extra:
        if tag.casefold() not in seen:
            seen.add(tag.casefold())
            merged.append(tag)
    return tuple(merged)


def _is_stale_job(existing: StoredFields, company: str, title: str) -> bool:
    """Whether an incoming job is the one an earlier import already recorded as previous
    (an older export imported after a newer one must not flip the job back)."""
    previous_company, previous_title = existing.previous_company, existing.previous_title
    if not previous_company and not previous_title:
        return False
    if company and normalize_company(company) != normalize_company(previous_company):
        return False
    return not title or normalize_title(title) == normalize_title(previous_title)


def merge_plan(
    existing: StoredFields,
    incoming: IncomingFields,
    today: date,
    *,
    job_changes: bool = True,
) -> FieldChanges:
    """What an incoming record changes in a stored contact.

    - Empty first/last name, LinkedIn URL, connection date, notes and how-we-met are filled
      in; once set they are never overwritten (notes and how-we-met are the user's own).
    - Emails, phones and tags are unioned (existing ones first).
    - An empty company or title is filled. A different non-empty company or title replaces
      a non-empty one and records the job change: ``previous_company``/``previous_title``
      get the old values and ``job_changed_on`` today (with ``job_changes=False``, as for
      two rows of one file, company and title are only filled). The same company spelt
      differently ("Acme Inc." for "Acme") is no change, and an incoming job equal to the
      one already recorded as previous (an older export) is ignored.
    - Strength, status, ranks, cadence and the name shown are never touched.
    """
    changes: list[FieldChange] = []
    add = changes.append
    for field, new, old in (
        ("first_name", incoming.first_name, existing.first_name),
        ("last_name", incoming.last_name, existing.last_name),
        ("linkedin_url", incoming.linkedin_url, existing.linkedin_url),
        ("notes", incoming.notes, existing.notes),
        ("how_we_met", incoming.how_we_met, existing.how_we_met),
    ):
        if new and not old:
            add(FieldChange(field, old, new))
    if incoming.connected_on is not None and existing.connected_on is None:
        add(FieldChange("connected_on", None, incoming.connected_on))
    if incoming.emails:
        emails = union_emails(existing.emails, incoming.emails)
        if len(emails) != len(existing.emails):
            add(FieldChange("emails", existing.emails, emails))
    if incoming.phones:
        phones = union_phones(existing.phones, incoming.phones)
        if len(phones) != len(existing.phones):
            add(FieldChange("phones", existing.phones, phones))
    if incoming.tags:
        tags = union_tags(existing.tags, incoming.tags)
        if len(tags) != len(existing.tags):
            add(FieldChange("tags", existing.tags, tags))

    company, title = incoming.company, incoming.title
    old_company, old_title = existing.company, existing.title
    job_changed = False
    if company or title:
        company_differs = bool(
            company
            and old_company
            and company != old_company
            and normalize_company(company) != normalize_company(old_company)
        )
        title_differs = bool(
            title
            and old_title
            and title != old_title
            and normalize_title(title) != normalize_title(old_title)
        )
        if (
            job_changes
            and (company_differs or title_differs)
            and not _is_stale_job(existing, company, title)
        ):
            job_changed = True
            new_company = (
                company if company and (company_differs or not old_company) else old_company
            )
            # At a new company the old title no longer holds, even if none is given.
            new_title = title if company_differs else (title or old_title)
            if new_company != old_company:
                add(FieldChange("company", old_company, new_company))
            if new_title != old_title:
                add(FieldChange("title", old_title, new_title))
            if existing.previous_company != old_company:
                add(FieldChange("previous_company", existing.previous_company, old_company))
            if existing.previous_title != old_title:
                add(FieldChange("previous_title", existing.previous_title, old_title))
            if existing.job_changed_on != today:
                add(FieldChange("job_changed_on", existing.job_changed_on, today))
        else:
            if company and not old_company:
                add(FieldChange("company", old_company, company))
            if title and not old_title:
                add(FieldChange("title", old_title, title))
    if not changes:
        return UNCHANGED
    return FieldChanges(tuple(changes), job_changed)


# --- likely duplicates by name -----------------------------------------------------------

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
