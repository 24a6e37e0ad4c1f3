"""Rows without a person's name: what may stand in for one, and what to say if nothing can.

A row is imported under a person's name when it has one. Without it, a display name
stands in (cleaned by :func:`netui.io.names.display_name`), then a nickname, and, in an
address book's export, the company of an organisation's own card. A row with none of
them is reported, saying what it did have, so the user can find and fix it.
"""

from __future__ import annotations

from netui.io.names import display_name


def stand_in_name(
    display: str, nickname: str, company: str, *, company_cards: bool
) -> tuple[str, bool]:
    """The name for a row with no person's name, and whether it is the company's.

    ``company_cards`` says the file is an address book's (see ADDRESS_BOOK_FORMATS).
    Returns ``("", False)`` when nothing can stand in.
    """
    if name := display_name(display) or nickname:
        return name, False
    if company_cards and company:
        return company, True
    return "", False


def _counted(count: int, one: str, many: str) -> str:
    return one if count == 1 else f"{count:,} {many}"


def describe_details(
    company: str,
    title: str,
    emails: tuple[str, ...],
    phones: tuple[str, ...],
    linkedin: str,
    notes: str,
    how_we_met: str,
) -> str:
    """What a nameless row holds, in words: "a company and an email address".

    The arguments are the row's cleaned values, in ImportedContact's field order.
    """
    parts = [
        text
        for present, text in (
            (company, "a company"),
            (title, "a job title"),
            (emails, _counted(len(emails), "an email address", "email addresses")),
            (phones, _counted(len(phones), "a phone number", "phone numbers")),
            (linkedin, "a LinkedIn profile"),
            (notes, "notes"),
            (how_we_met, "a how-we-met note"),
        )
        if present
    ]
    if len(parts) < 2:
        return "".join(parts) or "nothing else"
    return f"{', '.join(parts[:-1])} and {parts[-1]}"
