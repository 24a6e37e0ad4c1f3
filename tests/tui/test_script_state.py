"""The words the Script pane shows for whether its text is safe."""

from __future__ import annotations

from datetime import UTC, datetime

from netui.domain.clock import local_zone
from netui.domain.script_types import MAX_SCRIPT_BODY, Script, ScriptDraft, ScriptUsage
from netui.domain.scripts import ScriptChannel
from netui.tui.panes.script_state import TextState, stored_form

AT = datetime(2026, 11, 26, 10, 42, tzinfo=UTC)
HHMM = f"{AT.astimezone(local_zone()):%H:%M}"


def script(body: str = "Hi", draft: str | None = None) -> Script:
    saved_draft = ScriptDraft("", draft, AT) if draft is not None else None
    return Script(
        7, "S", ScriptChannel.TEXT, "", body, None, True, 70, 3, AT, saved_draft, ScriptUsage()
    )


def test_saved_text_says_saved_with_its_revision() -> None:
    state = TextState.of(script())
    assert state.status(("", "Hi")) == "Saved (revision 3)"
    assert not state.needs_write(("", "Hi"))


def test_what_a_save_would_clean_away_is_no_change() -> None:
    state = TextState.of(script())
    assert state.status(("", "Hi\n\n  ")) == "Saved (revision 3)"
    assert state.is_saved(("  ", "Hi\n"))


def test_typing_is_unsaved_until_the_draft_is_written() -> None:
    state = TextState.of(script())
    typed = ("", "Hi there")
    assert state.status(typed) == "Unsaved"
    assert state.needs_write(typed)
    state = state.drafted(typed, AT)
    assert state.status(typed) == f"Draft autosaved {HHMM} · ctrl+s saves"
    assert not state.needs_write(typed)
    assert state.needs_write(("", "Hi there!"))


def test_a_draft_found_on_open_is_what_the_editor_holds() -> None:
    state = TextState.of(script(draft="Hi again"))
    assert state.written == ("", "Hi again")
    assert state.status(("", "Hi again")) == f"Draft autosaved {HHMM} · ctrl+s saves"
    # Typed back to the saved text, the draft is still stored: it must be written (cleared).
    assert state.needs_write(("", "Hi"))


def test_a_draft_equal_to_the_saved_text_is_no_draft() -> None:
    state = TextState.of(script()).drafted(("", "Hi"), AT)
    assert not state.has_draft
    assert state.status(("", "Hi")) == "Saved (revision 3)"


def test_a_failed_write_is_said_until_one_succeeds() -> None:
    state = TextState.of(script()).failed("another netui is writing")
    assert state.status(("", "Hi you")) == "Unsaved (another netui is writing; trying again)"
    assert state.drafted(("", "Hi you"), AT).problem == ""


def test_text_too_long_to_store_says_why() -> None:
    state = TextState.of(script())
    too_long = ("", "x" * (MAX_SCRIPT_BODY + 1))
    assert isinstance(stored_form(too_long), str)
    assert state.status(too_long).startswith("Unsaved: the text is 20,001 characters long")
