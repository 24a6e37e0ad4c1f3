"""netui in a web browser, on this computer only: textual-serve runs one netui per tab.

textual-serve answers ``/`` with a page holding a terminal (netui's own page, in serve_page/),
and each websocket a page opens starts the command it was given, in a shell, wired to that
terminal. The command here is this
Python running ``netui --db PATH`` with the path already resolved, so every tab is its own
netui on the same database, which stays the one source of truth: the tabs and a netui in a
terminal see each other's writes through the change watcher, as two terminals do.

The server has no authentication: anyone who can reach the port can use the app and the
data. So it listens on a loopback address only, and a host that is not one is refused. A web
page on another site can still reach a loopback port through the user's own browser, so a
request whose Host or Origin is not this computer is refused too, before any netui starts.
Importing this module loads textual-serve and aiohttp: ``netui serve`` imports it when it runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import ipaddress
import shlex
import socket
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from netui.errors import NetuiError, ValidationError

TITLE = "netui"
"""The page's title, shown while the app starts (textual-serve's ``title``)."""
PAGE_FOLDER = Path(__file__).with_name("serve_page")
"""netui's own page (``app_index.html``) for textual-serve's terminal: unlike textual-serve's
own, it loads nothing from another site (its font comes from textual-serve's static files),
has a ``<title>``, and gives the terminal the keyboard as soon as the app has drawn."""
QUIT_WAIT = 10.0
"""Seconds a tab's netui has to quit when the server stops, before it is killed."""
PORT_SEARCH = 100
"""How many ports after a busy one are tried for a free one to suggest."""

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class PortInUseError(NetuiError):
    """The port is taken (another netui serve, or any other program); nothing started."""

    def __init__(self, port: int, suggestion: int | None) -> None:
        hint = f"; try --port {suggestion}" if suggestion is not None else ""
        super().__init__(f"port {port} is in use{hint}")
        self.port = port
        self.suggestion = suggestion


class CannotListenError(NetuiError):
    """The address cannot be listened on for another reason (a port below 1024, no IPv6)."""


def loopback_host(host: str) -> str:
    """The address to listen on for ``host``, which must only ever mean this computer.

    An address must be a loopback one (127.0.0.0/8 or ::1). A name must resolve to loopback
    addresses only, so that a hosts file cannot turn ``localhost`` into a public address;
    its first IPv4 address (else its first) is the one listened on.
    """
    name = host.strip()
    if not name:
        raise ValidationError("--host", "give a loopback address such as 127.0.0.1")
    try:
        addresses = [ipaddress.ip_address(name.removeprefix("[").removesuffix("]"))]
    except ValueError:
        addresses = _resolved(name)
    outside = [str(address) for address in addresses if not address.is_loopback]
    if outside or not addresses:
        also = f" ({', '.join(outside)})" if outside and outside != [name] else ""
        raise ValidationError(
            "--host",
            f"{name}{also} is not a loopback address; netui serve has no authentication, "
            "so it listens only on this computer (127.0.0.1, ::1 or localhost)",
        )
    addresses.sort(key=lambda address: address.version)  # IPv4 first, else as resolved
    return str(addresses[0])


def _resolved(name: str) -> list[IPAddress]:
    try:
        infos = socket.getaddrinfo(name, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as error:
        raise ValidationError("--host", f"{name} is not a known host name") from error
    found: list[IPAddress] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).partition("%")[0])
        if address not in found:
            found.append(address)
    return found


def public_url(host: str, port: int) -> str:
    """The server's address, an IPv6 one in brackets; textual-serve joins its routes onto it
    (``/ws``, ``/static/...``), so it has no slash at the end."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def local_hosts(host: str, port: int) -> frozenset[str]:
    """The Host headers of requests from this computer: a loopback name or address, the port.

    A page on another site can still make the user's browser send requests here (DNS
    rebinding: its own name, pointed at 127.0.0.1); those name that site in Host.
    """
    names = {"127.0.0.1", "localhost", "[::1]", f"[{host}]" if ":" in host else host}
    return frozenset(f"{name}:{port}" for name in names)


def is_local_request(headers: Mapping[str, str], host: str, port: int) -> bool:
    """Whether a request comes from a page of this server's (or from no page at all).

    A browser lets any site open a websocket to any address, naming itself in Origin, so
    with no authentication both Host and (when there is one) Origin must be this computer.
    """
    allowed = local_hosts(host, port)
    if headers.get("Host", "").lower() not in allowed:
        return False
    origin = headers.get("Origin")
    return origin is None or origin.lower() in {f"http://{name}" for name in allowed}


def app_command(db: Path) -> str:
    """The shell command textual-serve runs for each tab: this netui, on this database.

    The same interpreter runs it (``python -m netui``), so a virtual env needs no PATH; each
    argument is quoted, so a path with spaces, quotes or ``$`` stays one argument; and the
    shell ``exec``s it, so the process textual-serve started, waits for and may kill is netui.
    """
    return "exec " + shlex.join([sys.executable, "-m", "netui", "--db", str(db.absolute())])


def port_is_free(host: str, port: int) -> bool:
    """Whether a server could listen on ``host:port`` now (bound and let go at once).

    A reason other than "in use" (no permission, no such address) is raised as
    CannotListenError, since no other port would mend it.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as aiohttp binds
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return False
            reason = error.strerror or str(error)
            raise CannotListenError(f"cannot listen on {host} port {port}: {reason}") from None
    return True


