"""The Script pane's small forms: a script's name and channel, and the user's profile.

Each saves through the script service and closes with what it saved; a rule broken (a
name taken, a field too long) is shown under its field, the typed text kept, as in every
netui form. A busy database leaves the form open to try again with ctrl+s.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Label, Select

from netui.domain.script_values import Profile
from netui.domain.scripts import ScriptChannel
from netui.errors import NetuiError, ValidationError
from netui.tui.db_errors import save_failed
from netui.tui.screens.form_dialog import FormDialog
from netui.tui.text import literal_line

if TYPE_CHECKING:
    from netui.domain.script_types import Script
    from netui.services.context import Services


class NameMode(StrEnum):
    """What the name form does: start a script, rename one, or copy one under a new name."""

    NEW = "new"
    RENAME = "rename"
    DUPLICATE = "duplicate"


_TITLES = {NameMode.NEW: "New script", NameMode.RENAME: "Rename", NameMode.DUPLICATE: "Duplicate"}
_SAVE_LABELS = {NameMode.NEW: "Create", NameMode.RENAME: "Save", NameMode.DUPLICATE: "Duplicate"}


class ScriptNameScreen(FormDialog[int]):
    """Returns the id of the script created, renamed or duplicated; None when cancelled."""

    DEFAULT_CSS = """
    ScriptNameScreen > #script-name-form { width: 70; }
    """

    def __init__(self, services: Services, mode: NameMode, script: Script | None = None) -> None:
        super().__init__()
        self.services = services
        self.mode = mode
        self.script = script

    def _initial_name(self) -> str:
        if self.script is None:
            return ""
        if self.mode is NameMode.DUPLICATE:
            return f"{self.script.name} (copy)"
        return self.script.name

    def compose(self) -> ComposeResult:
        with Vertical(id="script-name-form", classes="form-box"):
            yield self.field_row("name", "Name", self._initial_name(), "Reconnect email, Call…")
            if self.mode is not NameMode.DUPLICATE:
                channel = self.script.channel if self.script else ScriptChannel.EMAIL
                with Horizontal(classes="row"):
                    yield Label("Channel")
                    yield Select(
                        [(c.label, c) for c in ScriptChannel],
                        value=channel,
                        allow_blank=False,
                        id="channel",
                        compact=True,
                    )
            yield from self.buttons(_SAVE_LABELS[self.mode])

    def on_mount(self) -> None:
        title = Content(_TITLES[self.mode])
        if self.script is not None:
            title = Content.assemble(title, ": ", literal_line(self.script.name))
        self.query_one("#script-name-form").border_title = title
        self.query_one("#name").focus()

    def _channel(self) -> ScriptChannel:
        if self.mode is NameMode.DUPLICATE:
            assert self.script is not None
            return self.script.channel
        channel = self.query_one("#channel", Select).value
        assert isinstance(channel, ScriptChannel)
        return channel

    def save(self) -> None:
        self.clear_errors()
        name, channel = self.value("name"), self._channel()
        scripts = self.services.scripts
        try:
            if self.mode is NameMode.NEW:
                saved = scripts.create(name, channel)
            elif self.mode is NameMode.DUPLICATE:
                assert self.script is not None
                saved = scripts.duplicate(self.script.id, name)
            else:
                assert self.script is not None
                saved = self.script
                if name.strip() != self.script.name:
                    saved = scripts.rename(self.script.id, name)
                if channel is not self.script.channel:
                    saved = scripts.set_channel(self.script.id, channel)
        except ValidationError as error:
            if error.field == "name":
                self.show_error("name", error.message)
            else:
                self.notify(str(error), severity="error")
            return
        except NetuiError as error:
            save_failed(self, error, self.script.name if self.script else name)
            return
        self.close(saved.id)


PROFILE_FIELDS = (
    ("name", "My name", "How you sign: Sam Rivera"),
    ("situation", "My situation", "e.g. moving from teaching into UX research"),
    ("ask", "My ask", "e.g. twenty minutes of advice, or a name or two to talk to"),
)


class ProfileScreen(FormDialog[Profile]):
    """The user's own name, situation and ask; returns the profile as saved, None if cancelled."""

    DEFAULT_CSS = """
    ProfileScreen > #profile-form { width: 84; }
    """

    def __init__(self, services: Services, profile: Profile) -> None:
        super().__init__()
        self.services = services
        self.profile = profile

    def compose(self) -> ComposeResult:
        with Vertical(id="profile-form", classes="form-box"):
            for field_id, label, placeholder in PROFILE_FIELDS:
                yield self.field_row(field_id, label, getattr(self.profile, field_id), placeholder)
            yield from self.buttons("Save")

    def on_mount(self) -> None:
        form = self.query_one("#profile-form")
        form.border_title = Content("Your profile: {my_name}, {my_situation}, {my_ask}")
        self.query_one("#name").focus()

    def save(self) -> None:
        self.clear_errors()
        typed = Profile(self.value("name"), self.value("situation"), self.value("ask"))
        try:
            saved = self.services.scripts.set_profile(typed)
        except ValidationError as error:
            if error.field in ("name", "situation", "ask"):
                self.show_error(error.field, error.message)
            else:
                self.notify(str(error), severity="error")
            return
        except NetuiError as error:
            save_failed(self, error, "your profile")
            return
        self.close(saved)
