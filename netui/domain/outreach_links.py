"""Links that take a rendered script out of netui: a ``mailto:`` URL, a LinkedIn page.

Pure string work, shared by whatever opens them. A ``mailto:`` URL follows RFC 6068: the
address and every header value are percent-encoded as UTF-8, a space is ``%20`` (never
``+``, which mail clients show as a plus sign), and a line break in the body is ``%0D%0A``
(the RFC's CRLF), whatever line endings the text had.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from netui.domain.validation import check_email, check_linkedin
from netui.errors import ValidationError

__all__ = ["MAILTO_COMFORTABLE_LENGTH", "first_email", "linkedin_page", "mailto_url"]

MAILTO_COMFORTABLE_LENGTH = 2000
"""Longer ``mailto:`` URLs open in most mail clients but not in all (Windows' shell and
some web mail handlers cut them short): past this, the caller suggests copying instead."""

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# RFC 6068 section 2: in the address part, "@" separates local part and domain and stays
# as it is; everything outside the URI "unreserved" set is percent-encoded.
_ADDRESS_SAFE = "@"


def _encoded(value: str) -> str:
    """``value`` percent-encoded for a mailto header: only A-Z a-z 0-9 - . _ ~ left bare."""
    return quote(value, safe="", encoding="utf-8", errors="strict")


def mailto_url(to: str, subject: str = "", body: str = "") -> str:
    """A ``mailto:`` URL for one address with a subject and a body (either may be blank).

    ``to`` must look like an email address (``ValidationError("email", ...)`` otherwise);
    because every part is encoded, nothing in a subject or body can add a header or a
    recipient (``%0D%0ABcc:`` is text, not a header).
    """
    address = check_email(to)
    url = "mailto:" + quote(address, safe=_ADDRESS_SAFE, encoding="utf-8")
    fields = []
    if subject:
        fields.append("subject=" + _encoded(" ".join(subject.splitlines())))
    if body:
        fields.append("body=" + _encoded(_LINE_BREAK.sub("\r\n", body)))
    return url + ("?" + "&".join(fields) if fields else "")


def first_email(emails: tuple[str, ...]) -> str | None:
    """The first of a contact's emails that is an address at all, or None."""
    for email in emails:
        try:
            return check_email(email)
        except ValidationError:
            continue
    return None


def linkedin_page(url: str) -> str | None:
    """The contact's LinkedIn address, safe to open, or None when it is not one.

    Held to the rule contacts are saved by (``check_linkedin``: http(s) on linkedin.com or
    a subdomain, no user name or port): a file from an older netui or another program may
    hold anything in that field, and nothing else should be handed to a browser.
    """
    if not url.strip():
        return None
    try:
        page = check_linkedin(url)
    except ValidationError:
        return None
    return page or None
