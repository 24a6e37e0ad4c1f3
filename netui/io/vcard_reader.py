"""Read vCard 2.1, 3.0 and 4.0 files (Apple, Google, Android), one card at a time.

Each card is checked and rewritten as a clean vCard 3.0 card (quoted-printable
decoded, 2.1 escaping made 3.0, unwanted properties dropped), then parsed by vobject
on its own, so a damaged card becomes a RowProblem and the others still import.
"""

from __future__ import annotations

import quopri
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from netui.domain.contact_uid import usable_uid
from netui.io.contact_builder import (
    MAX_FIELD_LENGTH,
    build_contact,
    clean_emails,
    clean_phones,
    clean_tags,
    compose_name,
    find_linkedin,
    linkedin_url,
)
from netui.io.encoding import Encoding, open_text, text_lines
from netui.io.errors import ImportFileError
from netui.io.records import ImportedContact, ReadStats, RowProblem
from netui.io.text import clean_line, clean_multiline
from netui.io.vcard_extras import HOW_WE_MET_PROPERTY, notes_without
from netui.io.vcard_split import RawCard, is_quoted_printable, property_name, split_cards

_KEPT = frozenset(
    (
        "FN",
        "N",
        "NICKNAME",
        "ORG",
        "TITLE",
        "ROLE",
        "EMAIL",
        "TEL",
        "URL",
        "NOTE",
        "CATEGORIES",
        "X-SOCIALPROFILE",
        "X-ABLABEL",
        "X-LINKEDIN",
        "X-ABSHOWAS",
        "UID",
        HOW_WE_MET_PROPERTY,
    )
)
_STRUCTURED = frozenset(("N", "ORG"))
# group.NAME;param=value;param="quoted;value":value
_PROPERTY = re.compile(r'(?:[A-Za-z0-9-]+\.)?[A-Za-z0-9_-]+((?:;(?:[^";:]|"[^"]*")*)*):')
_DROPPED_PARAMS = re.compile(r";(?:ENCODING=)?QUOTED-PRINTABLE|;CHARSET=[^;:]*", re.IGNORECASE)
_UNESCAPE = re.compile(r"\\([\\;,nN:])")


def _unescape(value: str) -> str:
    return _UNESCAPE.sub(lambda m: "\n" if m[1] in "nN" else m[1], value)


