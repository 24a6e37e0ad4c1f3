"""The saved audit carries the user's own pace, so a screen can add up edited blocks itself."""

from __future__ import annotations

from collections.abc import Callable

from netui.domain.clock import FakeClock
from netui.domain.time_audit import audit
from netui.domain.types import Channel, InteractionDraft, Outcome
from netui.services.context import Services


def test_the_pace_is_none_without_history_then_minutes_per_person_reached(
    services: Services, add: Callable[..., int], clock: FakeClock
) -> None:
    assert services.audit.load().minutes_per_conversation is None
    ada, bruno = add("Ada Okafor"), add("Bruno Salas")
    services.timer.start()
    clock.advance(minutes=25)
    services.interactions.log(ada, InteractionDraft(Channel.CALL, Outcome.TALKED))
    services.interactions.log(bruno, InteractionDraft(Channel.CALL, Outcome.NO_ANSWER))
    clock.advance(minutes=5)
    services.timer.stop()  # 30 minutes, one person reached
    saved = services.audit.load()
    assert saved.minutes_per_conversation == 30
    # what the screen works out from the pace agrees with what the service says
    assert audit(saved.blocks, saved.minutes_per_conversation) == saved.result
