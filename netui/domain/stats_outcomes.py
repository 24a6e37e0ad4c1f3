"""Outcomes as stages: the funnel of how far conversations went, and replies per script.

The outcome funnel is a ladder, not a set of buckets: each outcome sits on a rung
(:data:`STAGE_OF`), a person counts at the furthest rung they got to within the period,
and each stage counts everyone who got at least that far. So a stage can never hold more
people than the one before it, whatever order the outcomes came in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from netui.domain.scripts import REPLY_OR_BETTER
from netui.domain.types import Outcome

__all__ = [
    "DOOR_OUTCOMES",
    "STAGE_OF",
    "Funnel",
    "FunnelStage",
    "InteractionFact",
    "ScriptRate",
    "Stage",
    "funnel",
    "script_rates",
]


@dataclass(frozen=True, slots=True)
class InteractionFact:
    """One logged interaction as the figures need it; ``day`` is its local day."""

    contact_id: int
    day: date
    outcome: Outcome
    script: str | None = None
    """The name of the script used, when it was logged from one."""


class Stage(IntEnum):
    """The rungs of the funnel, nearest first. Each says how far a conversation went."""

    REACHED = 1
    """A real answer from the person: any outcome but no answer and left a message."""
    REPLIED = 2
    """They wrote or called back with interest: replied, talked, a meeting or a referral."""
    TALKED = 3
    """A conversation took place: talked, a meeting set, or a referral."""
    MEETING = 4
    """A meeting was set (or went further, to a referral)."""
    REFERRAL = 5
    """They put you in touch with someone: the furthest a reconnection goes."""

    @property
    def label(self) -> str:
        return self.name.lower()


STAGE_OF: Mapping[Outcome, Stage | None] = {
    Outcome.NO_ANSWER: None,
    Outcome.LEFT_MESSAGE: None,
    Outcome.DECLINED: Stage.REACHED,  # an answer, but a no: reached and no further
    Outcome.REPLIED: Stage.REPLIED,
    Outcome.TALKED: Stage.TALKED,
    Outcome.MEETING_SET: Stage.MEETING,
    Outcome.REFERRAL: Stage.REFERRAL,
}
"""The rung each outcome reaches (None: the person was not reached)."""
DOOR_OUTCOMES = frozenset({Outcome.MEETING_SET, Outcome.REFERRAL})


# -- the funnel ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FunnelStage:
    stage: Stage
    people: int

    @property
    def label(self) -> str:
        return self.stage.label


@dataclass(frozen=True, slots=True)
class Funnel:
    """People at each stage or beyond, nearest stage first (see :class:`Stage`).

    ``contacted`` is everyone anything was logged with, reached or not: the funnel's mouth.
    """

    contacted: int
    stages: tuple[FunnelStage, ...]

    def people(self, stage: Stage) -> int:
        return self.stages[stage - 1].people


def funnel(facts: Iterable[InteractionFact]) -> Funnel:
    """Each person at the furthest stage they got to; each stage counts that far or further."""
    furthest: dict[int, int] = {}
    for fact in facts:
        rung = STAGE_OF[fact.outcome]
        furthest[fact.contact_id] = max(furthest.get(fact.contact_id, 0), rung or 0)
    stages = tuple(
        FunnelStage(stage, sum(1 for rung in furthest.values() if rung >= stage)) for stage in Stage
    )
    return Funnel(len(furthest), stages)


# -- scripts --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ScriptRate:
    """How often one script got a reply: uses whose outcome was replied or better."""

    script: str
    uses: int
    replies: int

    @property
    def rate(self) -> float:
        """Replies over uses, 0..1 (0 for a script never used)."""
        return self.replies / self.uses if self.uses else 0.0


def script_rates(facts: Iterable[InteractionFact]) -> tuple[ScriptRate, ...]:
    """Per script name, most used first (then by name): a declined answer is no reply."""
    uses: dict[str, list[int]] = {}
    for fact in facts:
        if fact.script is None:
            continue
        counts = uses.setdefault(fact.script, [0, 0])
        counts[0] += 1
        if fact.outcome in REPLY_OR_BETTER:
            counts[1] += 1
    rates = (ScriptRate(name, used, replied) for name, (used, replied) in uses.items())
    return tuple(sorted(rates, key=lambda r: (-r.uses, r.script.casefold(), r.script)))
