"""Parsing what users type: contact and import ids, outcomes; the rest by netui.domain.inputs.

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
from netui.errors import NotFoundError, ValidationError

P = ParamSpec("P")
T = TypeVar("T")


SQLITE_MAX_ID = 2**63 - 1
"""The largest integer SQLite stores: no row can have a larger id."""


class RecordIdType(click.ParamType[int, Any]):
    """An id as netui shows it: ``12`` or ``#12``.

    An id too large for SQLite names nothing, so it is said the way a missing one is
    (``no contact with id N``) instead of failing on its way into the query.
    """

    name = "ID"

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.article = "an" if kind[:1] in "aeiou" else "a"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        digits = str(value).strip().removeprefix("#").lstrip("0")
        if not digits or not (digits.isascii() and digits.isdigit()):
            self.fail(
                f"{value!r} is not {self.article} {self.kind} id (a number such as 12)", param, ctx
            )
        if len(digits) > len(str(SQLITE_MAX_ID)) or int(digits) > SQLITE_MAX_ID:
            raise NotFoundError(f"no {self.kind} with id {digits}")
        return int(digits)


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


CONTACT_ID = RecordIdType("contact")
BATCH_ID = RecordIdType("import")


def read_option(option: str, reader: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Read an option's value with its input rule, naming the option if the value breaks it."""
    try:
        return reader(*args, **kwargs)
    except InputError as error:
        raise ValidationError(option, str(error)) from None
