"""The real ``netui serve`` in a subprocess: its page answers over HTTP, a tab runs netui on
the server's database, and Ctrl+C stops it all cleanly.

Each server listens on a port the system just picked, against a temporary database whose
path has spaces, quotes and ``$`` in it (the command each tab runs goes through a shell).
Readiness is polled with a deadline, and every process is killed at the end, whatever
happened: a loaded machine may be slow, never stuck.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from netui.domain.clock import FakeClock
from netui.domain.types import ContactDraft
from netui.services.context import open_services

START_WITHIN = 60.0
"""Seconds a server or a tab's netui may take to come up on a loaded machine."""
STOP_WITHIN = 30.0
"""Seconds to stop: half of aiohttp's wait for open connections, which a tab would hold."""
NAME = "Quilla Zennor"


class Served:
    """``netui --db DB serve --port PORT`` in its own process group, with its output."""

    def __init__(self, db: Path, port: int, folder: Path) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{port}/"
        self.stdout_path = folder / "serve.out"
        self.stderr_path = folder / "serve.err"
        with self.stdout_path.open("wb") as out, self.stderr_path.open("wb") as err:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "netui", "--db", str(db), "serve", "--port", str(port)],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                start_new_session=True,  # its tabs' netuis too: the test can end them all
            )

    def output(self) -> str:
        return self.stdout_path.read_text() + self.stderr_path.read_text()

    def wait_ready(self) -> None:
        """Until the page answers (or the server exits, or the deadline passes)."""
        deadline = time.monotonic() + START_WITHIN
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"netui serve exited:\n{self.output()}"
            try:
                with urllib.request.urlopen(self.url, timeout=2):
                    return
            except OSError:
                time.sleep(0.1)
        raise AssertionError(f"netui serve did not answer:\n{self.output()}")

    def interrupt(self) -> int:
        """Ctrl+C as a terminal sends it (to the whole group, tabs too); the exit status."""
        os.killpg(self.process.pid, signal.SIGINT)
        return self.wait_stopped()

    def terminate(self) -> int:
        """SIGTERM to the server alone, as ``kill PID`` sends it; the exit status."""
        self.process.terminate()
        return self.wait_stopped()

    def wait_stopped(self) -> int:
        try:
            return self.process.wait(STOP_WITHIN)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"netui serve did not stop:\n{self.output()}") from None

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):  # the group has exited already
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()


@pytest.fixture
def db(tmp_path: Path, clock: FakeClock) -> Path:
    """A database in a folder a shell would split, with one contact to look for."""
    folder = tmp_path / 'Ann\'s "net ui" $HOME'
    folder.mkdir()
    path = folder / "my netui.db"
    services = open_services(path, clock)
    try:
        services.contacts.add(ContactDraft(full_name=NAME, company="Acme"))
    finally:
        services.close()
    return path


@pytest.fixture
def served(db: Path, free_port: int, tmp_path: Path) -> Iterator[Served]:
    server = Served(db, free_port, tmp_path)
    try:
        server.wait_ready()
        yield server
    finally:
        server.kill()


def fetch(url: str) -> tuple[str, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200, url
        return response.headers.get_content_type(), response.read()


def fetch_page(served: Served) -> None:
    """The page a browser gets: netui's own, with textual-serve's terminal wired to this
    server's websocket, and everything it loads (the font too) served from here."""
    kind, body = fetch(served.url)
    assert kind == "text/html"
    page = body.decode()
    assert "<title>netui</title>" in page
    assert 'id="terminal" class="textual-terminal"' in page
    assert f'data-session-websocket-url="ws://127.0.0.1:{served.port}/ws"' in page
    loaded = re.findall(r'(?:href|src)="([^"]+)"|url\("([^"]+)"\)', page)
    urls = {href or src for href, src in loaded}
    assert urls, page
    here = f"http://127.0.0.1:{served.port}/static/"
    assert all(url.startswith(here) for url in urls), urls  # nothing from another site
    assert f"{here}js/textual.js" in urls
    assert f"{here}fonts/RobotoMono-VariableFont_wght.ttf" in urls
    for url in urls:
        fetch(url)


async def refuses_other_sites(served: Served) -> None:
    """A page elsewhere reaches the port through the user's browser, but says where it is
    from: another name in Host (DNS rebinding) or another Origin (a websocket from any site).
    """
    rebound = urllib.request.Request(served.url, headers={"Host": f"evil.example:{served.port}"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(rebound, timeout=10)
    assert refused.value.code == 403
    ws_url = f"ws://127.0.0.1:{served.port}/ws"
    async with aiohttp.ClientSession() as session:
        for origin in ("https://evil.example", f"http://evil.example:{served.port}", "null"):
            with pytest.raises(aiohttp.WSServerHandshakeError) as handshake:
                await session.ws_connect(ws_url, origin=origin)
            assert handshake.value.status == 403, origin


async def see_the_contact(tab: aiohttp.ClientWebSocketResponse, served: Served) -> None:
    """Read the tab's screen until the database's contact is on it."""
    screen = b""
    deadline = time.monotonic() + START_WITHIN
    while NAME.encode() not in screen:
        assert time.monotonic() < deadline, f"no {NAME} on screen:\n{served.output()}"
        message = await tab.receive(timeout=START_WITHIN)
        assert message.type == aiohttp.WSMsgType.BINARY, (message, served.output())
        screen += message.data


async def closed_by_server(tab: aiohttp.ClientWebSocketResponse) -> bool:
    """Whether the server ended the tab with a close frame (not by dropping it)."""
    message = await tab.receive(timeout=STOP_WITHIN)
    while message.type == aiohttp.WSMsgType.BINARY:  # the app's last frames
        message = await tab.receive(timeout=STOP_WITHIN)
    return message.type == aiohttp.WSMsgType.CLOSE


def assert_stopped_cleanly(served: Served) -> None:
    output = served.output()
    assert "Traceback" not in output  # a tab's netui writes its errors to the server's output
    assert "Application failed to start" not in output
    assert output.rstrip().endswith("netui serve stopped.")
    assert served.stderr_path.read_text() == ""


async def test_the_page_answers_a_tab_runs_netui_and_ctrl_c_ends_both(
    served: Served, db: Path
) -> None:
    fetch_page(served)
    await refuses_other_sites(served)
    ws_url = f"ws://127.0.0.1:{served.port}/ws?width=100&height=30"
    page = f"http://localhost:{served.port}"  # the page's own origin, by another name
    async with aiohttp.ClientSession() as session, session.ws_connect(ws_url, origin=page) as tab:
        await see_the_contact(tab, served)  # the tab's netui opened the server's database
        stopping = asyncio.create_task(asyncio.to_thread(served.interrupt))
        assert await closed_by_server(tab)
        assert await stopping == 0
    assert served.stdout_path.read_text().splitlines()[:2] == [
        f"netui is serving {db} at {served.url}",
        "This computer only, no password. Press Ctrl+C to stop.",
    ]
    assert_stopped_cleanly(served)


async def test_sigterm_ends_the_open_tabs_too(served: Served) -> None:
    """SIGTERM reaches the server alone (as ``kill PID`` sends it): the server must end each
    tab's netui itself, or it would wait for the browser to close the tab."""
    ws_url = f"ws://127.0.0.1:{served.port}/ws?width=80&height=24"
    async with aiohttp.ClientSession() as session, session.ws_connect(ws_url) as tab:
        await see_the_contact(tab, served)
        stopping = asyncio.create_task(asyncio.to_thread(served.terminate))
        assert await closed_by_server(tab)  # the tab answers the close as a browser does
        assert await stopping == 0
    assert_stopped_cleanly(served)
