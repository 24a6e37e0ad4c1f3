"""Handing a rendered script to the world outside the terminal: a browser, a mail client,
the clipboard, without ever giving the terminal away.

netui owns the terminal while it runs. A console browser (lynx, w3m, links, a
``www-browser``) started from here would draw over the app and read its keys, and even a
graphical browser started by :mod:`webbrowser` on Linux inherits the terminal as its
standard output and scribbles its log lines over the screen. So on Linux and the BSDs a URL
is opened only when there is a graphical desktop (``DISPLAY`` or ``WAYLAND_DISPLAY``), by
the desktop's own opener (``xdg-open``, ``gio open``) with its input and output sent to
``/dev/null``; on macOS by ``open`` the same way; on Windows by :mod:`webbrowser`, whose
Windows controller hands the URL to the shell and never touches the console. Anything
else is refused with a reason, so the user hears that nothing opened.

These calls block (a launcher may take a moment), so the pane runs them in a thread worker
(:func:`open_in_background`), and the result comes back as a :class:`UrlOpened` message.

Copying uses Textual's ``App.copy_to_clipboard`` (an OSC 52 sequence: the terminal may
ignore it, and netui cannot know), and on macOS ``pbcopy`` as well when it is there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence

from textual.message import Message
from textual.widget import Widget

__all__ = [
    "CONSOLE_BROWSERS",
    "Launch",
    "UrlOpened",
    "copy_text",
    "has_desktop",
    "open_in_background",
    "open_url",
    "openers",
]

CONSOLE_BROWSERS = frozenset(
    {"lynx", "links", "links2", "elinks", "w3m", "www-browser", "browsh", "edbrowse"}
)
"""Browsers that run inside the terminal: never started from netui."""
LAUNCH_WAIT_S = 10.0
"""How long to wait for a launcher to say whether it managed (xdg-open returns quickly)."""
PBCOPY_WAIT_S = 5.0

Launch = Callable[[Sequence[str]], bool]
"""Runs one opener's command line detached from the terminal; True when it succeeded."""


def has_desktop(platform: str = sys.platform, env: Mapping[str, str] = os.environ) -> bool:
    """Whether a window can be opened at all (macOS and Windows always have a desktop)."""
    if platform == "darwin" or platform.startswith(("win", "cygwin")):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def openers(
    url: str,
    platform: str = sys.platform,
    which: Callable[[str], str | None] = shutil.which,
) -> list[list[str]]:
    """The command lines that may open ``url`` here, best first (none start a console)."""
    if platform == "darwin":
        return [["open", url]] if which("open") else []
    found: list[list[str]] = []
    for command in (["xdg-open"], ["gio", "open"], ["kde-open"], ["gnome-open"]):
        if which(command[0]):
            found.append([*command, url])
    return found


def _launch(command: Sequence[str]) -> bool:
    """Run ``command`` with no terminal: stdin, stdout and stderr are /dev/null."""
    try:
        process = subprocess.Popen(
            list(command),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            close_fds=True,
        )
    except OSError:
        return False
    try:
        return process.wait(timeout=LAUNCH_WAIT_S) == 0
    except subprocess.TimeoutExpired:
        return True  # still starting a browser that does not return: it is opening


def _open_with_webbrowser(url: str) -> bool:
    """Windows: the shell opens it (``os.startfile``); no console is involved."""
    import webbrowser

    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return False
    name = getattr(browser, "name", "") or ""
    if os.path.basename(name).lower().removesuffix(".exe") in CONSOLE_BROWSERS:
        return False
    return bool(browser.open(url))


def open_url(
    url: str,
    *,
    platform: str = sys.platform,
    env: Mapping[str, str] = os.environ,
    which: Callable[[str], str | None] = shutil.which,
    launch: Launch = _launch,
) -> str | None:
    """Open ``url`` in the desktop's browser or mail client. Blocks: call it off the UI thread.

    Returns None once something took the URL, or why nothing could open it.
    """
    if not has_desktop(platform, env):
        return "there is no graphical desktop here, and netui never starts a text browser"
    if platform.startswith(("win", "cygwin")):
        if _open_with_webbrowser(url):
            return None
        return "Windows found nothing to open it with"
    commands = openers(url, platform, which)
    if not commands:
        return "no opener was found (netui looks for open, xdg-open or gio)"
    for command in commands:
        if launch(command):
            return None
    return f"{commands[0][0]} could not open it"


class UrlOpened(Message):
    """A background open finished: ``problem`` is None when something took the URL."""

    def __init__(self, url: str, what: str, problem: str | None) -> None:
        super().__init__()
        self.url = url
        self.what = what
        self.problem = problem


def open_in_background(node: Widget, url: str, what: str) -> None:
    """Open ``url`` in a thread worker; ``node`` receives :class:`UrlOpened` when done.

    ``what`` names it for the message ("the email to Ann Lee"). Failures of the worker
    itself reach the node's ``Worker.StateChanged`` handler (``ReportsWorkerErrors``).
    """

    def run() -> None:
        node.post_message(UrlOpened(url, what, open_url(url)))

    node.run_worker(run, thread=True, group="outreach", exit_on_error=False)


def _pbcopy(text: str) -> bool:
    pbcopy = shutil.which("pbcopy")
    if pbcopy is None:
        return False
    try:
        done = subprocess.run(
            [pbcopy],
            input=text.encode("utf-8"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=PBCOPY_WAIT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def copy_text(node: Widget, text: str, platform: str = sys.platform) -> bool:
    """Put ``text`` on the clipboard; True when it is known to be there (macOS pbcopy).

    Textual's OSC 52 copy is always sent too; whether the terminal took it cannot be known,
    so the caller offers the text to select by hand as well. pbcopy is quick, so it runs
    inline rather than in a worker.
    """
    node.app.copy_to_clipboard(text)
    return platform == "darwin" and _pbcopy(text)
