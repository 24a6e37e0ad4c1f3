"""Contacts as a vCard 3.0 file (RFC 2426) for phone and desktop address books.

Written by hand, one card per contact, so the output is exactly what is documented here
and the same on every run:

- ``UID`` is the contact's UID (:mod:`netui.domain.contact_uid`), the same in every export:
  address books and CardDAV servers tell cards apart by it (khard skips a card without
  one), and netui's import finds the contact by it again.
- ``FN`` is the full name and ``N`` the last and first name (guessed from the full name
  when neither is stored, as ``N`` is required); ``ORG`` the company, ``TITLE`` the title.
- Every email is an ``EMAIL;TYPE=INTERNET``, every phone a ``TEL``.
- The LinkedIn profile is written twice, as address books look for it in different places:
  an ``item1.URL`` labelled ``LinkedIn`` (``X-ABLABEL``, Apple's way, also read by Google)
  and an ``X-SOCIALPROFILE;TYPE=linkedin`` (Apple's social profile field).
- ``NOTE`` holds the notes, line breaks included, and how you met as its last paragraph
  (``How we met: ...``); ``X-NETUI-HOW-WE-MET`` holds how you met again, for netui's
  import to read back exactly (:mod:`netui.io.vcard_extras` says why both).
- ``CATEGORIES`` holds the tags.

Values are escaped and lines folded as :mod:`netui.io.content_lines` describes (UTF-8,
CRLF, at most 75 octets a line). The tests read the files back with netui's own reader and
with vobject, every field intact; the properties are the ones Apple and Google Contacts
themselves write.

The triage status, strength and dates have no place in an address book; the CSV export
and the JSON backup carry them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from netui.domain.types import Contact
from netui.io.content_lines import CRLF, escape_text, property_line
from netui.io.names import split_full_name
from netui.io.vcard_extras import HOW_WE_MET_PROPERTY, note_with_how_we_met

__all__ = ["PRODID", "vcard", "write_vcards"]

PRODID = "-//netui//netui contacts export//EN"
_HEAD = f"BEGIN:VCARD{CRLF}VERSION:3.0{CRLF}PRODID:{PRODID}{CRLF}"
_TAIL = f"END:VCARD{CRLF}"


def _names(contact: Contact) -> tuple[str, str]:
    if contact.first_name or contact.last_name:
        return contact.first_name, contact.last_name
    return split_full_name(contact.full_name)


def vcard(contact: Contact) -> str:
    """One contact as a vCard 3.0 card, CRLF line endings included."""
    first, last = _names(contact)
    full = contact.full_name or " ".join(part for part in (first, last) if part)
    lines = [_HEAD]
    if contact.uid:
        lines.append(property_line("UID", escape_text(contact.uid)))
    lines.append(property_line("N", f"{escape_text(last)};{escape_text(first)};;;"))
    lines.append(property_line("FN", escape_text(full)))
    if contact.company:
        lines.append(property_line("ORG", escape_text(contact.company)))
    if contact.title:
        lines.append(property_line("TITLE", escape_text(contact.title)))
    lines.extend(
        property_line("EMAIL", escape_text(email), ";TYPE=INTERNET")
        for email in contact.emails
        if email
    )
    lines.extend(property_line("TEL", escape_text(phone)) for phone in contact.phones if phone)
    if contact.linkedin_url:
        url = escape_text(contact.linkedin_url)
        lines.append(property_line("item1.URL", url))
        lines.append(property_line("item1.X-ABLABEL", "LinkedIn"))
        lines.append(property_line("X-SOCIALPROFILE", url, ";TYPE=linkedin"))
    note = note_with_how_we_met(contact.notes, contact.how_we_met)
    if note:
        lines.append(property_line("NOTE", escape_text(note)))
    if contact.how_we_met:
        lines.append(property_line(HOW_WE_MET_PROPERTY, escape_text(contact.how_we_met)))
    tags = [escape_text(tag) for tag in contact.tags if tag]
    if tags:
        lines.append(property_line("CATEGORIES", ",".join(tags)))
    lines.append(_TAIL)
    return "".join(lines)


def write_vcards(contacts: Iterable[Contact], out: TextIO) -> int:
    """Write one card per contact to ``out`` (opened with ``newline=""``); returns how many."""
    count = 0
    for contact in contacts:
        out.write(vcard(contact))
        count += 1
    return count
