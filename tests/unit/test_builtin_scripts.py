"""The scripts netui ships: known placeholders only, each channel real, short notes short."""

from __future__ import annotations

import pytest

from netui.domain.builtin_scripts import BUILTIN_SCRIPTS, BuiltinScript, builtin
from netui.domain.script_render import find_placeholders, render
from netui.domain.scripts import ScriptChannel

TYPICAL = {
    "first_name": "Bartholomew",
    "time_since": "about eleven years",
    "my_name": "Alexandra Montgomery-Smith",
    "my_situation": "moving from retail management into supply-chain analytics",
    "my_ask": "an introduction to someone in a planning team",
    "company": "Northwind Cycles",
    "how_we_met": "we ran the 2017 charity ride together",
}


@pytest.mark.parametrize("script", BUILTIN_SCRIPTS, ids=[s.key for s in BUILTIN_SCRIPTS])
def test_every_builtin_uses_only_known_placeholders_on_a_real_channel(
    script: BuiltinScript,
) -> None:
    channel = ScriptChannel(script.channel)
    for text in (script.subject, script.body):
        assert all(p.known for p in find_placeholders(text))
    if not channel.has_subject:
        assert script.subject == ""


def test_the_invitation_note_fits_linkedins_limit_even_with_long_names() -> None:
    note = builtin("linkedin_invite")
    assert note is not None
    limit = ScriptChannel.LINKEDIN_INVITE.limit
    assert limit is not None
    assert len(render(note.body, TYPICAL).text.strip()) <= limit


def test_keys_are_unique_and_found() -> None:
    keys = [script.key for script in BUILTIN_SCRIPTS]
    assert len(set(keys)) == len(keys)
    assert builtin("nope") is None
    assert {ScriptChannel(s.channel) for s in BUILTIN_SCRIPTS} >= {
        ScriptChannel.PHONE,
        ScriptChannel.EMAIL,
        ScriptChannel.LINKEDIN_MESSAGE,
        ScriptChannel.LINKEDIN_INVITE,
    }
