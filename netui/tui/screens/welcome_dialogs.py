"""The two settings the welcome asks for: the daily goal, and what the user is looking for.

:class:`GoalDialog` takes whole minutes from :data:`MIN_WELCOME_GOAL` up to the timer's
own maximum, and saves them with the settings service (whose rules have the last word).
:class:`KeywordsDialog` takes target companies, industries and roles, comma-separated, and
saves them together as the target keywords that raise a contact's priority; keywords saved
before stay in a field of their own, so opening the dialog again loses nothing. Each
returns what it saved, or None when cancelled.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from netui.domain.priority import parse_keywords
from netui.domain.timer_status import MAX_MINUTES
from netui.errors import NetuiError, ValidationError
from netui.tui.db_errors import report
from netui.tui.screens.form_dialog import FormDialog

if TYPE_CHECKING:
    from netui.services.context import Services

__all__ = ["MIN_WELCOME_GOAL", "GoalDialog", "KeywordsDialog", "read_goal"]

MIN_WELCOME_GOAL = 30
"""Less than half an hour a day rarely gets as far as a conversation."""

_MINUTES = re.compile(r"(\d{1,6})\s*(?:m|min|mins|minutes?)?", re.IGNORECASE)


def read_goal(text: str) -> int:
    """Minutes typed as ``45`` or ``45 min``; ValidationError("minutes") when not usable."""
    found = _MINUTES.fullmatch(text.strip())
    if found is None:
        raise ValidationError("minutes", "must be a whole number of minutes, like 45")
    minutes = int(found.group(1))
    if not MIN_WELCOME_GOAL <= minutes <= MAX_MINUTES:
        raise ValidationError(
            "minutes", f"must be from {MIN_WELCOME_GOAL} to {MAX_MINUTES} minutes, not {minutes}"
        )
    return minutes


class GoalDialog(FormDialog[int]):
    """Minutes a day of reaching out; returns the saved goal."""

    DEFAULT_CSS = """
    GoalDialog > #goal-form { width: 64; }
    GoalDialog .row > Label { width: 9; }
    GoalDialog #goal-why { color: $text-muted; margin-top: 1; }
    """

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services

    def compose(self) -> ComposeResult:
        try:
            current = str(self.services.settings.daily_goal())
        except NetuiError:
            current = ""
        with Vertical(id="goal-form", classes="form-box"):
            yield Static(
                f"Minutes a day, {MIN_WELCOME_GOAL} to {MAX_MINUTES}. Half an hour, done "
                "daily, is more than ten hours of reaching out a month.",
                id="goal-why",
                markup=False,
            )
            yield self.field_row("minutes", "Minutes", current, str(MIN_WELCOME_GOAL))
            yield from self.buttons("Save")

    def on_mount(self) -> None:
        self.query_one("#goal-form").border_title = "The daily goal"
        self.query_one("#minutes").focus()

    def save(self) -> None:
        self.clear_errors()
        try:
            minutes = self.services.settings.set_daily_goal(read_goal(self.value("minutes")))
        except ValidationError as error:
            self.show_error("minutes", error.message)
            return
        except NetuiError as error:
            report(self, error, retry="ctrl+s")
            return
        self.close(minutes)


KEYWORD_FIELDS = (
    ("companies", "Companies", "Acme, Northwind…"),
    ("industries", "Industries", "fintech, health care…"),
    ("roles", "Roles", "product manager, data engineer…"),
)


class KeywordsDialog(FormDialog[tuple[str, ...]]):
    """Target companies, industries and roles; returns the keywords saved."""

    DEFAULT_CSS = """
    KeywordsDialog > #keywords-form { width: 76; }
    KeywordsDialog .row > Label { width: 12; }
    KeywordsDialog #keywords-why { color: $text-muted; margin-top: 1; }
    """

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services

    def compose(self) -> ComposeResult:
        try:
            saved = self.services.settings.target_keywords()
        except NetuiError:
            saved = ()
        with Vertical(id="keywords-form", classes="form-box"):
            yield Static(
                "Whom do you want to work with? Separate words with commas. A contact whose "
                "company or title matches one comes first in triage and in the list.",
                id="keywords-why",
                markup=False,
            )
            if saved:
                yield self.field_row("saved", "Saved", ", ".join(saved), "")
            for field_id, label, placeholder in KEYWORD_FIELDS:
                yield self.field_row(field_id, label, "", placeholder)
            yield from self.buttons("Save")

    def on_mount(self) -> None:
        self.query_one("#keywords-form").border_title = "What you are looking for"
        self.query_one("#companies").focus()

    def typed(self) -> str:
        """Every field's keywords as one comma-separated text (saved ones first)."""
        ids = [field_id for field_id, _, _ in KEYWORD_FIELDS]
        if self.query("#saved"):
            ids.insert(0, "saved")
        return ",".join(self.value(field_id) for field_id in ids)

    def save(self) -> None:
        self.clear_errors()
        text = self.typed()
        if not parse_keywords(text) and not self.query("#saved"):
            self.show_error("companies", "type at least one company, industry or role")
            return
        try:
            keywords = self.services.settings.set_target_keywords(text)
        except ValidationError as error:
            self.show_error("companies", f"{error.field}: {error.message}")
            return
        except NetuiError as error:
            report(self, error, retry="ctrl+s")
            return
        self.close(keywords)
