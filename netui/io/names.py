"""Clean first and last names out of what people type into name fields.

The full name is always kept as given; these helpers only derive the plain
``first_name``/``last_name`` pair, without credentials (``, PMP``), pronouns
(``(she/her)``), emoji or honorifics.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Credentials and suffixes that may trail a name without a comma ("Dana Whitfield PMP").
# After a comma anything shaped like an acronym counts; see _is_credential.
_CREDENTIAL_WORDS = """
    acc aca acca aphr cae cams capm cbap ccie ccna ccnp ccsp cdmp ceh cfa cfe cfp cgma
    chrl chrp cia cima cipm cipp cisa cism cissp cma cmq cpa cpcc cphr cpp cqe csm cspo
    cssbb cssgb ctp dba dds dmd dnp dphil dpt dvm edd esq faia fcca fcpa frm gphr itil jd
    lcsw lmft lpc lssbb lssgb mba mcc mfa mph mphil msc msn msw pcc pharmd phd phr
    pmi pmp psm psyd rn safe shrm sphr ssbb ssgb
    jr sr ii iii iv
"""
_KNOWN_CREDENTIALS = frozenset(_CREDENTIAL_WORDS.split())
_HONORIFIC_WORDS = "dr mr mrs ms miss mx prof sir dame rev"
_HONORIFICS = frozenset(_HONORIFIC_WORDS.split())
_PARTICLE_WORDS = "al bin da das de del della den der di dos du el la le st ten ter van von"
_PARTICLES = frozenset(_PARTICLE_WORDS.split())

_PRONOUNS = re.compile(
    r"[(\[]\s*(?:she|he|they|ze|xe|her|him|them|hers|his|theirs|any)"
    r"(?:\s*/\s*(?:she|he|they|ze|xe|her|him|them|hers|his|theirs|pronouns))+\s*[)\]]"
    r"|\b(?:she|he|they)\s*/\s*(?:her|him|them|they|she|he)(?:\s*/\s*\w+)?\s*$",
    re.IGNORECASE,
)
_TRAILING_JUNK = " ,;:|-–—/.•·*"


def _is_letter(char: str) -> bool:
    return unicodedata.category(char)[0] in "LM"


def _strip_symbols(value: str) -> str:
    """Remove emoji and other pictographs (keeping letters, marks, digits, punctuation).

    Zero-width joiners stay only between two letters, where some scripts need them.
    """
    if value.isascii():
        return value
    kept = []
    last = len(value) - 1
    for index, char in enumerate(value):
        if char.isascii():
            kept.append(char)
        elif char in "\u200c\u200d":
            if 0 < index < last and _is_letter(value[index - 1]) and _is_letter(value[index + 1]):
                kept.append(char)
        elif "\ufe00" <= char <= "\ufe0f" or char == "\u20e3":
            continue
        elif unicodedata.category(char) not in ("So", "Sk", "Cs", "Co", "Cn", "Cf", "Me"):
            kept.append(char)
    return "".join(kept)


def _is_credential(token: str) -> bool:
    """Whether a comma-separated part like "PMP", "Ph.D." or "SHRM-CP" is a credential."""
    bare = token.strip().strip("®™©").replace(".", "").replace("-", "").replace("/", "")
    if not bare:
        return True
    if bare.lower() in _KNOWN_CREDENTIALS:
        return True
    letters = [c for c in bare if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(bare) <= 8


def _drop_credentials(value: str) -> str:
    """Drop credentials: "Raman, MBA" -> "Raman", "Whitfield, Dana, PMP" -> "Whitfield, Dana"."""
    parts = value.split(",")
    while len(parts) > 1 and all(_is_credential(word) for word in parts[-1].split()):
        parts.pop()
    words = ",".join(parts).split()
    while len(words) > 1 and len(words[-1].strip(".")) >= 3 and _is_trailing_credential(words[-1]):
        words.pop()
    return " ".join(words)


def _is_trailing_credential(word: str) -> bool:
    bare = word.strip("®™©,")
    key = bare.replace(".", "").replace("-", "").lower()
    return (key in _KNOWN_CREDENTIALS and not bare.istitle()) or key in ("phd", "jr", "sr")


def _drop_honorific(value: str) -> str:
    words = value.split()
    if len(words) > 1 and words[0].rstrip(".").lower() in _HONORIFICS:
        words.pop(0)
    return " ".join(words)


def clean_name_part(value: str) -> str:
    """A first or last name without credentials, pronouns, emoji or honorific."""
    if value.isalpha():  # one plain word, the common case
        return value
    # Names repeat in big exports; only short ones are cached, keeping the cache small.
    return _clean_cached(value) if len(value) <= 64 else _clean_name_part(value)


def _clean_name_part(value: str) -> str:
    value = _strip_symbols(value)
    value = _PRONOUNS.sub(" ", value)
    if "|" in value:
        value = value.split("|", 1)[0]
    value = _drop_credentials(value)
    value = _drop_honorific(value)
    return " ".join(value.split()).strip(_TRAILING_JUNK)


# "Ann Lee (ann@example.com)", "Ann Lee <ann@example.com>": an address after the name.
_TRAILING_ADDRESS = re.compile(r"\s*[(<\[][^()<>\[\]]*@[^()<>\[\]]*[)>\]]$")
_BARE_ADDRESS = re.compile(r"[<(\[\"']*(?:mailto:)?[^\s@]+@[^\s@]+[>)\]\"']*", re.IGNORECASE)


def display_name(value: str) -> str:
    """A display name as a person's name, or "" when it is only an email address.

    Outlook shows a contact as ``Ann Lee (ann@example.com)``, and as the bare address
    when it knows no name: the bracketed address goes, and an address is never a name.
    """
    if not value:
        return ""
    name = _TRAILING_ADDRESS.sub("", value).strip().strip("\"'").strip()
    return "" if _BARE_ADDRESS.fullmatch(name) else name


def split_full_name(full_name: str) -> tuple[str, str]:
    """Guess (first, last) from a one-field name: "Dr. Priya N. Raman, PhD" -> Priya, Raman.

    "Raman, Priya" is read as last-name-first. Middle names are left out; name
    particles stay with the last name ("Anouk van der Berg" -> Anouk, van der Berg).
    """
    value = _strip_symbols(full_name)
    value = _PRONOUNS.sub(" ", value)
    if "|" in value:
        value = value.split("|", 1)[0]
    value = _drop_credentials(value)
    if value.count(",") == 1:
        last, first = (part.strip() for part in value.split(","))
        if last and first:
            value = f"{first} {last}"
    value = _drop_honorific(value)
    words = [w for w in (w.strip(_TRAILING_JUNK) for w in value.split()) if w]
    if not words:
        return "", ""
    if len(words) == 1:
        return words[0], ""
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    return words[0], " ".join(words[start:])


_clean_cached = lru_cache(maxsize=8192)(_clean_name_part)
