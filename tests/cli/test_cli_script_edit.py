"""``netui script edit`` through a stand-in editor, and ``netui profile``."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from builders import sql_rows
from cli_runner import Netui

from netui.domain.clock import FakeClock
from netui.services.context import open_services

# Records the file it was given, then copies NETUI_TEST_TEXT's file into it (if that
# exists) and exits with NETUI_TEST_EXIT, as a real editor would after the user saved.
EDITOR = """\
import os, pathlib, shutil, sys
path = pathlib.Path(sys.argv[-1])
pathlib.Path(os.environ["NETUI_TEST_SEEN"]).write_text(path.read_text("utf-8"), "utf-8")
if os.path.exists(os.environ["NETUI_TEST_TEXT"]):
    shutil.copyfile(os.environ["NETUI_TEST_TEXT"], path)
sys.exit(int(os.environ.get("NETUI_TEST_EXIT", "0")))
"""

Editor = Callable[..., Path]


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Editor:
    """``editor(text)``: the next edit saves ``text`` (None: leaves the file as it was);
    returns the file in which the editor records what it was shown."""
    script = tmp_path / "editor.py"
    script.write_text(EDITOR)
    seen, typed = tmp_path / "seen.txt", tmp_path / "typed.txt"
    monkeypatch.setenv("VISUAL", f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}")
    monkeypatch.setenv("NETUI_TEST_SEEN", str(seen))
    monkeypatch.setenv("NETUI_TEST_TEXT", str(typed))

    def next_edit(text: str | None, exit_code: int = 0) -> Path:
        typed.unlink(missing_ok=True)
        if text is not None:
            typed.write_text(text, "utf-8")
        monkeypatch.setenv("NETUI_TEST_EXIT", str(exit_code))
        seen.unlink(missing_ok=True)
        return seen

    return next_edit


def revisions(cmd: Netui, name: str) -> list[str]:
    return [r["body"] for r in cmd.json("script", "revisions", name)]


def test_editing_saves_a_new_revision(cmd: Netui, editor: Editor) -> None:
    seen = editor("Subject: Long time, {first_name}\n\nHi {first_name},\nshort and kind.\n")
    out = cmd.ok("script", "edit", "reconnect email")
    assert out == 'Saved "Reconnect email" as revision 2\n'
    assert seen.read_text().startswith("Subject: Catching up, {first_name|after a long time}\n\n")
    shown = cmd.json("script", "show", "Reconnect email")
    assert (shown["subject"], shown["body"]) == (
        "Long time, {first_name}",
        "Hi {first_name},\nshort and kind.",
    )
    assert shown["edited"] is True


def test_unchanged_text_saves_nothing(cmd: Netui, editor: Editor) -> None:
    editor(None)
    assert cmd.ok("script", "edit", "LinkedIn message") == (
        'No change to the text of "LinkedIn message": nothing saved\n'
    )
    editor("  " + cmd.json("script", "show", "LinkedIn message")["body"] + "\n\n\n")
    assert "nothing saved" in cmd.ok("script", "edit", "LinkedIn message")
    assert len(revisions(cmd, "LinkedIn message")) == 1


def test_a_new_name_makes_a_script(cmd: Netui, editor: Editor) -> None:
    seen = editor("Subject: Hello\n\nDear {first_name},\n")
    out = cmd.ok("script", "edit", "  Warm   intro ", "--channel", "EMAIL")
    assert out == 'Made "Warm intro" (Email), revision 1\n'
    assert seen.read_text() == "Subject: \n\n"
    made = cmd.json("script", "show", "warm intro")
    assert (made["channel"], made["subject"], made["body"]) == (
        "email",
        "Hello",
        "Dear {first_name},",
    )
    editor("Hi {first_name}!")
    assert (
        cmd.ok("script", "edit", "Quick note")
        == 'Made "Quick note" (LinkedIn message), revision 1\n'
    )
    assert editor(None).exists() is False
    assert cmd.ok("script", "edit", "Empty one") == (
        'Nothing written, so no script "Empty one" was made\n'
    )
    assert "Empty one" not in [s["name"] for s in cmd.json("script", "list")]


def test_an_email_without_a_subject_line_has_none(cmd: Netui, editor: Editor) -> None:
    editor("Just a body\nwith two lines")
    cmd.ok("script", "edit", "Follow-up when there was no reply")
    shown = cmd.json("script", "show", "Follow-up when there was no reply")
    assert (shown["subject"], shown["body"]) == ("", "Just a body\nwith two lines")


def test_a_bad_new_name_is_refused_before_the_editor_opens(cmd: Netui, editor: Editor) -> None:
    seen = editor("text")
    assert cmd.fail("script", "edit", "   ") == "netui: error: NAME: a script needs a name\n"
    assert "(at most 80)" in cmd.fail("script", "edit", "n" * 81)
    assert not seen.exists()


@pytest.mark.parametrize("exit_code", [1, 3])
def test_an_editor_that_fails_saves_nothing(cmd: Netui, editor: Editor, exit_code: int) -> None:
    editor("Changed", exit_code)
    err = cmd.fail("script", "edit", "LinkedIn message")
    assert err.startswith("netui: error: ")
    assert "Editing failed; nothing was saved. Set $VISUAL or $EDITOR" in err
    assert len(revisions(cmd, "LinkedIn message")) == 1


def test_a_missing_editor_is_one_line(
    cmd: Netui, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("VISUAL", str(tmp_path / "no-such-editor"))
    err = cmd.fail("script", "edit", "Brand new")
    assert "no-such-editor: Editing failed" in err
    assert "Brand new" not in cmd.ok("script", "list")


def test_text_over_the_limit_is_kept_in_a_file(cmd: Netui, editor: Editor) -> None:
    editor("x" * 20_001)
    err = cmd.fail("script", "edit", "LinkedIn message")
    assert err.startswith("netui: error: body: is 20,001 characters long (at most 20,000);")
    kept = Path(err.rstrip("\n").rsplit("your text is kept in ", 1)[1])
    try:
        assert kept.read_text() == "x" * 20_001
        assert oct(kept.stat().st_mode & 0o777) == "0o600"
    finally:
        kept.unlink()


def test_editing_starts_from_the_apps_unsaved_draft(
    cmd: Netui, editor: Editor, db: Path, clock: FakeClock
) -> None:
    cmd.ok("script", "list")
    services = open_services(db, clock)
    phone = services.scripts.find("Phone call: talking points")
    services.scripts.save_draft(phone.id, "", "Half-typed in the app")
    services.close()
    seen = editor(None)
    result = cmd.run("script", "edit", "Phone call: talking points")
    assert result.exit_code == 0
    assert result.stderr == "Starting from the unsaved draft the app kept\n"
    assert seen.read_text() == "Half-typed in the app\n"
    assert result.stdout == (
        'No change to the text of "Phone call: talking points": nothing saved;'
        " the app's draft is kept\n"
    )
    assert cmd.json("script", "show", "Phone call: talking points")["draft"] is not None
    editor("Half-typed in the app, now finished")
    assert cmd.run("script", "edit", "phone call: talking points").stdout.endswith(
        "as revision 2\n"
    )
    assert cmd.json("script", "show", "Phone call: talking points")["draft"] is None

    # Back to the saved text over a draft: no new revision, and the draft goes.
    phone = cmd.json("script", "show", "Phone call: talking points")
    services = open_services(db, clock)
    services.scripts.save_draft(phone["id"], "", "Another draft")
    services.close()
    editor(phone["body"])
    assert cmd.run("script", "edit", "Phone call: talking points").stdout == (
        'No change to the text of "Phone call: talking points": nothing saved;'
        " the app's draft is dropped\n"
    )
    after = cmd.json("script", "show", "Phone call: talking points")
    assert (after["draft"], after["revision_number"]) == (None, 2)


def test_the_channel_can_change_without_new_text(cmd: Netui, editor: Editor) -> None:
    editor(None)
    out = cmd.ok("script", "edit", "LinkedIn message", "--channel", "text")
    assert out == (
        'No change to the text of "LinkedIn message": nothing saved, now a Text message\n'
    )
    assert cmd.json("script", "show", "LinkedIn message")["channel"] == "text"


def test_hostile_text_from_the_editor_is_cleaned(cmd: Netui, editor: Editor, db: Path) -> None:
    editor("Hi [b]{first_name}[/b] \x1b[2J\x1b]52;c;aGk=\x07there\u202e\r\nline two\x00")
    cmd.ok("script", "edit", "[red]Mine[/red]")
    (body,) = sql_rows(db, "SELECT body FROM script WHERE name = '[red]Mine[/red]'")[0]
    assert body == "Hi [b]{first_name}[/b] there\nline two"
    out = cmd.ok("script", "show", "[red]mine[/red]")
    assert out.splitlines()[0].endswith("  [red]Mine[/red]")
    assert "Hi [b]{first_name}[/b] there" in out


# --- profile --------------------------------------------------------------------------------


def test_profile_shows_sets_and_clears(cmd: Netui) -> None:
    assert cmd.ok("profile") == (
        "Name:      not set (a script using {my_name} warns)\n"
        "Situation: not set (a script using {my_situation} warns)\n"
        "Ask:       not set (a script using {my_ask} warns)\n"
    )
    out = cmd.ok("profile", "--name", " Sam\nOrtega ", "--ask", "an intro\x1b[31m")
    assert out.splitlines()[0] == "Name:      Sam Ortega"
    assert out.splitlines()[2] == "Ask:       an intro"
    cmd.ok("profile", "--situation", "between jobs")
    assert cmd.json("profile") == {
        "name": "Sam Ortega",
        "situation": "between jobs",
        "ask": "an intro",
    }
    assert cmd.json("profile", "--ask", "")["ask"] == ""


def test_a_profile_field_too_long_names_its_option(cmd: Netui) -> None:
    err = cmd.fail("profile", "--situation", "s" * 1001)
    assert err == "netui: error: --situation: is 1,001 characters long (at most 1,000)\n"
    assert cmd.json("profile")["situation"] == ""


def test_showing_the_profile_writes_nothing(cmd: Netui, db: Path) -> None:
    cmd.ok("profile", "--name", "Sam")
    before = db.read_bytes()
    cmd.ok("profile")
    assert db.read_bytes() == before
