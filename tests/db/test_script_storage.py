"""The script tables keep their own rules, whatever code writes to them."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from sqlalchemy import CheckConstraint
from sqlalchemy.exc import IntegrityError

from netui.db.models import Base
from netui.db.scripts import ScriptRepository
from netui.domain.scripts import ScriptChannel
from netui.domain.types import Channel, InteractionDraft, Outcome
from netui.services.context import Services


def test_the_channel_check_lists_exactly_the_script_channels() -> None:
    (check,) = (
        c
        for c in Base.metadata.tables["script"].constraints
        if isinstance(c, CheckConstraint) and "channel" in str(c.sqltext)
    )
    assert set(re.findall(r"'(\w+)'", str(check.sqltext))) == {c.value for c in ScriptChannel}


def test_the_database_refuses_a_second_live_name_in_another_case(services: Services) -> None:
    services.scripts.create("Hello", ScriptChannel.TEXT)
    with pytest.raises(IntegrityError, match="UNIQUE"), services.db.session() as session:
        ScriptRepository(session).add("HELLO", ScriptChannel.TEXT, "", "")


def test_the_database_refuses_to_delete_a_revision_a_call_used(
    services: Services, add: Callable[..., int]
) -> None:
    script = services.scripts.create("Used", ScriptChannel.PHONE, body="Points")
    services.interactions.log(
        add("Odile Marsh"),
        InteractionDraft(Channel.CALL, Outcome.TALKED, script_revision_id=script.revision_id),
    )
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), services.db.session() as session:
        ScriptRepository(session).remove(script.id)
    assert services.scripts.get(script.id).usage.used == 1  # still there, and used
