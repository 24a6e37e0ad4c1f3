"""What netui's forms share: labelled rows with a hint and an error line under each field,
loose dates previewed as they are typed, ctrl+s or Enter to save and esc to cancel."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import ClassVar

from textual import on
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from netui.domain.clean_text import clean_line
from netui.tui.actions import Scope, bindings
from netui.tui.screens.base import NetuiDialog, ResultT


class FormDialog(NetuiDialog[ResultT]):
    """Subclasses compose their rows with :meth:`field_row` and implement :meth:`save`.

    Saving and cancelling go through :attr:`accepting`, so an Enter or ctrl+s that arrives
    before the fields exist, or after the form asked to close, does nothing (one save, one
    contact, however fast the keys come).
    """

    DATE_FIELDS: ClassVar[frozenset[str]] = frozenset()
    """Fields whose loose date is echoed back ("→ 4 Mar 2021") while typing."""

    BINDINGS = bindings(Scope.FORM)

    DEFAULT_CSS = """
    FormDialog { align: center middle; }
    FormDialog > .form-box {
        max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    FormDialog .row { height: auto; margin-top: 1; }
    FormDialog .row > Label { width: 14; padding-right: 1; color: $text-muted; }
    FormDialog .row > Vertical { width: 1fr; height: auto; }
    FormDialog .error { color: $error; height: auto; padding-left: 1; }
    FormDialog .hint { color: $text-muted; height: auto; padding-left: 1; }
    FormDialog .form-buttons { height: auto; align-horizontal: right; padding-top: 1; }
    FormDialog .form-buttons Button { margin-left: 2; }
    """

    today: date
    """The day relative dates are read from (the form's caller sets it from the clock)."""

    def field_row(self, field_id: str, label: str, value: str, placeholder: str) -> Widget:
        """A labelled input with its (hidden until needed) hint and error lines.

        The value is shown cleaned as saving would clean it (netui.domain.clean_text): an
        input box draws its text as it is, so a stored escape sequence must not reach the
        terminal, and what the box shows is what a save keeps, as the CLI would keep it.
        """
        return Horizontal(
            Label(label),
            Vertical(
                Input(value=clean_line(value), placeholder=placeholder, id=field_id, compact=True),
                Static("", classes="hint", id=f"{field_id}-hint", markup=False),
                Static("", classes="error", id=f"{field_id}-error", markup=False),
            ),
            classes="row",
        )

    def buttons(self, save_label: str) -> Iterator[Widget]:
        yield Horizontal(
            Button("Cancel (esc)", id="form-cancel"),
            Button(f"{save_label} (ctrl+s)", id="form-save", variant="primary"),
            classes="form-buttons",
        )

    def on_mount(self) -> None:
        # Runs after the subclass's own on_mount (Textual calls each class's handler).
        for line in self.query(".hint, .error"):
            line.display = False
        for field_id in self.DATE_FIELDS:
            self.preview_date(field_id, self.value(field_id))

    def value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    def show_error(self, field_id: str, message: str) -> None:
        error = self.query_one(f"#{field_id}-error", Static)
        error.update(message)
        error.display = True

    def clear_errors(self) -> None:
        for line in self.query(".error"):
            line.display = False

    def understood(self, field_id: str, text: str) -> str | None:
        """How a date field's text is read ("4 Mar 2021"), by the same rules that save it;
        None while it cannot be read yet or means no date. Forms with date fields say how."""
        return None

    def preview_date(self, field_id: str, text: str) -> None:
        """Echo how a loose date was understood, or nothing while it cannot be read yet."""
        hint = self.query_one(f"#{field_id}-hint", Static)
        shown = self.understood(field_id, text) if text.strip() else None
        hint.display = shown is not None
        if shown is not None:
            hint.update(f"→ {shown}")

    @on(Input.Changed)
    def _echo_date(self, event: Input.Changed) -> None:
        if event.input.id in self.DATE_FIELDS:
            self.preview_date(event.input.id, event.value)

    def save(self) -> None:
        """Read the fields, save, and :meth:`close` with the result (or show what to fix)."""
        raise NotImplementedError

    def action_save(self) -> None:
        if self.accepting:
            self.save()

    def action_cancel(self) -> None:
        self.close(None)

    @on(Button.Pressed, "#form-save")
    @on(Input.Submitted)
    def _save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#form-cancel")
    def _cancel(self) -> None:
        self.action_cancel()
