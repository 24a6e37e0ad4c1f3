"""Identity keys: the normalised forms two records must share to be one person.

Pure functions on plain values, used by imports (is this row someone we know?), the
duplicate finder and merges.

An email is compared trimmed and casefolded; a LinkedIn profile as
``linkedin.com/in/<slug>`` (no scheme, ``www.`` or country subdomain, query or trailing
slash); a phone number by its last nine digits (formatting, a country code and a trunk
``0`` ignored); a name without accents, credentials, pronouns, honorifics or punctuation;
a company without accents, punctuation or a legal suffix (Inc, LLC, GmbH...).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote


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
