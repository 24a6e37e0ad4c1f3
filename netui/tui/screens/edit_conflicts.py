"""When another netui changed the same fields while the edit form was open: choose, per field.

Both values are shown, literally, one above the other; nothing is written until the user
chooses, and esc goes back to the form with everything still typed.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Label, RadioButton, RadioSet, Static

from netui.domain.three_way import FieldConflict
from netui.tui.screens.contact_form_fields import FORM_FIELD, LABELS, value_text
from netui.tui.screens.form_dialog import FormDialog
from netui.tui.text import literal_line


def _shown(field: str, value: object) -> Content:
    text = value_text(field, value)
    return literal_line(text) if text else Content.styled("(empty)", "$text-muted")


class EditConflictScreen(FormDialog[frozenset[str]]):
    """Returns the fields to take from the stored contact ("theirs"); None goes back."""

    DEFAULT_CSS = """
    EditConflictScreen > #conflicts { width: 90; }
    EditConflictScreen RadioSet { width: 1fr; }
    """

    def __init__(self, name: str, conflicts: Sequence[FieldConflict]) -> None:
        super().__init__()
        self.contact_name = name
        self.conflicts = tuple(conflicts)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="conflicts", classes="form-box"):
            yield Static(
                Content.assemble(
                    "While you were editing, another netui changed ",
                    literal_line(self.contact_name, "bold"),
                    " too. Where you both changed a field, choose which to keep; "
                    "every other change of yours and theirs is kept. Esc goes back to the form.",
                )
            )
            for conflict in self.conflicts:
                field_id = FORM_FIELD[conflict.field]
                with Horizontal(classes="row"):
                    yield Label(LABELS[field_id])
                    yield RadioSet(
                        RadioButton(
                            Content.assemble(
                                "Keep mine:   ", _shown(conflict.field, conflict.mine)
                            ),
                            value=True,
                            id=f"{field_id}-mine",
                        ),
                        RadioButton(
                            Content.assemble(
                                "Take theirs: ", _shown(conflict.field, conflict.theirs)
                            ),
                            id=f"{field_id}-theirs",
                        ),
                        id=f"conflict-{field_id}",
                        compact=True,
                    )
            yield from self.buttons("Save")

    def on_mount(self) -> None:
        self.query_one("#conflicts").border_title = "Changed by another netui"
        self.query_one(RadioSet).focus()

    def take_theirs(self) -> frozenset[str]:
        """The fields whose "take theirs" is chosen."""
        return frozenset(
            conflict.field
            for conflict in self.conflicts
            if self.query_one(f"#{FORM_FIELD[conflict.field]}-theirs", RadioButton).value
        )

    def save(self) -> None:
        self.close(self.take_theirs())
