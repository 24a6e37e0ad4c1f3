"""Opening a URL never hands the terminal to a console browser, and says when nothing opened."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Sequence

import pytest

from netui.tui import outreach
from netui.tui.outreach import open_url, openers

URL = "mailto:ann@example.org?subject=Hi"
EVERYTHING = {"open", "xdg-open", "gio", "lynx", "w3m", "www-browser"}


def which_of(*found: str) -> Callable[[str], str | None]:
    return lambda name: f"/usr/bin/{name}" if name in found else None


class Launcher:
    """Records the command lines it was asked to run, succeeding for those named."""

    def __init__(self, *succeeds: str) -> None:
        self.succeeds = succeeds
        self.ran: list[list[str]] = []

    def __call__(self, command: Sequence[str]) -> bool:
        self.ran.append(list(command))
        return command[0] in self.succeeds


def test_without_a_desktop_nothing_is_started_and_the_reason_is_given() -> None:
    launch = Launcher("xdg-open", "lynx", "w3m")
    problem = open_url(
        URL, platform="linux", env={"TERM": "xterm", "BROWSER": "lynx"},
        which=which_of(*EVERYTHING), launch=launch,
    )  # fmt: skip
    assert problem is not None
    assert "no graphical desktop" in problem
    assert launch.ran == []


@pytest.mark.parametrize("variable", ["DISPLAY", "WAYLAND_DISPLAY"])
def test_with_a_desktop_the_desktop_opener_is_used_never_a_text_browser(variable: str) -> None:
    launch = Launcher("xdg-open")
    problem = open_url(
        URL, platform="linux", env={variable: ":0", "BROWSER": "w3m"},
        which=which_of(*EVERYTHING), launch=launch,
    )  # fmt: skip
    assert problem is None
    assert launch.ran == [["xdg-open", URL]]


def test_openers_never_include_a_console_browser() -> None:
    commands = openers(URL, "linux", which_of(*EVERYTHING))
    assert commands
    assert all(c[0] not in outreach.CONSOLE_BROWSERS for c in commands)
    assert openers(URL, "linux", which_of("lynx", "w3m", "www-browser")) == []


def test_the_next_opener_is_tried_and_a_failure_is_named() -> None:
    launch = Launcher("gio")
    env = {"DISPLAY": ":0"}
    assert (
        open_url(URL, platform="linux", env=env, which=which_of(*EVERYTHING), launch=launch) is None
    )
    assert [c[0] for c in launch.ran] == ["xdg-open", "gio"]
    failing = Launcher()
    problem = open_url(URL, platform="linux", env=env, which=which_of("xdg-open"), launch=failing)
    assert problem == "xdg-open could not open it"
    nothing = open_url(URL, platform="linux", env=env, which=which_of(), launch=failing)
    assert nothing is not None
    assert "no opener" in nothing


def test_macos_uses_open() -> None:
    launch = Launcher("open")
    assert open_url(URL, platform="darwin", env={}, which=which_of("open"), launch=launch) is None
    assert launch.ran == [["open", URL]]


def test_a_launcher_runs_detached_from_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}

    class FakeProcess:
        def wait(self, timeout: float) -> int:
            return 0

    def popen(command: list[str], **options: object) -> FakeProcess:
        seen.update(options, command=command)
        return FakeProcess()

    monkeypatch.setattr(subprocess, "Popen", popen)
    assert outreach._launch(["xdg-open", URL])
    for stream in ("stdin", "stdout", "stderr"):
        assert seen[stream] == subprocess.DEVNULL
    assert seen["start_new_session"] is True


def test_a_launcher_that_cannot_start_is_a_failure_not_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def popen(command: list[str], **options: object) -> None:
        raise FileNotFoundError(command[0])

    monkeypatch.setattr(subprocess, "Popen", popen)
    assert outreach._launch(["xdg-open", URL]) is False