def _escape(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _split_structured(value: str) -> list[str]:
    return re.split(r"(?<!\\);", value)


def _decode_quoted_printable(params: str, value: str) -> str:
    """Decode a quoted-printable value in the charset its parameters name (else UTF-8)."""
    data = quopri.decodestring(value.encode("utf-8", "replace"))
    match = re.search(r"CHARSET=([^;:]+)", params, re.IGNORECASE)
    charset = match[1].strip().strip('"') if match else "utf-8"
    for candidate in (charset, "utf-8"):
        try:
            return data.decode(candidate)
        except (LookupError, UnicodeDecodeError, ValueError):
            continue
    return data.decode("cp1252", "replace")  # old phones wrote Windows text untagged


def _rewrite(name: str, line: str, version: str) -> str:
    """One kept property (already checked to be one) as clean vCard 3.0."""
    match = _PROPERTY.match(line)
    end = match.end() if match else line.find(":") + 1
    head, value = line[: end - 1], line[end:]
    quoted_printable = is_quoted_printable(head + ":")
    if quoted_printable:
        value = _decode_quoted_printable(head, value)
        head = _DROPPED_PARAMS.sub("", head)
    if version.startswith("2"):
        # 2.1 escapes only ";" and leaves commas bare: unescape, then escape as 3.0 does.
        if name in _STRUCTURED:
            value = ";".join(_escape(_unescape(part)) for part in _split_structured(value))
        elif name == "CATEGORIES":
            value = ",".join(_escape(_unescape(part)) for part in re.split(r"[,;]", value))
        else:
            value = _escape(_unescape(value))
    elif quoted_printable:
        value = value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")
    return f"{head}:{value}"


def _card_text(card: RawCard) -> str | RowProblem:
    """The card as vCard 3.0 text, or the problem that stops it being read."""
    out = ["BEGIN:VCARD", "VERSION:3.0"]
    for line_number, line in card.lines:
        if not _PROPERTY.match(line):
            shown = line if len(line) <= 40 else line[:37] + "..."
            return RowProblem(
                card.number,
                f"line {line_number:,} is not a vCard property: {shown!r}",
            )
        name = property_name(line)
        if name in _KEPT:
            out.append(_rewrite(name, line, card.version))
    out.append("END:VCARD")
    return "\r\n".join(out) + "\r\n"


def _text(value: Any, separator: str = ", ") -> str:
    """A vobject value as text (structured parts can be lists of strings)."""
    if isinstance(value, list | tuple):
        return separator.join(_text(part) for part in value if part)
    return value if isinstance(value, str) else ""


def _values(component: Any, name: str) -> list[Any]:
    return [line.value for line in component.contents.get(name, ())]


def _first(component: Any, name: str) -> str:
    for value in _values(component, name):
        if text := clean_line(_text(value)):
            return text
    return ""


def _linkedin(component: Any) -> str:
    """The LinkedIn profile: an X-SOCIALPROFILE of type linkedin (Apple), a URL in a
    group labelled LinkedIn, X-LINKEDIN, or any URL on linkedin.com."""
    labels = {
        line.group.lower(): _text(line.value).lower()
        for line in component.contents.get("x-ablabel", ())
        if line.group
    }
    for line in component.contents.get("x-socialprofile", ()):
        value = clean_line(_unescape(_text(line.value)))
        types = " ".join(line.params.get("TYPE", ())).lower()
        if "linkedin.com" in value.lower():
            return linkedin_url(value)
        if "linkedin" in types:
            user = " ".join(line.params.get("X-USER", ())).strip()
            if not user and value.lower().startswith("x-apple:"):
                user = value[len("x-apple:") :].strip()
            if user and "/" not in user:
                return f"https://www.linkedin.com/in/{user}"
    urls = []
    for line in (*component.contents.get("url", ()), *component.contents.get("x-linkedin", ())):
        value = clean_line(_unescape(_text(line.value)))
        if not value:
            continue
        if line.name.upper() == "X-LINKEDIN" or "linkedin" in labels.get(
            (line.group or "").lower(), ""
        ):
            return linkedin_url(value)
        urls.append(value)
    return find_linkedin(urls)


def _too_long(component: Any) -> str:
    for name, lines in component.contents.items():
        for line in lines:
            if len(_text(line.value)) > MAX_FIELD_LENGTH:
                return (
                    f"the {name.upper()} value is {len(_text(line.value)):,} characters long "
                    f"(the limit is {MAX_FIELD_LENGTH:,})"
                )
    return ""


def _contact(card: RawCard, component: Any, stats: ReadStats) -> ImportedContact | str | None:
    """The contact, a problem (as text), or None for an empty card."""
    if reason := _too_long(component):
        return reason
    first = last = ""
    name_parts: list[str] = []
    for value in _values(component, "n"):
        if hasattr(value, "family"):
            first, last = clean_line(_text(value.given)), clean_line(_text(value.family))
            name_parts = [
                first,
                clean_line(_text(value.additional, " ")),
                last,
                clean_line(_text(value.suffix)),
            ]
            break
    full = _first(component, "fn") or compose_name(*name_parts) or _first(component, "nickname")
    company = ""
    for value in _values(component, "org"):
        if company := clean_line(_text(value[0] if isinstance(value, list) and value else value)):
            break
    title = _first(component, "title") or _first(component, "role")
    emails = clean_emails([clean_line(_text(v)) for v in _values(component, "email")])
    phones = clean_phones([clean_line(_text(v)) for v in _values(component, "tel")])
    notes = "\n\n".join(
        text for text in (clean_multiline(_text(v)) for v in _values(component, "note")) if text
    )
    linkedin = _linkedin(component)
    met = next(filter(None, map(_text, _values(component, HOW_WE_MET_PROPERTY.lower()))), "")
    how_we_met = clean_line(met)
    notes = notes_without(notes, met)
    if not full:
        if company or title or emails or phones or notes or linkedin or how_we_met:
            return "no name: FN and N are empty"
        return None
    tags: list[str] = []
    for value in _values(component, "categories"):
        tags.extend(clean_line(tag) for tag in (value if isinstance(value, list) else [value]))
    return build_contact(
        card.number,
        full_name=full,
        first=first,
        last=last,
        company=company,
        title=title,
        emails=emails,
        phones=phones,
        linkedin=linkedin,
        notes=notes,
        tags=clean_tags([tag for tag in tags if isinstance(tag, str) and tag]),
        how_we_met=how_we_met,
        uid=next(filter(None, (usable_uid(_text(v)) for v in _values(component, "uid"))), ""),
        stats=stats,
        derive_names=_first(component, "x-abshowas").upper() != "COMPANY",
    )


def _read_card(
    card: RawCard, stats: ReadStats, read_one: Callable[..., Any]
) -> ImportedContact | RowProblem | None:
    where = f"(the card starting on line {card.line:,})"
    if card.problem:
        return RowProblem(card.number, f"{where[1:-1]} {card.problem}")
    for line_number, line in card.lines:
        if "\x00" in line:
            return RowProblem(
                card.number,
                f"is damaged: line {line_number:,} holds a NUL byte, which no text export "
                f"contains {where}",
            )
    text = _card_text(card)
    if isinstance(text, RowProblem):
        return RowProblem(card.number, f"{text.reason} {where}")
    try:
        component = read_one(text, validate=False, ignoreUnreadable=True)
        result = _contact(card, component, stats)
    except Exception as error:  # vobject raises many kinds of error on odd input
        message = " ".join(str(error).split())[:120] or type(error).__name__
        return RowProblem(card.number, f"cannot be read: {message} {where}")
    if isinstance(result, str):
        return RowProblem(card.number, f"{result} {where}")
    return result


def read_vcards(
    path: Path, encoding: Encoding, stats: ReadStats
) -> Iterator[ImportedContact | RowProblem]:
    """Yield one record per card; raise ImportFileError if there is nothing to import."""
    import vobject  # here, not at the top: it is slow to import and only vCards need it

    found = cards = 0
    with open_text(path, encoding) as text:
        try:
            for card in split_cards(text_lines(path, text, split_long=True)):
                cards += 1
                item = _read_card(card, stats, vobject.readOne)
                if item is None:
                    stats.skipped_blank += 1
                    continue
                found += 1
                if isinstance(item, RowProblem):
                    stats.problems += 1
                else:
                    stats.contacts += 1
                yield item
        except OSError as error:
            raise ImportFileError(path, f"cannot be read ({error.strerror or error})") from None
    if not cards:
        raise ImportFileError(path, "no vCards found (there is no BEGIN:VCARD line)")
    if not found:
        raise ImportFileError(path, f"no contacts found (all {cards:,} cards are empty)")
