"""Script channels: how a script is sent, what it is logged as, and how long it may be."""

from __future__ import annotations

from enum import StrEnum

from netui.domain.types import Channel, Outcome

__all__ = [
    "LINKEDIN_INVITE_LIMIT",
    "LINKEDIN_MESSAGE_LIMIT",
    "REPLY_OR_BETTER",
    "TEXT_MESSAGE_SEGMENT",
    "ScriptChannel",
]

LINKEDIN_INVITE_LIMIT = 200
"""Characters in the note of a LinkedIn connection invitation.

LinkedIn allows 200 characters on a free (Basic) account and 300 on Premium (LinkedIn's
"Add a note" box, as documented by several LinkedIn guides in 2025-2026: 200 for Basic,
300 for Premium and Sales Navigator). netui counts against 200 so a note fits either.
"""
LINKEDIN_MESSAGE_LIMIT = 8000
"""Characters in a LinkedIn message to a connection."""
TEXT_MESSAGE_SEGMENT = 160
"""Characters in one SMS segment (GSM-7); longer texts arrive split into several."""


class ScriptChannel(StrEnum):
    """How a script reaches someone."""

    PHONE = "phone"
    EMAIL = "email"
    LINKEDIN_MESSAGE = "linkedin_message"
    LINKEDIN_INVITE = "linkedin_invite"
    TEXT = "text"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def limit(self) -> int | None:
        """The most characters the channel takes, or None when length is the user's call."""
        return _LIMITS.get(self)

    @property
    def has_subject(self) -> bool:
        return self is ScriptChannel.EMAIL

    @property
    def logged_as(self) -> Channel:
        """The interaction channel a use of this script is logged with."""
        return _LOGGED_AS[self]


_LABELS = {
    ScriptChannel.PHONE: "Phone call (talking points)",
    ScriptChannel.EMAIL: "Email",
    ScriptChannel.LINKEDIN_MESSAGE: "LinkedIn message",
    ScriptChannel.LINKEDIN_INVITE: "LinkedIn invitation note",
    ScriptChannel.TEXT: "Text message",
}
_LIMITS = {
    ScriptChannel.LINKEDIN_INVITE: LINKEDIN_INVITE_LIMIT,
    ScriptChannel.LINKEDIN_MESSAGE: LINKEDIN_MESSAGE_LIMIT,
    ScriptChannel.TEXT: TEXT_MESSAGE_SEGMENT,
}
_LOGGED_AS = {
    ScriptChannel.PHONE: Channel.CALL,
    ScriptChannel.EMAIL: Channel.EMAIL,
    ScriptChannel.LINKEDIN_MESSAGE: Channel.MESSAGE,
    ScriptChannel.LINKEDIN_INVITE: Channel.MESSAGE,
    ScriptChannel.TEXT: Channel.MESSAGE,
}


REPLY_OR_BETTER = frozenset(
    {Outcome.REPLIED, Outcome.TALKED, Outcome.MEETING_SET, Outcome.REFERRAL}
)
"""Outcomes that count as a reply (or better) in a script's usage: the person answered."""
