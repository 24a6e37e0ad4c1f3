"""The scripts netui starts with: the coach's method made concrete, in netui's own words.

Each one admits the long gap, says where the user is in their work life, asks for help
and advice, and makes yes easy. They are starting points: the user edits them, and an
upgrade of netui never overwrites an edited script (each carries a ``key`` and a
``version``; "reset to the built-in text" is an explicit action).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["BUILTIN_SCRIPTS", "BuiltinScript", "builtin"]


@dataclass(frozen=True, slots=True)
class BuiltinScript:
    key: str
    """Stable identity, kept when the user renames the script."""
    version: int
    """Raised when netui's own text changes, so an unedited copy can be refreshed."""
    name: str
    channel: str
    """A :class:`netui.domain.scripts.ScriptChannel` value."""
    subject: str
    body: str


_PHONE = """\
Opening (first ten seconds)
- Hi {first_name|there}, it's {my_name}.
- Remind them how you know each other: {how_we_met|(add how you met to their card)}.
- I know it's been {time_since}, and that's on me. Is now an OK moment for five minutes?

Where I am
- I'm in a transition in my work life: {my_situation}.

The ask
- I'd really value your help and advice: {my_ask}.
- Who else would you talk to, if you were me?

Close
- Thank them, whatever they say.
- Offer something back: an introduction, a read of their draft, a coffee.
- Agree the next step and log it (a follow-up date) before the next call.
"""

_EMAIL_BODY = """\
Hi {first_name|there},

I know it's been {time_since} since we last spoke, and I'm sorry I let it slip that long.

I'm writing because I'm in a transition in my work life: {my_situation}. You were one of \
the first people I thought of ({how_we_met|we go back a long way}), and I'd really value \
your help and advice.

What I'm hoping for is {my_ask}. Even twenty minutes on the phone in the next couple of \
weeks would mean a lot, and if it's easier, a quick reply with a name or two is just as \
welcome.

Either way, I'd love to hear how you are, and how {company|work} is treating you.

Thanks,
{my_name}
"""

_LINKEDIN_MESSAGE = """\
Hi {first_name|there}, it's been {time_since}, which is far too long. I'm in a transition \
in my work life ({my_situation}) and I'd value your advice. Would you have twenty minutes \
for a call in the next couple of weeks? I'd love to hear how things are with you too. \
{my_name}
"""

_LINKEDIN_INVITE = """\
Hi {first_name|there}, it's been {time_since}! I'm making a career change and would value \
your advice. Would love to reconnect. {my_name}
"""

_FOLLOW_UP_BODY = """\
Hi {first_name|there},

Just bringing my note from a little while ago back to the top of your inbox, in case it \
got buried. I know how busy things get.

I'm still working through my transition ({my_situation}) and your advice would help a \
great deal. If a call is hard to fit in, a one-line reply with someone I should talk to \
is more than enough.

Thanks either way,
{my_name}
"""

BUILTIN_SCRIPTS: tuple[BuiltinScript, ...] = (
    BuiltinScript("phone", 1, "Phone call: talking points", "phone", "", _PHONE),
    BuiltinScript(
        "email", 1, "Reconnect email", "email", "Catching up, {first_name|after a long time}",
        _EMAIL_BODY,
    ),
    BuiltinScript(
        "linkedin_message", 1, "LinkedIn message", "linkedin_message", "", _LINKEDIN_MESSAGE
    ),
    BuiltinScript(
        "linkedin_invite", 1, "LinkedIn invitation note", "linkedin_invite", "", _LINKEDIN_INVITE
    ),
    BuiltinScript(
        "follow_up", 1, "Follow-up when there was no reply", "email",
        "Re: catching up", _FOLLOW_UP_BODY,
    ),
)  # fmt: skip


def builtin(key: str) -> BuiltinScript | None:
    """The built-in script with ``key``, if netui ships one."""
    return next((script for script in BUILTIN_SCRIPTS if script.key == key), None)
