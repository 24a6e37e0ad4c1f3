"""Parsing what users type: contact ids and outcomes; other values by netui.domain.inputs.

Dates, times, strength, cadence and lists follow the same rules as the app's forms, in
:mod:`netui.domain.inputs`; :func:`read_option` adds the option's name to their messages.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

import click

from netui.domain.inputs import InputError
from netui.domain.types import Outcome
from netui.errors import ValidationError

P = ParamSpec("P")
T = TypeVar("T")


class ContactIdType(click.ParamType[int, Any]):
    """A contact id as shown in lists: ``12`` or ``#12``."""

    name = "ID"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip().removeprefix("#")
        if not text.isdigit() or int(text) < 1:
            self.fail(f"{value!r} is not a contact id (a number such as 12)", param, ctx)
        return int(text)


class OutcomeType(click.ParamType[Outcome, Any]):
    """An outcome, spelled with underscores, dashes or spaces (``left message``)."""

    name = "OUTCOME"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Outcome:
        if isinstance(value, Outcome):
            return value
        key = "_".join(re.split(r"[\s_-]+", str(value).strip().lower()))
        try:
            return Outcome(key)
        except ValueError:
            choices = ", ".join(o.value for o in Outcome)
            self.fail(f"{value!r} is not an outcome; choose one of {choices}", param, ctx)

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return "[" + "|".join(o.value for o in Outcome) + "]"


CONTACT_ID = ContactIdType()


def read_option(option: str, reader: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Read an option's value with its input rule, naming the option if the value breaks it."""
    try:
        return reader(*args, **kwargs)
    except InputError as error:
        raise ValidationError(option, str(error)) from None
