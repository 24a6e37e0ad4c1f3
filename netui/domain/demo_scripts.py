"""The demo's own script and profile, and which script each invented message used.

The demo user is invented too: their name, their move and their ask fill ``{my_name}``,
``{my_situation}`` and ``{my_ask}``. One script of the demo's own, saved twice, sits next
to netui's built-ins, so "reply rate per script" has two emails to compare. Interactions
of the demo's weeks of practice name the script revision they were sent with, by channel.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from netui.domain.demo_people import InventedContact
from netui.domain.script_values import Profile
from netui.domain.scripts import ScriptChannel
from netui.domain.types import Channel

__all__ = [
    "DEMO_PROFILE",
    "DEMO_SCRIPT_BODIES",
    "DEMO_SCRIPT_NAME",
    "DEMO_SCRIPT_SUBJECT",
    "SCRIPT_CHANNEL",
    "with_scripts",
]

DEMO_PROFILE = Profile(
    name="Robin Ashcombe",
    situation="after nine years teaching secondary science, I'm moving into learning design",
    ask="twenty minutes of your view on how teams there hire for that",
)

DEMO_SCRIPT_NAME = "Short note after a long gap"
DEMO_SCRIPT_SUBJECT = "It's been {time_since}, {first_name}"
DEMO_SCRIPT_BODIES = (
    # The first try: too long, and the ask comes last.
    "Hi {first_name},\n\n"
    "I hope things are going well at {company}. I know it's been {time_since} since we "
    "last spoke, and I'm sorry to turn up out of the blue. I've been thinking about what "
    "comes next for me: {my_situation}.\n\n"
    "If you ever had a moment, I would be grateful for {my_ask}.\n\n"
    "All the best,\n{my_name}",
    # The second: the ask up front, and shorter.
    "Hi {first_name},\n\n"
    "Could I ask you for {my_ask}? It's been {time_since}, I know. In short: "
    "{my_situation}.\n\n"
    "Any week that suits you works for me.\n\n"
    "Thanks,\n{my_name}",
)

SCRIPT_CHANNEL = {
    Channel.CALL: ScriptChannel.PHONE,
    Channel.EMAIL: ScriptChannel.EMAIL,
    Channel.MESSAGE: ScriptChannel.LINKEDIN_MESSAGE,
}
"""Which kind of script an interaction on each channel was sent with (none for the others)."""


def with_scripts(
    people: Iterable[InventedContact],
    revisions: Mapping[ScriptChannel, Sequence[int]],
    since: datetime,
) -> Iterator[InventedContact]:
    """``people`` with each interaction from ``since`` on naming a script revision of its
    channel; where a channel has several, they take turns."""
    turn = 0
    for person in people:
        history = list(person.history)
        for index, item in enumerate(history):
            channel = SCRIPT_CHANNEL.get(item.channel)
            choices = revisions.get(channel) if channel else None
            if not choices or item.occurred_at is None or item.occurred_at < since:
                continue
            history[index] = replace(item, script_revision_id=choices[turn % len(choices)])
            turn += 1
        yield replace(person, history=tuple(history)) if history else person