def free_port_after(host: str, port: int) -> int | None:
    """The first free port after ``port``, to suggest when ``port`` is taken."""
    for candidate in range(port + 1, min(port + PORT_SEARCH, 65535) + 1):
        try:
            if port_is_free(host, candidate):
                return candidate
        except CannotListenError:
            continue
    return None


def check_port(host: str, port: int) -> None:
    """Raise PortInUseError before anything starts or prints, when ``port`` is taken."""
    if not port_is_free(host, port):
        raise PortInUseError(port, free_port_after(host, port))


def serve(
    db: Path,
    *,
    host: str,
    port: int,
    on_ready: Callable[[str], None] = lambda url: None,
) -> None:
    """Serve netui on ``db`` at ``host:port`` until Ctrl+C or SIGTERM, then return.

    ``on_ready`` is given the address to open once the server is about to listen (the port
    was found free just before). Every tab's netui is asked to quit when the server stops,
    so none is left running.
    """
    host = loopback_host(host)
    check_port(host, port)
    server = NetuiServer(app_command(db), host, port, on_ready)
    try:
        server.serve()
    except OSError as error:
        if error.errno != errno.EADDRINUSE:
            raise
        raise PortInUseError(port, free_port_after(host, port)) from None  # taken meanwhile


class NetuiServer(Server):
    """textual-serve's server that answers only this computer's pages, says when it is
    ready, and ends every tab as it stops.

    Stopping a server waits for its open connections, and a tab's websocket stays open until
    the browser closes it, so the server would wait for the tabs (up to a minute) unless it
    ended them itself: it asks each tab's netui to quit, waits for that process to exit, and
    closes the page's connection (which then says the session ended). Waiting for the exit
    matters: a child process the event loop never saw exit makes Python print a traceback
    about its transport when the loop has closed.
    """

    def __init__(self, command: str, host: str, port: int, on_ready: Callable[[str], None]) -> None:
        url = public_url(host, port)
        super().__init__(
            command,
            host=host,
            port=port,
            title=TITLE,
            public_url=url,
            templates_path=PAGE_FOLDER,
        )
        self._on_ready = on_ready
        self._tabs: set[asyncio.Task[Any]] = set()

    async def on_startup(self, app: web.Application) -> None:
        self._on_ready(f"{self.public_url}/")

    def _refuse_other_sites(self, request: web.Request) -> None:
        if not is_local_request(request.headers, self.host, self.port):
            raise web.HTTPForbidden(
                text=f"netui serve answers only its own pages on this computer: {self.public_url}/"
            )

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        self._refuse_other_sites(request)
        return await super().handle_index(request)

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        self._refuse_other_sites(request)
        return await super().handle_download(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One tab: its own netui, wired to the page's websocket until either side ends."""
        self._refuse_other_sites(request)  # before any netui starts
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        await websocket.prepare(request)

        async def close_page() -> None:
            await websocket.close()

        tab = TabProcess(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close_page,
            download_manager=self.download_manager,
            debug=self.debug,
        )
        task = asyncio.current_task()
        if task is not None:
            self._tabs.add(task)
        try:
            await tab.start(width, height)
            await self._process_messages(websocket, tab)
        except asyncio.CancelledError:
            pass  # the server is stopping (on_shutdown): end the tab below, then return
        finally:
            if task is not None:
                self._tabs.discard(task)
            await tab.stop()
            await websocket.close()
        return websocket

    async def on_shutdown(self, app: web.Application) -> None:
        tabs = list(self._tabs)
        for task in tabs:
            task.cancel()
        await asyncio.gather(*tabs, return_exceptions=True)


class TabProcess(AppService):
    """textual-serve's app process, whose stop also waits for the process to exit.

    A netui asked to quit has QUIT_WAIT seconds to do so (it closes its database first);
    one that was never asked, or does not, is killed, so that stopping never hangs.
    """

    async def stop(self) -> None:
        asked = self._task is not None  # textual-serve asks only a process it reads from
        await super().stop()
        process = self._process
        if process is None or process.returncode is not None:
            return
        if asked:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(process.wait(), QUIT_WAIT)
        if process.returncode is None:
            process.kill()
            await process.wait()
